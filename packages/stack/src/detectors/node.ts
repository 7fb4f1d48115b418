import { joinRel, type DetectContext, type Found } from '../context.js';
import type { Framework, PackageManager, PackageManagerName, RuntimeName } from '../types.js';
import { miseTools, nearestVersion, plainFile, stripV, toolVersions, type VersionSource } from '../version-files.js';
import {
  LernaJsonSchema,
  NODE_FRAMEWORK_DEPS,
  PackageJsonSchema,
  PnpmWorkspaceSchema,
  RushJsonSchema,
  type PackageJson,
} from '../manifests/schemas.js';
import { folderName, type Detector, type ProjectDraft, type Scope, type WorkspaceDecl } from './types.js';

const LOCKFILES: readonly [string, PackageManagerName][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

const NPM_DEFAULT_TEST = /no test specified/;
const DELEGATING_BUILD = /\b(turbo|nx|lerna)\b|\s(-ws|--workspaces|-r|--recursive|--filter)\b|workspaces foreach/;

/** Node.js projects (npm, pnpm, yarn classic and berry, bun), their workspaces and frameworks. */
export const nodeDetector: Detector = {
  name: 'node',
  priority: 10,
  applies: (ctx, dir) => ctx.has(dir, 'package.json'),

  async workspace(ctx, dir) {
    if (!ctx.has(dir, 'package.json')) return undefined;
    const pkg = await ctx.json(joinRel(dir, 'package.json'), PackageJsonSchema);
    const members = new Set<string>();
    const declared = Array.isArray(pkg?.workspaces) ? pkg.workspaces : (pkg?.workspaces?.packages ?? []);
    declared.forEach((g) => members.add(g));
    if (ctx.has(dir, 'pnpm-workspace.yaml')) {
      const ws = await ctx.yaml(joinRel(dir, 'pnpm-workspace.yaml'), PnpmWorkspaceSchema);
      ws?.packages?.forEach((g) => members.add(g));
    }
    if (ctx.has(dir, 'rush.json')) {
      const rush = await ctx.json(joinRel(dir, 'rush.json'), RushJsonSchema, true);
      rush?.projects?.forEach((p) => p.projectFolder && members.add(p.projectFolder));
    }
    if (members.size === 0 && ctx.has(dir, 'lerna.json')) {
      const lerna = await ctx.json(joinRel(dir, 'lerna.json'), LernaJsonSchema);
      (lerna?.packages ?? ['packages/*']).forEach((g) => members.add(g));
    }
    if (members.size === 0) return undefined;
    const orchestrator = ['turbo.json', 'nx.json', 'lerna.json', 'rush.json'].find((f) => ctx.has(dir, f));
    const pm = (await packageManager(ctx, { dir, workspaceRoot: undefined }, pkg)).name;
    const build = pkg?.scripts?.build;
    const decl: WorkspaceDecl = {
      tool: orchestrator ? orchestrator.replace(/\.json$/, '') : `${pm}-workspaces`,
      members: [...members],
      rootIsProject: typeof build === 'string' && !DELEGATING_BUILD.test(` ${build}`),
    };
    return decl;
  },

  async project(ctx, scope) {
    const manifest = joinRel(scope.dir, 'package.json');
    const pkg = await ctx.json(manifest, PackageJsonSchema);
    if (!pkg) return undefined;
    const rootPkg = scope.workspaceRoot
      ? await ctx.json(joinRel(scope.workspaceRoot, 'package.json'), PackageJsonSchema)
      : undefined;
    const warnings: string[] = [];
    const pm = await packageManager(ctx, scope, pkg, rootPkg, warnings);
    const runtimeName: RuntimeName = pm.name === 'bun' ? 'bun' : 'node';
    const version =
      runtimeName === 'bun'
        ? await bunVersion(ctx, scope.dir, pm)
        : await nodeVersion(ctx, scope, pkg, rootPkg, warnings);
    const scripts = pkg.scripts ?? {};
    const run = pm.name === 'npm' ? 'npm run' : `${pm.name} run`;
    const draft: ProjectDraft = {
      name: pkg.name || folderName(scope.dir, ctx.rootName),
      manifest,
      runtime: { name: runtimeName, version: version?.value ?? null, source: version?.source ?? null },
      packageManager: pm,
      frameworks: frameworks(pkg, manifest),
      commands: {
        install: installCommand(pm, await isBerry(ctx, pm)),
        build: scripts.build ? `${run} build` : null,
        test:
          scripts.test && !NPM_DEFAULT_TEST.test(scripts.test)
            ? pm.name === 'bun'
              ? 'bun run test'
              : `${pm.name} test`
            : null,
        start: scripts.start ? (pm.name === 'bun' ? 'bun run start' : `${pm.name} start`) : null,
      },
      warnings,
    };
    return draft;
  },
};

/** The package manager: `packageManager` first (corepack enforces it), else the nearest lockfile. */
async function packageManager(
  ctx: DetectContext,
  scope: Scope,
  pkg?: PackageJson,
  rootPkg?: PackageJson,
  warnings: string[] = [],
): Promise<PackageManager> {
  const declared = parsePackageManagerField(pkg?.packageManager ?? rootPkg?.packageManager);
  const declaredSource = pkg?.packageManager
    ? joinRel(scope.dir, 'package.json#packageManager')
    : scope.workspaceRoot
      ? joinRel(scope.workspaceRoot, 'package.json#packageManager')
      : null;
  const lock = await nearestLockfile(ctx, scope.dir, warnings);
  if (declared) {
    if (lock && lock.pm !== declared.name) {
      warnings.push(
        `packageManager says ${declared.name} but the lockfile is ${lock.path} (${lock.pm}); using ${declared.name}`,
      );
    }
    const lockfile = lock && lock.pm === declared.name ? lock.path : null;
    return { name: declared.name, version: declared.version, lockfile, source: declaredSource };
  }
  if (lock) return { name: lock.pm, version: null, lockfile: lock.path, source: lock.path };
  return { name: 'npm', version: null, lockfile: null, source: null };
}

/** Parses `pnpm@9.12.0+sha512…` into a name and version. */
export function parsePackageManagerField(
  field: unknown,
): { name: PackageManagerName; version: string | null } | undefined {
  if (typeof field !== 'string') return undefined;
  const m = /^(npm|pnpm|yarn|bun)(?:@([^+\s]+))?/.exec(field.trim());
  if (!m) return undefined;
  return { name: m[1] as PackageManagerName, version: m[2] ?? null };
}

async function nearestLockfile(
  ctx: DetectContext,
  dir: string,
  warnings: string[],
): Promise<{ path: string; pm: PackageManagerName } | undefined> {
  for (let d: string | undefined = dir; d !== undefined; d = d === '.' ? undefined : parentDir(d)) {
    const here = LOCKFILES.filter(([name]) => ctx.has(d!, name)).map(([name, pm]) => ({ path: joinRel(d!, name), pm }));
    if (here.length === 0) continue;
    if (here.length === 1) return here[0];
    const times = await Promise.all(here.map((l) => ctx.mtime(l.path)));
    let best = 0;
    times.forEach((t, i) => {
      if (t > times[best]!) best = i;
    });
    const chosen = here[best]!;
    const why = times.every((t) => t === times[0]) ? 'by precedence' : '(newer)';
    warnings.push(
      `two or more lockfiles in ${d}: ${here.map((l) => l.path.split('/').pop()).join(' and ')}; using ${chosen.path.split('/').pop()} ${why}`,
    );
    return chosen;
  }
  return undefined;
}

function parentDir(d: string): string {
  const i = d.lastIndexOf('/');
  return i < 0 ? '.' : d.slice(0, i);
}

async function isBerry(ctx: DetectContext, pm: PackageManager): Promise<boolean> {
  if (pm.name !== 'yarn') return false;
  if (pm.version && /^\d+\./.test(pm.version) && Number(pm.version.split('.')[0]) >= 2) return true;
  if (!pm.lockfile) return false;
  const lockDir = pm.lockfile.includes('/') ? pm.lockfile.slice(0, pm.lockfile.lastIndexOf('/')) : '.';
  if (ctx.has(lockDir, '.yarnrc.yml')) return true;
  return /^__metadata:/m.test((await ctx.text(pm.lockfile)) ?? '');
}

function installCommand(pm: PackageManager, berry: boolean): string {
  switch (pm.name) {
    case 'pnpm':
      return pm.lockfile ? 'pnpm install --frozen-lockfile' : 'pnpm install';
    case 'yarn':
      return berry ? 'yarn install --immutable' : pm.lockfile ? 'yarn install --frozen-lockfile' : 'yarn install';
    case 'bun':
      return pm.lockfile ? 'bun install --frozen-lockfile' : 'bun install';
    default:
      return pm.lockfile ? 'npm ci' : 'npm install';
  }
}

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

async function nodeVersion(
  ctx: DetectContext,
  scope: Scope,
  pkg: PackageJson,
  rootPkg: PackageJson | undefined,
  warnings: string[],
): Promise<Found | undefined> {
  const pinned = await nearestVersion(ctx, scope.dir, NODE_SOURCES);
  const enginesOwner = pkg.engines?.node ? scope.dir : rootPkg?.engines?.node ? scope.workspaceRoot : undefined;
  const engines = pkg.engines?.node ?? rootPkg?.engines?.node;
  const enginesFound =
    engines && enginesOwner
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

async function bunVersion(ctx: DetectContext, dir: string, pm: PackageManager): Promise<Found | undefined> {
  const file = await nearestVersion(ctx, dir, [plainFile('.bun-version'), toolVersions('bun'), miseTools('bun')]);
  if (file) return file;
  return pm.version && pm.source ? { value: pm.version, source: pm.source } : undefined;
}

function frameworks(pkg: PackageJson, manifest: string): Framework[] {
  const deps = { ...pkg.devDependencies, ...pkg.dependencies };
  const found: Framework[] = [];
  for (const [dep, name] of NODE_FRAMEWORK_DEPS) {
    const version = deps[dep];
    if (typeof version === 'string')
      found.push({
        name,
        version,
        source: `${manifest}#${pkg.dependencies?.[dep] ? 'dependencies' : 'devDependencies'}.${dep}`,
      });
  }
  return found;
}
