// Versions in the Node ecosystem: the runtime's (version files from the project up to the
// repository root, engines), and a dependency's as declared, with pnpm and Bun catalogs resolved
// and the workspace protocol never shown as a version.
import { joinRel, type DetectContext, type Found } from '../context.js';
import type { PackageManager } from '../types.js';
import { miseTools, plainFile, stripV, toolVersions, type VersionSource } from '../version-files.js';
import { PackageJsonSchema, PnpmWorkspaceSchema, type PackageJson } from './node-manifests.js';
import type { Scope } from './types.js';

const voltaNode: VersionSource = async (ctx, dir) => {
  if (!ctx.has(dir, 'package.json')) return undefined;
  const pkg = await ctx.json(joinRel(dir, 'package.json'), PackageJsonSchema);
  const v = pkg?.volta?.node;
  return v !== undefined ? { value: stripV(v), source: joinRel(dir, 'package.json#volta.node') } : undefined;
};

const NODE_SOURCES = [
  plainFile('.nvmrc'),
  plainFile('.node-version'),
  toolVersions('nodejs', 'node'),
  miseTools('node', 'nodejs'),
  voltaNode,
];

/**
 * The version declared nearest to the project, asking each folder from the project up to the
 * repository root (above the analysed folder too, where an enclosing workspace pins it) every
 * source in order.
 */
async function nearestVersionAbove(
  ctx: DetectContext,
  dir: string,
  sources: readonly VersionSource[],
): Promise<Found | undefined> {
  for (const d of ctx.upward(dir)) {
    for (const source of sources) {
      const found = await source(ctx, d);
      if (found) return found;
    }
  }
  return undefined;
}

/** The Node.js version: a version file first, else engines; a pin outside the engines range is reported. */
export async function nodeVersion(
  ctx: DetectContext,
  scope: Scope,
  pkg: PackageJson | undefined,
  rootPkg: PackageJson | undefined,
  warnings: string[],
): Promise<Found | undefined> {
  const pinned = await nearestVersionAbove(ctx, scope.dir, NODE_SOURCES);
  const enginesOwner = pkg?.engines?.node ? scope.dir : rootPkg?.engines?.node ? scope.workspaceRoot : undefined;
  const engines = pkg?.engines?.node ?? rootPkg?.engines?.node;
  const enginesFound =
    engines && enginesOwner !== undefined
      ? { value: engines, source: joinRel(enginesOwner, 'package.json#engines.node') }
      : undefined;
  if (pinned && enginesFound) {
    // Loaded only when both a pin and an engines range exist: most runs never need it.
    const { default: semver } = await import('semver');
    if (!semver.valid(semver.coerce(pinned.value)) || !semver.validRange(engines!)) return pinned;
    const exact = semver.valid(pinned.value) ?? semver.coerce(pinned.value)!.version;
    if (!semver.satisfies(exact, engines!)) {
      warnings.push(
        `${pinned.source} says ${pinned.value} but ${enginesFound.source} requires ${engines}; using ${pinned.value}`,
      );
    }
  }
  return pinned ?? enginesFound;
}

/** The Bun version: a version file, else the packageManager pin. */
export async function bunVersion(ctx: DetectContext, dir: string, pm: PackageManager): Promise<Found | undefined> {
  const file = await nearestVersionAbove(ctx, dir, [plainFile('.bun-version'), toolVersions('bun'), miseTools('bun')]);
  if (file) return file;
  return pm.version && pm.source ? { value: pm.version, source: pm.source } : undefined;
}

/** Version catalogs (pnpm-workspace.yaml, or Bun's in the root package.json) and where each entry is declared. */
export interface Catalogs {
  lookup(name: string, dep: string): Found | undefined;
}

/** The catalogs that apply to a project: the nearest pnpm-workspace.yaml's, else its workspace root's package.json's. */
export async function catalogsFor(
  ctx: DetectContext,
  scope: Scope,
  rootPkg: PackageJson | undefined,
): Promise<Catalogs> {
  const pnpmDir = ctx.findAbove(scope.dir, 'pnpm-workspace.yaml');
  if (pnpmDir !== undefined) {
    const file = joinRel(pnpmDir, 'pnpm-workspace.yaml');
    const ws = await ctx.yaml(file, PnpmWorkspaceSchema);
    return catalogs(file, '', ws?.catalog, ws?.catalogs);
  }
  const owner = scope.workspaceRoot ?? scope.dir;
  const file = joinRel(owner, 'package.json');
  const pkg = scope.workspaceRoot !== undefined ? rootPkg : await ctx.json(file, PackageJsonSchema);
  const inWorkspaces = Array.isArray(pkg?.workspaces) ? undefined : pkg?.workspaces;
  if (inWorkspaces?.catalog || inWorkspaces?.catalogs)
    return catalogs(file, 'workspaces.', inWorkspaces.catalog, inWorkspaces.catalogs);
  return catalogs(file, '', pkg?.catalog, pkg?.catalogs);
}

function catalogs(
  file: string,
  prefix: string,
  main: Record<string, string> | undefined,
  named: Record<string, Record<string, string>> | undefined,
): Catalogs {
  return {
    lookup(name, dep) {
      // `catalog:` is the default catalog, which pnpm also accepts as `catalogs.default`.
      const isDefault = name === '' || name === 'default';
      const value = isDefault ? (main?.[dep] ?? named?.default?.[dep]) : named?.[name]?.[dep];
      if (value === undefined) return undefined;
      const field = isDefault && main?.[dep] !== undefined ? `catalog.${dep}` : `catalogs.${name || 'default'}.${dep}`;
      return { value, source: `${file}#${prefix}${field}` };
    },
  };
}

/**
 * A dependency's version as it can be shown: `catalog:` resolved, `npm:next@14.2.3` as its
 * version, `workspace:^1.2.0` as its range; null for `workspace:*`, links, paths and patches.
 */
export function resolveSpec(dep: string, spec: string, cats: Catalogs): { version: string | null; source?: string } {
  const catalog = /^catalog:(.*)$/.exec(spec.trim());
  if (catalog) {
    const found = cats.lookup(catalog[1]!.trim(), dep);
    return found ? { version: found.value, source: found.source } : { version: null };
  }
  const workspace = /^workspace:(.*)$/.exec(spec);
  if (workspace) return { version: /\d/.test(workspace[1]!) ? workspace[1]! : null };
  const alias = /^npm:(?:@[^/@]+\/)?[^@]+@(.+)$/.exec(spec);
  if (alias) return { version: alias[1]! };
  if (/^(link|file|portal|patch|exec):/.test(spec)) return { version: null };
  return { version: spec };
}
