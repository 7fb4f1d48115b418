import type { Clock, Logger } from '@slipway/action-kit/lite';
import { QueryTracker } from './query-tracker.js';
import { Prober, type FailureKind, type ProbeResult } from './probe.js';
import { percentiles } from './stats.js';
import { displayUrls } from './display.js';
import { checkLoad } from './limits.js';
import { DEFAULT_COMPARE, SequentialJudge, type Side } from './compare.js';
import { checkSubject, verifyByQueries } from './query-soak.js';
import type { Verdict, VerifyOptions, VerifyResult, WindowStats } from './types.js';

const pct = (x: number): string => `${(x * 100).toFixed(x < 0.01 ? 2 : 1)}%`;

/** A failure in words a person reads first: "connection refused", "status 503". */
function describeFailure(r: ProbeResult): string {
  const f = r.failure!;
  switch (f.kind) {
    case 'refused':
      return 'connection refused';
    case 'dns':
      return 'DNS lookup failed';
    case 'reset':
      return 'connection reset';
    case 'tls':
      return `TLS error (${f.detail})`;
    default:
      return f.detail;
  }
}

function describeFailures(results: readonly ProbeResult[]): string {
  const kinds = new Map<string, number>();
  for (const r of results) if (r.failure) kinds.set(describeFailure(r), (kinds.get(describeFailure(r)) ?? 0) + 1);
  return [...kinds]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => (kinds.size > 1 ? `${k} (${n})` : k))
    .join(', ');
}

/**
 * Readiness, then soak. Readiness probes every URL until each answers as expected, backing off
 * from retry-delay up to 10 s, until `wait` runs out. The soak probes each URL at `rate` per
 * second, open loop (a slow answer does not delay the next probe, so slowness is not hidden), and
 * judges each `interval`: a window breaches when its error rate or p95 passes the SLO; the soak
 * fails early after `failureLimit` breaching windows in a row, and at its end on the whole sample.
 * URLs appear in reasons with their passwords as `***`; the load is bounded by checkLoad.
 * Without URLs the verdict comes from the Prometheus queries alone (see verifyByQueries).
 */
export async function verifyHealth(o: VerifyOptions, seams: { clock: Clock; logger: Logger }): Promise<VerifyResult> {
  const { clock, logger } = seams;
  checkSubject({
    urls: o.urls.length,
    baselineUrls: o.baselineUrls?.length ?? 0,
    queries: o.prometheus?.queries.length ?? 0,
  });
  if (o.urls.length === 0 && o.prometheus) return verifyByQueries(o, o.prometheus, seams);
  checkLoad({ urls: o.urls.length, baselineUrls: o.baselineUrls?.length ?? 0, rate: o.rate, durationMs: o.durationMs });
  const prober = new Prober(o.spec);
  const failures: Partial<Record<FailureKind, number>> = {};
  const count = (r: ProbeResult): void => {
    if (r.failure) failures[r.failure.kind] = (failures[r.failure.kind] ?? 0) + 1;
  };
  try {
    // Readiness
    const started = clock.monotonic();
    const pending = new Set(o.urls);
    const tried: ProbeResult[] = [];
    let attempts = 0;
    let delay = o.retryDelayMs;
    while (pending.size > 0) {
      const round = await Promise.all([...pending].map((u) => prober.probe(u, clock.monotonic() - started)));
      attempts++;
      for (const r of round) {
        tried.push(r);
        if (r.ok) pending.delete(r.url);
        else count(r);
      }
      if (pending.size === 0) break;
      const elapsed = clock.monotonic() - started;
      if (elapsed + delay > o.waitMs) {
        const failed = tried.filter((r) => !r.ok && pending.has(r.url));
        const reason = `${failed.length} of ${tried.filter((r) => pending.has(r.url)).length} probes failed: ${describeFailures(failed)} on ${displayUrls([...pending])}`;
        return empty('fail', reason, failures, {
          attempts,
          readyAfterMs: null,
          lastFailure: failed.at(-1)?.failure?.detail,
        });
      }
      await clock.sleep(delay);
      delay = Math.min(delay * 2, 10_000);
    }
    const readiness = { attempts, readyAfterMs: Math.round(clock.monotonic() - started) };
    logger.info(
      `verify-health: ready after ${readiness.readyAfterMs} ms (${attempts} attempt${attempts > 1 ? 's' : ''})`,
    );
    if (o.durationMs <= 0) {
      const first = tried.filter((r) => r.ok);
      const p = percentiles(first.map((r) => r.latencyMs));
      const checks: VerifyResult['checks'] = [
        { name: 'readiness', observed: `${readiness.readyAfterMs} ms`, threshold: `≤ ${o.waitMs} ms`, passed: true },
      ];
      const base = { errorRate: 0, ...p, samples: first.length, failures, readiness, windows: [], checks };
      const ready = `ready: ${o.urls.length} URL${o.urls.length > 1 ? 's' : ''} answered as expected`;
      if (o.prometheus) {
        const tracker = new QueryTracker(o.prometheus, 1);
        await tracker.evaluate(clock.monotonic() - started);
        checks.push(...tracker.checks());
        const decided = tracker.decide(true);
        if (decided) return { ...base, queries: tracker.evaluations, ...decided };
        return { ...base, queries: tracker.evaluations, verdict: 'pass', reason: `${ready} and every query held` };
      }
      return { ...base, verdict: 'pass', reason: ready };
    }
    return await soak(o, prober, { clock, logger }, failures, count, readiness);
  } finally {
    prober.close();
  }
}

function empty(
  verdict: Verdict,
  reason: string,
  failures: VerifyResult['failures'],
  readiness: VerifyResult['readiness'],
): VerifyResult {
  return {
    verdict,
    reason,
    errorRate: 1,
    p50: NaN,
    p95: NaN,
    p99: NaN,
    samples: 0,
    failures,
    readiness,
    windows: [],
    checks: [{ name: 'readiness', observed: 'not ready', threshold: 'ready', passed: false }],
  };
}

async function soak(
  o: VerifyOptions,
  prober: Prober,
  seams: { clock: Clock; logger: Logger },
  failures: VerifyResult['failures'],
  count: (r: ProbeResult) => void,
  readiness: VerifyResult['readiness'],
): Promise<VerifyResult> {
  const { clock, logger } = seams;
  const results: ProbeResult[] = [];
  const windows: WindowStats[] = [];
  const limit = o.failureLimit ?? 3;
  const start = clock.monotonic();
  const period = 1000 / o.rate;
  const inflight = new Set<Promise<void>>();
  let next = 0;
  let windowStart = 0;
  let consecutive = 0;
  let early: string | undefined;
  let lastProgress = 0;
  const baselineUrls = o.baselineUrls ?? [];
  const judge = baselineUrls.length ? new SequentialJudge(o.compare ?? DEFAULT_COMPARE) : undefined;
  const cand: Side = { n: 0, errors: 0, latencies: [] };
  const base: Side = { n: 0, errors: 0, latencies: [] };
  const baseResults: ProbeResult[] = [];
  const tracker = o.prometheus ? new QueryTracker(o.prometheus, limit) : undefined;
  const evaluations = new Set<Promise<void>>();
  const add = (side: Side, r: ProbeResult): void => {
    side.n++;
    if (r.ok) side.latencies.push(r.latencyMs);
    else side.errors++;
  };

  // Results by the window their probe started in, so judging a window reads that window only
  // rather than every sample of the soak so far.
  const byWindow = new Map<number, ProbeResult[]>();
  const record = (r: ProbeResult): void => {
    results.push(r);
    const k = Math.floor(r.at / o.intervalMs);
    const bucket = byWindow.get(k);
    if (bucket) bucket.push(r);
    else byWindow.set(k, [r]);
  };

  const judgeWindow = (from: number, to: number): void => {
    const inWindow: ProbeResult[] = [];
    for (let k = Math.floor(from / o.intervalMs); k * o.intervalMs < to; k++)
      for (const r of byWindow.get(k) ?? []) if (r.at >= from && r.at < to) inWindow.push(r);
    if (inWindow.length === 0) return;
    const errors = inWindow.filter((r) => !r.ok).length;
    const p = percentiles(inWindow.filter((r) => r.ok).map((r) => r.latencyMs));
    const breaches: string[] = [];
    const errorRate = errors / inWindow.length;
    if (errorRate > o.maxErrorRate) breaches.push(`error rate ${pct(errorRate)} > ${pct(o.maxErrorRate)}`);
    if (o.maxP95Ms !== undefined && inWindow.length >= 10 && p.p95 > o.maxP95Ms)
      breaches.push(`p95 ${p.p95} ms > ${o.maxP95Ms} ms`);
    windows.push({
      startMs: Math.round(from),
      samples: inWindow.length,
      errors,
      errorRate,
      p50: p.p50,
      p95: p.p95,
      breaches,
    });
    consecutive = breaches.length ? consecutive + 1 : 0;
    if (consecutive >= limit && !early)
      early = `${breaches[0]} for ${limit} windows in a row (${Math.round(to / 1000)} s into the soak) on ${displayUrls(o.urls)}`;
    const look = judge?.look(Math.min(1, to / o.durationMs), cand, base);
    if (look?.fail && !early)
      early = `${look.fail} after ${Math.round(to / 1000)} s on ${displayUrls(o.urls)} against ${displayUrls(baselineUrls)}`;
  };

  while (!early) {
    const now = clock.monotonic() - start;
    if (now >= o.durationMs) break;
    // Launch every probe that is due, so timer granularity never lowers the rate.
    while (now >= next) {
      for (const url of o.urls) {
        const p = prober.probe(url, now).then((r) => {
          record(r);
          add(cand, r);
          count(r);
        });
        inflight.add(p);
        void p.finally(() => inflight.delete(p));
      }
      for (const url of baselineUrls) {
        const p = prober.probe(url, now).then((r) => {
          baseResults.push(r);
          add(base, r);
        });
        inflight.add(p);
        void p.finally(() => inflight.delete(p));
      }
      next += period;
    }
    if (now - windowStart >= o.intervalMs) {
      judgeWindow(windowStart, windowStart + o.intervalMs);
      windowStart += o.intervalMs;
      if (tracker) {
        const e = tracker.evaluate(now).then(() => {
          const d = tracker.decide(false);
          if (d && !early) early = d.reason;
        });
        evaluations.add(e);
        void e.finally(() => evaluations.delete(e));
      }
    }
    if (now - lastProgress >= 5000) {
      lastProgress = now;
      const errs = results.filter((r) => !r.ok).length;
      const p = percentiles(results.filter((r) => r.ok).map((r) => r.latencyMs));
      logger.info(
        `verify-health: ${Math.round(now / 1000)}/${Math.round(o.durationMs / 1000)} s, ${results.length} samples, error rate ${results.length ? pct(errs / results.length) : 'n/a'}, p95 ${Number.isNaN(p.p95) ? 'n/a' : `${p.p95} ms`}`,
      );
    }
    await clock.sleep(Math.max(0, Math.min(next, windowStart + o.intervalMs) - (clock.monotonic() - start)));
  }
  await Promise.all([...inflight, ...evaluations]);
  if (!early) judgeWindow(windowStart, Math.max(windowStart + 1, clock.monotonic() - start));

  const errors = results.filter((r) => !r.ok);
  const errorRate = results.length ? errors.length / results.length : 1;
  const p = percentiles(results.filter((r) => r.ok).map((r) => r.latencyMs));
  const checks: VerifyResult['checks'] = [
    { name: 'readiness', observed: `${readiness.readyAfterMs} ms`, threshold: `≤ ${o.waitMs} ms`, passed: true },
    {
      name: 'error rate',
      observed: pct(errorRate),
      threshold: `≤ ${pct(o.maxErrorRate)}`,
      passed: errorRate <= o.maxErrorRate,
    },
  ];
  if (o.maxP95Ms !== undefined)
    checks.push({
      name: 'p95',
      observed: `${p.p95} ms`,
      threshold: `≤ ${o.maxP95Ms} ms`,
      passed: !(p.p95 > o.maxP95Ms),
    });
  if (o.maxP99Ms !== undefined)
    checks.push({
      name: 'p99',
      observed: `${p.p99} ms`,
      threshold: `≤ ${o.maxP99Ms} ms`,
      passed: !(p.p99 > o.maxP99Ms),
    });
  const baselineStats = baseResults.length
    ? {
        samples: baseResults.length,
        errorRate: baseResults.filter((r) => !r.ok).length / baseResults.length,
        ...(({ p50, p95 }) => ({ p50, p95 }))(percentiles(base.latencies)),
      }
    : undefined;
  if (tracker) checks.push(...tracker.checks());
  const evidence = {
    errorRate,
    ...p,
    samples: results.length,
    failures,
    readiness,
    windows,
    checks,
    ...(judge ? { looks: judge.looks } : {}),
    ...(baselineStats ? { baseline: baselineStats } : {}),
  };
  if (early) return { ...evidence, verdict: 'fail', reason: early };
  const decided = tracker?.decide(true);
  if (decided) return { ...evidence, ...decided };
  if (judge && base.latencies.length === 0) {
    return {
      ...evidence,
      verdict: 'inconclusive',
      reason: `the baseline ${displayUrls(baselineUrls)} gave no successful sample in ${baseResults.length} probes: a data problem, not a verdict on the candidate`,
    };
  }
  if (results.length < (o.minSamples ?? 20))
    return {
      ...evidence,
      verdict: 'inconclusive',
      reason: `only ${results.length} samples in the soak, fewer than ${o.minSamples ?? 20}: raise duration or rate`,
    };
  const failed = checks.find((c) => !c.passed);
  if (failed) {
    const detail =
      failed.name === 'error rate'
        ? `error rate ${pct(errorRate)} > ${pct(o.maxErrorRate)} (${errors.length} of ${results.length} probes failed: ${describeFailures(errors)})`
        : `${failed.name} ${failed.observed} > ${failed.threshold.replace('≤ ', '')}`;
    return { ...evidence, verdict: 'fail', reason: `${detail} on ${displayUrls(o.urls)}` };
  }
  return {
    ...evidence,
    verdict: 'pass',
    reason: `healthy for ${Math.round(o.durationMs / 1000)} s: error rate ${pct(errorRate)}, p95 ${p.p95} ms over ${results.length} probes`,
  };
}
