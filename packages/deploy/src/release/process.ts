// Release processes: started in a process group of their own, so that they outlive the job that
// started them and can be stopped whole (with whatever they started) by a later run that knows
// only their pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { UserError, withoutRunnerCredentials } from '@slipway/action-kit/lite';
import { logTail } from './log-tail.js';
import type { RunningRelease, StartOptions } from './types.js';

/** A start-command still running after this long has at least not failed at once. */
const EARLY_EXIT_MS = 300;
const POLL_MS = 50;
/** After SIGKILL a group is gone within milliseconds; this only bounds the wait should the kernel take longer. */
const AFTER_KILL_MS = 2000;

/** How a release this process started ended, by pid; a release started by an earlier run is not here. */
const exits = new Map<number, { code: number | null; signal: NodeJS.Signals | null }>();

/** How the release with this pid ended, when this process started it and it has ended. */
export function releaseExit(pid: number): { code: number | null; signal: NodeJS.Signals | null } | undefined {
  return exits.get(pid);
}

/** Pids this process started: their exit is reported here, if a moment after the process is gone. */
const startedHere = new Set<number>();

/**
 * How a release ended, waiting up to `waitMs` for the exit to be reported when this process
 * started it: on a busy machine the process can be seen gone before its exit event is handled.
 */
export async function settledExit(
  pid: number,
  waitMs: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null } | undefined> {
  const end = performance.now() + waitMs;
  while (!exits.has(pid) && startedHere.has(pid) && performance.now() < end)
    await new Promise((r) => setTimeout(r, 20));
  return exits.get(pid);
}

/** Starts the release in its own process group with its output appended to `release.log`; a UserError if it exits at once. */
export async function startRelease(o: StartOptions): Promise<RunningRelease> {
  const port = o.port || (await freePort());
  const logFile = join(dirname(o.release.dir), 'release.log');
  const env = withoutRunnerCredentials(o.env);
  // A self-hosted runner kills every process carrying its tracking id when the job ends.
  delete env.RUNNER_TRACKING_ID;
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    SLIPWAY_RELEASE_ID: o.release.id,
    SLIPWAY_RELEASE_VERSION: o.release.version,
  });
  const log = await open(logFile, 'a', 0o600);
  let child: ChildProcess;
  let exited: Promise<void>;
  try {
    child = spawn('/bin/sh', ['-c', o.command], {
      cwd: o.release.dir,
      env,
      detached: true,
      stdio: ['ignore', log.fd, log.fd],
    });
    // The pid of a release that ended long ago may have been given to this one.
    if (child.pid) {
      exits.delete(child.pid);
      startedHere.add(child.pid);
    }
    // Listening from the start: a command that fails at once may be gone before `spawn` is seen.
    exited = new Promise<void>((resolve) =>
      child.once('exit', (code, signal) => {
        exits.set(child.pid!, { code, signal });
        resolve();
      }),
    );
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (err) => reject(new Error(`Cannot start the release in ${o.release.dir}: ${err.message}`)));
    });
  } finally {
    // The child holds its own copy of the descriptor.
    await log.close();
  }
  const pid = child.pid!;
  child.unref();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, EARLY_EXIT_MS)))]);
  clearTimeout(timer);
  const early = exits.get(pid);
  if (early) {
    // What it started in the background would otherwise run on, unknown to any ledger.
    await stopRelease(pid, 0);
    throw new UserError(
      `the release exited at once with ${describeExit(early)} instead of serving on port ${port}.${await logTail(logFile)}`,
      { input: 'start-command' },
      'The command must keep running in the foreground (use `exec`, not `&` or a daemon mode) and listen on $PORT.',
    );
  }
  return { pid, port, upstream: `http://127.0.0.1:${port}`, logFile };
}

/** Stops the release's whole process group: SIGTERM, then SIGKILL after `graceMs`; resolves once it is gone. */
export async function stopRelease(pid: number, graceMs: number): Promise<void> {
  if (!signalGroup(pid, 'SIGTERM')) return;
  const killAt = performance.now() + graceMs;
  while (groupAlive(pid)) {
    if (performance.now() >= killAt) {
      signalGroup(pid, 'SIGKILL');
      const giveUpAt = performance.now() + AFTER_KILL_MS;
      while (groupAlive(pid) && performance.now() < giveUpAt) await pause(POLL_MS);
      return;
    }
    await pause(POLL_MS);
  }
}

/** True while the process exists (and is not a zombie waiting to be reaped). */
export function releaseAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists, it is just not ours to signal.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !isZombie(pid);
}

/** How a process ended, as `code 3` or `signal SIGKILL`. */
export function describeExit(exit: { code: number | null; signal: NodeJS.Signals | null }): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}

/** Signals the process group; false when there is no such group (nothing left to stop). */
function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw new Error(`Cannot send ${signal} to release process group ${pid}: ${(err as Error).message}`);
  }
}

/** True while any process of the group lives; zombies, which no signal can end, do not count. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // Without /proc (not Linux) the signal's answer is all we know.
  if (readProc('/proc/self/stat') === undefined) return true;
  return procStats().some((s) => s.pgid === pid && s.state !== 'Z');
}

/** True for a process that has ended but is not yet reaped (Linux state Z); elsewhere we cannot tell, and say no. */
function isZombie(pid: number): boolean {
  return parseStat(readProc(`/proc/${pid}/stat`))?.state === 'Z';
}

function procStats(): { state: string; pgid: number }[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  return pids.flatMap((pid) => parseStat(readProc(`/proc/${pid}/stat`)) ?? []);
}

function parseStat(text: string | undefined): { state: string; pgid: number } | undefined {
  if (text === undefined) return undefined;
  // The command name may hold spaces and parentheses: the fields follow the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0]!, pgid: Number(fields[2]) };
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** A loopback port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
