// Finds the processes a test run started and left behind: those in the run's process group, and
// those (started with `detached`, so in a group of their own) that inherited the run's marker.
import { readdirSync, readFileSync } from 'node:fs';

/** The environment variable that marks every process the test run starts. */
export const MARKER = 'SLIPWAY_TEST_RUN';

function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces and parentheses) start past the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], ppid: Number(fields[1]), pgid: Number(fields[2]) };
  } catch {
    return undefined;
  }
}

function read(pid, file) {
  try {
    return readFileSync(`/proc/${pid}/${file}`);
  } catch {
    return Buffer.alloc(0);
  }
}

/** The process group of this process. */
export function ownGroup() {
  return stat(process.pid)?.pgid ?? -1;
}

/** Live processes (zombies excluded) that belong to the run marked `token` in group `pgid`. */
export function runProcesses(pgid, token) {
  let pids = [];
  try {
    pids = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return [];
  }
  const found = [];
  for (const pid of pids) {
    if (pid === process.pid) continue;
    const s = stat(pid);
    if (!s || s.state === 'Z') continue;
    const marked = read(pid, 'environ').toString('utf8').split('\0').includes(`${MARKER}=${token}`);
    if (s.pgid === pgid || marked) {
      found.push({ pid, ppid: s.ppid, command: read(pid, 'cmdline').toString('utf8').split('\0').join(' ').trim() });
    }
  }
  return found;
}
