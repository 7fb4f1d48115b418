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
        integrity: optString(),
        dev: optBoolean(),
        devOptional: optBoolean(),
        link: optBoolean(),
      }),
    ),
  ),
  dependencies: v.optional(tableOf(npmV1Dep)),
});

/** bun.lock: `packages` maps a key to an array whose first item is `name@version`. */
export const BunLockSchema = table({ packages: v.optional(tableOf(v.array(v.unknown()))) });

/** pnpm-lock.yaml, versions 5 to 9: an entry may be empty (null in YAML). */
export const PnpmLockSchema = table({
  packages: v.optional(
    v.nullable(
      tableOf(
        v.nullable(
          table({
            name: optString(),
            version: optString(),
            resolution: v.optional(table({ integrity: optString() })),
            dev: optBoolean(),
          }),
        ),
      ),
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

/** poetry.lock and uv.lock: `[[package]]` tables. */
export const TomlPythonLockSchema = table({
  package: v.optional(
    v.array(
      table({
        name: optString(),
        version: optString(),
        category: optString(),
        groups: v.optional(v.array(v.string())),
        files: v.optional(v.array(table({ hash: optString() }))),
        sdist: hashTable(),
        wheels: v.optional(v.array(table({ hash: optString() }))),
        source: v.optional(table({ editable: optString(), virtual: optString() })),
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
      table({ name: optString(), version: optString(), dist: v.optional(v.nullable(table({ shasum: optString() }))) }),
    ),
  );

/** composer.lock: `packages` and `packages-dev`. */
export const ComposerLockSchema = table({ packages: composerPackages(), 'packages-dev': composerPackages() });
