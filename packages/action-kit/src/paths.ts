import { realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from './errors.js';

/** A folder inside the workspace, resolved through links. */
export interface WorkspaceFolder {
  /** Absolute, real path. */
  abs: string;
  /** Relative to the workspace, POSIX, '.' for the workspace itself. */
  rel: string;
}

function escapes(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/** The workspace's real path; a missing workspace is the user's to fix. */
export function realWorkspace(workspace: string): string {
  try {
    return realpathSync(workspace);
  } catch {
    throw new UserError(
      `the workspace ${workspace} (GITHUB_WORKSPACE) does not exist.`,
      {},
      'Run this step in a job that checked out the repository.',
    );
  }
}

/**
 * Resolves an input naming a folder relative to the workspace: it must not be absolute, must
 * exist (unless `mayNotExist`), and must stay inside the workspace, links included.
 */
export function workspaceFolder(
  input: string,
  value: string,
  workspace: string,
  options: { base?: string; mayNotExist?: boolean } = {},
): WorkspaceFolder {
  const root = realWorkspace(workspace);
  if (isAbsolute(value))
    throw new UserError(
      `'${value}' is absolute.`,
      { input },
      'Give a folder relative to the workspace, such as . or apps/web.',
    );
  const target = resolve(options.base ?? root, value || '.');
  if (escapes(root, target))
    throw new UserError(`'${value}' points outside the workspace.`, { input }, 'Give a folder inside the repository.');
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    if (options.mayNotExist && !escapes(root, target))
      return { abs: target, rel: relative(root, target).split(sep).join('/') || '.' };
    throw new UserError(
      `'${value}' does not exist.`,
      { input },
      'Check the folder name and that the repository is checked out (actions/checkout) before this step.',
    );
  }
  if (escapes(root, real))
    throw new UserError(
      `'${value}' is a link that leads outside the workspace.`,
      { input },
      'Give a folder inside the repository.',
    );
  if (!statSync(real).isDirectory())
    throw new UserError(`'${value}' is a file, not a folder.`, { input }, 'Give the folder that holds the project.');
  return { abs: real, rel: relative(root, real).split(sep).join('/') || '.' };
}

/** The nearest existing ancestor of a path (the path itself when it exists), resolved through links. */
function realAncestor(path: string): string {
  let current = path;
  for (;;) {
    try {
      return realpathSync(current);
    } catch {
      const parent = dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}

/**
 * Resolves an input naming a file this action writes (a report, a SARIF file, a baseline, an
 * output folder). An absolute path is taken as the user gave it (`${{ runner.temp }}/x`). A
 * relative one is resolved against the workspace and must stay inside it through every link on
 * the way, since a pull request can add a link (`out -> /etc`) to the repository. An existing
 * folder where a file is wanted, or a file where a folder is wanted, is refused (`any` takes either).
 */
export function outputPath(
  input: string,
  value: string,
  workspace: string,
  options: { kind?: 'file' | 'folder' | 'any' } = {},
): string {
  const kind = options.kind ?? 'file';
  if (value.includes('\0')) throw new UserError(`'${value}' holds a NUL character.`, { input });
  // Linux's limits: 255 bytes a name, 4096 a path. Past them every call fails with ENAMETOOLONG.
  if (Buffer.byteLength(value) > 4095 || value.split('/').some((part) => Buffer.byteLength(part) > 255))
    throw new UserError(`'${value.slice(0, 80)}…' is too long a path (at most 255 bytes a name and 4095 in all).`, {
      input,
    });
  const target = isAbsolute(value) ? resolve(value) : resolve(workspace, value);
  if (!isAbsolute(value)) {
    const root = realWorkspace(workspace);
    if (escapes(resolve(workspace), target) || escapes(root, realAncestor(target)))
      throw new UserError(
        `'${value}' leads outside the workspace${escapes(resolve(workspace), target) ? '' : ' through a symbolic link'}.`,
        { input },
        'Give a path inside the repository, or an absolute path such as ${{ runner.temp }}/name.',
      );
  }
  let st: Stats | undefined;
  try {
    st = statSync(target);
  } catch {
    st = undefined;
  }
  if (st && kind === 'file' && st.isDirectory())
    throw new UserError(`'${value}' is a folder; a file is written there.`, { input }, 'Give a file name.');
  if (st && kind === 'folder' && !st.isDirectory())
    throw new UserError(`'${value}' is a file; a folder is written there.`, { input }, 'Give a folder name.');
  for (let dir = dirname(target); dir !== dirname(dir); dir = dirname(dir)) {
    let d: Stats | undefined;
    try {
      d = statSync(dir);
    } catch {
      continue;
    }
    if (!d.isDirectory()) throw new UserError(`'${value}' is under ${dir}, which is a file, not a folder.`, { input });
    break;
  }
  return target;
}

/**
 * Resolves a path input as people write it: `~/x` under HOME, an absolute path as given
 * (`${{ runner.temp }}/x`), a relative one inside the workspace (never through a link out of it).
 */
export function userPath(
  input: string,
  value: string,
  workspace: string,
  home: string | undefined,
  kind: 'file' | 'folder' | 'any' = 'any',
): string {
  let path = value;
  if (value === '~' || value.startsWith('~/')) {
    if (!home)
      throw new UserError(`'${value}' starts with ~ but HOME is not set.`, { input }, 'Give an absolute path.');
    path = join(home, value.slice(1));
  }
  // outputPath checks NUL bytes and lengths, and keeps relative paths inside the workspace.
  return outputPath(input, path, workspace, { kind });
}
