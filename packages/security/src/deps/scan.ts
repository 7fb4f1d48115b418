import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isUserError, UserError, type Logger } from '@slipway/action-kit/lite';
import { dedupe, isOsvEcosystem, parserFor, type LockedPackage } from '@slipway/lockfiles';
import { parseOrWarn } from '../scan-files.js';
import { fingerprint } from '../fingerprint.js';
import { listFiles } from '../secrets/files.js';
import type { Finding } from '../types.js';
import { advisoryFacts, affects, osvKey, type OsvRecord } from './osv.js';
import { queryOsv, type OsvApiOptions } from './osv-api.js';
import { loadOsvDb, type OsvDbOptions } from './osv-db.js';

/** Where vulnerability data comes from: an offline folder, or the OSV API. */
export type OsvSource = ({ kind: 'offline'; path: string } & OsvDbOptions) | ({ kind: 'api' } & OsvApiOptions);

/** Every lockfile under a root, parsed; a broken one is a warning with its file and line. */
export function readLockfiles(root: string, logger: Logger): { packages: LockedPackage[]; lockfiles: string[] } {
  const packages: LockedPackage[] = [];
  const lockfiles: string[] = [];
  const files = [...listFiles(root)];
  const present = new Set(files);
  // The walk skips vendor/ trees; Go's record of what it vendored is the one file read there.
  for (const goMod of files.filter((f) => f === 'go.mod' || f.endsWith('/go.mod'))) {
    const modules = `${goMod.slice(0, -'go.mod'.length)}vendor/modules.txt`;
    if (!present.has(modules) && existsSync(join(root, modules))) files.push(modules);
  }
  for (const path of files) {
    const parse = parserFor(path);
    if (!parse) continue;
    // npm reads npm-shrinkwrap.json instead of package-lock.json when both are there.
    if (path.endsWith('package-lock.json') && present.has(path.replace(/package-lock\.json$/, 'npm-shrinkwrap.json')))
      continue;
    lockfiles.push(path);
    packages.push(...parseOrWarn(parse, readFileSync(join(root, path), 'utf8'), path, logger));
  }
  return { packages, lockfiles };
}

/**
 * Reads every lockfile under a root and matches its packages against OSV. `alsoMatch` are more
 * packages (the actions workflows use) matched with the same data in the same load; what affects
 * them comes back in `alsoMatched`, for their scanner to report.
 */
export async function scanDependencies(
  root: string,
  source: OsvSource,
  logger: Logger,
  alsoMatch: readonly LockedPackage[] = [],
): Promise<{
  findings: Finding[];
  packages: number;
  lockfiles: string[];
  records?: number;
  alsoMatched: OsvMatch[];
}> {
  const { packages, lockfiles } = readLockfiles(root, logger);
  return { ...(await matchPackages(packages, source, logger, alsoMatch)), lockfiles };
}

/** A package and a record that affects it. */
export interface OsvMatch {
  pkg: LockedPackage;
  record: OsvRecord;
}

/**
 * The records affecting each package, from an offline folder (loading only the packages' records)
 * or the OSV API. An empty offline database is an error: it would pass every package.
 */
export async function findAffecting(
  packages: readonly LockedPackage[],
  source: OsvSource,
  logger: Logger,
): Promise<{ matches: OsvMatch[]; records?: number }> {
  const matches: OsvMatch[] = [];
  if (source.kind === 'offline') {
    const loaded = await loadOsvDb(
      source.path,
      new Set(packages.map((p) => osvKey(p.ecosystem, p.name))),
      (m) => logger.warning(m),
      source,
    );
    if (loaded.records === 0)
      throw new UserError(
        `'${source.path}' holds no OSV records, so no dependency could be checked.`,
        { input: 'osv-db' },
        'Give a folder of OSV JSON records (*.json) or all.zip files from https://osv-vulnerabilities.storage.googleapis.com, or leave osv-db empty to query the OSV API.',
      );
    for (const pkg of packages)
      for (const record of loaded.index.get(osvKey(pkg.ecosystem, pkg.name)) ?? [])
        if (affects(record, pkg)) matches.push({ pkg, record });
    return { matches, records: loaded.records };
  }
  const byPackage = await queryOsv(packages, source);
  for (const pkg of packages)
    for (const record of byPackage.get(`${pkg.ecosystem}\0${pkg.name}\0${pkg.version}`) ?? [])
      matches.push({ pkg, record });
  return { matches };
}

/** Matches locked packages against OSV and returns one finding per package and vulnerability. */
export async function matchPackages(
  all: readonly LockedPackage[],
  source: OsvSource,
  logger: Logger,
  alsoMatch: readonly LockedPackage[] = [],
): Promise<{ findings: Finding[]; packages: number; records?: number; alsoMatched: OsvMatch[] }> {
  // Packages of an ecosystem OSV does not know (CocoaPods) are listed in the SBOM but never queried.
  const unique = dedupeByFile([...all]).filter((p) => isOsvEcosystem(p.ecosystem));
  const extra = new Set(alsoMatch);
  const { matches, records } = await findAffecting([...unique, ...alsoMatch], source, logger);
  const findings: Finding[] = [];
  for (const { pkg, record } of matches) {
    if (extra.has(pkg)) continue;
    const { sev, fixed, aliases, summary } = advisoryFacts(record, pkg);
    findings.push({
      scanner: 'dependencies',
      rule: {
        id: record.id,
        name: `${record.id}${aliases.length ? ` (${aliases.join(', ')})` : ''}`,
        description: summary || `Known vulnerability ${record.id}`,
        help: `**${record.id}**${aliases.length ? ` (${aliases.join(', ')})` : ''}: ${summary}\n\n${fixed.length ? `Upgrade to ${fixed.join(' or ')} or later.` : 'No fixed version is published yet: consider replacing the package or mitigating.'} Severity from ${sev.source}.`,
        severity: sev.severity,
      },
      severity: sev.severity,
      message: `${pkg.name}@${pkg.version}${pkg.dev ? ' (dev)' : ''} is affected by ${record.id}${aliases.length ? ` (${aliases.join(', ')})` : ''}${sev.score !== undefined ? ` [CVSS ${sev.score}]` : ''}: ${summary || 'see the advisory'}. ${fixed.length ? `Fixed in ${fixed.join(', ')}.` : 'No fixed version yet.'}`,
      file: pkg.file,
      line: pkg.line ?? 1,
      fingerprint: fingerprint(record.id, pkg.file, pkg.ecosystem, pkg.name, pkg.version),
    });
  }
  return {
    findings,
    packages: unique.length,
    ...(records !== undefined ? { records } : {}),
    alsoMatched: matches.filter((m) => extra.has(m.pkg)),
  };
}

/**
 * The actions to match against OSV: all of them when the dependency scanner runs too (its data,
 * its consent to ask the API), or when the data is offline; none otherwise, so the workflow
 * scanner alone never asks the OSV API.
 */
export function actionsToMatch<T>(actions: readonly T[], dependencies: boolean, source: OsvSource): readonly T[] {
  return dependencies || source.kind === 'offline' ? actions : [];
}

/**
 * Matches only the actions workflows use (the workflow scanner without the dependency scanner):
 * offline data without records is a warning here, since no dependency was meant to be checked.
 */
export async function matchActionsOnly(
  actions: readonly LockedPackage[],
  source: OsvSource,
  logger: Logger,
): Promise<{ alsoMatched: OsvMatch[]; records?: number }> {
  try {
    const { matches, records } = await findAffecting(actions, source, logger);
    return { alsoMatched: matches, ...(records !== undefined ? { records } : {}) };
  } catch (err) {
    if (!isUserError(err)) throw err;
    logger.warning(`security-scan: workflows: known-vulnerable actions not checked: ${err.message}`);
    return { alsoMatched: [] };
  }
}

/** One entry per lockfile, ecosystem, name and version (a package can sit in several lockfiles). */
function dedupeByFile(packages: LockedPackage[]): LockedPackage[] {
  const byFile = new Map<string, LockedPackage[]>();
  for (const p of packages) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  return [...byFile.values()].flatMap((list) => dedupe(list));
}
