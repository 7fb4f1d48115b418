import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { InputReader } from '@slipway/action-kit/lite';
import { UserError } from '@slipway/action-kit/lite';

/** detect-stack's inputs, parsed and checked once. */
export interface DetectStackInputs {
  /** Absolute, real path of the folder to analyse. */
  readonly root: string;
  /** The `path` input as the user wrote it, normalised to POSIX. */
  readonly displayRoot: string;
  /** The folder relative to the workspace, with a trailing slash, for annotations ('' at the root). */
  readonly annotationPrefix: string;
  readonly exclude: readonly string[];
  readonly maxFiles: number;
}

/** Reads and validates every input; the workspace is GITHUB_WORKSPACE, else the current folder. */
export function parseInputs(reader: InputReader, workspace: string): DetectStackInputs {
  const path = reader.raw('path') || '.';
  const exclude = reader.list('exclude');
  const maxFiles = reader.integer('max-files', { min: 1, max: 10_000_000 });
  if (isAbsolute(path)) {
    throw new UserError(`'${path}' is absolute.`, { input: 'path' }, 'Give a folder relative to the workspace, such as . or apps/web.');
  }
  const workspaceReal = realOrThrow(workspace, 'the workspace (GITHUB_WORKSPACE)');
  const target = resolve(workspaceReal, path);
  if (escapes(workspaceReal, target)) {
    throw new UserError(`'${path}' points outside the workspace.`, { input: 'path' }, 'Give a folder inside the repository.');
  }
  const real = realOrThrow(target, `'${path}'`, 'path');
  if (escapes(workspaceReal, real)) {
    throw new UserError(`'${path}' is a link that leads outside the workspace.`, { input: 'path' }, 'Give a folder inside the repository.');
  }
  if (!statSync(real).isDirectory()) {
    throw new UserError(`'${path}' is a file, not a folder.`, { input: 'path' }, 'Give the folder that holds the project.');
  }
  const rel = relative(workspaceReal, real).split(sep).join('/');
  return Object.freeze({
    root: real,
    displayRoot: rel === '' ? '.' : rel,
    annotationPrefix: rel === '' ? '' : `${rel}/`,
    exclude: Object.freeze(exclude),
    maxFiles,
  });
}

function escapes(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

function realOrThrow(path: string, what: string, input?: string): string {
  try {
    return realpathSync(path);
  } catch {
    throw new UserError(
      `${what} does not exist.`,
      input ? { input } : {},
      input ? 'Check the folder name and that the repository is checked out (actions/checkout) before this step.' : undefined,
    );
  }
}
