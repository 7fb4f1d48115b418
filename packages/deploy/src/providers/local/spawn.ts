// Finds or starts the local proxy daemon of an environment (daemon.ts), and stops it for
// `slipway down`. The proxy file in the environment's state folder is how runs find the daemon; its
// admin API answering with the file's token is what proves the daemon is alive and is that one.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError, withoutRunnerCredentials } from '@slipway/action-kit/lite';
import { environmentDir } from '../../ledger.js';
import type { RouterContext } from '../../registry.js';
import type { LocalProxyStatus } from './admin.js';
import { AdminClient } from './admin-client.js';
import { LOCAL_PROXY_DAEMON, type Handshake } from './daemon-protocol.js';
import { DEFAULT_LISTEN, listenMatches, parseListen, type ListenAddress } from './listen.js';
import { proxyFilePath, proxyLogPath, readProxyFile, removeProxyFileOf, type ProxyFile } from './proxy-file.js';

/** How long a new daemon has to report that it listens (tsx or a cold disk can be slow on a busy runner). */
const START_TIMEOUT_MS = 15_000;
/** How long a daemon found in a proxy file has to answer before it counts as dead. */
const PROBE_TIMEOUT_MS = 10_000;
const POLL_MS = 50;

/** A running daemon, and the client that drives it. */
export interface LocalProxyHandle {
  frontDoor: string;
  admin: AdminClient;
  pid: number;
  /** True when an earlier step or run had started it. */
  reused: boolean;
}

/** Returns the environment's running proxy daemon, starting one when none answers. */
export async function ensureLocalProxy(context: RouterContext): Promise<LocalProxyHandle> {
  const listen = context.settings.listen?.trim() || DEFAULT_LISTEN;
  const wanted = parseListen(listen);
  const dir = resolve(environmentDir(context.stateDir, context.environment));
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const running = await findRunning(dir, context.environment);
  if (running) return reuse(running, wanted, listen);
  return startDaemon(context, dir, listen, wanted);
}

/** The environment's daemon's status, or undefined when none runs. */
export async function localProxyStatus(stateDir: string, environment: string): Promise<LocalProxyStatus | undefined> {
  const found = await readProxyFile(proxyFilePath(environmentDir(stateDir, environment)));
  if (!found) return undefined;
  const client = new AdminClient(found.admin, found.token, PROBE_TIMEOUT_MS);
  try {
    const status = await client.status();
    return status.environment === environment ? status : undefined;
  } catch {
    return undefined;
  } finally {
    await client.close();
  }
}

/** Stops the environment's daemon and removes its proxy file; does nothing when none runs. */
export async function stopLocalProxy(
  stateDir: string,
  environment: string,
  { timeoutMs = 10_000 }: { timeoutMs?: number } = {},
): Promise<void> {
  const file = proxyFilePath(resolve(environmentDir(stateDir, environment)));
  const found = await readProxyFile(file);
  if (!found) return;
  const deadline = Date.now() + timeoutMs;
  let ours = false;
  const client = new AdminClient(found.admin, found.token, Math.min(timeoutMs, PROBE_TIMEOUT_MS));
  try {
    ours = (await client.status()).pid === found.pid;
    if (ours) await client.shutdown();
  } catch {
    // Not answering: dead, or hung; the process check below tells which.
  } finally {
    await client.close();
  }
  // Signals only go to a pid proven to be this daemon: after a reboot the number may be anyone's.
  if (ours || (await isDaemonOf(found.pid, file))) {
    const graceful = Date.now() + timeoutMs / 2;
    if (!(await waitGone(found.pid, graceful))) {
      signal(found.pid, 'SIGTERM');
      if (!(await waitGone(found.pid, deadline))) {
        signal(found.pid, 'SIGKILL');
        await waitGone(found.pid, Date.now() + 2000);
      }
    }
  }
  await removeProxyFileOf(file, found.token);
}

interface Running {
  file: ProxyFile;
  client: AdminClient;
}

/** The daemon the proxy file names, if it answers as that daemon; a stale proxy file is removed. */
async function findRunning(dir: string, environment: string): Promise<Running | undefined> {
  const path = proxyFilePath(dir);
  const file = await readProxyFile(path);
  if (!file) return undefined;
  const client = new AdminClient(file.admin, file.token, PROBE_TIMEOUT_MS);
  try {
    const status = await client.status();
    if (status.environment === environment && status.pid === file.pid) return { file, client };
  } catch {
    // Nothing answers (or something else does): the daemon is gone.
  }
  await client.close();
  await removeProxyFileOf(path, file.token);
  return undefined;
}

async function reuse(running: Running, wanted: ListenAddress, listen: string): Promise<LocalProxyHandle> {
  const { file, client } = running;
  if (!listenMatches(wanted, parseListen(file.listen))) {
    await client.close();
    throw new UserError(
      `slipway's proxy for ${file.environment} already runs on ${file.listen} (pid ${file.pid}), not on ${listen}.`,
      { input: 'listen' },
      `Set listen to ${file.listen}, or stop that proxy with \`slipway down\` first.`,
    );
  }
  return { frontDoor: file.frontDoor, admin: client, pid: file.pid, reused: true };
}

/** The command that runs this program again: the same node, flags and entry script. */
function defaultSelfCommand(): string[] {
  return [process.execPath, ...process.execArgv, ...(process.argv[1] ? [process.argv[1]] : [])];
}

/**
 * What the daemon inherits: no runner credentials, no action inputs (it outlives the job, and
 * inputs may hold secrets), and no RUNNER_TRACKING_ID, by which the runner ends the job's processes.
 */
function daemonEnv(context: RouterContext, settings: Record<string, string>): Record<string, string> {
  const base = context.env ?? process.env;
  const env = withoutRunnerCredentials({ ...base });
  delete env.RUNNER_TRACKING_ID;
  for (const name of Object.keys(env)) if (name.startsWith('INPUT_')) delete env[name];
  const testRun = base.SLIPWAY_TEST_RUN ?? process.env.SLIPWAY_TEST_RUN;
  return { ...env, ...(testRun ? { SLIPWAY_TEST_RUN: testRun } : {}), ...settings };
}

async function startDaemon(
  context: RouterContext,
  dir: string,
  listen: string,
  wanted: ListenAddress,
): Promise<LocalProxyHandle> {
  const stateFile = proxyFilePath(dir);
  const handshakeFile = join(dir, `.proxy-handshake-${randomBytes(6).toString('hex')}.json`);
  const env = daemonEnv(context, {
    SLIPWAY_DAEMON: LOCAL_PROXY_DAEMON,
    SLIPWAY_STATE_FILE: stateFile,
    SLIPWAY_LISTEN: listen,
    SLIPWAY_ENVIRONMENT: context.environment,
    SLIPWAY_HANDSHAKE_FILE: handshakeFile,
  });
  const [command, ...args] = context.selfCommand ?? defaultSelfCommand();
  if (!command) throw new Error('selfCommand is empty');
  const log = await open(proxyLogPath(dir), 'a', 0o600);
  let child: ChildProcess;
  try {
    // Detached: a session of its own, so the job's end (or a Ctrl-C) does not reach it.
    child = spawn(command, args, { detached: true, stdio: ['ignore', log.fd, log.fd], env });
  } finally {
    await log.close();
  }
  let exit: string | undefined;
  child.once('exit', (code, sig) => (exit = sig ? `signal ${sig}` : `exit code ${code}`));
  child.once('error', (error) => (exit = error.message));
  child.unref();
  try {
    const answer = await awaitHandshake(handshakeFile, () => exit);
    if (!answer) {
      if (exit === undefined) child.kill('SIGKILL');
      throw new Error(
        `the local proxy daemon ${exit ? `ended (${exit})` : 'did not start in time'}; the end of ${proxyLogPath(dir)}:\n${await logTail(dir)}`,
      );
    }
    if ('error' in answer) {
      await waitExited(child, () => exit);
      return await startFailed(answer.error, context, dir, listen, wanted);
    }
  } finally {
    await rm(handshakeFile, { force: true });
  }
  const file = await readProxyFile(stateFile);
  if (!file) throw new Error(`the local proxy daemon started but wrote no ${stateFile}`);
  return { frontDoor: file.frontDoor, admin: new AdminClient(file.admin, file.token), pid: file.pid, reused: false };
}

async function awaitHandshake(path: string, ended: () => string | undefined): Promise<Handshake | undefined> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    // Read before checking for the end: the daemon writes the file, then exits.
    const done = ended() !== undefined;
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text !== undefined) return JSON.parse(text) as Handshake;
    if (done || Date.now() > deadline) return undefined;
    await sleep(POLL_MS);
  }
}

/** Maps a daemon that could not listen to what the user can do about it. */
async function startFailed(
  error: { code: string; message: string },
  context: RouterContext,
  dir: string,
  listen: string,
  wanted: ListenAddress,
): Promise<LocalProxyHandle> {
  if (error.code === 'EADDRINUSE') {
    // Another run may have started this environment's daemon in the meantime.
    const running = await findRunning(dir, context.environment);
    if (running) return reuse(running, wanted, listen);
    const other = await otherEnvironmentOn(context.stateDir, wanted);
    if (other)
      throw new UserError(
        `${listen} is already in use by slipway's proxy for the environment ${other}.`,
        { input: 'listen' },
        'Each environment needs an address of its own: choose another one.',
      );
    throw new UserError(
      `${listen} is already in use by something that is not slipway's proxy.`,
      { input: 'listen' },
      'Stop what listens there, or choose another address.',
    );
  }
  if (['EADDRNOTAVAIL', 'ENOTFOUND', 'EAI_AGAIN', 'EACCES'].includes(error.code))
    throw new UserError(
      `cannot listen on ${listen} (${error.code}).`,
      { input: 'listen' },
      'Choose an address of this machine and a port you may bind.',
    );
  throw new Error(`the local proxy daemon could not start: ${error.message}`);
}

/** The environment whose proxy file claims the address, for a clearer message than "in use". */
async function otherEnvironmentOn(stateDir: string, wanted: ListenAddress): Promise<string | undefined> {
  const entries = await readdir(stateDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const file = await readProxyFile(proxyFilePath(join(stateDir, entry.name))).catch(() => undefined);
    if (file && wanted.port !== 0 && listenMatches(wanted, parseListen(file.listen)) && isAlive(file.pid))
      return file.environment;
  }
  return undefined;
}

async function logTail(dir: string): Promise<string> {
  const text = await readFile(proxyLogPath(dir), 'utf8').catch(() => '');
  return text.slice(-2000).trimEnd() || '(empty)';
}

async function waitExited(child: ChildProcess, ended: () => string | undefined): Promise<void> {
  const deadline = Date.now() + 5000;
  while (ended() === undefined && Date.now() < deadline) await sleep(POLL_MS);
  if (ended() === undefined) child.kill('SIGKILL');
}

/** Whether `pid` is alive and is the daemon of `stateFile` (Linux only; elsewhere it cannot tell, so no). */
async function isDaemonOf(pid: number, stateFile: string): Promise<boolean> {
  const environ = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
  const vars = environ.split('\0');
  return vars.includes(`SLIPWAY_DAEMON=${LOCAL_PROXY_DAEMON}`) && vars.includes(`SLIPWAY_STATE_FILE=${stateFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** An ended process its parent has not reaped yet (possible when PID 1 of a container never reaps). */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

async function waitGone(pid: number, deadline: number): Promise<boolean> {
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(POLL_MS);
  }
  return true;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
