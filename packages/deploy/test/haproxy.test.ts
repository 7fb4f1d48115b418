// The haproxy router against a real HAProxy (started here, on a temporary configuration) and two
// real release servers, under autocannon load. Assertions are on shares and counts, never on time.
import { afterAll, beforeAll, expect } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { makeTree, needsTool, removeTree } from '../../../test/harness.js';
import { userError } from '../../../test/matchers.js';
import { routerFor } from '../src/index.js';
import { createHaproxyRouter } from '../src/providers/haproxy/router.js';
import { RuntimeApi } from '../src/providers/haproxy/runtime-api.js';
import type { TrafficRouter } from '../src/types.js';
import { load, startHaproxy, startRelease, type ReleaseServer, type TestHaproxy } from './haproxy-harness.js';

const { describe, it } = needsTool('haproxy');

describe('haproxy router', () => {
  let dir: string;
  let haproxy: TestHaproxy;
  let stable: ReleaseServer;
  let canary: ReleaseServer;
  let router: TrafficRouter;
  const settings = (more: Record<string, string> = {}): Record<string, string> => ({
    'haproxy-socket': haproxy.adminSocket,
    'haproxy-backend': 'app',
    ...more,
  });
  const context = (s: Record<string, string>) => ({ stateDir: dir, environment: 'test', settings: s });
  const resetHits = (): void => {
    stable.hits = 0;
    canary.hits = 0;
  };

  beforeAll(async () => {
    dir = makeTree({}, 'slipway-haproxy-');
    haproxy = await startHaproxy(dir);
    stable = await startRelease('1.0.0-aaaaaaa');
    canary = await startRelease('1.1.0-bbbbbbb');
    // Through the registry, as deploy-canary will build it.
    router = await routerFor('haproxy', context(settings()));
  }, 60_000);

  afterAll(async () => {
    await router?.close();
    await Promise.all([haproxy?.stop(), stable?.close(), canary?.close()]);
    removeTree(dir);
  });

  it.each([10, 50, 100])(
    'sends %i%% of requests to the canary, within 5 points',
    async (weight) => {
      await router.setWeights(stable, canary, weight);
      resetHits();
      const result = await load(haproxy.url, 2000);
      expect(result).toEqual({ ok: 2000, failed: 0, lost: 0 });
      expect(stable.hits + canary.hits).toBe(2000);
      expect(Math.abs((canary.hits / 2000) * 100 - weight)).toBeLessThanOrEqual(5);
    },
    60_000,
  );

  it('fails no request while weights and releases move under load', async () => {
    // The operator's hand, not the router's: put the canary slot back to the configuration's placeholder.
    const api = new RuntimeApi(haproxy.adminSocket);
    const toPlaceholder = async (): Promise<void> => {
      await api.send('set server app/canary state maint');
      await api.send('set server app/canary addr 127.0.0.1 port 1');
    };
    await router.setWeights(stable, undefined, 0);
    resetHits();
    let done = false;
    const running = load(haproxy.url, 8000, 20).finally(() => (done = true));
    let cycles = 0;
    do {
      await toPlaceholder();
      // Raising a fresh canary slot must never reach 127.0.0.1:1, which would answer 503.
      // (Straight to 50, so that a request sent into a wrong window has even odds of showing.)
      for (const w of [50, 1, 10, 25, 75, 100]) await router.setWeights(stable, canary, w);
      // Promoted; the next deploy's canary (here the old stable) moves into the canary slot while
      // the promoted release moves over to the stable slot, both serving.
      await router.setWeights(canary, stable, 10);
      await router.setWeights(canary, stable, 0);
      await router.setWeights(stable, canary, 50);
      await router.setWeights(stable, canary, 0);
      cycles++;
    } while (!done);
    const result = await running;
    expect(result).toEqual({ ok: 8000, failed: 0, lost: 0 });
    expect(cycles).toBeGreaterThan(0);
    expect(canary.hits).toBeGreaterThan(0);
  }, 120_000);

  it('sends no new request to the canary once setWeights(…, 0) resolves', async () => {
    await router.setWeights(stable, canary, 50);
    resetHits();
    const connections = 10;
    const running = load(haproxy.url, 4000, connections);
    while (canary.hits < 200) await new Promise((r) => setTimeout(r, 5));
    await router.setWeights(stable, canary, 0);
    const atAbort = canary.hits;
    expect(await running).toEqual({ ok: 4000, failed: 0, lost: 0 });
    // Requests HAProxy had already sent on their way: at most one per client connection.
    expect(canary.hits - atAbort).toBeLessThanOrEqual(connections);
    const before = canary.hits;
    await router.readTraffic();
    expect(await load(haproxy.url, 1000)).toEqual({ ok: 1000, failed: 0, lost: 0 });
    expect(canary.hits).toBe(before);
    expect((await router.readTraffic())?.get(canary.id)).toMatchObject({ requests: 0, errors: 0 });
  }, 60_000);

  it('counts a canary answering 500 to one request in 20 as canary errors', async () => {
    await router.setWeights(stable, canary, 50);
    await router.readTraffic();
    resetHits();
    canary.failEvery = 20;
    try {
      const result = await load(haproxy.url, 2000);
      const failures = Math.floor(canary.hits / 20);
      expect(result).toEqual({ ok: 2000 - failures, failed: failures, lost: 0 });
      const traffic = await router.readTraffic();
      expect(traffic?.get(canary.id)).toMatchObject({ requests: canary.hits, errors: failures });
      expect(traffic?.get(stable.id)).toMatchObject({ requests: stable.hits, errors: 0 });
      for (const sample of traffic?.values() ?? [])
        for (const ms of sample.latenciesMs) expect(Number.isFinite(ms) && ms >= 0).toBe(true);
      // A second reading holds only what came since the first: nothing.
      const again = await router.readTraffic();
      expect(again?.get(canary.id)).toMatchObject({ requests: 0, errors: 0 });
      expect(again?.get(stable.id)).toMatchObject({ requests: 0, errors: 0 });
    } finally {
      canary.failEvery = 0;
    }
  }, 60_000);

  describe('refuses what the user can fix, naming the input', () => {
    let silent: Server;
    let silentPath: string;

    beforeAll(async () => {
      // A socket that accepts and hangs up without a word: not HAProxy.
      silentPath = join(dir, 'silent.sock');
      silent = createServer((s) => s.once('data', () => s.end()));
      await new Promise<void>((r) => silent.listen(silentPath, () => r()));
      writeFileSync(join(dir, 'plain-file'), '');
    });
    afterAll(() => new Promise<void>((r) => silent.close(() => r())));

    it.each<[string, Record<string, string>, string, RegExp]>([
      ['no haproxy-socket', { 'haproxy-socket': '' }, 'haproxy-socket', /required/],
      ['no haproxy-backend', { 'haproxy-backend': ' ' }, 'haproxy-backend', /required/],
      [
        'a socket path that does not exist',
        { 'haproxy-socket': '/nonexistent/admin.sock' },
        'haproxy-socket',
        /does not exist/,
      ],
      ['a file nothing listens on', { 'haproxy-socket': 'plain-file' }, 'haproxy-socket', /nothing listens/],
      ['a socket that answers nothing', { 'haproxy-socket': 'silent.sock' }, 'haproxy-socket', /does not answer like/],
      ['an operator-level socket', { 'haproxy-socket': 'operator.sock' }, 'haproxy-socket', /level operator/],
      ['an unknown backend', { 'haproxy-backend': 'nope' }, 'haproxy-backend', /not a backend/],
      ['a backend without the canary slot', { 'haproxy-backend': 'lonely' }, 'haproxy-backend', /no server 'canary'/],
      [
        'a backend name that is two words',
        { 'haproxy-backend': 'app web' },
        'haproxy-backend',
        /not a HAProxy backend name/,
      ],
    ])('%s', async (_, more, input, message) => {
      // Relative socket names are resolved against the test's folder.
      const socket = more['haproxy-socket'];
      const resolved: Record<string, string> =
        socket && !socket.startsWith('/') ? { 'haproxy-socket': join(dir, socket) } : {};
      await expect(createHaproxyRouter(context(settings({ ...more, ...resolved })))).rejects.toThrow(
        userError(input, message),
      );
    });

    it('a backend whose balance algorithm ignores weights, on the first step', async () => {
      const fixed = await createHaproxyRouter(context(settings({ 'haproxy-backend': 'fixed' })));
      await expect(fixed.setWeights(stable, canary, 10)).rejects.toThrow(userError('haproxy-backend', /static/));
    });
  });
});
