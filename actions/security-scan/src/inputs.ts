import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UserError, workspaceFolder, type InputReader } from '@slipway/action-kit/lite';
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

/** Reads and validates every input. */
export function parseInputs(reader: InputReader, workspace: string): SecurityScanInputs {
  const rawPath = reader.raw('path') || '.';
  let target: string;
  if (/\.(tar\.gz|tgz)$/.test(rawPath)) {
    target = workspacePath('path', rawPath, workspace);
    if (!statSync(target, { throwIfNoEntry: false })?.isFile())
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
  const optionalFile = (input: string): string | undefined => {
    const v = reader.optional(input);
    return v === undefined ? undefined : workspacePath(input, v, workspace);
  };
  const osvDb = reader.optional('osv-db');
  const url = reader.raw('osv-api-url');
  if (!/^https?:\/\/[^\s]+$/.test(url))
    throw new UserError(
      `'${url}' is not an http(s) URL.`,
      { input: 'osv-api-url' },
      'Use https://api.osv.dev or your mirror.',
    );
  const since = reader.optional('history-since');
  if (since !== undefined && !/^[\w./~^@{}-]+$/.test(since))
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
    writeBaseline: optionalFile('write-baseline'),
    config: optionalFile('config'),
    osvDb: osvDb === undefined ? undefined : workspacePath('osv-db', osvDb, workspace),
    osvApiUrl: url,
    historySince: since,
    sarif: workspacePath('sarif', reader.raw('sarif') || 'slipway-security.sarif', workspace),
  });
}
