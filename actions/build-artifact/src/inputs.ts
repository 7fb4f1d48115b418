import { homedir } from 'node:os';
import { UserError, describeJsonError, workspaceFolder, type InputReader } from '@slipway/action-kit/lite';
import type { Project, Stack } from '@slipway/stack';

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

/** The longest command the shell can be given as one argument: 128 KiB less its terminating NUL and slipway's prefix. */
const MAX_COMMAND_BYTES = 128 * 1024 - 64;

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
  const command = reader.optional('command');
  // The runner cannot pass a NUL (environment variables end there), but the CLI's readers can.
  for (const [input, value] of [
    ['command', command],
    ['name', reader.optional('name')],
    ['version', reader.optional('version')],
  ] as const)
    if (value?.includes('\0'))
      throw new UserError('holds a NUL character, which no command or file name can contain.', { input }, 'Remove it.');
  if (command !== undefined && Buffer.byteLength(command) > MAX_COMMAND_BYTES)
    throw new UserError(
      `is ${Buffer.byteLength(command)} bytes long; a command is passed to the shell as one argument, which Linux caps at 128 KiB.`,
      { input: 'command' },
      'Put the commands in a script in the repository and run that.',
    );
  const epoch = reader.optional('source-date-epoch');
  return Object.freeze({
    repoRoot: repo.abs,
    repoRel: repo.rel,
    stack: parseStack(reader.raw('stack')),
    project: reader.optional('project'),
    install: reader.boolean('install'),
    command,
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
  const problem = !isObject
    ? 'it is not an object'
    : doc.schemaVersion !== 1
      ? `schemaVersion is ${JSON.stringify(doc.schemaVersion)}, not 1`
      : !Array.isArray(doc.projects)
        ? 'it has no projects array'
        : (field('primary', doc.primary, 'string', true) ??
          doc.projects.map((p, i) => projectProblem(p, `projects[${i}]`)).find((x) => x !== undefined));
  if (problem)
    throw new UserError(
      `is not a detect-stack document: ${problem}.`,
      { input: 'stack' },
      "Pass the detect-stack step's `stack` output as it is.",
    );
  // Fields build-artifact reads but a hand-written document may leave out.
  const projects = (doc.projects as Project[]).map((p) => ({
    ...p,
    frameworks: p.frameworks ?? [],
    packageManager: p.packageManager ?? null,
    output: p.output ?? null,
  }));
  return { ...doc, projects } as Stack;
}

/** What is wrong with a value where a field of `kind` is wanted (`nullable`: null or absent also do). */
function field(name: string, value: unknown, kind: 'string' | 'object', nullable = false): string | undefined {
  if (value === undefined || value === null) return nullable ? undefined : `${name} is missing`;
  const actual = Array.isArray(value) ? 'array' : typeof value;
  if (actual !== kind)
    return `${name} is ${actual === 'object' ? 'an object' : `a${actual === 'array' ? 'n' : ''} ${actual}`}, not a${kind === 'object' ? 'n' : ''} ${kind}`;
  if (kind === 'string' && (value as string).includes('\0')) return `${name} holds a NUL character`;
  return undefined;
}

/** What is wrong with one project of a stack document, for the fields build-artifact reads. */
function projectProblem(value: unknown, at: string): string | undefined {
  const top = field(at, value, 'object');
  if (top) return top;
  const p = value as Record<string, unknown>;
  const runtime = p.runtime as Record<string, unknown> | undefined;
  const manager = p.packageManager as Record<string, unknown> | null | undefined;
  const commands = p.commands as Record<string, unknown> | undefined;
  const frameworks = p.frameworks;
  return (
    field(`${at}.path`, p.path, 'string') ??
    field(`${at}.name`, p.name, 'string') ??
    field(`${at}.runtime`, runtime, 'object') ??
    field(`${at}.runtime.name`, runtime!.name, 'string') ??
    field(`${at}.runtime.version`, runtime!.version, 'string', true) ??
    field(`${at}.packageManager`, manager, 'object', true) ??
    (manager
      ? (field(`${at}.packageManager.name`, manager.name, 'string') ??
        field(`${at}.packageManager.lockfile`, manager.lockfile, 'string', true))
      : undefined) ??
    field(`${at}.commands`, commands, 'object') ??
    (['install', 'build', 'test', 'start'] as const)
      .map(
        (c) =>
          field(`${at}.commands.${c}`, commands![c], 'string', true) ??
          (typeof commands![c] === 'string' && Buffer.byteLength(commands![c] as string) > MAX_COMMAND_BYTES
            ? `${at}.commands.${c} is over 128 KiB, longer than a shell can be given`
            : undefined),
      )
      .find((x) => x !== undefined) ??
    (frameworks !== undefined && !Array.isArray(frameworks)
      ? `${at}.frameworks is not an array`
      : ((frameworks as unknown[] | undefined) ?? [])
          .map(
            (f, j) =>
              field(`${at}.frameworks[${j}]`, f, 'object') ??
              field(`${at}.frameworks[${j}].name`, (f as { name?: unknown }).name, 'string'),
          )
          .find((x) => x !== undefined)) ??
    field(`${at}.output`, p.output, 'string', true)
  );
}
