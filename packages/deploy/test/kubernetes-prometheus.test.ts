// Live traffic from Prometheus counters, read look by look (the real Prometheus is in
// kubernetes-deploy.test.ts): growth per release, counter resets, no series, an unreachable server.
import { describe, expect, it } from '@jest/globals';
import { RecordingLogger, type Http } from '@slipway/action-kit/lite';
import { PromTraffic } from '../src/providers/kubernetes/prometheus-traffic.js';

/** A Prometheus whose counters the test sets, per Deployment and query; `down` makes it unreachable. */
function prometheus(counters: Record<string, { requests?: number; errors?: number }>, state = { down: false }): Http {
  return (async (input: string | URL | Request) => {
    if (state.down) throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const query = new URL(String(input)).searchParams.get('query')!;
    const deployment = /pod=~"([a-z-]+?)-\[/.exec(query)![1]!;
    const value = query.includes('code=~') ? counters[deployment]?.errors : counters[deployment]?.requests;
    const result = value === undefined ? [] : [{ metric: {}, value: [1_700_000_000, String(value)] }];
    return new Response(JSON.stringify({ status: 'success', data: { resultType: 'vector', result } }));
  }) as Http;
}

const QUERIES = {
  requestsQuery: 'sum(http_requests_total{pod=~"$deployment-[a-z0-9]+-[a-z0-9]+"})',
  errorsQuery: 'sum(http_requests_total{pod=~"$deployment-[a-z0-9]+-[a-z0-9]+", code=~"5.."})',
};
const RELEASES = [
  { id: 'stable-1', deployment: 'web' },
  { id: 'canary-2', deployment: 'web-canary' },
];

describe('PromTraffic', () => {
  it("reports what each release's counters grew since the previous look, and nothing at the first", async () => {
    const counters: Record<string, { requests?: number; errors?: number }> = {
      web: { requests: 1000, errors: 10 },
      'web-canary': { requests: 5, errors: 0 },
    };
    const traffic = new PromTraffic({
      url: 'http://prom',
      ...QUERIES,
      http: prometheus(counters),
      logger: new RecordingLogger(),
    });
    const first = await traffic.read(RELEASES);
    expect(first?.get('stable-1')).toStrictEqual({ requests: 0, errors: 0, latenciesMs: [] });
    counters.web = { requests: 1090, errors: 11 };
    counters['web-canary'] = { requests: 15, errors: 4 };
    const second = await traffic.read(RELEASES);
    expect(second?.get('stable-1')).toStrictEqual({ requests: 90, errors: 1, latenciesMs: [] });
    expect(second?.get('canary-2')).toStrictEqual({ requests: 10, errors: 4, latenciesMs: [] });
  });

  it('counts a counter that went down (its pods restarted) from zero, and a Deployment with no series yet as no traffic', async () => {
    const counters: Record<string, { requests?: number; errors?: number }> = { web: { requests: 500, errors: 0 } };
    const traffic = new PromTraffic({
      url: 'http://prom',
      ...QUERIES,
      http: prometheus(counters),
      logger: new RecordingLogger(),
    });
    await traffic.read(RELEASES);
    counters.web = { requests: 30, errors: 0 };
    counters['web-canary'] = { requests: 8, errors: 2 };
    const after = await traffic.read(RELEASES);
    expect(after?.get('stable-1')?.requests).toBe(30);
    // The canary's series appeared after the baseline: all of it is new traffic.
    expect(after?.get('canary-2')).toStrictEqual({ requests: 8, errors: 2, latenciesMs: [] });
  });

  it('says once that Prometheus cannot be reached, and reports no traffic rather than none served', async () => {
    const state = { down: true };
    const logger = new RecordingLogger();
    const traffic = new PromTraffic({ url: 'http://prom', ...QUERIES, http: prometheus({}, state), logger });
    expect(await traffic.read(RELEASES)).toBeUndefined();
    expect(await traffic.read(RELEASES)).toBeUndefined();
    expect(logger.messages('warning')).toHaveLength(1);
    expect(logger.messages('warning')[0]).toMatch(
      /prometheus-url: requests-query: Prometheus at http:\/\/prom\/? unreachable/,
    );
  });
});
