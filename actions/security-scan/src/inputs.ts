import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { outputPath, redactCredentials, UserError, workspaceFolder, type InputReader } from '@slipway/action-kit/lite';
import type { ScannerName, Severity } from '@slipway/security';

const SCANNERS: readonly ScannerName[] = ['secrets', 'secrets-history', 'dependencies', 'workflows'];
const FAIL_ON = ['critical', 'high', 'medium', 'low', 'none'] as const;

/** security-scan's inputs, parsed and checked once. */
export interface SecurityScanInputs {
  readonly target: string;
  readonly scanners: readonly ScannerName[];
  readonly failOn: Severity | 'none';
  readonly baseline: string | undefined;
  readonly writeBaseline: string | undefined;
  readonly config: string | undefined;
  readonly osvDb: string | undefined;
  readonly osvApiUrl: string;
  readonly historySince: string | undefined;
  readonly sarif: string;
  /** The JSON report, beside the SARIF file. */
  readonly report: string;
}

/** A path input inside the workspace (file or folder, need not exist yet). */
function workspacePath(input: string, value: string, workspace: string): string {
  if (isAbsolute(value))
    throw new UserError(`'${value}' is absolute.`, { input }, 'Give a path relative to the workspace.');
  const abs = resolve(workspace, value);
  const rel = relative(workspace, abs);
  if (rel === '..' || rel.startsWith(`..${sep}`))
    throw new UserError(`'${value}' points outside the workspace.`, { input }, 'Give a path inside the repository.');
  return abs;
}

/**
 * A file this action writes: relative to the workspace (the outputs name it so), and never through
 * a link out of it, since a pull request can add `out -> /home/runner` to the repository.
 */
function writtenFile(input: string, value: string, workspace: string): string {
  workspacePath(input, value, workspace);
  return outputPath(input, value, workspace, { kind: 'file' });
}

/** True when a regular file is there; a path that cannot even be looked at (too long, under a file) is not one. */
function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** Reads and validates every input. */
export function parseInputs(reader: InputReader, workspace: string): SecurityScanInputs {
  const rawPath = reader.raw('path') || '.';
  let target: string;
  if (/\.(tar\.gz|tgz)$/.test(rawPath)) {
    target = workspacePath('path', rawPath, workspace);
    if (!isFile(target))
      throw new UserError(
        `'${rawPath}' does not exist.`,
        { input: 'path' },
        'Give the artifact-path output of build-artifact, or a folder.',
      );
  } else target = workspaceFolder('path', rawPath, workspace).abs;
  const scanners = reader.list('scanners');
  if (scanners.length === 0)
    throw new UserError('names no scanner.', { input: 'scanners' }, `Use one or more of: ${SCANNERS.join(', ')}.`);
  for (const s of scanners)
    if (!(SCANNERS as readonly string[]).includes(s))
      throw new UserError(
        `'${s}' is not a scanner.`,
        { input: 'scanners' },
        `Use one or more of: ${SCANNERS.join(', ')}.`,
      );
  const sarifValue = reader.raw('sarif') || 'slipway-security.sarif';
  const sarif = writtenFile('sarif', sarifValue, workspace);
  const optionalFile = (input: string): string | undefined => {
    const v = reader.optional(input);
    return v === undefined ? undefined : workspacePath(input, v, workspace);
  };
  const optionalWritten = (input: string): string | undefined => {
    const v = reader.optional(input);
    return v === undefined ? undefined : writtenFile(input, v, workspace);
  };
  const osvDb = reader.optional('osv-db');
  const url = reader.raw('osv-api-url');
  if (url.length > 2048)
    throw new UserError(`is ${url.length} characters long, too long for a URL.`, { input: 'osv-api-url' });
  if (!/^https?:\/\/[^\s]+$/.test(url) || !URL.canParse(url))
    throw new UserError(
      `'${redactCredentials(url)}' is not an http(s) URL.`,
      { input: 'osv-api-url' },
      'Use https://api.osv.dev or your mirror.',
    );
  const since = reader.optional('history-since');
  // A revision starting with '-' would reach git as an option (`-p`, `--output=…`).
  if (since !== undefined && (!/^[\w./~^@{}-]+$/.test(since) || since.startsWith('-')))
    throw new UserError(
      `'${since}' is not a git revision.`,
      { input: 'history-since' },
      'Use a commit SHA, tag or branch name.',
    );
  return Object.freeze({
    target,
    scanners: Object.freeze([...new Set(scanners)] as ScannerName[]),
    failOn: reader.oneOf('fail-on', FAIL_ON),
    baseline: optionalFile('baseline'),
    writeBaseline: optionalWritten('write-baseline'),
    config: optionalFile('config'),
    osvDb: osvDb === undefined ? undefined : workspacePath('osv-db', osvDb, workspace),
    osvApiUrl: url,
    historySince: since,
    sarif,
    // The report goes beside the SARIF file, so it must pass the same checks.
    report: writtenFile('sarif', sarifValue.replace(/(\.sarif)?$/, '.report.json'), workspace),
  });
}
