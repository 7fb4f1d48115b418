import { describe, expect, it } from '@jest/globals';
import { alphaSpent, mannWhitney, normalSf, SequentialJudge, twoProportion, type Side } from '../src/index.js';
import { latency, prng } from './sampling.js';

function sample(rand: () => number, side: Side, n: number, errorRate: number, medianMs: number): void {
  for (let i = 0; i < n; i++) {
    side.n++;
    if (rand() < errorRate) side.errors++;
    else side.latencies.push(latency(rand, medianMs));
  }
}

describe('statistics', () => {
  it('computes normal tail probabilities far into the tail', () => {
    for (const [z, p] of [
      [0, 0.5],
      [1.959964, 0.025],
      [3, 0.0013499],
      [5, 2.8665e-7],
      [8, 6.221e-16],
    ] as const) {
      expect(Math.abs(normalSf(z) - p) / p).toBeLessThan(1e-4);
    }
    expect(Math.abs(normalSf(-1.959964) - 0.975)).toBeLessThan(1e-6);
  });

  it('spends alpha by a Pocock-type function: all of it by the end, most of it early', () => {
    expect(alphaSpent(0.01, 0)).toBe(0);
    expect(Math.abs(alphaSpent(0.01, 1) - 0.01)).toBeLessThan(1e-12);
    expect(alphaSpent(0.01, 0.5)).toBeGreaterThan(0.005);
  });

  it('computes Mann-Whitney U with ties', () => {
    const r = mannWhitney([3, 4, 5, 5], [1, 2, 3, 5]);
    // ranks: 1,2,3.5,3.5,5,7,7,7 → candidate ranks 3.5+5+7+7=22.5, U = 22.5 - 10 = 12.5
    expect(r.u).toBe(12.5);
    expect(r.p).toBeLessThan(0.2);
    expect(r.p).toBeGreaterThan(0.01);
    expect(mannWhitney([], [1]).p).toBe(1);
  });

  it('tests proportions one-sided', () => {
    expect(twoProportion(50, 1000, 1, 1000).p).toBeLessThan(1e-10);
    expect(twoProportion(1, 1000, 50, 1000).p).toBeGreaterThan(0.99); // a better candidate is not worse
  });
});

describe('sequential judgement', () => {
  const run = (
    seed: number,
    cand: { err: number; med: number },
    base: { err: number; med: number },
    rps = 200,
    seconds = 30,
    lookEvery = 1,
  ): { failedAt?: number; reason?: string } => {
    const rand = prng(seed);
    const judge = new SequentialJudge();
    const c: Side = { n: 0, errors: 0, latencies: [] };
    const b: Side = { n: 0, errors: 0, latencies: [] };
    for (let s = lookEvery; s <= seconds; s += lookEvery) {
      sample(rand, c, rps * lookEvery, cand.err, cand.med);
      sample(rand, b, rps * lookEvery, base.err, base.med);
      const look = judge.look(s / seconds, c, b);
      if (look?.fail) return { failedAt: s, reason: look.fail };
    }
    return {};
  };

  it('never spends alpha twice when t falls back', () => {
    const judge = new SequentialJudge();
    const side = (): Side => ({ n: 100, errors: 0, latencies: Array.from({ length: 100 }, () => 5) });
    const spent = [1, 0.5, 0.8, 1].map((t) => judge.look(t, side(), side())!.nominalAlpha);
    expect(spent[0]).toBeGreaterThan(0);
    expect(spent.slice(1)).toStrictEqual([0, 0, 0]);
  });

  it('catches a candidate with 5% errors against 0.1% within seconds at 200 requests/s', () => {
    const r = run(1, { err: 0.05, med: 20 }, { err: 0.001, med: 20 });
    expect(r.failedAt).not.toBe(undefined);
    expect(r.failedAt).toBeLessThanOrEqual(5);
    expect(r.reason!).toMatch(/^candidate error rate 5\.\d% vs baseline 0\.\d+% \(z /);
  });

  it('catches +150 ms median latency within seconds', () => {
    const r = run(2, { err: 0.001, med: 170 }, { err: 0.001, med: 20 });
    expect(r.failedAt).not.toBe(undefined);
    expect(r.failedAt).toBeLessThanOrEqual(3);
    expect(r.reason!).toMatch(/^candidate median latency 1\d\d\.\d ms vs baseline 2\d\.\d ms/);
  });

  it('does not fail a statistically significant but negligible slowdown', () => {
    const r = run(3, { err: 0.001, med: 21 }, { err: 0.001, med: 20 }, 200, 60);
    expect(r.failedAt).toBeUndefined();
  });

  it('keeps false alarms on identical services at or below 1% over 200 runs of 20 looks', () => {
    let falseFails = 0;
    const runs = 200;
    for (let seed = 100; seed < 100 + runs; seed++)
      if (run(seed, { err: 0.002, med: 20 }, { err: 0.002, med: 20 }, 50, 20).failedAt !== undefined) falseFails++;
    expect(falseFails).toBeLessThanOrEqual(runs * 0.01);
  });
});
