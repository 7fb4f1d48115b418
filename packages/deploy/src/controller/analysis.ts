// One step's analysis: for the length of its window, the live traffic the router saw per release
// goes to health's sequential judge look by look, while the canary's own health path is probed
// throughout, so that there is always evidence. A clear regression ends the window early.
import type { Clock, Logger } from '@slipway/action-kit/lite';
import { LiveJudge, Prober, type TrafficSample } from '@slipway/health';
import type { Release, TrafficRouter } from '../types.js';
import type { StepReport } from './plan.js';

/** What one step's analysis needs. */
export interface AnalysisOptions {
  router: TrafficRouter;
  canary: Release;
  /** Absent at 100% (nothing to compare against): the canary is then judged on probes and its own error rate. */
  stable: Release | undefined;
  index: number;
  weight: number;
  windowMs: number;
  minRequests: number;
  /** Probed throughout the window; empty when the canary has no URL of its own (then only traffic decides). */
  healthUrl: string;
  maxErrorRate: number;
  clock: Clock;
  logger: Logger;
  signal?: AbortSignal;
  /** False once the canary's process is gone. */
  canaryAlive: () => boolean;
  /** Called at every look, to keep the environment's lock. */
  onLook?: () => Promise<void>;
}

const EMPTY: TrafficSample = { requests: 0, errors: 0, latenciesMs: [] };
/** Probes of the canary per second during a window. */
const PROBE_EVERY_MS = 500;
/** Consecutive failed probes that fail the step at once, whatever the rate. */
const FAILED_IN_A_ROW = 3;
/** A thin window (min-requests unmet) is extended to at most this many times its length, then fails safe. */
const MAX_EXTENSION = 3;
const PROGRESS_EVERY_MS = 5000;

/** Runs one step's analysis window and returns its judgement. */
export async function analyseStep(o: AnalysisOptions): Promise<StepReport> {
  const { clock } = o;
  const startedAt = new Date(clock.now()).toISOString();
  const t0 = clock.monotonic();
  // Ten looks per window, none shorter than a second: enough requests per look at modest traffic.
  const lookMs = Math.max(1000, Math.round(o.windowMs / 10));
  const judge = new LiveJudge();
  const totals = { canary: { requests: 0, errors: 0 }, stable: { requests: 0, errors: 0 } };
  const probes = { sent: 0, failed: 0, inARow: 0, last: '' };
  let looks = 0;
  let livePassed = false;
  let lastProgress = t0;
  const prober = new Prober({
    method: 'GET',
    headers: {},
    timeoutMs: 2000,
    expectStatus: (s) => s >= 200 && s < 400,
    insecureTls: false,
  });
  const finish = (verdict: StepReport['verdict'], reason: string, evidence: StepReport['evidence']): StepReport => {
    const all = totals.canary.requests + totals.stable.requests;
    return {
      index: o.index,
      weight: o.weight,
      verdict,
      reason,
      evidence,
      startedAt,
      endedAt: new Date(clock.now()).toISOString(),
      canary: { ...totals.canary },
      stable: { ...totals.stable },
      ...(all > 0 ? { canaryShare: Math.round((totals.canary.requests / all) * 1000) / 10 } : {}),
      probes: { sent: probes.sent, failed: probes.failed },
      looks,
    };
  };
  // Counts from before this step belong to the step before it.
  await o.router.readTraffic();
  try {
    let limitMs = o.windowMs;
    // The alpha budget is planned over the longest the window can run (extensions included), so t never falls back.
    const horizonMs = o.windowMs * (o.minRequests > 0 ? MAX_EXTENSION : 1);
    for (;;) {
      const lookEnd = Math.min(clock.monotonic() + lookMs, t0 + limitMs);
      while (clock.monotonic() < lookEnd) {
        if (o.signal?.aborted) return finish('cancelled', 'the run was cancelled', 'probes only');
        if (!o.healthUrl) {
          await clock.sleep(Math.max(0, Math.min(PROBE_EVERY_MS, lookEnd - clock.monotonic())));
          continue;
        }
        const r = await prober.probe(o.healthUrl, clock.now());
        probes.sent++;
        if (r.ok) probes.inARow = 0;
        else {
          probes.failed++;
          probes.inARow++;
          probes.last = r.failure ? `${r.failure.kind}: ${r.failure.detail}` : `status ${r.status}`;
        }
        if (!o.canaryAlive()) return finish('fail', 'the canary process exited during the analysis', 'probes only');
        if (probes.inARow >= FAILED_IN_A_ROW)
          return finish(
            'fail',
            `health probes of the canary failed ${probes.inARow} times in a row (last: ${probes.last})`,
            'probes only',
          );
        await clock.sleep(Math.max(0, Math.min(PROBE_EVERY_MS, lookEnd - clock.monotonic())));
      }
      looks++;
      await o.onLook?.();
      const traffic = (await o.router.readTraffic()) ?? new Map<string, TrafficSample>();
      const c = traffic.get(o.canary.id) ?? EMPTY;
      const s = (o.stable && traffic.get(o.stable.id)) || EMPTY;
      totals.canary.requests += c.requests;
      totals.canary.errors += c.errors;
      totals.stable.requests += s.requests;
      totals.stable.errors += s.errors;
      const elapsed = clock.monotonic() - t0;
      if (o.stable) {
        const look = judge.look(Math.min(1, elapsed / horizonMs), c, s);
        if (look.verdict === 'fail') return finish('fail', `live traffic: ${look.reason}`, 'live traffic');
        if (look.verdict === 'pass') livePassed = true;
      }
      if (clock.monotonic() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = clock.monotonic();
        o.logger.info(
          `step ${o.index + 1} at ${o.weight}%: ${Math.round(elapsed / 1000)}s of ${Math.round(limitMs / 1000)}s, canary ${totals.canary.requests} requests (${totals.canary.errors} 5xx), stable ${totals.stable.requests} (${totals.stable.errors} 5xx), probes ${probes.sent - probes.failed}/${probes.sent} ok`,
        );
      }
      if (elapsed < limitMs) continue;
      const probeRate = probes.sent > 0 ? probes.failed / probes.sent : 0;
      if (probeRate > o.maxErrorRate)
        return finish(
          'fail',
          `${probes.failed} of ${probes.sent} health probes of the canary failed (${pct(probeRate)}, more than ${pct(o.maxErrorRate)}; last: ${probes.last})`,
          'probes only',
        );
      if (!o.stable) {
        // At 100% the canary has no peer: its own error rate against the same bound.
        const rate = totals.canary.requests > 0 ? totals.canary.errors / totals.canary.requests : 0;
        if (rate > o.maxErrorRate)
          return finish(
            'fail',
            `the canary answered ${totals.canary.errors} of ${totals.canary.requests} requests with 5xx (${pct(rate)}, more than ${pct(o.maxErrorRate)})`,
            'live traffic',
          );
      }
      if (totals.canary.requests < o.minRequests) {
        if (limitMs < o.windowMs * MAX_EXTENSION) {
          limitMs += o.windowMs;
          o.logger.info(
            `step ${o.index + 1}: the canary served ${totals.canary.requests} of the ${o.minRequests} requests min-requests asks for; extending the window to ${Math.round(limitMs / 1000)}s`,
          );
          continue;
        }
        return finish(
          'inconclusive',
          `the canary served ${totals.canary.requests} live requests in ${Math.round(limitMs / 1000)}s, fewer than min-requests (${o.minRequests})`,
          'live traffic',
        );
      }
      // Without probes, a window whose traffic showed nothing is no evidence either way: it fails safe.
      if (probes.sent === 0 && !livePassed && (o.stable || totals.canary.requests === 0))
        return finish(
          'inconclusive',
          `the canary has no URL to probe and its live traffic was too thin to judge (canary ${totals.canary.requests}, stable ${totals.stable.requests} requests)`,
          'live traffic',
        );
      const probeText = o.healthUrl
        ? `${probes.sent - probes.failed} of ${probes.sent} health probes passed`
        : 'no health probes (the canary has no URL of its own)';
      if (livePassed)
        return finish(
          'pass',
          `no regression in live traffic (canary ${totals.canary.requests} requests, ${totals.canary.errors} 5xx; stable ${totals.stable.requests}, ${totals.stable.errors} 5xx); ${probeText}`,
          'live traffic',
        );
      return finish(
        'pass',
        o.stable
          ? `live traffic too thin to compare (canary ${totals.canary.requests}, stable ${totals.stable.requests} requests): judged on probes alone; ${probeText}`
          : `${probeText}; the canary answered ${totals.canary.errors} of ${totals.canary.requests} live requests with 5xx`,
        !o.stable && totals.canary.requests > 0 ? 'live traffic' : 'probes only',
      );
    }
  } finally {
    prober.close();
  }
}

const pct = (x: number): string => `${(x * 100).toFixed(x < 0.01 && x > 0 ? 2 : 1)}%`;
