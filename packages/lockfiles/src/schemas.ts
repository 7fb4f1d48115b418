// One schema per lockfile format, describing just the fields the parsers read.
import * as v from 'valibot';
import { optBoolean, optString, table, tableOf } from './shape.js';

/** package-lock.json v1 `dependencies`, nested. */
export interface NpmV1Dep {
  version?: string;
  integrity?: string;
  dev?: boolean;
  dependencies?: Record<string, NpmV1Dep>;
}

const npmV1Dep: v.GenericSchema<unknown, NpmV1Dep> = v.lazy(() =>
  table({
    version: optString(),
    integrity: optString(),
    dev: optBoolean(),
    dependencies: v.optional(tableOf(npmV1Dep)),
  }),
);

/** package-lock.json and npm-shrinkwrap.json, lockfile versions 1 to 3. */
export const NpmLockSchema = table({
  packages: v.optional(
    tableOf(
      table({
        name: optString(),
        version: optString(),
        resolved: optString(),
        integrity: optString(),
        dev: optBoolean(),
        link: optBoolean(),
      }),
    ),
  ),
  dependencies: v.optional(tableOf(npmV1Dep)),
});

const depRanges = () => v.optional(tableOf(v.string()));

/** What a bun.lock package array holds besides its `name@version`: the first object lists its dependencies. */
const bunItem = () =>
  v.union([
    v.string(),
    v.number(),
    v.boolean(),
    v.null(),
    v.array(v.unknown()),
    table({ dependencies: depRanges(), optionalDependencies: depRanges(), peerDependencies: depRanges() }),
  ]);

/**
 * bun.lock: `packages` maps a key to an array whose first item is `name@version`;
 * `workspaces` holds each workspace's dependencies as its package.json has them.
 */
export const BunLockSchema = table({
  workspaces: v.optional(
    tableOf(
      table({
        name: optString(),
        dependencies: depRanges(),
        devDependencies: depRanges(),
        optionalDependencies: depRanges(),
        peerDependencies: depRanges(),
      }),
    ),
  ),
  packages: v.optional(tableOf(v.array(bunItem()))),
});

/** An importer's dependencies: `name: version` (v5) or `name: { specifier, version }` (v6 and v9). */
const pnpmImporterDeps = () => v.optional(v.nullable(tableOf(v.union([v.string(), table({ version: optString() })]))));

/** A v9 snapshot's dependencies: `name: version(peers)` or, for an alias, `name: real@version`. */
const pnpmSnapshotDeps = () => v.optional(v.nullable(tableOf(v.string())));

/** pnpm-lock.yaml, versions 5 to 9: an entry may be empty (null in YAML). */
export const PnpmLockSchema = table({
  lockfileVersion: v.optional(v.union([v.string(), v.number()])),
  importers: v.optional(
    v.nullable(
      tableOf(
        v.nullable(
          table({
            dependencies: pnpmImporterDeps(),
            devDependencies: pnpmImporterDeps(),
            optionalDependencies: pnpmImporterDeps(),
          }),
        ),
      ),
    ),
  ),
  packages: v.optional(
    v.nullable(
      tableOf(
        v.nullable(
          table({
            name: optString(),
            version: optString(),
            resolution: v.optional(
              table({ integrity: optString(), tarball: optString(), directory: optString(), type: optString() }),
            ),
            dev: optBoolean(),
          }),
        ),
      ),
    ),
  ),
  snapshots: v.optional(
    v.nullable(
      tableOf(v.nullable(table({ dependencies: pnpmSnapshotDeps(), optionalDependencies: pnpmSnapshotDeps() }))),
    ),
  ),
});

/** yarn.lock berry: descriptor → entry; `__metadata.version` is a number, YAML reads `version: 1.0` as one too. */
export const YarnBerrySchema = tableOf(
  v.nullable(
    table({
      version: v.optional(v.union([v.string(), v.number()])),
      resolution: optString(),
    }),
  ),
);

const hashTable = () => v.optional(table({ hash: optString() }));
const hashTables = () => v.optional(v.array(table({ hash: optString() })));

/** poetry.lock: `[[package]]` tables; dev from `category` (Poetry 1) or `groups` (Poetry 2). */
export const PoetryLockSchema = table({
  package: v.optional(
    v.array(
      table({
        name: optString(),
        version: optString(),
        category: optString(),
        groups: v.optional(v.array(v.string())),
        files: hashTables(),
        source: v.optional(table({ type: optString() })),
      }),
    ),
  ),
});

/** A uv.lock dependency: a package name, with its version when the lock holds more than one. */
const uvDeps = () => v.array(table({ name: optString(), version: optString() }));

/** uv.lock: `[[package]]` tables, each with its dependencies, extras and dependency groups. */
export const UvLockSchema = table({
  package: v.optional(
    v.array(
      table({
        name: optString(),
        version: optString(),
        sdist: hashTable(),
        wheels: hashTables(),
        source: v.optional(
          table({ editable: optString(), virtual: optString(), directory: optString(), path: optString() }),
        ),
        dependencies: v.optional(uvDeps()),
        'optional-dependencies': v.optional(tableOf(uvDeps())),
        'dev-dependencies': v.optional(tableOf(uvDeps())),
      }),
    ),
  ),
});

const pipfileSection = () =>
  v.optional(tableOf(table({ version: optString(), hashes: v.optional(v.array(v.string())) })));

/** Pipfile.lock: `default` and `develop`, name → `{ version, hashes }`. */
export const PipfileLockSchema = table({ default: pipfileSection(), develop: pipfileSection() });

/** Cargo.lock: `[[package]]` tables. */
export const CargoLockSchema = table({
  package: v.optional(
    v.array(table({ name: optString(), version: optString(), source: optString(), checksum: optString() })),
  ),
});

const composerPackages = () =>
  v.optional(
    v.array(
      table({
        name: optString(),
        version: optString(),
        dist: v.optional(v.nullable(table({ type: optString(), shasum: optString() }))),
      }),
    ),
  );

/** composer.lock: `packages` and `packages-dev`. */
export const ComposerLockSchema = table({ packages: composerPackages(), 'packages-dev': composerPackages() });
