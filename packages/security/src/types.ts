/** The scanners security-scan runs. */
export type ScannerName = 'secrets' | 'secrets-history' | 'dependencies' | 'workflows';

/** Severities, most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A rule as SARIF describes it: what it finds and how to fix it. */
export interface RuleInfo {
  id: string;
  name: string;
  description: string;
  /** Markdown: why it matters and what to do. */
  help: string;
  severity: Severity;
}

/** One finding. Never holds a secret: only its redacted form. */
export interface Finding {
  scanner: ScannerName;
  rule: RuleInfo;
  /** The result's severity (a vulnerability's own, or the rule's). */
  severity: Severity;
  message: string;
  /** POSIX path relative to the scanned root (inside an artifact: `archive.tar.gz!/path`). */
  file: string;
  line: number;
  column?: number;
  /** Stable across line moves: rule, file and a hash of what was found, never the secret itself. */
  fingerprint: string;
}

/** Numeric severity for SARIF's `security-severity` property (GitHub's bands). */
export function securitySeverity(s: Severity): string {
  return { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0' }[s];
}

/** The severity band of a CVSS base score. */
export function severityOfScore(score: number): Severity {
  return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
}

/** 0 for critical … 3 for low: sorts most severe first. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}
