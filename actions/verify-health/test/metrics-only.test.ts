// The action with prometheus-url and queries and no url, run as the runner runs it, against a real
// Prometheus: what the log, outputs, report and summary show when there is nothing to probe.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { evaluateQuery, parseQueries } from '@slipway/health';
import { needsTool } from '../../../test/harness.js';
import { metricsService, startPrometheus } from '../../../packages/health/test/prometheus.js';
import { runMain } from './run-main.js';

describe('verify-health with no url', () => {
  it('names url, and what else would do, when nothing is given to judge', async () => {
    const run = await runMain({});
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/url.*is required unless prometheus-url and queries are given/);
    expect(run.stdout).not.toMatch(/Input required and not supplied/);
  }, 100_000);
});

needsTool('prometheus').describe('verify-health on Prometheus queries alone', () => {
  let prom: { url: string; stop(): void };
  let svc: Awaited<ReturnType<typeof metricsService>>;
  beforeAll(async () => {
    svc = await metricsService();
    svc.ratio.set(0.01);
    prom = await startPrometheus(svc.port);
    const q = parseQueries('ratio: slipway_test_error_ratio < 0.05')[0]!;
    for (let i = 0; i < 100; i++) {
      if ((await evaluateQuery(prom.url, q, fetch, 0)).values.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  afterAll(async () => {
    prom?.stop();
    await svc?.close();
  });

  it('passes with the queries as the only checks, the probe outputs empty and readiness said to be skipped', async () => {
    const run = await runMain({
      'prometheus-url': prom.url,
      queries: 'ratio: slipway_test_error_ratio < 0.05',
      duration: '1s',
      interval: '500ms',
    });
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({
      healthy: 'true',
      verdict: 'pass',
      'error-rate': '',
      p50: '',
      p95: '',
      p99: '',
    });
    expect(run.outputs.reason).toBe('every query held over 1 s (2 evaluations): ratio: 0.01 < 0.05');
    const report = JSON.parse(run.outputs.report!) as { readiness: { skipped?: string }; samples: number };
    expect(report.readiness.skipped).toMatch(/^no url to probe/);
    expect(report.samples).toBe(0);
    expect(run.stdout).toMatch(/readiness skipped/);
    expect(run.summary).toMatch(/Readiness skipped: no url to probe/);
    expect(run.summary).toMatch(/query ratio/);
    expect(run.summary).not.toMatch(/error rate|readiness \|/); // no probe check pretending to have run
  }, 100_000);

  it('fails with the breaching query as the reason', async () => {
    const run = await runMain({ 'prometheus-url': prom.url, queries: 'ratio: slipway_test_error_ratio < 0.005' });
    expect(run.status).toBe(1);
    expect(run.outputs).toMatchObject({
      healthy: 'false',
      verdict: 'fail',
      reason: 'query ratio: 0.01 is not < 0.005',
    });
  }, 100_000);
});
