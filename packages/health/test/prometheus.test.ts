import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { needsTool } from '../../../test/harness.js';
import { userError } from '../../../test/matchers.js';
import { RecordingLogger, systemClock } from '@slipway/action-kit/lite';
import {
  evaluateQuery,
  parseQueries,
  parseStatusRanges,
  verifyHealth,
  type NoDataPolicy,
  type VerifyOptions,
} from '../src/index.js';
import { metricsService, startPrometheus } from './prometheus.js';
import { closedPort, httpServer, type TestServer } from './servers.js';

describe('PromQL query lines', () => {
  it('splits at the last comparison and names a bad line', () => {
    expect(
      parseQueries('errors: sum(rate(x{code=~"5.."}[1m])) / sum(rate(x[1m])) < 0.05\n# comment\nup_ok: min(up) >= 1'),
    ).toStrictEqual([
      { name: 'errors', promql: 'sum(rate(x{code=~"5.."}[1m])) / sum(rate(x[1m]))', op: '<', threshold: 0.05 },
      { name: 'up_ok', promql: 'min(up)', op: '>=', threshold: 1 },
    ]);
    expect(() => parseQueries('errors sum(x) < 1')).toThrow(userError('queries'));
    expect(() => parseQueries('errors: sum(x) < high')).toThrow(/is not a query line/);
  });
});

needsTool('prometheus').describe('against a real Prometheus', () => {
  let prom: { url: string; stop(): void };
  let svc: Awaited<ReturnType<typeof metricsService>>;
  let app: TestServer;
  beforeAll(async () => {
    svc = await metricsService();
    svc.ratio.set(0.01);
    prom = await startPrometheus(svc.port);
    app = await httpServer();
    const q = parseQueries('ratio: slipway_test_error_ratio < 0.05')[0]!;
    for (let i = 0; i < 100; i++) {
      if ((await evaluateQuery(prom.url, q, fetch, 0)).values.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  afterAll(async () => {
    prom?.stop();
    await svc?.close();
    await app?.close();
  });

  const opts = (queries: string, noData: NoDataPolicy = 'fail', extra: Partial<VerifyOptions> = {}): VerifyOptions => ({
    urls: [app.url],
    spec: {
      method: 'GET',
      headers: {},
      timeoutMs: 1000,
      expectStatus: parseStatusRanges('200-399'),
      insecureTls: false,
    },
    waitMs: 1000,
    retryDelayMs: 50,
    durationMs: 0,
    rate: 20,
    maxErrorRate: 0.01,
    intervalMs: 500,
    prometheus: { url: prom.url, queries: parseQueries(queries), noData, http: fetch },
    ...extra,
  });
  const run = (o: VerifyOptions) => verifyHealth(o, { clock: systemClock, logger: new RecordingLogger() });

  it('passes when every query holds, and fails with the numbers when one does not', async () => {
    svc.ratio.set(0.01);
    const ok = await run(opts('ratio: slipway_test_error_ratio < 0.05'));
    expect(ok).toMatchObject({ verdict: 'pass' });
    expect(ok.queries?.[0]?.values).toStrictEqual([0.01]);
    const bad = await run(opts('ratio: slipway_test_error_ratio < 0.005'));
    expect(bad.verdict).toBe('fail');
    expect(bad.reason).toBe('query ratio: 0.01 is not < 0.005');
  });

  it('lets no-data decide an empty result', async () => {
    const q = 'missing: slipway_not_a_metric < 1';
    expect((await run(opts(q, 'fail'))).reason).toBe('query missing: the query returned no data');
    expect((await run(opts(q, 'pass'))).verdict).toBe('pass');
    const inconclusive = await run(opts(q, 'inconclusive'));
    expect(inconclusive.verdict).toBe('inconclusive');
    expect(inconclusive.reason).toMatch(/no-data: inconclusive/);
  });

  it("surfaces Prometheus' own error text", async () => {
    const r = await run(opts('broken: sum(rate(x[1m]) < 1'));
    expect(r.verdict).toBe('fail');
    expect(r.reason).toMatch(/^query broken: Prometheus error: bad_data: .*parse error/);
  });

  it('fails a soak early when a query breaks for three evaluations in a row', async () => {
    svc.ratio.set(0.01);
    const flip = setTimeout(() => svc.ratio.set(0.3), 500);
    const t = performance.now();
    const r = await run(opts('ratio: slipway_test_error_ratio < 0.05', 'fail', { durationMs: 20_000 }));
    clearTimeout(flip);
    svc.ratio.set(0.01);
    expect(r.verdict).toBe('fail');
    expect(r.reason).toMatch(/^query ratio: 0\.3 is not < 0\.05 for 3 evaluations in a row$/);
    expect(performance.now() - t).toBeLessThan(20_000); // stopped before the soak's end
  });

  describe('with no URL: the queries judge alone', () => {
    const metricsOnly = (queries: string, noData: NoDataPolicy = 'fail', extra: Partial<VerifyOptions> = {}) =>
      opts(queries, noData, { urls: [], ...extra });
    // The test before sets the ratio to 0.3 and back: wait until Prometheus has scraped 0.01 again.
    beforeAll(async () => {
      svc.ratio.set(0.01);
      const q = parseQueries('ratio: slipway_test_error_ratio == 0.01')[0]!;
      for (let i = 0; i < 100; i++) {
        if ((await evaluateQuery(prom.url, q, fetch, 0)).passed === true) break;
        await new Promise((r) => setTimeout(r, 200));
      }
    });

    it('passes on one evaluation, skipping readiness and saying so, with no probe numbers', async () => {
      const logger = new RecordingLogger();
      const r = await verifyHealth(metricsOnly('ratio: slipway_test_error_ratio < 0.05'), {
        clock: systemClock,
        logger,
      });
      expect(r).toMatchObject({ verdict: 'pass', reason: 'every query held: ratio: 0.01 < 0.05', samples: 0 });
      expect(r.readiness).toStrictEqual({
        attempts: 0,
        readyAfterMs: null,
        skipped: 'no url to probe: the verdict comes from the Prometheus queries alone',
      });
      expect([r.errorRate, r.p50, r.p95, r.p99]).toStrictEqual([NaN, NaN, NaN, NaN]);
      expect(r.checks.map((c) => c.name)).toStrictEqual(['query ratio']); // no readiness or error-rate row
      expect(r.windows).toStrictEqual([]);
      expect(logger.messages('info').join('\n')).toMatch(/readiness skipped \(no url to probe/);
    });

    it('evaluates every interval for the duration, the last interval cut short', async () => {
      const r = await run(metricsOnly('ratio: slipway_test_error_ratio < 0.05', 'fail', { durationMs: 1200 }));
      expect(r.verdict).toBe('pass');
      expect(r.queries).toHaveLength(3); // at 500, 1000 and 1200 ms
      expect(r.reason).toBe('every query held over 1 s (3 evaluations): ratio: 0.01 < 0.05');
    });

    it('fails with the numbers, at once without a soak and after three breaches in a row with one', async () => {
      const once = await run(metricsOnly('ratio: slipway_test_error_ratio < 0.005'));
      expect(once).toMatchObject({ verdict: 'fail', reason: 'query ratio: 0.01 is not < 0.005' });
      const soak = await run(
        metricsOnly('ratio: slipway_test_error_ratio < 0.005', 'fail', { durationMs: 60_000, intervalMs: 200 }),
      );
      expect(soak.verdict).toBe('fail');
      expect(soak.reason).toBe('query ratio: 0.01 is not < 0.005 for 3 evaluations in a row');
      expect(soak.queries).toHaveLength(3); // stopped early, long before the 300 evaluations of the duration
    });

    it('lets no-data decide, never passing an inconclusive result', async () => {
      const q = 'missing: slipway_not_a_metric < 1';
      expect(await run(metricsOnly(q, 'fail'))).toMatchObject({
        verdict: 'fail',
        reason: 'query missing: the query returned no data',
      });
      expect(await run(metricsOnly(q, 'pass'))).toMatchObject({
        verdict: 'pass',
        reason: 'every query held: missing: the query returned no data (no-data: pass)',
      });
      const soak = await run(metricsOnly(q, 'inconclusive', { durationMs: 1000 }));
      expect(soak.verdict).toBe('inconclusive');
      expect(soak.reason).toBe('query missing: the query returned no data (no-data: inconclusive)');
    });
  });
});

describe('nothing to judge', () => {
  it('refuses no URL and no queries, or a baseline with no candidate, naming url', async () => {
    const base: VerifyOptions = {
      urls: [],
      spec: { method: 'GET', headers: {}, timeoutMs: 1000, expectStatus: parseStatusRanges('2xx'), insecureTls: false },
      waitMs: 1000,
      retryDelayMs: 50,
      durationMs: 0,
      rate: 20,
      maxErrorRate: 0.01,
      intervalMs: 500,
    };
    const seams = { clock: systemClock, logger: new RecordingLogger() };
    await expect(verifyHealth(base, seams)).rejects.toThrow(userError('url', /is required unless prometheus-url/));
    await expect(verifyHealth({ ...base, baselineUrls: ['http://127.0.0.1:1/'] }, seams)).rejects.toThrow(
      userError('url', /baseline-url is set/),
    );
  });
});

describe('an unreachable Prometheus', () => {
  it('puts the connection error in the reason and lets no-data decide', async () => {
    const app = await httpServer();
    const url = `http://127.0.0.1:${await closedPort()}`;
    const base: VerifyOptions = {
      urls: [app.url],
      spec: {
        method: 'GET',
        headers: {},
        timeoutMs: 1000,
        expectStatus: parseStatusRanges('200-399'),
        insecureTls: false,
      },
      waitMs: 1000,
      retryDelayMs: 50,
      durationMs: 0,
      rate: 20,
      maxErrorRate: 0.01,
      intervalMs: 500,
    };
    const fail = await verifyHealth(
      { ...base, prometheus: { url, queries: parseQueries('up: up > 0'), noData: 'fail', http: fetch } },
      { clock: systemClock, logger: new RecordingLogger() },
    );
    const pass = await verifyHealth(
      { ...base, prometheus: { url, queries: parseQueries('up: up > 0'), noData: 'pass', http: fetch } },
      { clock: systemClock, logger: new RecordingLogger() },
    );
    await app.close();
    expect(fail.verdict).toBe('fail');
    expect(fail.reason).toMatch(/^query up: Prometheus at http:\/\/127\.0\.0\.1:\d+ unreachable \(ECONNREFUSED\)$/);
    expect(pass.verdict).toBe('pass');
  });
});
