import { join } from 'node:path';
import { redactCredentials, type Exec, type Logger } from '@slipway/action-kit/lite';
import { actionsToMatch, matchActionsOnly, scanDependencies, type OsvMatch, type OsvSource } from './deps/scan.js';
import { scanHistory } from './history.js';
import { scanArchive } from './scan-archive.js';
import { auditOrWarn, readWorkflow } from './scan-files.js';
import { SecretEngine, type AllowList } from './secrets/engine.js';
import { listFiles, scanTree } from './secrets/files.js';
import { DEFAULT_RULES, type SecretRule } from './secrets/rules.js';
import type { Finding, ScannerName } from './types.js';
import { isWorkflowFile, localCodeInputs } from './workflows/audit.js';
import { vulnerableActionFindings, type ActionReference } from './workflows/known-vulnerable.js';

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
  /** The OSV API asked, with any credential in its URL shown as `***`. */
  osvApi?: string;
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

  if (options.osv.kind === 'api' && want.has('dependencies')) stats.osvApi = redactCredentials(options.osv.baseUrl);

  if (isArchive) {
    const r = await scanArchive(options.target, want, engine, options.osv, logger);
    findings.push(...r.findings);
    Object.assign(stats, { files: r.files, bytes: r.bytes, lockfiles: r.lockfiles, workflows: r.workflows });
    stats.packages = r.packages;
    if (r.records !== undefined) stats.osvRecords = r.records;
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
  // Workflows are read first: the actions they use are matched against OSV with the dependencies,
  // in the same load of the data.
  const workflowFindings: Finding[] = [];
  const actions: ActionReference[] = [];
  if (want.has('workflows')) {
    const texts = new Map<string, string>();
    for (const path of listFiles(options.target)) {
      if (!isWorkflowFile(path)) continue;
      const text = readWorkflow(join(options.target, path), path, logger);
      if (text !== undefined) texts.set(path, text);
    }
    // The repository's composite actions first: a workflow step passing outsider data to an input
    // one of them runs as code is an injection the step's own file does not show.
    const localActions = localCodeInputs(texts);
    for (const [path, text] of texts) {
      stats.workflows++;
      const audited = auditOrWarn(text, path, logger, localActions);
      workflowFindings.push(...audited.findings);
      actions.push(...audited.actions);
    }
  }
  const checked = actionsToMatch(actions, want.has('dependencies'), options.osv);
  let actionMatches: OsvMatch[] = [];
  if (want.has('dependencies')) {
    const r = await scanDependencies(options.target, options.osv, logger, checked);
    findings.push(...r.findings);
    actionMatches = r.alsoMatched;
    stats.packages = r.packages;
    stats.lockfiles = r.lockfiles.length;
    if (r.records !== undefined) stats.osvRecords = r.records;
    if (r.lockfiles.length === 0)
      logger.info('security-scan: dependencies: no lockfile was found, so no dependency was checked');
  } else if (checked.length > 0) {
    const r = await matchActionsOnly(checked, options.osv, logger);
    actionMatches = r.alsoMatched;
    if (r.records !== undefined) stats.osvRecords = r.records;
  }
  findings.push(...workflowFindings, ...vulnerableActionFindings(actionMatches));
  return { findings, stats };
}
