import { homedir } from 'node:os';
import { UserError, describeJsonError, workspaceFolder, type InputReader } from '@slipway/action-kit/lite';
import type { Stack } from '@slipway/stack';

/** build-artifact's inputs, parsed and checked once. */
export interface BuildArtifactInputs {
  /** Absolute, real path of the repository root. */
  readonly repoRoot: string;
  /** The root relative to the workspace, POSIX ('.' for the workspace); absolute when outside it. */
  readonly repoRel: string;
  readonly stack: Stack | undefined;
  readonly project: string | undefined;
  readonly install: boolean;
  readonly command: string | undefined;
  readonly include: string[] | undefined;
  readonly exclude: string[];
  readonly name: string | undefined;
  /** Absolute path of the output folder, through the links that exist; it may not exist yet. */
  readonly outputDir: string;
  readonly version: string | undefined;
  readonly sourceDateEpoch: number | undefined;
  readonly cache: boolean;
  readonly upload: boolean;
  readonly retentionDays: number | undefined;
  readonly sbom: boolean;
  readonly provenance: boolean;
  readonly allowSecretFiles: boolean;
  readonly timeoutMs: number;
}

/** action.yml's default, also used when the input is set to an empty string. */
const DEFAULT_TIMEOUT_MS = 60 * 60_000;
/** A day: longer than any hosted job may run, so only a mistyped unit is refused. */
const MAX_TIMEOUT_MS = 24 * 3_600_000;

/** The largest mtime a ustar header holds (11 octal digits). */
const MAX_EPOCH = 0o77777777777;

/**
 * Reads and validates every input. `path` and `output-dir` may be absolute or under `~` (HOME);
 * a relative `path` is in the workspace, a relative `output-dir` in `path`.
 */
export function parseInputs(
  reader: InputReader,
  workspace: string,
  home: string | undefined = homedir(),
): BuildArtifactInputs {
  const repo = workspaceFolder('path', reader.raw('path'), workspace, { home });
  const output = workspaceFolder('output-dir', reader.raw('output-dir'), workspace, {
    base: repo.abs,
    mayNotExist: true,
    home,
  });
  const include = reader.list('include');
  const version = reader.optional('version');
  if (version !== undefined && /[\s/\\]/.test(version))
    throw new UserError(
      `'${version}' contains spaces or slashes.`,
      { input: 'version' },
      'Use a version such as 1.2.3 or v1.2.3-rc.1.',
    );
  const epoch = reader.optional('source-date-epoch');
  return Object.freeze({
    repoRoot: repo.abs,
    repoRel: repo.rel,
    stack: parseStack(reader.raw('stack')),
    project: reader.optional('project'),
    install: reader.boolean('install'),
    command: reader.optional('command'),
    include: include.length ? include : undefined,
    exclude: reader.list('exclude'),
    name: reader.optional('name'),
    outputDir: output.abs,
    version,
    sourceDateEpoch: epoch === undefined ? undefined : reader.integer('source-date-epoch', { min: 0, max: MAX_EPOCH }),
    cache: reader.boolean('cache'),
    upload: reader.boolean('upload'),
    retentionDays:
      reader.optional('retention-days') === undefined
        ? undefined
        : reader.integer('retention-days', { min: 1, max: 90 }),
    sbom: reader.boolean('sbom'),
    provenance: reader.boolean('provenance'),
    allowSecretFiles: reader.boolean('allow-secret-files'),
    timeoutMs:
      reader.optional('timeout') === undefined
        ? DEFAULT_TIMEOUT_MS
        : reader.duration('timeout', { min: 1000, max: MAX_TIMEOUT_MS }),
  });
}

/** A detect-stack document, checked for the fields build-artifact relies on. */
export function parseStack(text: string): Stack | undefined {
  if (text.trim() === '') return undefined;
  let doc: Partial<Stack>;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new UserError(
      `is not valid JSON: ${describeJsonError(text, err)}.`,
      { input: 'stack' },
      "Pass the detect-stack step's `stack` output as it is: ${{ steps.<id>.outputs.stack }}.",
    );
  }
  const isObject = typeof doc === 'object' && doc !== null && !Array.isArray(doc);
  const badProject =
    isObject && Array.isArray(doc.projects)
      ? doc.projects.findIndex(
          (p) => typeof p?.path !== 'string' || typeof p?.runtime?.name !== 'string' || typeof p?.commands !== 'object',
        )
      : -1;
  const problem = !isObject
    ? 'it is not an object'
    : doc.schemaVersion !== 1
      ? `schemaVersion is ${JSON.stringify(doc.schemaVersion)}, not 1`
      : !Array.isArray(doc.projects)
        ? 'it has no projects array'
        : badProject >= 0
          ? `projects[${badProject}] lacks path, runtime.name or commands`
          : undefined;
  if (problem)
    throw new UserError(
      `is not a detect-stack document: ${problem}.`,
      { input: 'stack' },
      "Pass the detect-stack step's `stack` output as it is.",
    );
  return doc as Stack;
}
