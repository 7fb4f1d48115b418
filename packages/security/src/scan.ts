import { createReadStream, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Exec, Logger } from '@slipway/action-kit/lite';
import { readTarGz } from '@slipway/artifact';
import { LockfileError, parserFor, type LockedPackage } from '@slipway/lockfiles';
import { matchPackages, scanDependencies, type OsvSource } from './deps/scan.js';
import { scanHistory } from './history.js';
import { SecretEngine, type AllowList } from './secrets/engine.js';
import { listFiles, scanStream, scanTree, scannable } from './secrets/files.js';
import { DEFAULT_RULES, type SecretRule } from './secrets/rules.js';
import type { Finding, ScannerName } from './types.js';
import { auditWorkflow, isWorkflowFile } from './workflows/audit.js';

/** What to scan and with what. */
export interface ScanOptions {
  /** A folder, or a built .tar.gz artifact (scanned without extracting it). */
  target: string;
  scanners: readonly ScannerName[];
  extraRules?: SecretRule[];
  allow?: AllowList;
  osv: OsvSource;
  historySince?: string;
}

/** Per-scanner counts for the summary. */
export interface ScanStats {
  files: number;
  bytes: number;
  packages: number;
  lockfiles: number;
  workflows: number;
  commits: number;
  osvRecords?: number;
}

/** Runs the chosen scanners and returns every finding (before baseline and gate). */
export async function scan(
  options: ScanOptions,
  seams: { exec: Exec; logger: Logger },
): Promise<{ findings: Finding[]; stats: ScanStats }> {
  const { logger } = seams;
  const engine = new SecretEngine([...DEFAULT_RULES, ...(options.extraRules ?? [])], options.allow);
  const stats: ScanStats = { files: 0, bytes: 0, packages: 0, lockfiles: 0, workflows: 0, commits: 0 };
  const findings: Finding[] = [];
  const want = new Set(options.scanners);
  const isArchive = /\.(tar\.gz|tgz)$/.test(options.target);

  if (isArchive) {
    const name = basename(options.target);
    const packages: LockedPackage[] = [];
    for await (const entry of readTarGz(createReadStream(options.target))) {
      if (entry.typeflag !== '0' && entry.typeflag !== '\0') continue;
      const path = `${name}!/${entry.path}`;
      const lockParser = want.has('dependencies') ? parserFor(basename(entry.path)) : undefined;
      const workflow = want.has('workflows') && isWorkflowFile(entry.path);
      if (lockParser || workflow) {
        const text = await collect(entry.body(), 64 * 1024 * 1024);
        if (lockParser) {
          stats.lockfiles++;
          packages.push(...parseOrWarn(lockParser, text, path, logger));
        }
        if (workflow) {
          stats.workflows++;
          findings.push(...auditOrWarn(text, path, logger));
        }
        if (want.has('secrets') && scannable(entry.path))
          findings.push(
            ...(await scanStream(
              engine,
              (async function* () {
                yield Buffer.from(text);
              })(),
              path,
            )),
          );
      } else if (want.has('secrets') && scannable(entry.path) && !engine.pathAllowed(entry.path)) {
        stats.files++;
        stats.bytes += entry.size;
        findings.push(...(await scanStream(engine, entry.body(), path)));
      }
    }
    if (want.has('dependencies')) {
      const matched = await matchPackages(packages, options.osv, logger);
      findings.push(...matched.findings);
      stats.packages = matched.packages;
      if (matched.records !== undefined) stats.osvRecords = matched.records;
    }
    if (want.has('secrets-history'))
      logger.warning('security-scan: secrets-history needs a git repository, not an artifact; skipped');
    return { findings, stats };
  }

  if (want.has('secrets')) {
    const r = await scanTree(
      engine,
      options.target,
      (n) => n % 5000 === 0 && logger.info(`security-scan: secrets: ${n} files scanned…`),
    );
    findings.push(...r.findings);
    stats.files = r.files;
    stats.bytes = r.bytes;
  }
  if (want.has('secrets-history')) {
    const r = await scanHistory(engine, seams.exec, options.target, options.historySince);
    findings.push(...r.findings);
    stats.commits = r.commits;
  }
  if (want.has('dependencies')) {
    const r = await scanDependencies(options.target, options.osv, logger);
    findings.push(...r.findings);
    stats.packages = r.packages;
    stats.lockfiles = r.lockfiles.length;
    if (r.records !== undefined) stats.osvRecords = r.records;
  }
  if (want.has('workflows')) {
    for (const path of listFiles(options.target)) {
      if (!isWorkflowFile(path)) continue;
      stats.workflows++;
      findings.push(...auditOrWarn(readFileSync(join(options.target, path), 'utf8'), path, logger));
    }
  }
  return { findings, stats };
}

async function collect(body: AsyncIterable<Buffer>, limit: number): Promise<string> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const part of body) {
    n += part.length;
    if (n <= limit) parts.push(part);
  }
  return Buffer.concat(parts).toString('utf8');
}

function parseOrWarn(
  parse: NonNullable<ReturnType<typeof parserFor>>,
  text: string,
  path: string,
  logger: Logger,
): LockedPackage[] {
  try {
    return parse(text, path);
  } catch (err) {
    const line = err instanceof LockfileError ? err.line : undefined;
    logger.warning(`${path} could not be read (${(err as Error).message}); the other lockfiles are still scanned`, {
      file: path,
      ...(line ? { startLine: line } : {}),
    });
    return [];
  }
}

function auditOrWarn(text: string, path: string, logger: Logger): Finding[] {
  try {
    return auditWorkflow(text, path);
  } catch (err) {
    const line = (err as { line?: number }).line;
    logger.warning(`${path} is not valid YAML (${(err as Error).message}); not audited`, {
      file: path,
      ...(line ? { startLine: line } : {}),
    });
    return [];
  }
}
