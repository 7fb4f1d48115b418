import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
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
