// The daemon's traffic window: exact counts, a bounded uniform sample of latencies, totals kept.
import { describe, expect, it } from '@jest/globals';
import { TrafficLedger } from '../src/providers/local/traffic.js';

const sample = (requests: number, errors: number, latenciesMs: number[]) => ({ requests, errors, latenciesMs });

describe('traffic ledger', () => {
  it('keeps counts exact and at most `cap` latencies, sampled across the whole window', () => {
    const ledger = new TrafficLedger(100);
    for (let batch = 0; batch < 10; batch++)
      ledger.add(
        new Map([
          [
            'a',
            sample(
              1000,
              10,
              Array.from({ length: 990 }, (_, i) => batch * 1000 + i),
            ),
          ],
        ]),
      );
    const a = ledger.take().get('a')!;
    expect(a.requests).toBe(10_000);
    expect(a.errors).toBe(100);
    expect(a.latenciesMs).toHaveLength(100);
    // Uniform over the window: the later batches are represented, not just the first 100 values.
    expect(a.latenciesMs.filter((ms) => ms >= 5000).length).toBeGreaterThan(20);
  });

  it('starts a new window on take and keeps the totals', () => {
    const ledger = new TrafficLedger();
    ledger.add(new Map([['a', sample(3, 1, [1, 2])]]));
    ledger.take();
    ledger.add(
      new Map([
        ['a', sample(2, 0, [5, 6])],
        ['b', sample(1, 1, [])],
      ]),
    );
    expect(Object.fromEntries(ledger.take())).toEqual({ a: sample(2, 0, [5, 6]), b: sample(1, 1, []) });
    expect(ledger.take().size).toBe(0);
    expect(ledger.cumulative()).toEqual({ a: { requests: 5, errors: 1 }, b: { requests: 1, errors: 1 } });
  });
});
