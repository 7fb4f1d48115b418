import type { Ecosystem, LockedPackage } from '@slipway/lockfiles';
import { pypiName } from '@slipway/lockfiles';
import { severityOfScore, type Severity } from '../types.js';
import { cvss3BaseScore } from './cvss.js';
import { comparatorFor } from './versions.js';

/** The parts of an OSV record (schema 1.x) matching and reporting use. */
export interface OsvRecord {
  id: string;
  modified?: string;
  summary?: string;
  details?: string;
  aliases?: string[];
  withdrawn?: string;
  severity?: { type: string; score: string }[];
  affected?: OsvAffected[];
  database_specific?: { severity?: string };
}

/** One affected package of a record. */
export interface OsvAffected {
  package?: { ecosystem?: string; name?: string; purl?: string };
  ranges?: { type: string; events: OsvEvent[] }[];
  versions?: string[];
  ecosystem_specific?: { severity?: string };
  database_specific?: { severity?: string };
}

/** A range event. */
export type OsvEvent = { introduced?: string; fixed?: string; last_affected?: string; limit?: string };

/** The name as OSV keys it in an ecosystem (PyPI names are normalised; GitHub's owner/repo ignores case). */
export function osvKey(ecosystem: string, name: string): string {
  const eco = ecosystem.split(':')[0]!;
  return `${eco}\0${eco === 'PyPI' ? pypiName(name) : eco === 'GitHub Actions' ? name.toLowerCase() : name}`;
}

/**
 * True when the version is affected by a range, evaluating events in version order as the OSV
 * schema describes: introduced opens, fixed closes at that version, last_affected closes after
 * it, and limit caps the range.
 */
export function inRange(version: string, ecosystem: Ecosystem, events: readonly OsvEvent[]): boolean {
  const cmp = comparatorFor(ecosystem);
  const at = (e: OsvEvent): string => e.introduced ?? e.fixed ?? e.last_affected ?? e.limit ?? '0';
  const sorted = [...events].sort((x, y) => (at(x) === '0' ? -1 : at(y) === '0' ? 1 : cmp(at(x), at(y))));
  let affected = false;
  for (const e of sorted) {
    if (e.introduced !== undefined && (e.introduced === '0' || cmp(version, e.introduced) >= 0)) affected = true;
    else if (e.fixed !== undefined && cmp(version, e.fixed) >= 0) affected = false;
    else if (e.last_affected !== undefined && cmp(version, e.last_affected) > 0) affected = false;
  }
  for (const e of events) if (e.limit !== undefined && e.limit !== '*' && cmp(version, e.limit) >= 0) affected = false;
  return affected;
}

/** True when a record affects a locked package (explicit versions or SEMVER/ECOSYSTEM ranges). */
export function affects(record: OsvRecord, pkg: Pick<LockedPackage, 'ecosystem' | 'name' | 'version'>): boolean {
  if (record.withdrawn) return false;
  const key = osvKey(pkg.ecosystem, pkg.name);
  const version = pkg.ecosystem === 'Go' ? pkg.version.replace(/^v/, '') : pkg.version;
  for (const a of record.affected ?? []) {
    if (!a.package?.ecosystem || !a.package.name || osvKey(a.package.ecosystem, a.package.name) !== key) continue;
    if (a.versions?.includes(pkg.version) || a.versions?.includes(version)) return true;
    for (const r of a.ranges ?? []) {
      if ((r.type === 'SEMVER' || r.type === 'ECOSYSTEM') && inRange(version, pkg.ecosystem, r.events)) return true;
    }
  }
  return false;
}

/** The versions that fix a record for a package, from its ranges' `fixed` events. */
export function fixedVersions(record: OsvRecord, pkg: Pick<LockedPackage, 'ecosystem' | 'name'>): string[] {
  const key = osvKey(pkg.ecosystem, pkg.name);
  const out = new Set<string>();
  for (const a of record.affected ?? []) {
    if (!a.package?.ecosystem || !a.package.name || osvKey(a.package.ecosystem, a.package.name) !== key) continue;
    for (const r of a.ranges ?? []) for (const e of r.events) if (e.fixed) out.add(e.fixed);
  }
  return [...out].sort(comparatorFor(pkg.ecosystem));
}

const WORDS: Record<string, Severity> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MODERATE: 'medium',
  MEDIUM: 'medium',
  LOW: 'low',
};

/** Severity from a CVSS v3 vector's computed base score, else the database's own word, else medium. */
export function recordSeverity(record: OsvRecord): { severity: Severity; score?: number; source: string } {
  for (const s of record.severity ?? []) {
    if (s.type === 'CVSS_V3') {
      const score = cvss3BaseScore(s.score);
      if (score !== undefined) return { severity: severityOfScore(score), score, source: s.score };
    }
  }
  const word =
    record.database_specific?.severity ??
    record.affected?.find((a) => a.database_specific?.severity ?? a.ecosystem_specific?.severity)?.database_specific
      ?.severity;
  if (word && WORDS[word.toUpperCase()])
    return { severity: WORDS[word.toUpperCase()]!, source: `database severity ${word}` };
  return { severity: 'medium', source: 'no severity in the record' };
}

/** What a finding says of an advisory for a package: severity, fixed versions, other ids, one-line summary ('' when none). */
export function advisoryFacts(
  record: OsvRecord,
  pkg: Pick<LockedPackage, 'ecosystem' | 'name'>,
): { sev: ReturnType<typeof recordSeverity>; fixed: string[]; aliases: string[]; summary: string } {
  return {
    sev: recordSeverity(record),
    fixed: fixedVersions(record, pkg),
    aliases: (record.aliases ?? []).filter((a) => a !== record.id),
    summary: record.summary ?? record.details?.split('\n')[0] ?? '',
  };
}
