import { SEVERITIES, severityRank, type Finding, type Severity } from './types.js';

/** The gate's decision with the numbers behind it. */
export interface GateResult {
  /** Findings not accepted by the baseline. */
  active: Finding[];
  baselined: number;
  counts: Record<Severity, number>;
  newFindings: number;
  passed: boolean;
  reason: string;
}

/** Applies the baseline, counts by severity, and decides pass or fail against `failOn`. */
export function gate(
  findings: readonly Finding[],
  baseline: Set<string> | undefined,
  failOn: Severity | 'none',
): GateResult {
  const active = findings.filter((f) => !baseline?.has(f.fingerprint));
  const counts = Object.fromEntries(
    SEVERITIES.map((s) => [s, active.filter((f) => f.severity === s).length]),
  ) as Record<Severity, number>;
  const failing = failOn === 'none' ? [] : active.filter((f) => severityRank(f.severity) <= severityRank(failOn));
  const breakdown = SEVERITIES.filter((s) => failing.some((f) => f.severity === s)).map(
    (s) => `${failing.filter((f) => f.severity === s).length} ${s}`,
  );
  const worst = [...failing].sort((a, b) => severityRank(a.severity) - severityRank(b.severity))[0];
  const reason = failing.length
    ? `${failing.length} finding${failing.length > 1 ? 's' : ''} at or above ${failOn} (${breakdown.join(', ')}), the worst: ${worst!.message} in ${worst!.file}:${worst!.line}.`
    : `no finding at or above ${failOn === 'none' ? 'the gate (fail-on: none)' : failOn}${findings.length - active.length ? `; ${findings.length - active.length} accepted by the baseline` : ''}.`;
  return {
    active,
    baselined: findings.length - active.length,
    counts,
    newFindings: active.length,
    passed: failing.length === 0,
    reason,
  };
}
