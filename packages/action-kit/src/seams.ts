import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as osConstants } from 'node:os';
import type { Logger } from './logger.js';
import type { OutputSink } from './outputs.js';
import type { SecretMasker } from './secrets.js';

/** What an action's run() receives: the runner's environment, log, outputs and masker (the CLI and tests pass their own). */
export interface ActionSeams {
  env: NodeJS.ProcessEnv;
  logger: Logger;
  setOutput: OutputSink;
  mask: SecretMasker;
  /** Keeps a value for this action's post step (GITHUB_STATE); absent where there is no post step (the CLI). */
  saveState?: (name: string, value: string) => void;
}

/** Wall-clock and monotonic time, passed in so tests control it. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** A monotonic reading in milliseconds, for measuring elapsed time. */
  monotonic(): number;
  /** Waits for the given milliseconds. */
  sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A clock that only moves when told to; sleep advances it instantly. */
export class ManualClock implements Clock {
  constructor(private current = 0) {}
  now(): number {
    return this.current;
  }
  monotonic(): number {
    return this.current;
  }
  async sleep(ms: number): Promise<void> {
    this.current += ms;
  }
  /** Moves time forward. */
  advance(ms: number): void {
    this.current += ms;
  }
}

/** What a finished process returned. */
export interface ExecResult {
  exitCode: number;
  /** Standard output: all of it, or its last `maxOutputBytes` when capped. */
  stdout: string;
  stderr: string;
  /** True when `timeoutMs` ran out and the process group was killed. */
  timedOut?: boolean;
  /** True when the captured output was cut to its last `maxOutputBytes`. */
  truncated?: boolean;
}

/** Options for running a process. */
export interface ExecOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string;
  /** Do not throw on a non-zero exit code. */
  ignoreReturnCode?: boolean;
  /** Do not echo the command and its output to the log. */
  silent?: boolean;
  /** Kill the whole process group (SIGTERM, then SIGKILL after 5 s) after this many ms. */
  timeoutMs?: number;
  /** Keep only the last this many bytes of each captured stream (the log still gets all of it). */
  maxOutputBytes?: number;
  /** The output is untrusted (a project's build): the log gets it between stop-commands markers. */
  untrustedOutput?: boolean;
}

/** Runs a process; the only place tests stub processes. */
export type Exec = (command: string, args: string[], options?: ExecOptions) => Promise<ExecResult>;

/** The variables through which a runner's step talks to GitHub's services; a project's own scripts never need them. */
export const RUNNER_CREDENTIAL_VARS = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_CACHE_SERVICE_V2',
] as const;

/**
 * The environment without the runner's internal credentials and without the step's own inputs
 * (`INPUT_*`, which hold tokens and webhook URLs), for running code that is not ours: build
 * scripts, releases, hooks, provider commands.
 */
export function withoutRunnerCredentials(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env))
    if (v !== undefined && !k.startsWith('INPUT_') && !(RUNNER_CREDENTIAL_VARS as readonly string[]).includes(k))
      out[k] = v;
  return out;
}

/** A growing text that keeps only its last `max` bytes. */
class Tail {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;
  constructor(private readonly max: number) {}
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.max && this.chunks.length > 0) {
      const first = this.chunks[0]!;
      const over = this.size - this.max;
      this.truncated = true;
      if (first.length <= over) {
        this.chunks.shift();
        this.size -= first.length;
      } else {
        this.chunks[0] = first.subarray(over);
        this.size -= over;
      }
    }
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

function display(command: string, args: string[]): string {
  return [command, ...args].map((a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(' ');
}

/**
 * Runs a process in its own process group, so that a timeout ends it and everything it started.
 * Output goes to the log as it comes (unless silent; inside stop-commands markers when untrusted)
 * and is captured, up to `maxOutputBytes` from the end of each stream when that is set.
 */
export const actionsExec: Exec = (command, args, options = {}) =>
  new Promise<ExecResult>((resolvePromise, reject) => {
    const token = options.untrustedOutput ? randomBytes(16).toString('hex') : '';
    const log = (text: string): void => {
      if (!options.silent) process.stdout.write(text);
    };
    log(`[command]${display(command, args)}\n`);
    if (token) log(`::stop-commands::${token}\n`);
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const max = options.maxOutputBytes ?? Number.MAX_SAFE_INTEGER;
    const out = new Tail(max);
    const err = new Tail(max);
    let endsWithNewline = true;
    const onData = (tail: Tail) => (chunk: Buffer) => {
      tail.push(chunk);
      if (!options.silent) {
        process.stdout.write(chunk);
        endsWithNewline = chunk[chunk.length - 1] === 0x0a;
      }
    };
    child.stdout.on('data', onData(out));
    child.stderr.on('data', onData(err));
    let timedOut = false;
    let killer: NodeJS.Timeout | undefined;
    const timer =
      options.timeoutMs !== undefined
        ? setTimeout(() => {
            timedOut = true;
            killGroup(child.pid, 'SIGTERM');
            killer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
          }, options.timeoutMs)
        : undefined;
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
    child.on('error', (e) => {
      clearTimeout(timer);
      clearTimeout(killer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killer);
      // Whatever the process left running in its group goes with it.
      if (timedOut) killGroup(child.pid, 'SIGKILL');
      // The command's last line must end before anything else is printed, or a following
      // ::error:: would be glued to it and lost.
      if (!endsWithNewline) log('\n');
      if (token) log(`::${token}::\n`);
      const exitCode = code ?? (signal ? 128 + (osConstants.signals[signal] ?? 0) : 1);
      const result: ExecResult = {
        exitCode,
        stdout: out.text(),
        stderr: err.text(),
        ...(timedOut ? { timedOut } : {}),
        ...(out.truncated || err.truncated ? { truncated: true } : {}),
      };
      if (exitCode !== 0 && !options.ignoreReturnCode && !timedOut)
        reject(new Error(`The process '${command}' failed with exit code ${exitCode}`));
      else resolvePromise(result);
    });
  });

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone
  }
}

/** The HTTP seam: the platform fetch, or a stand-in in tests. */
export type Http = typeof fetch;
