// One schema per kind of document a detector reads, describing just the fields it reads. A field
// of the wrong type is left out with a warning at its line (see shape.ts); fields slipway does not
// read are never checked, so a manifest is not faulted for what other tools put in it.
import * as v from 'valibot';
import { opt, optString, optStrings, table, tableOf } from './shape.js';

/** composer.json requirements that name a framework. */
export const PHP_FRAMEWORK_DEPS: readonly [string, string][] = [
  ['laravel/framework', 'laravel'],
  ['symfony/framework-bundle', 'symfony'],
];

/** Cargo.toml dependencies that name a framework. */
export const RUST_FRAMEWORK_DEPS: readonly [string, string][] = [
  ['actix-web', 'actix-web'],
  ['axum', 'axum'],
  ['rocket', 'rocket'],
];

/** Tool names read from .tool-versions and mise.toml, across every detector. */
export const MISE_TOOLS = ['node', 'nodejs', 'deno', 'bun', 'python', 'ruby', 'java', 'php', 'elixir'] as const;

/** Optional string fields of the given names. */
const stringFields = (names: readonly string[]): Record<string, ReturnType<typeof optString>> =>
  Object.fromEntries(names.map((n) => [n, optString()]));

/** deno.json / deno.jsonc: the name and which tasks exist (a task is a string or an object). */
export const DenoJsonSchema = table({ name: optString(), tasks: opt(tableOf(v.unknown())) });

/** global.json: the pinned .NET SDK. */
export const GlobalJsonSchema = table({ sdk: opt(table({ version: optString() })) });

/** composer.json: name, PHP version, frameworks, test script. */
export const ComposerJsonSchema = table({
  name: optString(),
  require: opt(table(stringFields(['php', ...PHP_FRAMEWORK_DEPS.map(([d]) => d)]))),
  'require-dev': opt(table({ 'phpunit/phpunit': optString() })),
  config: opt(table({ platform: opt(table({ php: optString() })) })),
  scripts: opt(table({ test: opt(v.union([v.string(), v.array(v.string())])) })),
});

/** composer.lock: the locked packages, for framework versions. */
export const ComposerLockSchema = table({
  packages: opt(v.array(table({ name: optString(), version: optString() }))),
});

const poetryDeps = () => opt(tableOf(v.union([v.string(), table({ version: optString() }), v.array(v.unknown())])));

/** pyproject.toml: PEP 621 metadata, PEP 735 groups, poetry, and which tools are configured. */
export const PyProjectSchema = table({
  project: opt(
    table({
      name: optString(),
      'requires-python': optString(),
      dependencies: optStrings(),
      'optional-dependencies': opt(tableOf(v.array(v.string()))),
    }),
  ),
  'build-system': opt(tableOf(v.unknown())),
  // A group holds requirement strings and `{ include-group = "…" }` tables.
  'dependency-groups': opt(tableOf(v.array(v.union([v.string(), tableOf(v.unknown())])))),
  tool: opt(
    table({
      poetry: opt(
        table({
          name: optString(),
          dependencies: poetryDeps(),
          group: opt(tableOf(table({ dependencies: poetryDeps() }))),
        }),
      ),
      pdm: opt(tableOf(v.unknown())),
      uv: opt(tableOf(v.unknown())),
    }),
  ),
});
/** pyproject.toml as detection reads it. */
export type PyProject = v.InferOutput<typeof PyProjectSchema>;

/** Pipfile: packages (a version string or a table) and the required Python. */
export const PipfileSchema = table({
  packages: opt(tableOf(v.unknown())),
  'dev-packages': opt(tableOf(v.unknown())),
  requires: opt(table({ python_version: optString(), python_full_version: optString() })),
});
/** Pipfile as detection reads it. */
export type Pipfile = v.InferOutput<typeof PipfileSchema>;

const cargoDep = () => v.optional(v.union([v.string(), table({ version: optString() })]));

/** Cargo.toml: package, workspace, framework dependencies and binaries. */
export const CargoTomlSchema = table({
  package: opt(
    table({
      name: optString(),
      'rust-version': opt(v.union([v.string(), table({ workspace: opt(v.boolean()) })])),
    }),
  ),
  workspace: opt(
    table({
      members: optStrings(),
      exclude: optStrings(),
      package: opt(table({ 'rust-version': optString() })),
    }),
  ),
  dependencies: opt(table(Object.fromEntries(RUST_FRAMEWORK_DEPS.map(([d]) => [d, cargoDep()])))),
  bin: opt(v.array(v.unknown())),
});
/** Cargo.toml as detection reads it. */
export type CargoToml = v.InferOutput<typeof CargoTomlSchema>;

/** rust-toolchain.toml: the channel. */
export const RustToolchainSchema = table({ toolchain: opt(table({ channel: optString() })) });

const miseVersion = () =>
  v.optional(
    v.union([
      v.string(),
      v.number(),
      v.array(v.union([v.string(), v.number(), table({ version: optString() })])),
      table({ version: optString() }),
    ]),
  );

/** mise.toml / .mise.toml: the `[tools]` entries of the runtimes slipway knows. */
export const MiseTomlSchema = table({
  tools: opt(table(Object.fromEntries(MISE_TOOLS.map((t) => [t, miseVersion()])))),
});
