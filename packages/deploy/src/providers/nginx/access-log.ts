// Live traffic from nginx's access log, in the format config.ts defines: read from where the
// previous reading stopped, following rotation (a new file at the path) and truncation.
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { TrafficSample } from '../../types.js';

/** The most read in one reading; a log growing faster than this between readings is skipped ahead. */
const MAX_READ_BYTES = 64 * 1024 * 1024;

/** One request as logged: where it went last (after nginx's retries) and how it ended. */
interface LoggedRequest {
  status: number;
  upstreamAddr: string | undefined;
  upstreamStatus: number | undefined;
  responseMs: number | undefined;
}

/** The last of a comma- or colon-separated list nginx writes when it tried several servers. */
function lastAttempt(field: string): string | undefined {
  const value = field
    .split(/\s*[,:]\s+/)
    .at(-1)
    ?.trim();
  return value === undefined || value === '' || value === '-' ? undefined : value;
}

/** Parses one line; undefined for a line slipway did not write (another format, a torn line). */
function parseLine(line: string): LoggedRequest | undefined {
  const m = /^\d+\.\d+ (\d{3}) "([^"]*)" "([^"]*)" "([^"]*)"$/.exec(line.trim());
  if (!m) return undefined;
  const upstreamStatus = Number(lastAttempt(m[3]!));
  const responseS = Number(lastAttempt(m[4]!));
  return {
    status: Number(m[1]),
    upstreamAddr: lastAttempt(m[2]!),
    upstreamStatus: Number.isFinite(upstreamStatus) && upstreamStatus > 0 ? upstreamStatus : undefined,
    responseMs: Number.isFinite(responseS) && lastAttempt(m[4]!) !== undefined ? responseS * 1000 : undefined,
  };
}

/** Follows one access log; `read` returns the lines written since the previous call. */
export class AccessLogTail {
  private handle: FileHandle | undefined;
  private ino = -1;
  private offset = 0;
  private partial = '';

  private constructor(private readonly path: string) {}

  /** Starts at the log's current end, so traffic from before this deploy is not counted. */
  static async at(path: string): Promise<AccessLogTail> {
    const tail = new AccessLogTail(path);
    await tail.reopen(true);
    return tail;
  }

  /** Opens the file now at the path; from its end when `fromEnd`, else from its start (a rotated-in file). */
  private async reopen(fromEnd: boolean): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
    this.partial = '';
    try {
      this.handle = await open(this.path, 'r');
    } catch {
      this.ino = -1;
      this.offset = 0;
      return;
    }
    const st = await this.handle.stat();
    this.ino = st.ino;
    this.offset = fromEnd ? st.size : 0;
  }

  /** Reads what the open file gained since the last reading. */
  private async drain(lines: string[]): Promise<void> {
    if (!this.handle) return;
    const size = (await this.handle.stat()).size;
    // Truncated in place (copytruncate): start again from the top.
    if (size < this.offset) {
      this.offset = 0;
      this.partial = '';
    }
    if (size - this.offset > MAX_READ_BYTES) this.offset = size - MAX_READ_BYTES;
    const buf = Buffer.alloc(size - this.offset);
    const { bytesRead } = await this.handle.read(buf, 0, buf.length, this.offset);
    this.offset += bytesRead;
    const text = this.partial + buf.subarray(0, bytesRead).toString('utf8');
    const cut = text.lastIndexOf('\n');
    // A line nginx is still writing waits for the next reading.
    this.partial = text.slice(cut + 1);
    if (cut >= 0) lines.push(...text.slice(0, cut).split('\n'));
  }

  /** The complete lines written since the previous call, across a rotation. */
  async read(): Promise<string[]> {
    const lines: string[] = [];
    await this.drain(lines);
    let current = -1;
    try {
      current = (await stat(this.path)).ino;
    } catch {
      current = -1;
    }
    // Rotated: the rest of the old file was read above; the new one is read from its start.
    if (current !== -1 && current !== this.ino) {
      await this.reopen(false);
      await this.drain(lines);
    }
    return lines;
  }

  /** Closes the file. */
  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
  }
}

/** An empty sample. */
export function emptySample(): TrafficSample {
  return { requests: 0, errors: 0, latenciesMs: [] };
}

/**
 * Adds logged lines to per-release samples. `releaseAt` maps nginx's `$upstream_addr` to a
 * release id; `blamed` takes a 502 or 504 that reached no known server (no live upstream), so
 * that such failures during a canary count against the canary, the side whose error rolls it back.
 */
export function countRequests(
  lines: string[],
  releaseAt: (addr: string) => string | undefined,
  blamed: string | undefined,
  samples: Map<string, TrafficSample>,
): void {
  for (const line of lines) {
    const req = parseLine(line);
    if (!req) continue;
    let id = req.upstreamAddr === undefined ? undefined : releaseAt(req.upstreamAddr);
    if (id === undefined && (req.status === 502 || req.status === 504)) id = blamed;
    if (id === undefined) continue;
    const sample = samples.get(id) ?? emptySample();
    samples.set(id, sample);
    sample.requests++;
    const status = req.upstreamStatus ?? req.status;
    // 502 and 504 with no upstream status are nginx giving up on the server (refused, timed out).
    if (status >= 500 || (req.upstreamStatus === undefined && (req.status === 502 || req.status === 504)))
      sample.errors++;
    else if (req.responseMs !== undefined) sample.latenciesMs.push(req.responseMs);
  }
}
