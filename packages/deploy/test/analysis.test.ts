// One step's analysis against a router whose counts the test decides, on a clock that moves only
// when the analysis sleeps; the canary's health path is a real local server.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { ManualClock, nullLogger } from '@slipway/action-kit/lite';
import { analyseStep } from '../src/controller/analysis.js';
import type { Release, TrafficRouter, TrafficSample } from '../src/types.js';

const stable: Release = { id: 'stable-1', version: '1', upstream: 'http://127.0.0.1:1' };
const canary: Release = { id: 'canary-2', version: '2', upstream: 'http://127.0.0.1:1' };

let health: Server;
let healthUrl = '';
beforeAll(async () => {
  health = createServer((_q, r) => r.end('ok'));
  await new Promise<void>((r) => health.listen(0, '127.0.0.1', () => r()));
  healthUrl = `http://127.0.0.1:${(health.address() as { port: number }).port}/healthz`;
});
afterAll(() => {
  health.closeAllConnections();
  health.close();
});

const sample = (requests: number, errors: number): TrafficSample => ({
  requests,
  errors,
  latenciesMs: Array.from({ length: requests - errors }, () => 5),
});

/** A router that reports, at each read after the first, what `window(n)` says for the n-th look. */
function scriptedRouter(window: (look: number) => { canary: TrafficSample; stable: TrafficSample }): TrafficRouter {
  let reads = 0;
  return {
    name: 'scripted',
    frontDoor: 'http://127.0.0.1:1',
    setWeights: async () => {},
    readTraffic: async () => {
      const n = reads++;
      if (n === 0) return new Map();
      const w = window(n);
      return new Map([
        [canary.id, w.canary],
        [stable.id, w.stable],
      ]);
    },
    close: async () => {},
  };
}

const base = () => ({
  canary,
  index: 0,
  weight: 10,
  healthUrl,
  maxErrorRate: 0.01,
  logger: nullLogger,
  canaryAlive: () => true,
});

describe('analyseStep', () => {
  it('still fails on live traffic in a window extended for min-requests', async () => {
    // Thin and healthy for the first window (so min-requests extends it), then half the canary's answers fail.
    const router = scriptedRouter((n) => ({
      canary: n <= 10 ? sample(30, 0) : sample(30, 15),
      stable: sample(300, 0),
    }));
    const report = await analyseStep({
      ...base(),
      router,
      stable,
      windowMs: 10_000,
      minRequests: 1000,
      clock: new ManualClock(),
    });
    expect(report.verdict).toBe('fail');
    expect(report.evidence).toBe('live traffic');
    expect(report.reason).toMatch(/^live traffic: /);
  });

  it('passes a healthy canary on live traffic, with its share of the requests', async () => {
    const router = scriptedRouter(() => ({ canary: sample(30, 0), stable: sample(270, 0) }));
    const report = await analyseStep({
      ...base(),
      router,
      stable,
      windowMs: 5000,
      minRequests: 0,
      clock: new ManualClock(),
    });
    expect(report).toMatchObject({ verdict: 'pass', evidence: 'live traffic', canaryShare: 10 });
  });

  it('at 100% judges the canary on its own live traffic, and says so', async () => {
    const router = scriptedRouter(() => ({ canary: sample(100, 0), stable: sample(0, 0) }));
    const report = await analyseStep({
      ...base(),
      weight: 100,
      router,
      stable: undefined,
      windowMs: 3000,
      minRequests: 0,
      clock: new ManualClock(),
    });
    expect(report).toMatchObject({ verdict: 'pass', evidence: 'live traffic' });
  });

  it('without live traffic judges on probes alone, and says so', async () => {
    const router = scriptedRouter(() => ({ canary: sample(0, 0), stable: sample(0, 0) }));
    const report = await analyseStep({
      ...base(),
      router,
      stable,
      windowMs: 3000,
      minRequests: 0,
      clock: new ManualClock(),
    });
    expect(report).toMatchObject({ verdict: 'pass', evidence: 'probes only' });
    expect(report.reason).toMatch(/judged on probes alone/);
    expect(report.probes.failed).toBe(0);
    expect(report.probes.sent).toBeGreaterThan(0);
  });
});
