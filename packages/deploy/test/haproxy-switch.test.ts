// The haproxy router moving traffic from one release to another under keep-alive clients, against
// a real HAProxy: after a switch resolves, no request reaches the release that left, though it
// keeps running (HAProxy would otherwise go on using the connections it holds to it). Assertions
// are on which release answered, never on time.
import { afterEach, beforeEach, expect } from '@jest/globals';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeTree, needsTool, removeTree } from '../../../test/harness.js';
import { createHaproxyRouter, type HaproxyRouterOptions } from '../src/providers/haproxy/router.js';
import type { Release, TrafficRouter } from '../src/types.js';
import {
  load,
  startHaproxy,
  startRelease,
  startSlowRelease,
  steadyClient,
  type SteadyClient,
  type TestHaproxy,
} from './haproxy-harness.js';

const { describe, it } = needsTool('haproxy');

/** Answers per phase: enough that a stale connection would show, few enough for a busy runner. */
const PER_PHASE = 400;

describe('haproxy router switching releases under keep-alive clients', () => {
  let dir: string;
  let haproxy: TestHaproxy;
  let client: SteadyClient | undefined;
  const closers: (() => Promise<void>)[] = [];

  const routerWith = (options: HaproxyRouterOptions = {}): Promise<TrafficRouter> =>
    createHaproxyRouter(
      {
        stateDir: dir,
        environment: 'test',
        settings: { 'haproxy-socket': haproxy.adminSocket, 'haproxy-backend': 'app' },
      },
      options,
    );
  const releases = async (...ids: string[]) => {
    const started = await Promise.all(ids.map((id) => startRelease(id)));
    for (const r of started) closers.push(() => r.close());
    return started;
  };
  /** Runs one switch, then waits for PER_PHASE answers to requests sent after it resolved; returns who answered those. */
  const switched = async (move: () => Promise<void>): Promise<Record<string, number>> => {
    await move();
    const phase = client!.nextPhase();
    await client!.answered(phase, PER_PHASE);
    return client!.tally(phase);
  };
  /** Only `ids` answered (every one of them at least once), and nothing failed. */
  const only = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, expect.any(Number)]));

  beforeEach(async () => {
    dir = makeTree({}, 'slipway-haproxy-switch-');
    haproxy = await startHaproxy(dir);
  }, 60_000);

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    await Promise.all(closers.splice(0).map((close) => close()));
    await haproxy?.stop();
    removeTree(dir);
  });

  it('a promotion-shaped switch: every request sent after setWeights(B, undefined, 0) resolves is answered by B, while A runs on', async () => {
    const [a, b] = await releases('1.0.0-aaaaaaa', '1.1.0-bbbbbbb');
    const router = await routerWith();
    await router.setWeights(a, undefined, 0);
    client = steadyClient(haproxy.url);
    await client.answered(0, PER_PHASE);
    expect(client.tally(0)).toEqual(only(a!.id));

    expect(await switched(() => router.setWeights(b, undefined, 0))).toEqual(only(b!.id));
    // A was never stopped: it still answers when asked directly.
    expect(await (await fetch(a!.upstream)).text()).toBe(a!.id);
  }, 120_000);

  it('A → B → A, as a rollback does: after each switch every request is answered by the release switched to', async () => {
    const [a, b] = await releases('1.0.0-aaaaaaa', '1.1.0-bbbbbbb');
    const router = await routerWith();
    await router.setWeights(a, undefined, 0);
    client = steadyClient(haproxy.url);
    await client.answered(0, PER_PHASE);

    expect(await switched(() => router.setWeights(b, undefined, 0))).toEqual(only(b!.id));
    expect(await switched(() => router.setWeights(a, undefined, 0))).toEqual(only(a!.id));
    expect(await switched(() => router.setWeights(b, undefined, 0))).toEqual(only(b!.id));
  }, 120_000);

  it("a canary's life: split, promoted, then the next canary set up in the old stable's server, which no request of the old stable reaches", async () => {
    const [a, b, c] = await releases('1.0.0-aaaaaaa', '1.1.0-bbbbbbb', '1.2.0-ccccccc');
    const router = await routerWith();
    await router.setWeights(a, undefined, 0);
    client = steadyClient(haproxy.url);
    await client.answered(0, PER_PHASE);

    expect(await switched(() => router.setWeights(a, b, 50))).toEqual(only(a!.id, b!.id));
    expect(await switched(() => router.setWeights(b, undefined, 0))).toEqual(only(b!.id));
    expect(await switched(() => router.setWeights(b, c, 10))).toEqual(only(b!.id, c!.id));
    expect(await switched(() => router.setWeights(c, undefined, 0))).toEqual(only(c!.id));
  }, 120_000);

  it('a server taking a new release first lets the requests still running on its previous one finish', async () => {
    // Every answer of A takes a while, so A's requests are in flight when its server goes out; the
    // next release set up in that server must not inherit their connections.
    const a = await startSlowRelease('1.0.0-aaaaaaa', 150);
    closers.push(() => a.close());
    const [b, c] = await releases('1.1.0-bbbbbbb', '1.2.0-ccccccc');
    const router = await routerWith();
    await router.setWeights(a, undefined, 0);
    client = steadyClient(haproxy.url);
    await client.answered(0, 30);

    await router.setWeights(b, undefined, 0);
    // At once, while A still answers: C goes to the server A leaves (B serves from the other one).
    expect(await switched(() => router.setWeights(c, undefined, 0))).toEqual(only(c!.id));
    expect(client.answers.filter((x) => x.from.startsWith('error'))).toEqual([]);
  }, 120_000);

  it('requests still held on the previous release past the wait are cut, and the new release gets every request after', async () => {
    const a = await startSlowRelease('1.0.0-aaaaaaa', 0);
    closers.push(() => a.close());
    const [b, c] = await releases('1.1.0-bbbbbbb', '1.2.0-ccccccc');
    const router = await routerWith({ idleWaitMs: 200 });
    await router.setWeights(a, undefined, 0);
    client = steadyClient(haproxy.url);
    await client.answered(0, 30);
    a.holding = true;
    while (a.open === 0) await new Promise((r) => setTimeout(r, 10));

    await router.setWeights(b, undefined, 0);
    expect(await switched(() => router.setWeights(c, undefined, 0))).toEqual(only(c!.id));
  }, 120_000);

  it('counts follow the release, not the server, and a later router reads them from the slot file', async () => {
    const [a, b, c] = await releases('1.0.0-aaaaaaa', '1.1.0-bbbbbbb', '1.2.0-ccccccc');
    const router = await routerWith();
    const step = async (r: TrafficRouter, stable: Release, canary: Release | undefined, weight: number) => {
      await r.setWeights(stable, canary, weight);
      await r.readTraffic();
    };
    const hitsAfterLoad = async (r: TrafficRouter) => {
      for (const x of [a, b, c]) x!.hits = 0;
      expect(await load(haproxy.url, 1000)).toEqual({ ok: 1000, failed: 0, lost: 0 });
      const traffic = await r.readTraffic();
      return Object.fromEntries(
        [a, b, c].map((x) => [x!.id, { hits: x!.hits, counted: traffic?.get(x!.id)?.requests ?? 0 }]),
      );
    };
    const countedAsServed = (seen: Record<string, { hits: number; counted: number }>): void => {
      for (const { hits, counted } of Object.values(seen)) expect(counted).toBe(hits);
    };

    await step(router, a!, b, 50);
    countedAsServed(await hitsAfterLoad(router));
    await step(router, b!, undefined, 0);
    const promoted = await hitsAfterLoad(router);
    expect(promoted[b!.id]).toEqual({ hits: 1000, counted: 1000 });
    await step(router, b!, c, 20);
    const split = await hitsAfterLoad(router);
    countedAsServed(split);
    expect(split[a!.id]!.hits).toBe(0);
    expect(split[c!.id]!.hits).toBeGreaterThan(0);

    // The slot file names the release each server serves: B kept the server it had as canary.
    const file = JSON.parse(readFileSync(join(dir, 'test', 'haproxy-slots.json'), 'utf8')) as {
      servers: Record<string, { release: string }>;
    };
    expect(file.servers.canary?.release).toBe(b!.id);
    expect(file.servers.stable?.release).toBe(c!.id);

    // A later run's router credits traffic before it has moved anything.
    const later = await routerWith();
    countedAsServed(await hitsAfterLoad(later));

    // Without the file, it still finds the releases where HAProxy has them: C's promotion keeps C's server.
    rmSync(join(dir, 'test', 'haproxy-slots.json'));
    const lost = await routerWith();
    await lost.setWeights(c, undefined, 0);
    const rows = await hitsAfterLoad(lost);
    expect(rows[c!.id]).toEqual({ hits: 1000, counted: 1000 });
  }, 120_000);
});
