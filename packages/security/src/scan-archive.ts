import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { isUserError, UserError, type Logger } from '@slipway/action-kit/lite';
import { BadTarError, readTarGz } from '@slipway/artifact';
import { parserFor, type LockedPackage } from '@slipway/lockfiles';
import { actionsToMatch, matchActionsOnly, matchPackages, type OsvSource } from './deps/scan.js';
import { auditOrWarn, parseOrWarn, tooLargeWorkflow } from './scan-files.js';
import type { SecretEngine } from './secrets/engine.js';
import { scanStream, scannable } from './secrets/files.js';
import type { Finding, ScannerName } from './types.js';
import { isWorkflowFile } from './workflows/audit.js';
import { vulnerableActionFindings, type ActionReference } from './workflows/known-vulnerable.js';

/** What scanning an artifact found, and the counts for the summary. */
interface ArchiveScan {
  findings: Finding[];
  files: number;
  bytes: number;
  lockfiles: number;
  workflows: number;
  packages: number;
  records?: number;
}

/** A lockfile this large is not a real one: the rest of it is not read. */
const MAX_LOCKFILE_BYTES = 64 * 1024 * 1024;

/**
 * Scans a built .tar.gz without extracting it. An archive that is not a well-formed .tar.gz
 * (not gzip, truncated, a corrupt header) is the path input's problem, not an internal error.
 */
export async function scanArchive(
  target: string,
  want: ReadonlySet<ScannerName>,
  engine: SecretEngine,
  osv: OsvSource,
  logger: Logger,
): Promise<ArchiveScan> {
  try {
    return await scanEntries(target, want, engine, osv, logger);
  } catch (err) {
    if (isUserError(err) || !isArchiveError(err)) throw err;
    throw new UserError(
      `${basename(target)} is not a readable .tar.gz (${(err as Error).message}).`,
      { input: 'path' },
      'Give the artifact-path output of build-artifact, or a folder.',
    );
  }
}

/** Errors of the archive itself: the tar reader's own, gzip's (Z_DATA_ERROR) and the file system's (EACCES). */
function isArchiveError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  // Only errno and zlib codes: Node's own ERR_* codes mean a bug here, which must stay internal.
  return err instanceof BadTarError || /^(E[A-Z]+|Z_[A-Z_]+)$/.test((err as NodeJS.ErrnoException).code ?? '');
}

async function scanEntries(
  target: string,
  want: ReadonlySet<ScannerName>,
  engine: SecretEngine,
  osv: OsvSource,
  logger: Logger,
): Promise<ArchiveScan> {
  const name = basename(target);
  const out: ArchiveScan = { findings: [], files: 0, bytes: 0, lockfiles: 0, workflows: 0, packages: 0 };
  const packages: LockedPackage[] = [];
  const actions: ActionReference[] = [];
  for await (const entry of readTarGz(createReadStream(target))) {
    if (entry.typeflag !== '0' && entry.typeflag !== '\0') continue;
    const path = `${name}!/${entry.path}`;
    const lockParser = want.has('dependencies') ? parserFor(entry.path) : undefined;
    const workflow = want.has('workflows') && isWorkflowFile(entry.path) && !tooLargeWorkflow(path, entry.size, logger);
    if (lockParser || workflow) {
      const text = await collect(entry.body(), MAX_LOCKFILE_BYTES);
      if (lockParser) {
        out.lockfiles++;
        packages.push(...parseOrWarn(lockParser, text, path, logger));
      }
      if (workflow) {
        out.workflows++;
        const audited = auditOrWarn(text, path, logger);
        out.findings.push(...audited.findings);
        actions.push(...audited.actions);
      }
      if (want.has('secrets') && scannable(entry.path))
        out.findings.push(
          ...(await scanStream(
            engine,
            (async function* () {
              yield Buffer.from(text);
            })(),
            path,
          )),
        );
    } else if (want.has('secrets') && scannable(entry.path) && !engine.pathAllowed(entry.path)) {
      out.files++;
      out.bytes += entry.size;
      out.findings.push(...(await scanStream(engine, entry.body(), path)));
    }
  }
  const checked = actionsToMatch(actions, want.has('dependencies'), osv);
  if (want.has('dependencies') || checked.length > 0) {
    const matched = want.has('dependencies')
      ? await matchPackages(packages, osv, logger, checked)
      : { ...(await matchActionsOnly(checked, osv, logger)), findings: [], packages: 0 };
    out.findings.push(...matched.findings, ...vulnerableActionFindings(matched.alsoMatched));
    if (want.has('dependencies')) out.packages = matched.packages;
    if (matched.records !== undefined) out.records = matched.records;
  }
  return out;
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
