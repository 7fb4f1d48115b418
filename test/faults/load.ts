// The load generator every fault runs against the front door: steady keep-alive requests, each
// numbered, and afterwards every request counted against the release that served or failed it.
// A release says who it is in `x-release`; a request that failed without that answer is traced
// through the receipts each release writes (the request numbers it was handed) and, for HAProxy,
// the `x-upstream` address the front door adds to every answer, its own errors included.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';

/** The header that numbers each request, written by the release into its receipts. */
export const REQUEST_HEADER = 'x-fault-request';

/** One request and what became of it. */
export interface Shot {
  id: string;
  status?: number;
  /** The `x-release` of the answer: the release that answered. */
  release?: string;
  /** The `x-upstream` of the answer, where the front door adds one. */
  upstream?: string;
  /** No answer at all: the connection failed or was reset. */
  error?: string;
}

/** Requests one release served or failed. */
export interface Count {
  ok: number;
  failed: number;
}

/** A load run's requests, counted per release. */
export interface Tally {
  total: number;
  byRelease: Record<string, Count>;
  /** Failed requests no release can be named for (the front door's own failures), by what happened. */
  unattributed: Record<string, number>;
}

/** What `stop` returns: every request, and the count per release. */
export interface LoadResult {
  shots: Shot[];
  tally: Tally;
}

/** A running load. */
export interface Load {
  /** Requests answered or failed so far. */
  readonly done: number;
  /** Resolves once `count` more requests than now have ended. */
  more(count: number): Promise<void>;
  /** Stops sending, waits for the requests in flight, and counts (once: later calls return the same). */
  stop(): Promise<LoadResult>;
}

let runs = 0;

/**
 * Starts `connections` keep-alive loops against `url`, together near `rate` requests per second
 * (slower when the machine is busy: nothing here depends on the rate being met). Releases write
 * their receipts into `receipts`.
 */
export function startLoad(url: string, receipts: string, { rate = 150, connections = 6 } = {}): Load {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const prefix = `L${++runs}-${process.pid}`;
  const shots: Shot[] = [];
  let next = 0;
  let stopped = false;
  let waiters: { at: number; resolve(): void }[] = [];
  let result: Promise<LoadResult> | undefined;
  const period = (connections * 1000) / rate;
  const record = (shot: Shot): void => {
    shots.push(shot);
    waiters = waiters.filter((w) => (shots.length >= w.at ? (w.resolve(), false) : true));
  };
  const once = (): Promise<void> =>
    new Promise((resolve) => {
      const id = `${prefix}-${next++}`;
      const req = request(url, { agent, headers: { [REQUEST_HEADER]: id } }, (res) => {
        res.resume();
        const finish = (error?: string): void => {
          record({
            id,
            status: res.statusCode,
            ...(typeof res.headers['x-release'] === 'string' ? { release: res.headers['x-release'] } : {}),
            ...(typeof res.headers['x-upstream'] === 'string' ? { upstream: res.headers['x-upstream'] } : {}),
            ...(error ? { error } : {}),
          });
          resolve();
        };
        res.on('end', () => finish());
        res.on('error', (err) => finish(errorName(err)));
      });
      // A guard against a request that hangs forever, far past anything a busy machine takes.
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.on('error', (err) => {
        record({ id, error: errorName(err) });
        resolve();
      });
      req.end();
    });
  const loops = Array.from({ length: connections }, async () => {
    while (!stopped) {
      const started = performance.now();
      await once();
      const rest = period - (performance.now() - started);
      if (rest > 0 && !stopped) await new Promise((r) => setTimeout(r, rest));
    }
  });
  return {
    get done() {
      return shots.length;
    },
    more(count) {
      const at = shots.length + count;
      return new Promise((resolve) => waiters.push({ at, resolve }));
    },
    stop() {
      stopped = true;
      return (result ??= Promise.all(loops).then(() => {
        agent.destroy();
        return { shots, tally: tally(shots, receipts) };
      }));
    },
  };
}

function errorName(err: Error): string {
  return (err as NodeJS.ErrnoException).code ?? err.message;
}

/** Counts each request against a release: who answered, else whose receipt names it, else whose address HAProxy named. */
function tally(shots: readonly Shot[], receipts: string): Tally {
  const { received, addresses } = readReceipts(receipts);
  const result: Tally = { total: shots.length, byRelease: {}, unattributed: {} };
  for (const shot of shots) {
    const ok = shot.error === undefined && shot.status !== undefined && shot.status < 500;
    const owner = shot.release ?? received.get(shot.id) ?? (shot.upstream && addresses.get(shot.upstream));
    if (owner) {
      const count = (result.byRelease[owner] ??= { ok: 0, failed: 0 });
      if (ok) count.ok++;
      else count.failed++;
    } else if (!ok) {
      const what = shot.error ?? `status ${shot.status}`;
      result.unattributed[what] = (result.unattributed[what] ?? 0) + 1;
    } else {
      // An answer that names no release is a test bug: every release server sends x-release.
      throw new Error(`request ${shot.id} was answered ${shot.status} by no release`);
    }
  }
  return result;
}

/** The request numbers each release was handed (`<id>.log`), and the address it listens on (`<id>.addr`). */
function readReceipts(dir: string): { received: Map<string, string>; addresses: Map<string, string> } {
  const received = new Map<string, string>();
  const addresses = new Map<string, string>();
  if (!existsSync(dir)) return { received, addresses };
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    if (name.endsWith('.log'))
      for (const id of text.split('\n')) if (id) received.set(id, name.slice(0, -'.log'.length));
    if (name.endsWith('.addr')) addresses.set(text.trim(), name.slice(0, -'.addr'.length));
  }
  return { received, addresses };
}

/** The releases that answered at least one request. */
export function answeredBy(result: LoadResult): Set<string> {
  return new Set(Object.entries(result.tally.byRelease).flatMap(([id, c]) => (c.ok > 0 ? [id] : [])));
}
