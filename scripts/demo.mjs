/* global fetch, AbortSignal */
// npm run demo: the main job on this machine, with nothing else to install and no network.
// slipway-release.yml runs through `slipway pipeline` (the real reusable workflows, not a script
// that imitates them) on examples/hello-service, with the local provider, three times:
//   v1 is the first release and takes all traffic;
//   v2 is a canary that passes its analysis and is promoted;
//   v3 answers 25% of requests with 500, and deploy-canary rolls it back on its own.
// Meanwhile a load generator plays the users and records which release answered each request.
// At the end: where each version's traffic went, the verdicts and reasons, the DORA figures, and
// .slipway/demo-report.html, a self-contained report with the traffic and error charts. Every
// process the demo started is stopped at the end, and also on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderReport } from './demo-report.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(REPO, 'dist', 'cli', 'index.js');
const OUT = join(REPO, '.slipway', 'demo');
const REPORT = join(REPO, '.slipway', 'demo-report.html');
const WORK = join(OUT, 'hello-service');
const STATE = join(OUT, 'state');
const ENVIRONMENT = 'production';
const started = Date.now();
const colour = process.stdout.isTTY && !process.env.NO_COLOR && !process.env.CI;
const paint = (code, text) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
const bold = (t) => paint('1', t);
const dim = (t) => paint('2', t);
const green = (t) => paint('32', t);
const red = (t) => paint('31', t);

const RELEASES = [
  {
    version: '1.0.0',
    behaviour: { errorRate: 0, dependencyUp: true },
    story: 'the first release: it takes all traffic once ready',
  },
  {
    version: '2.0.0',
    behaviour: { errorRate: 0, dependencyUp: true },
    story: 'a good change: a canary, judged step by step, then promoted',
  },
  {
    version: '3.0.0',
    behaviour: { errorRate: 0.25, dependencyUp: true },
    story: 'a bad change: one request in four fails; the canary is rolled back on its own',
  },
];

let child; // the running `slipway pipeline`
let interrupted = false;
const load = { stop: false, samples: [], events: [], workers: [] };

/** A free port on 127.0.0.1 for the front door. */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolvePort(port));
    });
  });
}

function git(...args) {
  const r = spawnSync(
    'git',
    ['-C', WORK, '-c', 'user.name=slipway demo', '-c', 'user.email=demo@slipway.dev', ...args],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

function cli(args) {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
}

/** The users: a few workers sending requests to the front door, each answer recorded by release. */
function startLoad(url) {
  const worker = async () => {
    while (!load.stop) {
      const at = Date.now() - started;
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        load.samples.push({ at, release: res.headers.get('x-release') ?? 'unknown', status: res.status });
      } catch {
        load.samples.push({ at, release: 'unreachable', status: 0 });
      }
      await new Promise((r) => setTimeout(r, 80));
    }
  };
  for (let i = 0; i < 4; i++) load.workers.push(worker());
}

/** One run of slipway-release.yml through slipway pipeline; its log goes to a file, its job lines to the screen. */
function release(n, listen) {
  const { version, story } = RELEASES[n];
  const log = join(OUT, `run-v${version}.log`);
  const inputs = {
    environment: ENVIRONMENT,
    'state-dir': STATE,
    listen,
    steps: '20,50,100',
    'step-analysis': '8s',
    'health-url': `http://${listen}/readyz`,
    soak: '4s',
    drain: '1s',
  };
  const args = [CLI, 'pipeline', join(REPO, '.github', 'workflows', 'slipway-release.yml'), '--path', WORK, '--json'];
  for (const [k, v] of Object.entries(inputs)) args.push('--input', `${k}=${v}`);
  console.log(
    `\n${bold(`━━ v${version}`)}: ${story}\n${dim(`$ slipway pipeline .github/workflows/slipway-release.yml --path ${WORK} --input …  (log: ${log})`)}`,
  );
  load.events.push({ at: Date.now() - started, label: `v${version} pipeline starts` });
  return new Promise((resolveRun) => {
    const file = createWriteStream(log);
    child = spawn(process.execPath, args, {
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let pending = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      file.write(d);
      pending += d;
      let nl;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (/^[▶✓✗○] /.test(line)) console.log(`  ${line.replace(/^✓/, green('✓')).replace(/^✗/, red('✗'))}`);
        else if (/deploy-canary: |rollback: |verify-health: |build-artifact: /.test(line))
          console.log(dim(`      ${line.trim()}`));
      }
    });
    child.on('close', (code) => {
      file.end();
      child = undefined;
      let outputs = {};
      try {
        outputs = JSON.parse(stdout);
      } catch {
        /* no outputs: the run stopped before the workflow */
      }
      const wf = outputs.outputs ? JSON.parse(outputs.outputs) : {};
      load.events.push({ at: Date.now() - started, label: `v${version}: ${wf.result ?? 'failed'}` });
      resolveRun({ version, code, story, workflow: wf, runDir: outputs['run-dir'], log });
    });
  });
}

async function stopEverything() {
  load.stop = true;
  await Promise.allSettled(load.workers);
  // Stops the front door and every release the environment runs.
  cli(['down', '--environment', ENVIRONMENT, '--state-dir', STATE]);
}

const interrupt = () => {
  if (interrupted) return;
  interrupted = true;
  console.log(
    `\n${bold('Ctrl-C')}: stopping the running pipeline (its post steps roll a canary in flight back), then everything the demo started…`,
  );
  if (child) child.kill('SIGINT');
  else void stopEverything().then(() => process.exit(130));
};
process.on('SIGINT', interrupt);
process.on('SIGTERM', interrupt);

function summarise() {
  const byRelease = new Map();
  for (const s of load.samples) {
    const r = byRelease.get(s.release) ?? { requests: 0, errors: 0 };
    r.requests++;
    if (s.status === 0 || s.status >= 500) r.errors++;
    byRelease.set(s.release, r);
  }
  return [...byRelease.entries()].map(([release, r]) => ({ release, ...r }));
}

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  cpSync(join(REPO, 'examples', 'hello-service'), WORK, { recursive: true });
  git('init', '-q', '-b', 'main');
  const listen = `127.0.0.1:${await freePort()}`;
  console.log(
    `${bold('slipway demo')}: examples/hello-service, released three times through slipway-release.yml on the local provider.\nThe front door is http://${listen}/; a load generator plays the users.`,
  );
  const runs = [];
  for (let n = 0; n < RELEASES.length && !interrupted; n++) {
    writeFileSync(join(WORK, 'behaviour.json'), `${JSON.stringify(RELEASES[n].behaviour, null, 2)}\n`);
    git('add', '-A');
    git('commit', '-qm', `hello-service ${RELEASES[n].version}`);
    git('tag', `v${RELEASES[n].version}`);
    const run = await release(n, listen);
    runs.push(run);
    if (n === 0 && run.workflow.result === 'promoted') startLoad(`http://${listen}/`);
    // Let the users see each outcome for a moment before the next release.
    if (!interrupted) await new Promise((r) => setTimeout(r, 3000));
  }
  await stopEverything();
  if (interrupted) {
    console.log('The demo was interrupted; everything it started is stopped.');
    process.exit(130);
  }

  const metrics = JSON.parse(
    JSON.parse(cli(['metrics', '--environment', ENVIRONMENT, '--state-dir', STATE, '--json']).stdout).metrics,
  );
  const traffic = summarise();
  console.log(`\n${bold('━━ What happened')}\n`);
  for (const r of runs)
    console.log(
      `  v${r.version}  ${(r.workflow.result ?? 'failed').padEnd(12)} ${r.workflow['release-id'] ?? ''}\n      ${dim(r.workflow.reason || '(no reason given)')}`,
    );
  console.log(`\n${bold('━━ Where the users’ requests went')} (${load.samples.length} requests)\n`);
  for (const t of traffic)
    console.log(
      `  ${t.release.padEnd(28)} ${String(t.requests).padStart(6)} requests  ${String(t.errors).padStart(4)} failed  (${((100 * t.errors) / Math.max(t.requests, 1)).toFixed(1)}%)`,
    );
  console.log(`\n${bold('━━ DORA')} (from the ledger's audit trail)\n`);
  console.log(
    `  deploys ${metrics.deploys}  promoted ${metrics.deploymentFrequency.promotions}  change failure rate ${fmtRate(metrics.changeFailureRate.rate)} (${metrics.changeFailureRate.failures} of ${metrics.changeFailureRate.deploys})  lead time (median) ${fmtMs(metrics.leadTime.medianMs)}  time to restore (median) ${fmtMs(metrics.timeToRestore.medianMs)}`,
  );

  const html = renderReport({
    generatedAt: new Date().toISOString(),
    runs,
    traffic,
    samples: load.samples,
    events: load.events,
    metrics,
    uplotJs: readFileSync(join(REPO, 'node_modules', 'uplot', 'dist', 'uPlot.iife.min.js'), 'utf8'),
    uplotCss: readFileSync(join(REPO, 'node_modules', 'uplot', 'dist', 'uPlot.min.css'), 'utf8'),
  });
  writeFileSync(`${REPORT}.tmp`, html);
  renameSync(`${REPORT}.tmp`, REPORT);
  const promoted = runs.filter((r) => r.workflow.result === 'promoted').length;
  const rolledBack = runs.filter((r) => r.workflow.result === 'rolled-back').length;
  console.log(
    `\n${bold('Done')} in ${((Date.now() - started) / 1000).toFixed(0)} s: ${promoted} releases promoted, ${rolledBack} rolled back. Report: ${REPORT}\nEvery process the demo started is stopped.`,
  );
  const expected = runs.map((r) => r.workflow.result).join(',') === 'promoted,promoted,rolled-back';
  process.exit(expected ? 0 : 1);
}

function fmtMs(ms) {
  if (ms === undefined || ms === null) return '—';
  return ms < 120_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 60_000).toFixed(1)} min`;
}

function fmtRate(rate) {
  return rate === undefined || rate === null ? '—' : `${(rate * 100).toFixed(0)}%`;
}

main().catch(async (err) => {
  console.error(`the demo failed: ${err.stack ?? err}`);
  await stopEverything();
  process.exit(1);
});
