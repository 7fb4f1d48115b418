// The local router's proxy against real local servers as stable and canary, under load from
// autocannon. Every assertion is on shares and counts, never on time, so that it holds on busy cores.
import { afterEach, describe, expect, it } from '@jest/globals';
import type { EventEmitter } from 'node:events';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { closedPort } from '../../../test/harness.js';
import { WeightedProxy } from '../src/providers/local/proxy.js';
import type { Release } from '../src/types.js';

interface LoadResult {
  errors: number;
  timeouts: number;
  non2xx: number;
  '5xx': number;
  requests: { sent: number };
}
interface LoadOptions {
  url: string;
  connections?: number;
  amount?: number;
  requests?: { setupRequest: (r: Record<string, unknown>) => Record<string, unknown> }[];
}
// autocannon ships no types; this is the part of its API the tests use.
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: LoadOptions,
  done: (error: Error | null, result: LoadResult) => void,
) => EventEmitter;

/** Runs autocannon to completion; `onResponse` sees each response as it arrives. */
function load(options: LoadOptions, onResponse?: (n: number) => void): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    let n = 0;
    const run = autocannon({ connections: 10, ...options }, (e, r) => (e ? reject(e) : resolve(r)));
    run.on('response', () => onResponse?.(++n));
  });
}

interface TestRelease {
  release: Release;
  hits: number;
  close(): Promise<void>;
}

/** A release on a port of its own that names itself in `x-release`; `handle` may answer instead. */
async function startRelease(
  id: string,
  handle?: (req: IncomingMessage, res: ServerResponse, hit: number) => boolean,
): Promise<TestRelease> {
  const server = createServer((req, res) => {
    const hit = ++self.hits;
    res.setHeader('x-release', id);
    if (handle?.(req, res, hit)) return;
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const self: TestRelease = {
    release: { id, version: id, upstream: `http://127.0.0.1:${port}` },
    hits: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
  return self;
}

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

/** A proxy and two releases, all closed after the test. */
async function setup(
  canaryHandle?: Parameters<typeof startRelease>[1],
): Promise<{ proxy: WeightedProxy; url: string; stable: TestRelease; canary: TestRelease }> {
  const stable = await startRelease('stable-1');
  const canary = await startRelease('canary-2', canaryHandle);
  const proxy = await WeightedProxy.listen({ host: '127.0.0.1', port: 0 });
  open.push(proxy, stable, canary);
  return { proxy, url: `http://127.0.0.1:${proxy.address.port}`, stable, canary };
}

/** One request through the proxy; resolves with status, the release that answered and the body. */
function get(url: string, method = 'GET', body?: string): Promise<{ status: number; release: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, release: String(res.headers['x-release']), body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('WeightedProxy', () => {
  it('reports the port it bound when asked for port 0', async () => {
    const { proxy } = await setup();
    expect(proxy.address.port).toBeGreaterThan(0);
  });

  it.each([10, 25, 50, 100])('sends %i%% of the requests to the canary', async (weight) => {
    const { proxy, url, stable, canary } = await setup();
    proxy.setWeights(stable.release, canary.release, weight);
    const result = await load({ url, amount: 1000 });
    expect(result.errors + result.non2xx).toBe(0);
    expect(stable.hits + canary.hits).toBe(1000);
    const share = (100 * canary.hits) / 1000;
    expect(Math.abs(share - weight)).toBeLessThanOrEqual(5);
  });

  it('fails no request while the weights change under load', async () => {
    const { proxy, url, stable, canary } = await setup();
    const next = await startRelease('canary-3');
    open.push(next);
    const changes: [Release | undefined, Release | undefined, number][] = [
      [stable.release, canary.release, 10],
      [stable.release, canary.release, 50],
      [stable.release, canary.release, 0],
      [stable.release, canary.release, 100],
      [canary.release, undefined, 0], // promoted: the canary is the stable now
      [canary.release, next.release, 25], // the next rollout, while requests still run on the old pools
      [undefined, next.release, 100],
    ];
    proxy.setWeights(stable.release, undefined, 0);
    const result = await load({ url, amount: 4000, connections: 20 }, (n) => {
      if (n % 500 === 0 && changes.length > 0) proxy.setWeights(...changes.shift()!);
    });
    expect(changes).toEqual([]);
    expect(result).toMatchObject({ errors: 0, timeouts: 0, non2xx: 0 });
    expect(stable.hits + canary.hits + next.hits).toBe(4000);
    expect(next.hits).toBeGreaterThan(0);
  });

  it('sends not one new request to a canary once its weight is set to 0', async () => {
    // Each request carries the sequence number autocannon gave it when it built it; one built after
    // setWeights returned cannot have reached the proxy before, so the canary must never see it.
    let seq = 0;
    let swapAt = Infinity;
    const late: number[] = [];
    let numbered = 0;
    const { proxy, url, stable, canary } = await setup((req) => {
      const n = Number(req.headers['x-seq']);
      if (n > 0) numbered++;
      if (n > swapAt) late.push(n);
      return false;
    });
    proxy.setWeights(stable.release, canary.release, 50);
    const setupRequest = (r: Record<string, unknown>) => ({ ...r, headers: { 'x-seq': String(++seq) } });
    const result = await load({ url, amount: 3000, connections: 20, requests: [{ setupRequest }] }, (n) => {
      if (n === 1000) {
        proxy.setWeights(stable.release, canary.release, 0);
        swapAt = seq;
      }
    });
    expect(result.errors + result.non2xx).toBe(0);
    expect(canary.hits).toBeGreaterThan(400);
    expect(numbered).toBe(canary.hits);
    expect(late).toEqual([]);
    expect(stable.hits).toBeGreaterThan(2000);
  });

  it("counts a canary's 500s as its errors, not the stable's", async () => {
    const { proxy, url, stable, canary } = await setup((_req, res, hit) => {
      if (hit % 20 !== 0) return false;
      res.writeHead(500).end('boom');
      return true;
    });
    proxy.setWeights(stable.release, canary.release, 50);
    const result = await load({ url, amount: 2000 });
    const samples = proxy.takeSamples();
    const c = samples.get('canary-2')!;
    const s = samples.get('stable-1')!;
    expect(c.requests).toBe(canary.hits);
    expect(c.errors).toBe(Math.floor(canary.hits / 20));
    expect(c.latenciesMs).toHaveLength(c.requests - c.errors);
    expect(s).toMatchObject({ requests: stable.hits, errors: 0 });
    expect(s.latenciesMs).toHaveLength(stable.hits);
    expect(result['5xx']).toBe(c.errors);
    // Reading starts a new window.
    expect(proxy.takeSamples().get('canary-2')).toEqual({ requests: 0, errors: 0, latenciesMs: [] });
  });

  it('retries a GET the canary refused on the stable, and counts it as a canary error', async () => {
    const { proxy, url, stable } = await setup();
    const refused: Release = { id: 'refused', version: 'refused', upstream: `http://127.0.0.1:${await closedPort()}` };
    proxy.setWeights(stable.release, refused, 50);
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await get(url));
    expect(answers.map((a) => `${a.status} ${a.release}`)).toEqual(Array(10).fill('200 stable-1'));
    expect(Object.fromEntries(proxy.takeSamples())).toEqual({
      refused: { requests: 5, errors: 5, latenciesMs: [] },
      'stable-1': { requests: 10, errors: 0, latenciesMs: expect.any(Array) },
    });

    // A request with a body cannot be sent twice: the client gets the 502.
    const posts = [];
    for (let i = 0; i < 4; i++) posts.push(await get(url, 'POST', 'payload'));
    expect(posts.map((p) => p.status).sort()).toEqual([200, 200, 502, 502]);
    expect(proxy.takeSamples().get('refused')).toEqual({ requests: 2, errors: 2, latenciesMs: [] });
  });

  it('sends a GET caught on a release switched out and stopped at once to the release routed now', async () => {
    // The old release takes the requests, then dies mid-request once it is out of the table.
    const held: ServerResponse[] = [];
    const old = await startRelease('old', (_req, res) => (held.push(res), true));
    const { proxy, url, stable: next } = await setup();
    open.push(old);
    proxy.setWeights(old.release, undefined, 0);
    const inFlight = [get(url), get(url, 'HEAD'), get(url, 'POST', 'payload')];
    for (let i = 0; held.length < 3; i++) {
      if (i > 500) throw new Error(`only ${held.length} requests reached the old release`);
      await new Promise((r) => setTimeout(r, 10));
    }
    proxy.setWeights(next.release, undefined, 0);
    // Stopped with no drain: its connections are cut with the requests unanswered.
    for (const res of held) res.socket?.destroy();
    const [getAnswer, headAnswer, postAnswer] = await Promise.all(inFlight);
    expect(getAnswer).toMatchObject({ status: 200, release: 'stable-1' });
    expect(headAnswer).toMatchObject({ status: 200, release: 'stable-1' });
    // A request with a body may have had its effect: it is never sent twice.
    expect(postAnswer!.status).toBe(502);
    expect(next.hits).toBe(2);
  });

  it('answers 503 while no release is routed', async () => {
    const { proxy, url, canary } = await setup();
    proxy.setWeights(undefined, canary.release, 0);
    expect((await get(url)).status).toBe(503);
    expect(canary.hits).toBe(0);
  });
});
