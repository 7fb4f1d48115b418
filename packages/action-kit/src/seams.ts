import type { Logger } from './logger.js';
import type { OutputSink } from './outputs.js';
import type { SecretMasker } from './secrets.js';

/** What an action's run() receives: the runner's environment, log, outputs and masker (the CLI and tests pass their own). */
export interface ActionSeams {
  env: NodeJS.ProcessEnv;
  logger: Logger;
  setOutput: OutputSink;
  mask: SecretMasker;
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
  stdout: string;
  stderr: string;
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
}

/** Runs a process; the only place tests stub processes. */
export type Exec = (command: string, args: string[], options?: ExecOptions) => Promise<ExecResult>;

/** Runs processes through @actions/exec, loaded on first use to keep start-up fast. */
export const actionsExec: Exec = async (command, args, options = {}) => {
  const exec = await import('@actions/exec');
  const result = await exec.getExecOutput(command, args, {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.input !== undefined ? { input: Buffer.from(options.input) } : {}),
    ignoreReturnCode: options.ignoreReturnCode ?? false,
    silent: options.silent ?? false,
  });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
};

/** The HTTP seam: the platform fetch, or a stand-in in tests. */
export type Http = typeof fetch;
