// Candidate-against-baseline judgement: a one-sided two-proportion test on error rates and a
// one-sided Mann-Whitney U test on latencies, looked at once per window. The overall false-alarm
// probability stays at or below alpha despite the repeated looks through alpha spending: the
// error budget alpha(t) = alpha * ln(1 + (e - 1) t) (a Pocock-type spending function, which
// spends early so that a clearly bad candidate is caught at the first looks) is handed out in
// increments, one per look; each look tests at its increment, and by the union bound the chance of
// any false alarm over all looks is at most alpha. Splitting alpha evenly between the two tests
// keeps the bound for the pair. A minimum effect size keeps a significant but negligible
// difference from failing a release.

/** Upper-tail probability of the standard normal, accurate far into the tail. */
export function normalSf(z: number): number {
  if (z < 0) return 1 - normalSf(-z);
  // erfc by the Chebyshev fit of Numerical Recipes (fractional error < 1.2e-7 everywhere).
  const x = z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return erfc / 2;
}

/** The cumulative alpha spent by information fraction t (0–1). */
export function alphaSpent(alpha: number, t: number): number {
  const f = Math.min(1, Math.max(0, t));
  return alpha * Math.log(1 + (Math.E - 1) * f);
}

/** One-sided test that the candidate's error proportion is higher than the baseline's. */
export function twoProportion(
  candErrors: number,
  candN: number,
  baseErrors: number,
  baseN: number,
): { z: number; p: number } {
  if (candN === 0 || baseN === 0) return { z: 0, p: 1 };
  const pooled = (candErrors + baseErrors) / (candN + baseN);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / candN + 1 / baseN));
  if (se === 0) return { z: 0, p: 1 };
  const z = (candErrors / candN - baseErrors / baseN) / se;
  return { z, p: normalSf(z) };
}

/** One-sided Mann-Whitney U test that candidate values tend to be larger, with the tie correction. */
export function mannWhitney(
  candidate: readonly number[],
  baseline: readonly number[],
): { u: number; z: number; p: number } {
  const n1 = candidate.length;
  const n2 = baseline.length;
  if (n1 === 0 || n2 === 0) return { u: 0, z: 0, p: 1 };
  const all = [...candidate.map((v) => ({ v, c: true })), ...baseline.map((v) => ({ v, c: false }))].sort(
    (a, b) => a.v - b.v,
  );
  let rankSum = 0;
  let tieTerm = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j < all.length && all[j]!.v === all[i]!.v) j++;
    const rank = (i + 1 + j) / 2;
    const t = j - i;
    tieTerm += t * t * t - t;
    for (let k = i; k < j; k++) if (all[k]!.c) rankSum += rank;
    i = j;
  }
  const u = rankSum - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const sd = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  if (sd === 0) return { u, z: 0, p: 1 };
  const z = (u - (n1 * n2) / 2 - 0.5) / sd;
  return { u, z, p: normalSf(z) };
}

/** Median of values. */
function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Settings of the comparison. */
export interface CompareConfig {
  /** Overall false-alarm probability. */
  alpha: number;
  /** Smallest error-rate increase (absolute fraction) that can fail the candidate. */
  minErrorIncrease: number;
  /** Smallest median latency increase that can fail the candidate: the larger of these two. */
  minLatencyIncreaseMs: number;
  minLatencyIncreaseRatio: number;
  /** Samples per side before the first look. */
  minSamples: number;
}

/** The settings verify-health judges with: a 1% false-alarm bound, and differences worth failing a release over. */
export const DEFAULT_COMPARE: CompareConfig = {
  alpha: 0.01,
  minErrorIncrease: 0.005,
  minLatencyIncreaseMs: 10,
  minLatencyIncreaseRatio: 0.1,
  minSamples: 50,
};

/** The samples of one side so far. */
export interface Side {
  n: number;
  errors: number;
  latencies: number[];
}

/** What one look found. */
export interface Look {
  t: number;
  nominalAlpha: number;
  error: { candidate: number; baseline: number; z: number; p: number };
  latency: { candidateMedian: number; baselineMedian: number; z: number; p: number };
  fail?: string;
}

/** Looks at the evidence once per window and fails as soon as it is decisive. */
export class SequentialJudge {
  private spent = 0;
  readonly looks: Look[] = [];

  /** `labels` name the two sides in a failing look's reason (a live canary is judged against `stable`). */
  constructor(
    private readonly config: CompareConfig = DEFAULT_COMPARE,
    private readonly labels: { candidate: string; baseline: string } = { candidate: 'candidate', baseline: 'baseline' },
  ) {}

  /** A look at information fraction t (elapsed / planned duration). */
  look(t: number, candidate: Side, baseline: Side): Look | undefined {
    const c = this.config;
    if (candidate.n < c.minSamples || baseline.n < c.minSamples) return undefined;
    const total = alphaSpent(c.alpha, t);
    const nominal = Math.max(0, total - this.spent) / 2; // half for each test
    // Alpha once spent stays spent: a caller whose t falls back (a window it extended) gets none back to spend twice.
    this.spent = Math.max(this.spent, total);
    const err = twoProportion(candidate.errors, candidate.n, baseline.errors, baseline.n);
    const cm = median(candidate.latencies);
    const bm = median(baseline.latencies);
    const mw = mannWhitney(candidate.latencies, baseline.latencies);
    const look: Look = {
      t,
      nominalAlpha: nominal,
      error: { candidate: candidate.errors / candidate.n, baseline: baseline.errors / baseline.n, z: err.z, p: err.p },
      latency: { candidateMedian: cm, baselineMedian: bm, z: mw.z, p: mw.p },
    };
    const errIncrease = look.error.candidate - look.error.baseline;
    const latIncrease = cm - bm;
    const pct = (x: number): string => `${(x * 100).toFixed(x < 0.01 ? 2 : 1)}%`;
    if (err.p < nominal && errIncrease >= c.minErrorIncrease) {
      look.fail = `${this.labels.candidate} error rate ${pct(look.error.candidate)} vs ${this.labels.baseline} ${pct(look.error.baseline)} (z ${err.z.toFixed(1)}, p ${err.p.toExponential(1)} < ${nominal.toExponential(1)})`;
    } else if (mw.p < nominal && latIncrease >= Math.max(c.minLatencyIncreaseMs, c.minLatencyIncreaseRatio * bm)) {
      look.fail = `${this.labels.candidate} median latency ${cm.toFixed(1)} ms vs ${this.labels.baseline} ${bm.toFixed(1)} ms (Mann-Whitney z ${mw.z.toFixed(1)}, p ${mw.p.toExponential(1)} < ${nominal.toExponential(1)})`;
    }
    this.looks.push(look);
    return look;
  }
}
