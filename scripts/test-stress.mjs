// Runs the whole suite several times in a row while two CPU hogs keep both cores busy: a test that
// passes only on a quiet machine fails here. `npm run test:stress [-- runs]` (default 3).
import { spawn, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';

const runs = Number(process.argv[2] ?? 3);
const hogCount = Math.max(2, cpus().length);
const hasStressNg = spawnSync('sh', ['-c', 'command -v stress-ng']).status === 0;
const hogs = hasStressNg
  ? [spawn('stress-ng', ['--cpu', String(hogCount), '--quiet'], { stdio: 'ignore', detached: true })]
  : Array.from({ length: hogCount }, () =>
      spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore', detached: true }),
    );
const stopHogs = () => {
  for (const h of hogs) {
    try {
      process.kill(-h.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
};
process.on('exit', stopHogs);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

console.log(
  `test:stress: ${hogCount} CPU hogs (${hasStressNg ? 'stress-ng --cpu' : 'busy shell loops'}), ${runs} runs`,
);
const results = [];
for (let i = 1; i <= runs; i++) {
  const started = Date.now();
  const r = spawnSync('npm', ['test'], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
  process.stderr.write(r.stderr);
  const summary = /^Tests:\s+(.*)$/m.exec(r.stderr)?.[1] ?? 'no summary';
  results.push({ run: i, status: r.status, summary, seconds: Math.round((Date.now() - started) / 1000) });
}
stopHogs();
console.log('\ntest:stress results');
for (const r of results)
  console.log(`run ${r.run}: ${r.status === 0 ? 'passed' : 'FAILED'} — ${r.summary} (${r.seconds} s)`);
process.exit(results.every((r) => r.status === 0) ? 0 : 1);
