// Fails the run when a test left a process alive (a server, a tool, a build), after giving the
// processes that are already ending a few seconds to go; then ends the ones that are left.
import { runProcesses } from './processes.js';

const GRACE_MS = 5000;

export default async function globalTeardown() {
  const run = globalThis.__slipwayRun;
  if (!run) return;
  const leftover = () => runProcesses(run.pgid, run.token).filter((p) => !run.before.has(p.pid));
  const deadline = Date.now() + GRACE_MS;
  let left = leftover();
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = leftover();
  }
  if (left.length === 0) return;
  for (const p of left) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  const list = left.map((p) => `  pid ${p.pid} (parent ${p.ppid}): ${p.command.slice(0, 200)}`).join('\n');
  throw new Error(
    `${left.length} process(es) started by the tests were still alive after the run (now killed):\n${list}`,
  );
}
