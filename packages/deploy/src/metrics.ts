// The four DORA delivery metrics of one environment, read from its audit trail in one pass: only
// the deploy under way, the one that is live and the samples for the medians are held in memory.
import { formatDuration, SummaryBuilder, type Clock } from '@slipway/action-kit/lite';
import { auditEntries } from './audit-export.js';
import type { Transition } from './ledger.js';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Weeks the chart shows at most. */
const CHART_WEEKS = 26;

/** One week of the series (weeks start on Monday, UTC), for a chart. */
export interface WeekMetrics {
  /** The Monday the week starts on, `YYYY-MM-DD`. */
  week: string;
  deploys: number;
  promotions: number;
  failures: number;
}

/** The four DORA figures of an environment over a period; medians are null when there is nothing to take one of. */
export interface DoraMetrics {
  environment: string;
  /** The period, ISO times: [since, until). */
  since: string;
  until: string;
  days: number;
  /** Deploys started in the period. */
  deploys: number;
  deploymentFrequency: { promotions: number; perDay: number };
  leadTime: { medianMs: number | null; p90Ms: number | null; samples: number; withoutCommitTime: number };
  changeFailureRate: { failures: number; deploys: number; rate: number };
  timeToRestore: { medianMs: number | null; samples: number };
  weeks: WeekMetrics[];
  /** Lines of `audit.jsonl` that were not valid transitions, skipped. */
  skippedLines: number;
}

/** A deploy as the pass follows it, from its `starting` to its outcome. */
interface Deploy {
  key: string;
  release: string | undefined;
  week: number;
  inPeriod: boolean;
  tookTraffic: boolean;
  commitTime?: number;
  abortingAt?: number;
}

/**
 * Reads `<stateDir>/<environment>/audit.jsonl` as a stream and computes the DORA metrics of the
 * period [since, until) (`until` defaults to now, `since` to the first transition of the trail):
 *
 * - A deploy is a `starting` transition's runId + release; it follows that release's transitions
 *   until its outcome (`promoted`, `rolled-back` or `failed`), whichever run writes them (a paused
 *   canary is resumed by another run). Everything is counted against the deploy's start: a deploy
 *   is in the period, with its week, when its first `starting` is.
 * - Deployment frequency: deploys of the period that were promoted, and that count per day.
 * - Lead time for changes: promotion time minus the `commitTime` first recorded on the deploy's
 *   transitions (that of the run that started it); median and p90 by linear interpolation.
 *   Promotions without a commit time are left out and counted.
 * - Change failure rate: failed deploys over deploys started. A deploy failed when it ended
 *   `rolled-back` or `failed` after taking traffic (a transition with weight > 0), or when it was
 *   promoted and a rollback action (a `rolled-back` transition from `idle` whose note starts with
 *   `rollback:`) replaced it while it was still the live release. A deploy that failed before
 *   taking traffic (readiness, a hook) reached no user and is not a change failure.
 * - Time to restore: for a canary that failed, from its first `aborting` transition to its outcome;
 *   for a promoted release rolled back, from its promotion (when the bad change reached everyone)
 *   to the rollback transition. Median.
 *
 * Transitions at or after `until` are not read; those before `since` are, so that a rollback in the
 * period finds the release it replaced.
 */
export async function deliveryMetrics(
  stateDir: string,
  environment: string,
  options: { since?: number; until?: number; clock: Clock },
): Promise<DoraMetrics> {
  const until = options.until ?? options.clock.now();
  let since = options.since;
  const weeks = new Map<number, WeekMetrics>();
  const leadTimes: number[] = [];
  const restoreTimes: number[] = [];
  let skippedLines = 0;
  let deploys = 0;
  let promotions = 0;
  let failures = 0;
  let withoutCommitTime = 0;
  let current: Deploy | undefined;
  let live: { deploy: Deploy; promotedAt: number } | undefined;
  const weekOf = (deploy: Deploy): WeekMetrics => weekEntry(weeks, deploy.week);
  const fail = (deploy: Deploy, from: number, at: number): void => {
    if (!deploy.inPeriod) return;
    failures++;
    weekOf(deploy).failures++;
    restoreTimes.push(at - from);
  };

  const trail = auditEntries(stateDir, environment, { until, onInvalid: () => skippedLines++ });
  for await (const t of trail) {
    const at = Date.parse(t.at);
    since ??= at;
    if (isRollbackAction(t)) {
      if (live) fail(live.deploy, live.promotedAt, at);
      live = undefined;
      continue;
    }
    if (t.to === 'starting') {
      const key = `${t.runId}\n${t.release ?? ''}`;
      if (current?.key !== key) {
        current = { key, release: t.release, week: weekStart(at), inPeriod: at >= since, tookTraffic: false };
        if (current.inPeriod) {
          deploys++;
          weekOf(current).deploys++;
        }
      }
    }
    // Transitions from `idle` other than a start belong to no canary.
    if (!current || t.release !== current.release || (t.from === 'idle' && t.to !== 'starting')) continue;
    if (current.commitTime === undefined && t.commitTime) current.commitTime = Date.parse(t.commitTime);
    if (t.to === 'promoted') {
      if (current.inPeriod) {
        promotions++;
        weekOf(current).promotions++;
        if (current.commitTime === undefined) withoutCommitTime++;
        else leadTimes.push(at - current.commitTime);
      }
      live = { deploy: current, promotedAt: at };
      current = undefined;
    } else if (t.to === 'rolled-back' || t.to === 'failed') {
      if (current.tookTraffic) fail(current, current.abortingAt ?? at, at);
      current = undefined;
    } else {
      if (t.weight > 0) current.tookTraffic = true;
      if (t.to === 'aborting') current.abortingAt ??= at;
    }
  }

  const start = Math.min(since ?? until, until);
  const days = (until - start) / DAY_MS;
  for (let w = weekStart(start); start < until && w <= weekStart(until - 1); w += WEEK_MS) weekEntry(weeks, w);
  return {
    environment,
    since: new Date(start).toISOString(),
    until: new Date(until).toISOString(),
    days,
    deploys,
    deploymentFrequency: { promotions, perDay: days > 0 ? promotions / days : 0 },
    leadTime: {
      medianMs: percentile(leadTimes, 0.5),
      p90Ms: percentile(leadTimes, 0.9),
      samples: leadTimes.length,
      withoutCommitTime,
    },
    changeFailureRate: { failures, deploys, rate: deploys > 0 ? failures / deploys : 0 },
    timeToRestore: { medianMs: percentile(restoreTimes, 0.5), samples: restoreTimes.length },
    weeks: [...weeks.entries()].sort(([a], [b]) => a - b).map(([, w]) => w),
    skippedLines,
  };
}

/** The metrics as Markdown: a table of the four figures and a mermaid chart of deploys and failures per week. */
export function metricsMarkdown(m: DoraMetrics): string {
  const summary = new SummaryBuilder().heading(`Delivery metrics of ${m.environment}`);
  summary.text(`${m.since.slice(0, 10)} to ${m.until.slice(0, 10)} (${round(m.days)} days)`);
  const lead = m.leadTime;
  const withoutCommit = lead.withoutCommitTime ? `; ${lead.withoutCommitTime} without a commit time` : '';
  summary.table(
    ['Metric', 'Value', 'Detail'],
    [
      [
        'Deployment frequency',
        frequency(m.deploymentFrequency.perDay),
        `${m.deploymentFrequency.promotions} promoted of ${plural(m.deploys, 'deploy')}`,
      ],
      [
        'Lead time for changes',
        lead.medianMs === null ? '–' : `median ${duration(lead.medianMs)}, p90 ${duration(lead.p90Ms!)}`,
        `${plural(lead.samples, 'promotion')} with a commit time${withoutCommit}`,
      ],
      [
        'Change failure rate',
        `${round(m.changeFailureRate.rate * 100)}%`,
        `${m.changeFailureRate.failures} of ${plural(m.changeFailureRate.deploys, 'deploy')}`,
      ],
      [
        'Time to restore',
        m.timeToRestore.medianMs === null ? '–' : `median ${duration(m.timeToRestore.medianMs)}`,
        plural(m.timeToRestore.samples, 'restore'),
      ],
    ],
  );
  if (m.deploys === 0) summary.text(`No deployments of ${m.environment} in this period.`);
  else {
    // A chart of years is a smear; the JSON keeps every week.
    const weeks = m.weeks.slice(-CHART_WEEKS);
    const top = Math.max(1, ...weeks.map((w) => w.deploys));
    summary.mermaid(
      [
        'xychart-beta',
        `  title "Deploys (bars) and failures (line) per week${weeks.length < m.weeks.length ? `, last ${CHART_WEEKS}` : ''}"`,
        `  x-axis [${weeks.map((w) => `"${w.week}"`).join(', ')}]`,
        `  y-axis "Deploys" 0 --> ${top}`,
        `  bar [${weeks.map((w) => w.deploys).join(', ')}]`,
        `  line [${weeks.map((w) => w.failures).join(', ')}]`,
      ].join('\n'),
    );
  }
  if (m.skippedLines > 0)
    summary.text(`> ${m.skippedLines} lines of audit.jsonl were not valid transitions and were skipped.`);
  return summary.toMarkdown();
}

/** The rollback action replacing a promoted release (a canary's rollback goes through `aborting`, not `idle`). */
function isRollbackAction(t: Transition): boolean {
  return t.from === 'idle' && t.to === 'rolled-back' && (t.note ?? '').startsWith('rollback:');
}

/** Monday 00:00 UTC of the week holding `ms`. */
function weekStart(ms: number): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  // 1970-01-01 was a Thursday: getUTCDay() 4, so Monday is (day + 6) % 7 days back.
  return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
}

function weekEntry(weeks: Map<number, WeekMetrics>, start: number): WeekMetrics {
  let entry = weeks.get(start);
  if (!entry) {
    entry = { week: new Date(start).toISOString().slice(0, 10), deploys: 0, promotions: 0, failures: 0 };
    weeks.set(start, entry);
  }
  return entry;
}

/** The p-quantile by linear interpolation between closest ranks (as a spreadsheet's PERCENTILE), in whole ms. */
function percentile(samples: number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const low = sorted[Math.floor(rank)]!;
  const high = sorted[Math.ceil(rank)]!;
  return Math.round(low + (high - low) * (rank - Math.floor(rank)));
}

/** Days first, since lead times run to days and formatDuration stops at hours. */
function duration(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  const rest = ms - days * DAY_MS;
  return days > 0 ? `${days}d${rest > 0 ? formatDuration(rest) : ''}` : formatDuration(ms);
}

/** A day's rate reads as 0 on a quiet environment; a week's does not. */
function frequency(perDay: number): string {
  return perDay >= 1 || perDay === 0 ? `${round(perDay)} a day` : `${round(perDay * 7)} a week`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
