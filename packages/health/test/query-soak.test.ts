// The schedule and the tolerance of a metrics-only soak, on a manual clock with Prometheus answers
// scripted at the HTTP boundary (the real server is in prometheus.test.ts): exact evaluation
// times and blips, which a live scrape cannot place.
import { describe, expect, it } from '@jest/globals';
import { ManualClock, RecordingLogger, type Http } from '@slipway/action-kit/lite';
import { parseQueries, parseStatusRanges, verifyHealth, type VerifyOptions } from '../src/index.js';

/** A Prometheus answering each query with the next of `values`, as /api/v1/query's vector. */
function scripted(values: number[]): Http {
  let i = 0;
  return (async () => {
    const value = values[Math.min(i++, values.length - 1)]!;
    const result = [{ metric: {}, value: [1_700_000_000, String(value)] }];
    return new Response(JSON.stringify({ status: 'success', data: { resultType: 'vector', result } }));
  }) as Http;
}

const options = (values: number[], durationMs: number): VerifyOptions => ({
  urls: [],
  spec: { method: 'GET', headers: {}, timeoutMs: 1000, expectStatus: parseStatusRanges('2xx'), insecureTls: false },
  waitMs: 1000,
  retryDelayMs: 50,
  durationMs,
  rate: 5,
  maxErrorRate: 0.01,
  intervalMs: 500,
  prometheus: {
    url: 'http://prometheus.test',
    queries: parseQueries('ratio: ratio < 0.05'),
    noData: 'fail',
    http: scripted(values),
  },
});
const run = (o: VerifyOptions) => verifyHealth(o, { clock: new ManualClock(), logger: new RecordingLogger() });

describe('a metrics-only soak', () => {
  it('evaluates at the end of every interval, the last one cut short at the duration', async () => {
    const r = await run(options([0.01], 1700));
    expect(r.queries!.map((e) => e.at)).toStrictEqual([500, 1000, 1500, 1700]);
    expect(r.reason).toBe('every query held over 2 s (4 evaluations): ratio: 0.01 < 0.05');
  });

  it('tolerates breaches shorter than three in a row, without calling the query held', async () => {
    const r = await run(options([0.01, 0.3, 0.3, 0.01, 0.3], 2500));
    expect(r.verdict).toBe('pass');
    expect(r.reason).toBe(
      'no query breached for long enough to fail over 3 s (5 evaluations); last: ratio: 0.3 is not < 0.05',
    );
  });

  it('fails at the third breach in a row and stops evaluating', async () => {
    const r = await run(options([0.01, 0.3, 0.3, 0.3, 0.01], 60_000));
    expect(r).toMatchObject({ verdict: 'fail', reason: 'query ratio: 0.3 is not < 0.05 for 3 evaluations in a row' });
    expect(r.queries).toHaveLength(4);
  });

  it('fails a query that never held, even once', async () => {
    const r = await run(options([0.3, 0.3], 1000));
    expect(r).toMatchObject({ verdict: 'fail', reason: 'query ratio: 0.3 is not < 0.05 for 2 evaluations in a row' });
  });
});
