import { describe, expect, it } from '@jest/globals';
import { LiveJudge, type LiveLook, type TrafficSample } from '../src/index.js';
import { prng, trafficWindow } from './sampling.js';

interface Release {
  err: number;
  med: number;
}

/**
 * A canary analysis as deploy-canary runs it: `looks` windows of `perWindow` requests per release,
 * each handed to the judge as the router counted it; stops at the first fail, as a rollout would.
 */
function analyse(seed: number, canary: Release, stable: Release, perWindow: number, looks: number): LiveLook[] {
  const rand = prng(seed);
  const judge = new LiveJudge();
  const seen: LiveLook[] = [];
  for (let k = 1; k <= looks; k++) {
    const look = judge.look(
      k / looks,
      trafficWindow(rand, perWindow, canary.err, canary.med),
      trafficWindow(rand, perWindow, stable.err, stable.med),
    );
    seen.push(look);
    if (look.verdict === 'fail') break;
  }
  return seen;
}

const empty: TrafficSample = { requests: 0, errors: 0, latenciesMs: [] };

describe('a canary judged on live traffic', () => {
  it('catches 5% errors against a stable 0.1% within the first looks, naming both releases', () => {
    const looks = analyse(1, { err: 0.05, med: 20 }, { err: 0.001, med: 20 }, 200, 30);
    expect(looks.at(-1)!.verdict).toBe('fail');
    expect(looks.length).toBeLessThanOrEqual(5);
    expect(looks.at(-1)!.reason).toMatch(/^canary error rate 5\.\d% vs stable 0\.\d+% \(z /);
    expect(looks.slice(0, -1).every((l) => l.verdict === 'pass')).toBe(true);
  });

  it('catches a canary 150 ms slower within the first looks', () => {
    const looks = analyse(2, { err: 0.001, med: 170 }, { err: 0.001, med: 20 }, 200, 30);
    expect(looks.at(-1)!.verdict).toBe('fail');
    expect(looks.length).toBeLessThanOrEqual(3);
    expect(looks.at(-1)!.reason).toMatch(/^canary median latency 1\d\d\.\d ms vs stable 2\d\.\d ms/);
  });

  it('raises at most 1% false alarms on identical releases over 200 analyses of 20 looks', () => {
    let alarms = 0;
    for (let seed = 100; seed < 300; seed++)
      if (analyse(seed, { err: 0.002, med: 20 }, { err: 0.002, med: 20 }, 50, 20).at(-1)!.verdict === 'fail') alarms++;
    expect(alarms).toBeLessThanOrEqual(2);
  });

  it('passes a look that finds no regression, with the totals and numbers it stood on', () => {
    const looks = analyse(3, { err: 0.002, med: 20 }, { err: 0.002, med: 20 }, 100, 5);
    expect(looks.map((l) => l.verdict)).toStrictEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
    expect(looks[4]!.canary.requests).toBe(500);
    expect(looks[4]!.reason).toMatch(
      /^no regression at this look: canary error rate \d\.\d+% vs stable \d\.\d+%, median latency \d+\.\d vs \d+\.\d ms, over 500 and 500 requests$/,
    );
  });
});

describe('thin windows', () => {
  it('calls a window with too few requests on either side inconclusive, never a pass, and takes no look', () => {
    const rand = prng(4);
    const judge = new LiveJudge();
    for (const [canary, stable] of [
      [5, 1000],
      [1000, 19],
      [0, 0],
    ] as const) {
      const look = judge.look(0.5, trafficWindow(rand, canary, 0.001, 20), trafficWindow(rand, stable, 0.001, 20));
      expect(look.verdict).toBe('inconclusive');
      expect(look.reason).toMatch(/^too thin to compare: .* in this window, fewer than 20 on a side$/);
      expect(look.look).toBeUndefined();
    }
    expect(judge.looks).toHaveLength(0);
  });

  it('is inconclusive, not a pass, even when a thin window is all errors', () => {
    const judge = new LiveJudge();
    const stable = trafficWindow(prng(5), 1000, 0.001, 20);
    expect(judge.look(0.1, { requests: 10, errors: 10, latenciesMs: [] }, stable).verdict).toBe('inconclusive');
  });

  it('waits for the judge minimum in all before the first look, counting thin windows in the totals', () => {
    const rand = prng(6);
    const judge = new LiveJudge({ minWindowRequests: 10 });
    const thin = judge.look(0.1, trafficWindow(rand, 5, 0, 20), trafficWindow(rand, 5, 0, 20));
    const few = judge.look(0.2, trafficWindow(rand, 30, 0, 20), trafficWindow(rand, 30, 0, 20));
    expect(few.verdict).toBe('inconclusive');
    expect(few.reason).toBe(
      'too thin to compare: the canary served 35 and the stable 35 requests in all, fewer than 50 on a side',
    );
    const enough = judge.look(0.3, trafficWindow(rand, 30, 0, 20), trafficWindow(rand, 30, 0, 20));
    expect([thin.verdict, enough.verdict]).toStrictEqual(['inconclusive', 'pass']);
    expect(enough.canary).toStrictEqual({ requests: 65, errors: 0 });
    expect(judge.looks).toHaveLength(1);
  });
});

describe('counts no router can have seen', () => {
  const ok = trafficWindow(prng(7), 100, 0, 20);
  it.each([
    ['more errors than requests', { requests: 5, errors: 6, latenciesMs: [] }],
    ['a negative count', { requests: -1, errors: 0, latenciesMs: [] }],
    ['a fraction', { requests: 1.5, errors: 0, latenciesMs: [1] }],
    ['more latencies than successes', { requests: 2, errors: 1, latenciesMs: [1, 2] }],
    ['a latency that is not a duration', { requests: 1, errors: 0, latenciesMs: [NaN] }],
  ])('refuses %s, leaving the totals as they were', (_label, bad: TrafficSample) => {
    const judge = new LiveJudge();
    expect(() => judge.look(0.5, ok, bad)).toThrow(RangeError);
    expect(judge.look(0.5, empty, empty).canary.requests).toBe(0);
  });
});
