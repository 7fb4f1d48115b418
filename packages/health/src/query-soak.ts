// Judgement on PromQL thresholds alone: the analysis of a Kubernetes canary often has no URL to
// probe, only metrics. There is then no readiness phase and no probe statistics; the queries are
// evaluated every interval for the duration (once when it is 0) and decide the verdict.
import { UserError, type Clock, type Logger } from '@slipway/action-kit/lite';
import { describeEvaluation, describeHeld } from './prometheus.js';
import { QueryTracker } from './query-tracker.js';
import type { VerifyOptions, VerifyResult } from './types.js';

/** What a run was given to judge: how many URLs, baselines and queries. */
export interface Subject {
  urls: number;
  baselineUrls: number;
  queries: number;
}

/** Refuses a run with nothing to judge, naming `url`: no URL and no queries, or a baseline with no candidate. */
export function checkSubject(s: Subject): void {
  if (s.urls > 0) return;
  if (s.baselineUrls > 0)
    throw new UserError(
      'is empty, but baseline-url is set: the baseline is compared with the probes of url.',
      { input: 'url' },
      'Give url, the candidate to compare with the baseline, or leave baseline-url empty.',
    );
  if (s.queries === 0)
    throw new UserError(
      'is required unless prometheus-url and queries are given.',
      { input: 'url' },
      'Give the URL of the health endpoint, such as https://app.example.com/healthz, or prometheus-url and queries to judge on metrics alone.',
    );
}

/** Why a run without URLs has no readiness phase, for the log, the report and the summary. */
const READINESS_SKIPPED = 'no url to probe: the verdict comes from the Prometheus queries alone';

/**
 * Evaluates the queries at the end of each interval of the duration (the last one possibly
 * shorter; once, at once, when the duration is 0). A query breaching for `failureLimit`
 * evaluations in a row fails early, as in a probed soak; at the end the tracker decides on what
 * it saw last, no-data following its policy.
 */
export async function verifyByQueries(
  o: VerifyOptions,
  prometheus: NonNullable<VerifyOptions['prometheus']>,
  seams: { clock: Clock; logger: Logger },
): Promise<VerifyResult> {
  const { clock, logger } = seams;
  const soak = o.durationMs > 0;
  const limit = o.failureLimit ?? 3;
  // Without a soak the single evaluation is the whole evidence: one breach fails, as after readiness.
  const tracker = new QueryTracker(prometheus, soak ? limit : 1);
  const count = soak ? Math.ceil(o.durationMs / o.intervalMs) : 1;
  const n = prometheus.queries.length;
  logger.info(
    `verify-health: readiness skipped (${READINESS_SKIPPED}); ${n} quer${n > 1 ? 'ies' : 'y'} ${soak ? `every ${o.intervalMs} ms for ${o.durationMs} ms` : 'evaluated once'}`,
  );
  const start = clock.monotonic();
  let early: ReturnType<QueryTracker['decide']>;
  let evaluated = 0;
  let lastProgress = 0;
  while (evaluated < count && !early) {
    const due = soak ? Math.min((evaluated + 1) * o.intervalMs, o.durationMs) : 0;
    await clock.sleep(Math.max(0, due - (clock.monotonic() - start)));
    await tracker.evaluate(clock.monotonic() - start);
    evaluated++;
    early = tracker.decide(false);
    const now = clock.monotonic() - start;
    if (soak && now - lastProgress >= 5000) {
      lastProgress = now;
      const breaching = tracker.checks().filter((c) => !c.passed).length;
      logger.info(
        `verify-health: ${Math.round(now / 1000)}/${Math.round(o.durationMs / 1000)} s, ${evaluated} of ${count} evaluations, ${breaching} of ${n} queries breaching`,
      );
    }
  }
  const evidence = {
    errorRate: NaN,
    p50: NaN,
    p95: NaN,
    p99: NaN,
    samples: 0,
    failures: {},
    readiness: { attempts: 0, readyAfterMs: null, skipped: READINESS_SKIPPED },
    windows: [],
    checks: tracker.checks(),
    queries: tracker.evaluations,
  };
  const decided = early ?? tracker.decide(true);
  if (decided) return { ...evidence, ...decided };
  return { ...evidence, verdict: 'pass', reason: passReason(tracker, prometheus, soak ? o.durationMs : 0, evaluated) };
}

/** Every query's last value against its threshold; "held" only when every last evaluation held. */
function passReason(
  tracker: QueryTracker,
  prometheus: NonNullable<VerifyOptions['prometheus']>,
  durationMs: number,
  evaluated: number,
): string {
  const last = prometheus.queries.map((q) => {
    const e = tracker.evaluations.findLast((x) => x.name === q.name)!;
    return { q, e, held: e.passed === true || (e.passed === 'no-data' && prometheus.noData === 'pass') };
  });
  const span = durationMs < 1000 ? `${durationMs} ms` : `${Math.round(durationMs / 1000)} s`;
  const over = durationMs > 0 ? ` over ${span} (${evaluated} evaluations)` : '';
  const values = last.map(({ q, e, held }) => (held ? describeHeld(q, e) : describeEvaluation(q, e))).join('; ');
  // A breach shorter than failureLimit is tolerated, as one bad window is: the reason must not call it held.
  return last.every((l) => l.held)
    ? `every query held${over}: ${values}`
    : `no query breached for long enough to fail${over}; last: ${values}`;
}
