import { describe, expect, it } from '@jest/globals';
import { present, userError } from '../../../test/matchers.js';
import { ManualClock, RecordingLogger, systemClock } from '@slipway/action-kit/lite';
import {
  failedAssertions,
  failureKind,
  parseBodyRegex,
  parseJsonAssertions,
  parseStatusRanges,
  percentiles,
  verifyHealth,
  type VerifyOptions,
} from '../src/index.js';
import { closedPort, httpServer, httpsServer } from './servers.js';

const spec = (extra: Partial<VerifyOptions['spec']> = {}): VerifyOptions['spec'] => ({
  method: 'GET',
  headers: {},
  timeoutMs: 1000,
  expectStatus: parseStatusRanges('200-399'),
  insecureTls: false,
  ...extra,
});
const options = (urls: string[], extra: Partial<VerifyOptions> = {}): VerifyOptions => ({
  urls,
  spec: spec(),
  waitMs: 2000,
  retryDelayMs: 50,
  durationMs: 0,
  rate: 50,
  maxErrorRate: 0.01,
  intervalMs: 250,
  ...extra,
});
const run = (o: VerifyOptions) => verifyHealth(o, { clock: systemClock, logger: new RecordingLogger() });

describe('expectations', () => {
  it('parses status codes, ranges and classes, and names the bad part', () => {
    const ok = parseStatusRanges('200, 204-206,3xx');
    expect([200, 201, 205, 301, 404].map(ok)).toStrictEqual([true, false, true, true, false]);
    for (const bad of ['20', '299-200', '600', 'abc', '200-', ''])
      expect(() => parseStatusRanges(bad)).toThrow(userError('expect-status'));
  });
  it('checks JSON assertions and reports what failed', () => {
    const a = parseJsonAssertions(
      'status == "ok"\nchecks.db.healthy == true\nchecks.db.latency_ms < 50\nitems[1] == 2',
    );
    expect(
      failedAssertions({ status: 'ok', checks: { db: { healthy: true, latency_ms: 3 } }, items: [1, 2] }, a),
    ).toStrictEqual([]);
    expect(failedAssertions({ status: 'degraded', checks: { db: { latency_ms: 80 } }, items: [] }, a)).toStrictEqual([
      'status is "degraded", expected == "ok"',
      'checks.db.healthy is missing, expected == true',
      'checks.db.latency_ms is 80, expected < 50',
      'items.1 is missing, expected == 2',
    ]);
    expect(() => parseJsonAssertions('status = ok')).toThrow(/is not an assertion/);
    expect(() => parseJsonAssertions('status == ok')).toThrow(/'ok' in 'status == ok' is not a JSON value/);
    expect(() => parseBodyRegex('(unclosed')).toThrow(userError('expect-body'));
  });
  it('classifies network errors', () => {
    const e = (code: string, message = ''): Error => Object.assign(new Error(message), { code });
    expect(
      [
        e('ENOTFOUND'),
        e('ECONNREFUSED'),
        e('ECONNRESET'),
        e('', 'socket hang up'),
        e('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'),
      ].map(failureKind),
    ).toStrictEqual(['dns', 'refused', 'reset', 'reset', 'tls']);
  });
  it('computes percentiles', () => {
    expect(percentiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toStrictEqual({ p50: 5.5, p95: 9.6, p99: 9.9 });
  });
});

describe('readiness against real servers', () => {
  it('passes as soon as every URL answers as expected', async () => {
    const a = await httpServer();
    const b = await httpServer();
    const r = await run(options([a.url, b.url]));
    await Promise.all([a.close(), b.close()]);
    expect(r.verdict).toBe('pass');
    expect(r.readiness.attempts).toBe(1);
    expect(r.reason).toMatch(/^ready: 2 URLs answered as expected$/);
  });

  it('fails with the count and kind when nothing listens, after retrying with backoff', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/healthz`;
    // A manual clock makes the schedule exact whatever the machine's load: tries at 0, 50 and
    // 150 ms; the next (at 350 ms) would pass the 300 ms wait.
    const r = await verifyHealth(options([url], { waitMs: 300 }), {
      clock: new ManualClock(),
      logger: new RecordingLogger(),
    });
    expect(r.verdict).toBe('fail');
    expect(r.reason).toBe(`3 of 3 probes failed: connection refused on ${url}`);
    expect(r.readiness.attempts).toBe(3);
    expect(r.failures.refused).toBe(3);
  });

  it('names a wrong status, a body mismatch and a failed JSON assertion', async () => {
    const s = await httpServer({ status: 503, body: '{"status":"down"}' });
    const status = await run(options([s.url], { waitMs: 100 }));
    expect(status.reason).toMatch(/probes failed: status 503/);
    s.faults.status = 200;
    const body = await run(options([s.url], { waitMs: 100, spec: spec({ expectBody: /"ok"/ }) }));
    expect(body.reason).toMatch(/body does not match \/"ok"\//);
    const json = await run(
      options([s.url], { waitMs: 100, spec: spec({ expectJson: parseJsonAssertions('status == "ok"') }) }),
    );
    expect(json.reason).toMatch(/status is "down", expected == "ok"/);
    await s.close();
  });

  it('counts slow headers as timeouts', async () => {
    const s = await httpServer({ delayMs: 400 });
    const r = await run(options([s.url], { waitMs: 150, spec: spec({ timeoutMs: 100 }) }));
    await s.close();
    expect(r.verdict).toBe('fail');
    expect(r.failures.timeout ?? 0).toBeGreaterThanOrEqual(1);
    expect(r.reason).toMatch(/no complete answer within 100 ms/);
  });

  it('refuses a self-signed certificate unless insecure-tls is set', async () => {
    const s = await httpsServer();
    const strict = await run(options([s.url], { waitMs: 100 }));
    const insecure = await run(options([s.url], { spec: spec({ insecureTls: true }) }));
    await s.close();
    expect(strict.verdict).toBe('fail');
    expect(strict.failures.tls ?? 0).toBeGreaterThanOrEqual(1);
    expect(insecure.verdict).toBe('pass');
  });
});

describe('soak against real servers', () => {
  it('passes a healthy service with percentiles and windows', async () => {
    const s = await httpServer();
    const r = await run(options([s.url], { durationMs: 1500, rate: 40 }));
    await s.close();
    expect(r).toMatchObject({ verdict: 'pass', errorRate: 0 });
    // 40/s for 1.5 s schedules exactly 60 probes (at 0, 25, …, 1475 ms); a busy machine can only
    // delay the last ones past the soak's end, never add any.
    expect(r.samples).toBeLessThanOrEqual(60);
    expect(r.samples).toBeGreaterThanOrEqual(30);
    expect(r.windows.length).toBeGreaterThanOrEqual(2);
    expect(r.p95).toBeGreaterThan(0);
    expect(r.p95).toBeLessThan(1000); // the probe timeout: anything slower would have failed
  });

  it('fails a sustained error rate early, before the soak ends', async () => {
    const s = await httpServer({ failEvery: 5 });
    const t = performance.now();
    const r = await run(options([s.url], { durationMs: 10_000, rate: 40, failureLimit: 3 }));
    await s.close();
    expect(r.verdict).toBe('fail');
    // Every fifth answer fails: about 20% per window, the exact figure depending on how many
    // probes a window holds on a busy machine.
    const m = present(
      /^error rate (\d+\.\d)% > 1\.0% for 3 windows in a row \((\d) s into the soak\) on http:/.exec(r.reason),
    );
    expect(Number(m[1])).toBeGreaterThan(1);
    expect(Number(m[1])).toBeLessThanOrEqual(50);
    expect(performance.now() - t).toBeLessThan(10_000); // stopped before the soak's end
  });

  it('tolerates one bad window but fails on the whole sample when the SLO is broken overall', async () => {
    // Requests 25 to 32 fail: one window's worth, counted in requests rather than timed, so that a
    // busy machine cannot stretch the blip.
    const s = await httpServer({ failRequests: [25, 32] });
    const r = await run(options([s.url], { durationMs: 2000, rate: 40, maxErrorRate: 0.2, failureLimit: 3 }));
    await s.close();
    expect(r).toMatchObject({ verdict: 'pass' });
    expect(r.windows.filter((w) => w.breaches.length > 0).length).toBeGreaterThanOrEqual(1); // the blip was seen
    expect(r.windows.filter((w) => w.breaches.length > 0).length).toBeLessThan(3);
  });

  it('fails a latency SLO with the numbers', async () => {
    const s = await httpServer({ delayMs: 60 });
    const r = await run(options([s.url], { durationMs: 1200, rate: 20, maxP95Ms: 30, failureLimit: 100 }));
    await s.close();
    expect(r.verdict).toBe('fail');
    // The server waits 60 ms before answering, so p95 is at least that; load only adds to it.
    const m = present(/^p95 (\d+(?:\.\d)?) ms > 30 ms on http:\/\/127\.0\.0\.1:\d+\/healthz/.exec(r.reason));
    expect(Number(m[1])).toBeGreaterThanOrEqual(60);
  });

  it('is inconclusive with too few samples', async () => {
    const s = await httpServer();
    const r = await run(options([s.url], { durationMs: 200, rate: 5 }));
    await s.close();
    expect(r.verdict).toBe('inconclusive');
    expect(r.reason).toMatch(/only \d samples in the soak/);
  });
});

describe('against a baseline (real servers)', () => {
  it('fails a candidate that errs more than its baseline, early, naming both', async () => {
    const candidate = await httpServer({ failEvery: 10 });
    const baseline = await httpServer();
    const t = performance.now();
    const r = await run(
      options([candidate.url], {
        durationMs: 20_000,
        rate: 100,
        maxErrorRate: 1,
        intervalMs: 500,
        baselineUrls: [baseline.url],
      }),
    );
    await Promise.all([candidate.close(), baseline.close()]);
    expect(r.verdict).toBe('fail');
    // Every tenth answer fails. On a busy machine a probe can also time out on either side, so
    // the figures are not exact; what holds is that the candidate erred more than its baseline.
    const m = present(
      /^candidate error rate (\d+\.\d)% vs baseline (\d+\.\d+)% \(z [\d.]+, p [\d.e+-]+ < [\d.e+-]+\) after \d+ s on http:\S+ against http:\S+$/.exec(
        r.reason,
      ),
    );
    expect(Number(m[1])).toBeGreaterThan(Number(m[2]));
    expect(performance.now() - t).toBeLessThan(20_000); // decided before the soak's end
    expect((r.looks ?? []).length).toBeGreaterThanOrEqual(1);
  });

  it('passes a candidate equal to its baseline, with the looks in the report', async () => {
    const candidate = await httpServer();
    const baseline = await httpServer();
    const r = await run(
      options([candidate.url], { durationMs: 2000, rate: 60, intervalMs: 500, baselineUrls: [baseline.url] }),
    );
    await Promise.all([candidate.close(), baseline.close()]);
    expect(r).toMatchObject({ verdict: 'pass' });
    // 60/s for 2 s schedules 120 baseline probes; a busy machine can only push the last ones out.
    expect(present(r.baseline).samples).toBeGreaterThanOrEqual(60);
    expect(present(r.baseline).samples).toBeLessThanOrEqual(120);
  });

  it('calls a baseline with no successful sample a data problem', async () => {
    const candidate = await httpServer();
    const baseline = await httpServer({ status: 500 });
    const r = await run(
      options([candidate.url], { durationMs: 1500, rate: 40, intervalMs: 500, baselineUrls: [baseline.url] }),
    );
    await Promise.all([candidate.close(), baseline.close()]);
    expect(r.verdict).toBe('inconclusive');
    expect(r.reason).toMatch(/gave no successful sample .*a data problem/);
  });
});

describe('a server that resets connections', () => {
  it('counts resets as failed probes of kind reset, never a crash', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((req) => req.socket.destroy());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    const r = await run(options([url], { waitMs: 200 }));
    server.close();
    expect(r.verdict).toBe('fail');
    expect(r.failures.reset ?? 0).toBeGreaterThanOrEqual(1);
    expect(r.reason).toMatch(/probes failed: connection reset on http:/);
  });
});
