// Which package manager a Node project installs with, from which lockfile, and the install
// command that tool accepts in the project's folder. A lockfile belongs to the folder it is in and
// to the members of the workspace declared there, never to a folder that merely sits below it.
import { shellQuote } from '@slipway/action-kit/lite';
import { joinRel, type DetectContext } from '../context.js';
import type { PackageManager, PackageManagerName } from '../types.js';
import { RushJsonSchema, type PackageJson } from './node-manifests.js';
import { relativeTo } from './shared.js';
import type { Scope } from './types.js';

const LOCKFILES: readonly [string, PackageManagerName][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  // npm reads the shrinkwrap when both are there, so it comes first and hides package-lock.json.
  ['npm-shrinkwrap.json', 'npm'],
  ['package-lock.json', 'npm'],
];

interface Lock {
  path: string;
  pm: PackageManagerName;
}

/**
 * The package manager: `packageManager` first (corepack enforces it), then the lockfile of the
 * project's folder or of the workspace root that claims it, then Rush's, then a lockfile further
 * up (which names the tool the repository uses, but is not this project's: its lockfile is none).
 */
export async function packageManager(
  ctx: DetectContext,
  scope: Scope,
  pkg: PackageJson | undefined,
  rootPkg: PackageJson | undefined,
  warnings: string[],
): Promise<PackageManager> {
  const declared = parsePackageManagerField(pkg?.packageManager ?? rootPkg?.packageManager);
  const declaredSource = pkg?.packageManager
    ? joinRel(scope.dir, 'package.json#packageManager')
    : scope.workspaceRoot !== undefined
      ? joinRel(scope.workspaceRoot, 'package.json#packageManager')
      : null;
  const rush = await rushManager(ctx, scope.workspaceRoot);
  if (rush && !declared) return rush;
  const lock =
    (await lockIn(ctx, scope.dir, warnings)) ??
    (scope.workspaceRoot !== undefined ? await lockIn(ctx, scope.workspaceRoot, warnings) : undefined);
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
  const above = lockAbove(ctx, scope.dir);
  if (above) return { name: above.pm, version: null, lockfile: null, source: above.path };
  return { name: 'npm', version: null, lockfile: null, source: null };
}

/** Parses `pnpm@9.12.0+sha512…` into a name and version. */
function parsePackageManagerField(field: unknown): { name: PackageManagerName; version: string | null } | undefined {
  if (typeof field !== 'string') return undefined;
  const m = /^(npm|pnpm|yarn|bun)(?:@([^+\s]+))?/.exec(field.trim());
  if (!m) return undefined;
  return { name: m[1] as PackageManagerName, version: m[2] ?? null };
}

/** The lockfile in one folder; two or more are reported, and the newer one is used. */
async function lockIn(ctx: DetectContext, dir: string, warnings: string[]): Promise<Lock | undefined> {
  const shrinkwrap = ctx.has(dir, 'npm-shrinkwrap.json');
  const here = LOCKFILES.filter(([name]) => ctx.has(dir, name) && !(shrinkwrap && name === 'package-lock.json')).map(
    ([name, pm]) => ({ path: joinRel(dir, name), pm }),
  );
  if (here.length <= 1) return here[0];
  const times = await Promise.all(here.map((l) => ctx.mtime(l.path)));
  let best = 0;
  times.forEach((t, i) => {
    if (t > times[best]!) best = i;
  });
  const chosen = here[best]!;
  const why = times.every((t) => t === times[0]) ? 'by precedence' : '(newer)';
  warnings.push(
    `two or more lockfiles in ${dir}: ${here.map((l) => l.path.split('/').pop()).join(' and ')}; using ${chosen.path.split('/').pop()} ${why}`,
  );
  return chosen;
}

/** The nearest lockfile strictly above a folder, up to the repository root. */
function lockAbove(ctx: DetectContext, dir: string): Lock | undefined {
  for (const d of ctx.upward(dir).slice(1)) {
    const found = LOCKFILES.find(([name]) => ctx.has(d, name));
    if (found) return { path: joinRel(d, found[0]), pm: found[1] };
  }
  return undefined;
}

/** Rush installs every project from its own lockfile with the tool rush.json pins. */
async function rushManager(ctx: DetectContext, root: string | undefined): Promise<PackageManager | undefined> {
  if (root === undefined || !ctx.has(root, 'rush.json')) return undefined;
  const rush = await ctx.json(joinRel(root, 'rush.json'), RushJsonSchema, true);
  const pinned = (['pnpm', 'yarn', 'npm'] as const).find((pm) => rush?.[`${pm}Version`] !== undefined) ?? 'pnpm';
  const lockName = pinned === 'npm' ? 'npm-shrinkwrap.json' : pinned === 'yarn' ? 'yarn.lock' : 'pnpm-lock.yaml';
  const lockfile = joinRel(root, `common/config/rush/${lockName}`);
  return {
    name: pinned,
    version: rush?.[`${pinned}Version`] ?? null,
    lockfile: (await ctx.exists(lockfile)) ? lockfile : null,
    source: joinRel(root, `rush.json${rush?.[`${pinned}Version`] !== undefined ? `#${pinned}Version` : ''}`),
  };
}

/** True when the package manager is Yarn 2 or later (Berry). */
async function isBerry(ctx: DetectContext, pm: PackageManager, dir: string): Promise<boolean> {
  if (pm.name !== 'yarn') return false;
  if (pm.version && /^\d+\./.test(pm.version)) return Number(pm.version.split('.')[0]) >= 2;
  const lockDir = ctx.findAbove(dir, 'yarn.lock');
  if (lockDir === undefined) return ctx.findAbove(dir, '.yarnrc.yml') !== undefined;
  if (ctx.has(lockDir, '.yarnrc.yml')) return true;
  return /^__metadata:/m.test((await ctx.text(joinRel(lockDir, 'yarn.lock'))) ?? '');
}

/** How the package manager runs a tool installed in the project (`npx next build`). */
export function execPrefix(pm: PackageManager): string {
  return { npm: 'npx', pnpm: 'pnpm exec', yarn: 'yarn', bun: 'bunx' }[pm.name as 'npm'] ?? 'npx';
}

/**
 * The install command the tool accepts in the project's folder, or null with a warning when it
 * accepts none there: Yarn Berry refuses a folder below its project that is not one of its
 * workspaces, and a Rush project installs only through Rush.
 */
export async function installCommand(
  ctx: DetectContext,
  scope: Scope,
  pm: PackageManager,
  hasPackageJson: boolean,
  warnings: string[],
): Promise<string | null> {
  const root = scope.workspaceRoot;
  if (root !== undefined && ctx.has(root, 'rush.json')) return rushCommand(ctx, scope.dir, root, 'rush', 'install');
  switch (pm.name) {
    case 'pnpm':
      if (!pm.lockfile && hasPackageJson && strictlyAbove(ctx, scope.dir, 'pnpm-workspace.yaml') !== undefined)
        return 'pnpm install --ignore-workspace';
      return pm.lockfile ? 'pnpm install --frozen-lockfile' : 'pnpm install';
    case 'yarn': {
      if (!(await isBerry(ctx, pm, scope.dir))) return pm.lockfile ? 'yarn install --frozen-lockfile' : 'yarn install';
      const project = ctx.findAbove(scope.dir, 'yarn.lock');
      if (hasPackageJson && project !== undefined && project !== scope.dir && project !== root) {
        warnings.push(
          `${scope.dir} is inside the Yarn project at ${project} but is not one of its workspaces, so yarn refuses to run there; list it in ${joinRel(project, 'package.json')}#workspaces or give it a yarn.lock of its own`,
        );
        return null;
      }
      return pm.lockfile ? 'yarn install --immutable' : 'yarn install';
    }
    case 'bun':
      return pm.lockfile ? 'bun install --frozen-lockfile' : 'bun install';
    default:
      return pm.lockfile ? 'npm ci' : 'npm install';
  }
}

/** The nearest folder strictly above dir, up to the repository root, with that file. */
function strictlyAbove(ctx: DetectContext, dir: string, name: string): string | undefined {
  return ctx
    .upward(dir)
    .slice(1)
    .find((d) => ctx.has(d, name));
}

/** A Rush command run from a project's folder, through the repository's install-run script when it has one. */
export async function rushCommand(
  ctx: DetectContext,
  dir: string,
  root: string,
  tool: 'rush' | 'rushx',
  args: string,
): Promise<string> {
  const script = `common/scripts/install-run-${tool}.js`;
  if (!(await ctx.exists(joinRel(root, script)))) return `${tool} ${args}`;
  return `node ${shellQuote(joinRel(relativeTo(dir, root), script))} ${args}`;
}
