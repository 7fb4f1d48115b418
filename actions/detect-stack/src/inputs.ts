import { workspaceFolder, type InputReader } from '@slipway/action-kit/lite';

/** detect-stack's inputs, parsed and checked once. */
export interface DetectStackInputs {
  /** Absolute, real path of the folder to analyse. */
  readonly root: string;
  /** The folder relative to the workspace, POSIX ('.' for the workspace). */
  readonly displayRoot: string;
  /** The folder relative to the workspace, with a trailing slash, for annotations ('' at the root). */
  readonly annotationPrefix: string;
  readonly exclude: readonly string[];
  readonly maxFiles: number;
}

/** Reads and validates every input; the workspace is GITHUB_WORKSPACE, else the current folder. */
export function parseInputs(reader: InputReader, workspace: string): DetectStackInputs {
  const exclude = reader.list('exclude');
  const maxFiles = reader.integer('max-files', { min: 1, max: 10_000_000 });
  const folder = workspaceFolder('path', reader.raw('path'), workspace);
  return Object.freeze({
    root: folder.abs,
    displayRoot: folder.rel,
    annotationPrefix: folder.rel === '.' ? '' : `${folder.rel}/`,
    exclude: Object.freeze(exclude),
    maxFiles,
  });
}
