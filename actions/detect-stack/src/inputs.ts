import { homedir } from 'node:os';
import { UserError, workspaceFolder, type InputReader } from '@slipway/action-kit/lite';
import { globProblem, showGlob } from '@slipway/stack';

/** More exclude globs than anyone writes by hand; each one is tried against every path walked. */
export const MAX_EXCLUDE_GLOBS = 1000;

/** detect-stack's inputs, parsed and checked once. */
export interface DetectStackInputs {
  /** Absolute, real path of the folder to analyse. */
  readonly root: string;
  /** The folder relative to the workspace, POSIX ('.' for the workspace); absolute when outside it. */
  readonly displayRoot: string;
  /** displayRoot with a trailing slash, for annotations ('' at the root). */
  readonly annotationPrefix: string;
  readonly exclude: readonly string[];
  readonly maxFiles: number;
}

/**
 * Reads and validates every input; the workspace is GITHUB_WORKSPACE, else the current folder.
 * `path` may be relative to the workspace, absolute, or under `~` (HOME).
 */
export function parseInputs(
  reader: InputReader,
  workspace: string,
  home: string | undefined = homedir(),
): DetectStackInputs {
  const exclude = excludeGlobs(reader.list('exclude'));
  const maxFiles = reader.integer('max-files', { min: 1, max: 10_000_000 });
  const folder = workspaceFolder('path', reader.raw('path'), workspace, { home });
  return Object.freeze({
    root: folder.abs,
    displayRoot: folder.rel,
    annotationPrefix: folder.rel === '.' ? '' : `${folder.rel.replace(/\/$/, '')}/`,
    exclude: Object.freeze(exclude),
    maxFiles,
  });
}

/** The exclude globs, each one checked now so that a bad one names the input instead of failing mid-walk. */
function excludeGlobs(globs: string[]): string[] {
  if (globs.length > MAX_EXCLUDE_GLOBS)
    throw new UserError(
      `has ${globs.length} globs, more than the ${MAX_EXCLUDE_GLOBS} it takes.`,
      { input: 'exclude' },
      'Exclude whole folders (`generated/**`) rather than files one by one.',
    );
  for (const glob of globs) {
    const problem = globProblem(glob, { dot: true });
    if (problem !== undefined)
      throw new UserError(`glob ${showGlob(glob)} cannot be used: ${problem}.`, { input: 'exclude' });
  }
  return globs;
}
