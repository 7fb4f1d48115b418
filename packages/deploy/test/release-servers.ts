// Tagged release servers and autocannon load, shared by the routers' tests against real proxies.
import { createServer, type Server } from 'node:http';
import type { Release } from '../src/types.js';

/** A release server: answers 200 tagged with its id, or 500 to every `failEvery`-th request; counts what reaches it. */
export interface ReleaseServer extends Release {
  hits: number;
  /** Answer 500 to every n-th request (0: never). */
  failEvery: number;
  close(): Promise<void>;
}

/** Starts a release server on a free loopback port. */
export async function startRelease(id: string): Promise<ReleaseServer> {
  const server: Server = createServer((_req, res) => {
    release.hits++;
    const fail = release.failEvery > 0 && release.hits % release.failEvery === 0;
    res.writeHead(fail ? 500 : 200, { 'x-release': id, 'content-type': 'text/plain' });
    res.end(id);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const release: ReleaseServer = {
    id,
    version: id.split('-')[0]!,
    upstream: `http://127.0.0.1:${port}`,
    hits: 0,
    failEvery: 0,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
  return release;
}

/** What one load run saw. */
export interface LoadResult {
  ok: number;
  /** Every request without a 2xx answer. */
  failed: number;
  /** Of those, the ones lost on the connection (reset, closed, timed out) rather than answered. */
  lost: number;
}

interface AutocannonResult {
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

/** Sends exactly `amount` requests to `url` over `connections` keep-alive connections with autocannon. */
export async function load(url: string, amount: number, connections = 10): Promise<LoadResult> {
  // autocannon ships no types; a specifier in a variable keeps tsc from asking for them.
  const specifier = 'autocannon';
  const autocannon = ((await import(specifier)) as { default: Autocannon }).default;
  const r = await autocannon({ url, amount, connections, timeout: 30 });
  return { ok: r['2xx'], failed: r.non2xx + r.errors + r.timeouts, lost: r.errors + r.timeouts };
}
