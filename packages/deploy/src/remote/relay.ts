// The Exec the SSH session runs ssh through when a remote run streams: the one long command's
// output relayed line by line as it comes, its stdin held open with a heartbeat.
import { spawn } from 'node:child_process';
import type { Exec, ExecOptions, ExecResult } from '@slipway/action-kit/lite';

/** The runner writes a line this often while the host runs; the host stops the run after a minute without one. */
export const HEARTBEAT_MS = 5000;
export const HEARTBEAT_LIMIT_MS = 60_000;
const KEEP_STDERR = 4096;

export interface StreamHandlers {
  stdout(line: string): void;
  stderr(line: string): void;
  signal?: AbortSignal;
}

/**
 * The Exec the session runs ssh through. One command of this module's own (known by its text)
 * runs with its output relayed line by line as it comes and its stdin held open, with a line every
 * few seconds, until it ends or the signal aborts: the host stops the run when stdin ends or goes
 * quiet. Every other command goes to the inner Exec.
 */
export class RelayExec {
  private streamed: { command: string; handlers: StreamHandlers; stderr: Tail } | undefined;

  constructor(private readonly inner: Exec) {}

  readonly exec: Exec = (command, args, options) =>
    command === 'ssh' && this.streamed && args[args.length - 1] === this.streamed.command
      ? this.spawnStreaming(args, options ?? {})
      : this.inner(command, args, options);

  /** Streams the next run of `command`; returns the tail of its stderr. */
  stream(command: string, handlers: StreamHandlers): Tail {
    const stderr = new Tail();
    this.streamed = { command, handlers, stderr };
    return stderr;
  }

  private spawnStreaming(args: string[], options: ExecOptions): Promise<ExecResult> {
    const { handlers, stderr } = this.streamed!;
    this.streamed = undefined;
    return new Promise((resolve, reject) => {
      const child = spawn('ssh', args, { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
      const out = lines(handlers.stdout);
      const err = lines((line) => {
        stderr.push(line);
        handlers.stderr(line);
      });
      child.stdout.on('data', out.push);
      child.stderr.on('data', err.push);
      child.stdin.on('error', () => {});
      child.stdin.write(options.input ?? '');
      const heartbeat = setInterval(() => child.stdin.write('\n'), HEARTBEAT_MS);
      const hangUp = (): void => {
        clearInterval(heartbeat);
        child.stdin.end();
      };
      handlers.signal?.addEventListener('abort', hangUp, { once: true });
      if (handlers.signal?.aborted) hangUp();
      child.on('error', (e) => {
        clearInterval(heartbeat);
        reject(e);
      });
      child.on('close', (code, signal) => {
        clearInterval(heartbeat);
        handlers.signal?.removeEventListener('abort', hangUp);
        out.end();
        err.end();
        // stderr stays with this module: the session would read ssh's words mid-run as a failure to connect.
        resolve({ exitCode: code ?? (signal ? 255 : 1), stdout: '', stderr: '' });
      });
    });
  }
}

/** Splits a byte stream into lines for `emit`; end() flushes a last line without its newline. */
function lines(emit: (line: string) => void): { push: (chunk: Buffer) => void; end: () => void } {
  let rest = '';
  const decoder = new TextDecoder();
  return {
    push: (chunk) => {
      rest += decoder.decode(chunk, { stream: true });
      let nl: number;
      while ((nl = rest.indexOf('\n')) >= 0) {
        emit(rest.slice(0, nl));
        rest = rest.slice(nl + 1);
      }
    },
    end: () => {
      rest += decoder.decode();
      if (rest) emit(rest);
      rest = '';
    },
  };
}

/** The last few KiB of a stream of lines, for an error message. */
export class Tail {
  private kept = '';
  push(line: string): void {
    this.kept = `${this.kept}${line}\n`.slice(-KEEP_STDERR);
  }
  text(): string {
    return this.kept;
  }
}
