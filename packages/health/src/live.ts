// A canary judged on the live traffic its router saw, by the same sequential judge that compares
// probes with a baseline: deploy-canary hands over each window's counts per release and gets a
// verdict per look, so there is one set of statistics and one false-alarm bound. A window with too
// few requests says nothing about the canary: its look is inconclusive, never a pass, and it
// spends no alpha (the budget passes to the next look), while its requests still count in the totals.
import { DEFAULT_COMPARE, SequentialJudge, type CompareConfig, type Look, type Side } from './compare.js';
import type { Verdict } from './types.js';

/** Live traffic of one release over one window, as a router reports it; deploy's TrafficSample has this shape. */
export interface TrafficSample {
  requests: number;
  /** Requests that failed: 5xx answers and requests the router could not complete. */
  errors: number;
  /** Latency of the successful responses, ms. */
  latenciesMs: number[];
}

/** Settings of a LiveJudge, each with its default. */
export interface LiveJudgeOptions {
  /** The statistics' settings (DEFAULT_COMPARE); its minSamples is the requests per side, in all, before the first look. */
  compare?: CompareConfig;
  /** Fewer requests than this on either side in one window is too thin to compare (20). */
  minWindowRequests?: number;
}

/** What one look at live traffic decided, with the totals it stood on. */
export interface LiveLook {
  /** `fail`: a decisive regression; `inconclusive`: too thin to compare; `pass`: no regression found at this look. */
  verdict: Verdict;
  reason: string;
  /** Requests and errors per side over every window so far. */
  canary: { requests: number; errors: number };
  stable: { requests: number; errors: number };
  /** The statistics, when the look was taken. */
  look?: Look;
}

const pct = (x: number): string => `${(x * 100).toFixed(x < 0.01 ? 2 : 1)}%`;

/** Judges a canary against the stable release window by window, on the counts a router reports. */
export class LiveJudge {
  private readonly judge: SequentialJudge;
  private readonly minWindow: number;
  private readonly minTotal: number;
  private readonly canary: Side = { n: 0, errors: 0, latencies: [] };
  private readonly stable: Side = { n: 0, errors: 0, latencies: [] };

  constructor(options: LiveJudgeOptions = {}) {
    const compare = options.compare ?? DEFAULT_COMPARE;
    this.judge = new SequentialJudge(compare, { candidate: 'canary', baseline: 'stable' });
    this.minTotal = compare.minSamples;
    this.minWindow = options.minWindowRequests ?? 20;
  }

  /** Every look taken so far, for the report. */
  get looks(): readonly Look[] {
    return this.judge.looks;
  }

  /**
   * Adds one window's traffic of each side (counted since the previous call, as a router's
   * readTraffic returns it) to the totals, then looks at the totals at information fraction `t`:
   * the share of the planned analysis done, growing to 1 at the last look (a look that does not
   * advance t has no alpha left to fail with). Throws a RangeError on counts that cannot be.
   */
  look(t: number, canary: TrafficSample, stable: TrafficSample): LiveLook {
    // Both checked before either is added, so that a refused call leaves the totals as they were.
    check(canary, 'canary');
    check(stable, 'stable');
    add(this.canary, canary);
    add(this.stable, stable);
    const totals = {
      canary: { requests: this.canary.n, errors: this.canary.errors },
      stable: { requests: this.stable.n, errors: this.stable.errors },
    };
    if (canary.requests < this.minWindow || stable.requests < this.minWindow)
      return {
        verdict: 'inconclusive',
        reason: `too thin to compare: the canary served ${canary.requests} and the stable ${stable.requests} requests in this window, fewer than ${this.minWindow} on a side`,
        ...totals,
      };
    const look = this.judge.look(t, this.canary, this.stable);
    if (!look)
      return {
        verdict: 'inconclusive',
        reason: `too thin to compare: the canary served ${this.canary.n} and the stable ${this.stable.n} requests in all, fewer than ${this.minTotal} on a side`,
        ...totals,
      };
    if (look.fail) return { verdict: 'fail', reason: look.fail, ...totals, look };
    const { error: e, latency: l } = look;
    const errors = `canary error rate ${pct(e.candidate)} vs stable ${pct(e.baseline)}`;
    const latency = `median latency ${l.candidateMedian.toFixed(1)} vs ${l.baselineMedian.toFixed(1)} ms`;
    const over = `over ${this.canary.n} and ${this.stable.n} requests`;
    return { verdict: 'pass', reason: `no regression at this look: ${errors}, ${latency}, ${over}`, ...totals, look };
  }
}

/** Refuses counts no router can have seen. */
function check(w: TrafficSample, name: string): void {
  const whole = (x: number): boolean => Number.isSafeInteger(x) && x >= 0;
  if (!whole(w.requests) || !whole(w.errors) || w.errors > w.requests)
    throw new RangeError(`${name}: ${w.errors} errors of ${w.requests} requests is not a count of traffic`);
  // Latencies are of successful answers only: more of them than successes would bias the latency test.
  if (w.latenciesMs.length > w.requests - w.errors || !w.latenciesMs.every((v) => Number.isFinite(v) && v >= 0))
    throw new RangeError(
      `${name}: ${w.latenciesMs.length} latencies for ${w.requests - w.errors} successful requests, or one that is not a duration`,
    );
}

/** Adds a window to a side's totals. */
function add(side: Side, w: TrafficSample): void {
  side.n += w.requests;
  side.errors += w.errors;
  for (const v of w.latenciesMs) side.latencies.push(v);
}
