import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { redactCredentials, userPath, UserError, workspaceFolder, type InputReader } from '@slipway/action-kit/lite';
import type { ScannerName, Severity } from '@slipway/security';

const SCANNERS: readonly ScannerName[] = ['secrets', 'secrets-history', 'dependencies', 'workflows'];
const FAIL_ON = ['critical', 'high', 'medium', 'low', 'none'] as const;

/** security-scan's inputs, parsed and checked once. Every path is absolute. */
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

/**
 * A path this action reads (a .tar.gz, the baseline, the config, the OSV data): `~/x` under HOME,
 * an absolute path as given, a relative one in the workspace that must not climb out of it. What
 * is there is checked when it is read (a regular file of bounded size, never a device or a pipe).
 */
function readPath(input: string, value: string, workspace: string, home: string | undefined): string {
  if (value === '~' || value.startsWith('~/')) {
    if (!home)
      throw new UserError(`'${value}' starts with ~ but HOME is not set.`, { input }, 'Give an absolute path.');
    return join(home, value.slice(1));
  }
  if (isAbsolute(value)) return resolve(value);
  const abs = resolve(workspace, value);
  const rel = relative(workspace, abs);
  if (rel === '..' || rel.startsWith(`..${sep}`))
    throw new UserError(
      `'${value}' points outside the workspace.`,
      { input },
      'Give a path inside the repository, or an absolute path.',
    );
  return abs;
}

/** True when a regular file is there; a path that cannot even be looked at (too long, under a file) is not one. */
function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/**
 * Reads and validates every input. Each path may be relative to the workspace, absolute, or
 * under `~` (HOME); the files written (SARIF, report, baseline) never go through a link out of
 * the workspace when they are in it.
 */
export function parseInputs(
  reader: InputReader,
  workspace: string,
  home: string | undefined = homedir(),
): SecurityScanInputs {
  const rawPath = reader.raw('path') || '.';
  let target: string;
  if (/\.(tar\.gz|tgz)$/.test(rawPath)) {
    target = readPath('path', rawPath, workspace, home);
    if (!isFile(target))
      throw new UserError(
        `'${rawPath}' does not exist.`,
        { input: 'path' },
        'Give the artifact-path output of build-artifact, or a folder.',
      );
  } else target = workspaceFolder('path', rawPath, workspace, { home }).abs;
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
  const sarif = userPath('sarif', sarifValue, workspace, home, 'file');
  const optionalRead = (input: string): string | undefined => {
    const v = reader.optional(input);
    return v === undefined ? undefined : readPath(input, v, workspace, home);
  };
  const writeBaseline = reader.optional('write-baseline');
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
    baseline: optionalRead('baseline'),
    writeBaseline:
      writeBaseline === undefined ? undefined : userPath('write-baseline', writeBaseline, workspace, home, 'file'),
    config: optionalRead('config'),
    osvDb: optionalRead('osv-db'),
    osvApiUrl: url,
    historySince: since,
    sarif,
    // The report goes beside the SARIF file, so it must pass the same checks.
    report: userPath('sarif', sarifValue.replace(/(\.sarif)?$/, '.report.json'), workspace, home, 'file'),
  });
}
