export {
  parseStatusRanges,
  parseBodyRegex,
  parseJsonAssertions,
  failedAssertions,
  type JsonAssertion,
} from './expect.js';
export { Prober, failureKind, type BodyPattern, type FailureKind, type ProbeResult, type ProbeSpec } from './probe.js';
export { displayUrl, serverText } from './display.js';
export { checkLoad, MAX_BODY_BYTES, MAX_TOTAL_RATE, MAX_URLS, type Load } from './limits.js';
export { quantile, percentiles } from './stats.js';
export { verifyHealth } from './verify.js';
export type { Verdict, VerifyOptions, VerifyResult, WindowStats } from './types.js';
export { checkSubject, type Subject } from './query-soak.js';
export {
  normalSf,
  alphaSpent,
  twoProportion,
  mannWhitney,
  SequentialJudge,
  DEFAULT_COMPARE,
  type CompareConfig,
  type Look,
  type Side,
} from './compare.js';
export {
  parseQueries,
  evaluateQuery,
  describeEvaluation,
  type PromQuery,
  type QueryEvaluation,
  type NoDataPolicy,
} from './prometheus.js';
export { LiveJudge, type LiveJudgeOptions, type LiveLook, type TrafficSample } from './live.js';
