import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecordingLogger, systemClock, UserError } from '@slipway/action-kit/lite';
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
    assert.deepEqual([200, 201, 205, 301, 404].map(ok), [true, false, true, true, false]);
    for (const bad of ['20', '299-200', '600', 'abc', '200-', ''])
      assert.throws(
        () => parseStatusRanges(bad),
        (e: unknown) => e instanceof UserError && e.subject.input === 'expect-status',
        bad,
      );
  });
  it('checks JSON assertions and reports what failed', () => {
    const a = parseJsonAssertions(
      'status == "ok"\nchecks.db.healthy == true\nchecks.db.latency_ms < 50\nitems[1] == 2',
    );
    assert.deepEqual(
      failedAssertions({ status: 'ok', checks: { db: { healthy: true, latency_ms: 3 } }, items: [1, 2] }, a),
      [],
    );
    assert.deepEqual(failedAssertions({ status: 'degraded', checks: { db: { latency_ms: 80 } }, items: [] }, a), [
      'status is "degraded", expected == "ok"',
      'checks.db.healthy is missing, expected == true',
      'checks.db.latency_ms is 80, expected < 50',
      'items.1 is missing, expected == 2',
    ]);
    assert.throws(() => parseJsonAssertions('status = ok'), /is not an assertion/);
    assert.throws(() => parseJsonAssertions('status == ok'), /'ok' in 'status == ok' is not a JSON value/);
    assert.throws(
      () => parseBodyRegex('(unclosed'),
      (e: unknown) => e instanceof UserError && e.subject.input === 'expect-body',
    );
  });
  it('classifies network errors', () => {
    const e = (code: string, message = ''): Error => Object.assign(new Error(message), { code });
    assert.deepEqual(
      [
        e('ENOTFOUND'),
        e('ECONNREFUSED'),
        e('ECONNRESET'),
        e('', 'socket hang up'),
        e('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'),
      ].map(failureKind),
      ['dns', 'refused', 'reset', 'reset', 'tls'],
    );
  });
  it('computes percentiles', () => {
    assert.deepEqual(percentiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), { p50: 5.5, p95: 9.6, p99: 9.9 });
  });
});

describe('readiness against real servers', () => {
  it('passes as soon as every URL answers as expected', async () => {
    const a = await httpServer();
    const b = await httpServer();
    const r = await run(options([a.url, b.url]));
    await Promise.all([a.close(), b.close()]);
    assert.equal(r.verdict, 'pass');
    assert.equal(r.readiness.attempts, 1);
    assert.match(r.reason, /^ready: 2 URLs answered as expected$/);
  });

  it('fails with the count and kind when nothing listens', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/healthz`;
    const r = await run(options([url], { waitMs: 300 }));
    assert.equal(r.verdict, 'fail');
    assert.match(r.reason, /^(\d+) of \1 probes failed: connection refused on http:\/\/127\.0\.0\.1:\d+\/healthz$/);
    assert.ok((r.failures.refused ?? 0) >= 2, 'retried with backoff');
  });

  it('names a wrong status, a body mismatch and a failed JSON assertion', async () => {
    const s = await httpServer({ status: 503, body: '{"status":"down"}' });
    const status = await run(options([s.url], { waitMs: 100 }));
    assert.match(status.reason, /probes failed: status 503/);
    s.faults.status = 200;
    const body = await run(options([s.url], { waitMs: 100, spec: spec({ expectBody: /"ok"/ }) }));
    assert.match(body.reason, /body does not match \/"ok"\//);
    const json = await run(
      options([s.url], { waitMs: 100, spec: spec({ expectJson: parseJsonAssertions('status == "ok"') }) }),
    );
    assert.match(json.reason, /status is "down", expected == "ok"/);
    await s.close();
  });

  it('counts slow headers as timeouts', async () => {
    const s = await httpServer({ delayMs: 400 });
    const r = await run(options([s.url], { waitMs: 150, spec: spec({ timeoutMs: 100 }) }));
    await s.close();
    assert.equal(r.verdict, 'fail');
    assert.ok((r.failures.timeout ?? 0) >= 1);
    assert.match(r.reason, /no complete answer within 100 ms/);
  });

  it('refuses a self-signed certificate unless insecure-tls is set', async () => {
    const s = await httpsServer();
    const strict = await run(options([s.url], { waitMs: 100 }));
    const insecure = await run(options([s.url], { spec: spec({ insecureTls: true }) }));
    await s.close();
    assert.equal(strict.verdict, 'fail');
    assert.ok((strict.failures.tls ?? 0) >= 1, JSON.stringify(strict.failures));
    assert.equal(insecure.verdict, 'pass');
  });
});

describe('soak against real servers', () => {
  it('passes a healthy service with percentiles and windows', async () => {
    const s = await httpServer();
    const r = await run(options([s.url], { durationMs: 1500, rate: 40 }));
    await s.close();
    assert.equal(r.verdict, 'pass', r.reason);
    assert.ok(r.samples >= 50 && r.samples <= 65, `~60 samples, got ${r.samples}`);
    assert.equal(r.errorRate, 0);
    assert.ok(r.windows.length >= 5);
    assert.ok(r.p95 > 0 && r.p95 < 50);
  });

  it('fails a sustained error rate early, before the soak ends', async () => {
    const s = await httpServer({ failEvery: 5 });
    const t = performance.now();
    const r = await run(options([s.url], { durationMs: 10_000, rate: 40, failureLimit: 3 }));
    await s.close();
    assert.equal(r.verdict, 'fail');
    assert.match(r.reason, /^error rate 2\d\.\d% > 1\.0% for 3 windows in a row \(\d s into the soak\) on http:/);
    assert.ok(performance.now() - t < 3000, 'stopped early');
  });

  it('tolerates one bad window but fails on the whole sample when the SLO is broken overall', async () => {
    const s = await httpServer();
    const blip = setTimeout(() => (s.faults.failEvery = 1), 600);
    const heal = setTimeout(() => (s.faults.failEvery = 0), 800);
    const r = await run(options([s.url], { durationMs: 2000, rate: 40, maxErrorRate: 0.2, failureLimit: 3 }));
    clearTimeout(blip);
    clearTimeout(heal);
    await s.close();
    assert.equal(r.verdict, 'pass', r.reason);
    assert.ok(
      r.windows.some((w) => w.breaches.length > 0),
      'the blip was seen',
    );
  });

  it('fails a latency SLO with the numbers', async () => {
    const s = await httpServer({ delayMs: 60 });
    const r = await run(options([s.url], { durationMs: 1200, rate: 20, maxP95Ms: 30, failureLimit: 100 }));
    await s.close();
    assert.equal(r.verdict, 'fail');
    assert.match(r.reason, /^p95 6\d(\.\d)? ms > 30 ms on http:/);
  });

  it('is inconclusive with too few samples', async () => {
    const s = await httpServer();
    const r = await run(options([s.url], { durationMs: 200, rate: 5 }));
    await s.close();
    assert.equal(r.verdict, 'inconclusive');
    assert.match(r.reason, /only \d samples in the soak/);
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
    assert.equal(r.verdict, 'fail');
    assert.match(
      r.reason,
      /^candidate error rate 10\.\d% vs baseline 0\.00% \(z [\d.]+, p [\d.e+-]+ < [\d.e+-]+\) after \d+ s on http:\S+ against http:\S+$/,
    );
    assert.ok(performance.now() - t < 8000, 'decided in seconds');
    assert.ok((r.looks ?? []).length >= 1);
  });

  it('passes a candidate equal to its baseline, with the looks in the report', async () => {
    const candidate = await httpServer();
    const baseline = await httpServer();
    const r = await run(
      options([candidate.url], { durationMs: 2000, rate: 60, intervalMs: 500, baselineUrls: [baseline.url] }),
    );
    await Promise.all([candidate.close(), baseline.close()]);
    assert.equal(r.verdict, 'pass', r.reason);
    assert.ok(r.baseline && r.baseline.samples >= 100);
  });

  it('calls a baseline with no successful sample a data problem', async () => {
    const candidate = await httpServer();
    const baseline = await httpServer({ status: 500 });
    const r = await run(
      options([candidate.url], { durationMs: 1500, rate: 40, intervalMs: 500, baselineUrls: [baseline.url] }),
    );
    await Promise.all([candidate.close(), baseline.close()]);
    assert.equal(r.verdict, 'inconclusive');
    assert.match(r.reason, /gave no successful sample .*a data problem/);
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
    assert.equal(r.verdict, 'fail');
    assert.ok((r.failures.reset ?? 0) >= 1, JSON.stringify(r.failures));
    assert.match(r.reason, /probes failed: connection reset on http:/);
  });
});
