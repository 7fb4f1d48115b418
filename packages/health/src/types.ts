// The vocabulary of verify-health, apart from the engine so that the query tracker and the live
// judge can name it without importing the engine (and the engine them).
import type { Http } from '@slipway/action-kit/lite';
import type { Look, CompareConfig } from './compare.js';
import type { FailureKind, ProbeSpec } from './probe.js';
import type { NoDataPolicy, PromQuery, QueryEvaluation } from './prometheus.js';

/** The three verdicts. Inconclusive never passes a gate. */
export type Verdict = 'pass' | 'fail' | 'inconclusive';

/** What to verify and by which gates. */
export interface VerifyOptions {
  /** The URLs to probe; empty to judge on `prometheus` queries alone (readiness is then skipped). */
  urls: string[];
  spec: ProbeSpec;
  waitMs: number;
  retryDelayMs: number;
  durationMs: number;
  /** Probes per second per URL during the soak. */
  rate: number;
  /** Fraction, 0–1. */
  maxErrorRate: number;
  maxP95Ms?: number;
  maxP99Ms?: number;
  /** Length of one judgement window. */
  intervalMs: number;
  /** Consecutive breaching windows that fail the soak before its end (one blip is tolerated). */
  failureLimit?: number;
  /** Fewer soak samples than this is inconclusive. */
  minSamples?: number;
  /** The same service at the known-good version: the candidate is judged against it as well. */
  baselineUrls?: string[];
  compare?: CompareConfig;
  /** PromQL thresholds evaluated every interval (and once after readiness without a soak). */
  prometheus?: { url: string; queries: PromQuery[]; noData: NoDataPolicy; http: Http };
}

/** One window of the soak: its samples and what they showed. */
export interface WindowStats {
  startMs: number;
  samples: number;
  errors: number;
  errorRate: number;
  p50: number;
  p95: number;
  breaches: string[];
}

/** The outcome with its evidence. */
export interface VerifyResult {
  verdict: Verdict;
  reason: string;
  /** Over the probes of the soak; NaN (as are the percentiles) when nothing was probed. */
  errorRate: number;
  p50: number;
  p95: number;
  p99: number;
  samples: number;
  failures: Partial<Record<FailureKind, number>>;
  /** `skipped` says why there was no readiness phase (no URL to probe); `readyAfterMs` is then null. */
  readiness: { attempts: number; readyAfterMs: number | null; lastFailure?: string; skipped?: string };
  windows: WindowStats[];
  checks: { name: string; observed: string; threshold: string; passed: boolean }[];
  /** Each look of the baseline comparison, when there is a baseline. */
  looks?: Look[];
  queries?: QueryEvaluation[];
  baseline?: { samples: number; errorRate: number; p50: number; p95: number };
}
