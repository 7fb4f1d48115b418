import { realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from './errors.js';

/** A folder an input names, resolved through links. */
export interface WorkspaceFolder {
  /** Absolute, real path. */
  abs: string;
  /**
   * How outputs and logs name it: relative to the workspace, POSIX ('.' for the workspace itself),
   * or the absolute path of a folder outside the workspace.
   */
  rel: string;
  /** Whether the folder lies inside the workspace. */
  inside: boolean;
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

/** `~` and `~/x` under HOME, as a shell would; any other value unchanged. */
function expandHome(input: string, value: string, home: string | undefined): string {
  if (value !== '~' && !value.startsWith('~/')) return value;
  if (!home) throw new UserError(`'${value}' starts with ~ but HOME is not set.`, { input }, 'Give an absolute path.');
  return join(home, value.slice(1));
}

/** Refuses what no file system call can take: a NUL byte, and names past Linux's limits (255 bytes a name, 4095 a path). */
function checkPathText(input: string, value: string, path: string): void {
  if (value.includes('\0')) throw new UserError(`'${value}' holds a NUL character.`, { input });
  if (Buffer.byteLength(path) > 4095 || path.split('/').some((part) => Buffer.byteLength(part) > 255))
    throw new UserError(`'${value.slice(0, 80)}…' is too long a path (at most 255 bytes a name and 4095 in all).`, {
      input,
    });
}

/**
 * Where a path lies, and the folder it must not leave through a link. A relative value is
 * resolved against `base` and stays inside the workspace (or inside `base`, when the user put
 * `base` outside the workspace). An absolute value inside the workspace, by the workspace's given
 * or real path, is held to the same rule, under the real workspace: a pull request can add a link
 * such as `out -> /home/runner` to the repository, whichever way the path reaches it. Any other
 * absolute value is the user's own choice (`${{ runner.temp }}/x`): no jail.
 */
function locate(value: string, workspace: string, root: string, base: string): { target: string; jail?: string } {
  if (!isAbsolute(value)) return { target: resolve(base, value), jail: escapes(root, base) ? base : root };
  const target = resolve(value);
  for (const ws of [root, resolve(workspace)])
    if (!escapes(ws, target)) return { target: join(root, relative(ws, target)), jail: root };
  return { target };
}

/** The nearest existing ancestor of a path (the path itself when it exists), resolved through links, and what lies below it. */
function existingAncestor(path: string): { real: string; rest: string } {
  let current = path;
  for (;;) {
    try {
      return { real: realpathSync(current), rest: relative(current, path) };
    } catch {
      const parent = dirname(current);
      if (parent === current) return { real: current, rest: relative(current, path) };
      current = parent;
    }
  }
}

/** What a file system entry is, for messages: 'a file', 'a device' … */
function kindOf(st: Stats): string {
  if (st.isFile()) return 'a file';
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The workspace's name in messages, or the folder a relative value was confined to. */
function jailName(jail: string, root: string): string {
  return jail === root ? 'the workspace' : jail;
}

/**
 * Resolves an input naming a folder: `~/x` under HOME, an absolute path as given
 * (`${{ runner.temp }}/x`, `${{ github.workspace }}/app`), a relative one against `base` (the
 * workspace by default). A folder in the workspace, however it is named, must not lead out of
 * it through a link; one outside it is the user's choice. It must exist (unless `mayNotExist`:
 * then the part that exists must be a folder, and the rest is where it will be created).
 */
export function workspaceFolder(
  input: string,
  value: string,
  workspace: string,
  options: { base?: string; mayNotExist?: boolean; home?: string } = {},
): WorkspaceFolder {
  const root = realWorkspace(workspace);
  const given = expandHome(input, value || '.', options.home);
  const { target, jail } = locate(given, workspace, root, options.base ?? root);
  checkPathText(input, value, target);
  if (jail && escapes(jail, target))
    throw new UserError(
      `'${value}' points outside ${jailName(jail, root)}.`,
      { input },
      'Give a folder inside the repository, or an absolute path.',
    );
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    if (!options.mayNotExist)
      throw new UserError(
        `'${value}' does not exist.`,
        { input },
        'Check the folder name and that the repository is checked out (actions/checkout) before this step.',
      );
    const ancestor = existingAncestor(target);
    const st = statOrUndefined(ancestor.real);
    if (st && !st.isDirectory())
      throw new UserError(`'${value}' is under ${ancestor.real}, which is ${kindOf(st)}, not a folder.`, { input });
    real = join(ancestor.real, ancestor.rest);
    if (jail && escapes(jail, real))
      throw new UserError(
        `'${value}' leads outside ${jailName(jail, root)} through a symbolic link.`,
        { input },
        'Give a folder inside the repository, or an absolute path.',
      );
    return { abs: real, rel: shownPath(real, root), inside: !escapes(root, real) };
  }
  if (jail && escapes(jail, real))
    throw new UserError(
      `'${value}' is a link that leads outside ${jailName(jail, root)}.`,
      { input },
      'Give a folder inside the repository, or an absolute path.',
    );
  const st = statSync(real);
  if (!st.isDirectory())
    throw new UserError(
      `'${value}' is ${kindOf(st)}, not a folder.`,
      { input },
      'Give the folder that holds the project.',
    );
  return { abs: real, rel: shownPath(real, root), inside: !escapes(root, real) };
}

/**
 * How an output or a log line names a path: relative to the workspace (POSIX, '.' for the
 * workspace itself) when it lies inside, by the workspace's given or real path; else absolute.
 */
export function shownPath(path: string, workspace: string): string {
  for (const ws of [resolve(workspace), realOrUndefined(workspace) ?? resolve(workspace)])
    if (!escapes(ws, path)) return relative(ws, path).split(sep).join('/') || '.';
  return path;
}

/**
 * Resolves an input naming a file this action writes (a report, a SARIF file, a baseline, an
 * output folder). An absolute path outside the workspace is taken as the user gave it
 * (`${{ runner.temp }}/x`). A relative one is resolved against the workspace and, like an absolute
 * one inside it, must stay inside through every link on the way, since a pull request can add a
 * link (`out -> /etc`) to the repository. An existing folder where a file is wanted, a device, pipe
 * or socket where a file is written (renaming over `/dev/zero` would replace it), or a file where
 * a folder is wanted, is refused (`any` takes either, and is not written).
 */
export function outputPath(
  input: string,
  value: string,
  workspace: string,
  options: { kind?: 'file' | 'folder' | 'any' } = {},
): string {
  const kind = options.kind ?? 'file';
  checkPathText(input, value, value);
  const target = isAbsolute(value) ? resolve(value) : resolve(workspace, value);
  // A relative path needs the workspace; an absolute one is checked against it only if it exists.
  const root = isAbsolute(value) ? (realOrUndefined(workspace) ?? resolve(workspace)) : realWorkspace(workspace);
  const { target: located, jail } = locate(value, workspace, root, root);
  if (jail) {
    const lexical = escapes(jail, located);
    if (lexical || escapes(jail, existingAncestor(located).real))
      throw new UserError(
        `'${value}' leads outside the workspace${lexical ? '' : ' through a symbolic link'}.`,
        { input },
        'Give a path inside the repository, or an absolute path such as ${{ runner.temp }}/name.',
      );
  }
  const st = statOrUndefined(target);
  if (st && kind === 'file' && st.isDirectory())
    throw new UserError(`'${value}' is a folder; a file is written there.`, { input }, 'Give a file name.');
  if (st && kind === 'file' && !st.isFile())
    throw new UserError(
      `'${value}' is ${kindOf(st)}; a file is written there.`,
      { input },
      'Give the path of a regular file, such as ${{ runner.temp }}/name.',
    );
  if (st && kind === 'folder' && !st.isDirectory())
    throw new UserError(`'${value}' is ${kindOf(st)}; a folder is written there.`, { input }, 'Give a folder name.');
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
  // outputPath checks NUL bytes and lengths, and keeps paths in the workspace inside it.
  return outputPath(input, expandHome(input, value, home), workspace, { kind });
}
