// A client for HAProxy's runtime API on its admin socket (`stats socket <path> level admin`).
// One command per connection: without `prompt`, HAProxy answers and closes, so the answer is
// everything read until close and no framing has to be guessed.
import { createConnection } from 'node:net';
import { UserError } from '@slipway/action-kit/lite';

/** The input every socket problem is reported against. */
const INPUT = 'haproxy-socket';

/** Longer answers are refused: `show stat` for one backend is a few kilobytes. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

const SOCKET_HINT = "Point it at HAProxy's admin socket: `stats socket <path> level admin` in the global section.";

/** How the client waits. */
export interface RuntimeApiOptions {
  /** How long the socket may stay silent, in ms, before the command fails. Default 10 000: a busy runner is slow. */
  timeoutMs?: number;
}

/** A connection-per-command client for one runtime API socket. */
export class RuntimeApi {
  private readonly timeoutMs: number;

  constructor(
    readonly socketPath: string,
    options: RuntimeApiOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Sends one command and resolves with HAProxy's whole answer, trailing blank lines removed. */
  send(command: string): Promise<string> {
    // A newline or `;` inside would smuggle a second command onto the socket.
    if (/[\r\n;]/.test(command)) throw new Error(`runtime API command holds a separator: ${JSON.stringify(command)}`);
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const socket = createConnection({ path: this.socketPath });
      const fail = (err: Error): void => {
        socket.destroy();
        reject(err);
      };
      socket.setTimeout(this.timeoutMs, () =>
        fail(
          new UserError(
            `${this.socketPath} did not answer '${command.split(' ').slice(0, 2).join(' ')}' within ${this.timeoutMs} ms.`,
            { input: INPUT },
            SOCKET_HINT,
          ),
        ),
      );
      socket.on('connect', () => socket.end(`${command}\n`));
      socket.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES)
          return fail(new Error(`HAProxy's answer to '${command}' passed ${MAX_ANSWER_BYTES} bytes`));
        chunks.push(chunk);
      });
      socket.on('error', (err: NodeJS.ErrnoException) => fail(socketError(this.socketPath, err)));
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8').replace(/\s+$/, '')));
    });
  }
}

/** What a connection failure means to the user who named the socket. */
function socketError(path: string, err: NodeJS.ErrnoException): Error {
  const why: Record<string, string> = {
    ENOENT: 'does not exist',
    ECONNREFUSED: 'exists but nothing listens on it (is HAProxy running?)',
    ENOTSOCK: 'is not a socket',
    EACCES: 'cannot be opened by this user',
    ENOTDIR: 'does not exist',
    // Something listens but hung up on the command: not a runtime API socket.
    EPIPE: 'hung up without answering',
    ECONNRESET: 'hung up without answering',
  };
  const reason = err.code ? why[err.code] : undefined;
  if (reason) return new UserError(`${path} ${reason}.`, { input: INPUT }, SOCKET_HINT);
  return err;
}

/** One row of `show stat`, by the header's field names (`pxname`, `svname`, `stot`, `hrsp_5xx`…). */
export type StatRecord = Record<string, string>;

/** Parses `show stat` CSV: a header line starting with `# `, then one row per proxy or server. */
export function parseStatCsv(text: string): StatRecord[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const header = lines[0];
  if (header === undefined || !header.startsWith('# ')) throw new Error(`not 'show stat' CSV: ${text.slice(0, 80)}`);
  const names = header.slice(2).split(',');
  // Stat fields hold no commas (names are identifiers, `addr` is ip:port), so a plain split is exact.
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const record: StatRecord = {};
    names.forEach((name, i) => {
      if (name !== '' && name !== '-') record[name] = cells[i] ?? '';
    });
    return record;
  });
}
