import { shellQuote } from '@slipway/action-kit/lite';
import { joinRel, type DetectContext } from '../context.js';
import type { Commands, Framework, PackageManager, RuntimeName } from '../types.js';
import { builder, matchFrameworks, outputOf, type DependencyList, type FrameworkMatch } from './frameworks.js';
import { PackageJsonSchema, type PackageJson, type ProjectJson } from './node-manifests.js';
import { execPrefix, installCommand, packageManager, rushCommand } from './node-pm.js';
import { bunVersion, catalogsFor, nodeVersion, resolveSpec } from './node-versions.js';
import { nodeWorkspace, rootBuilds } from './node-workspace.js';
import { executorDeps, nxProject, orchestratedCommand, type Task } from './nx.js';
import { folderName, type Detector, type ProjectDraft, type Scope } from './types.js';

const NPM_DEFAULT_TEST = /no test specified/;

/**
 * Node.js projects (npm, pnpm, yarn classic and berry, bun, Rush), their workspaces (including
 * one whose root is above the analysed folder), Nx projects (project.json) and frameworks.
 */
export const nodeDetector: Detector = {
  name: 'node',
  priority: 10,
  workspaceAbove: true,
  applies: (ctx, dir) =>
    ctx.has(dir, 'package.json') || (ctx.has(dir, 'project.json') && ctx.findAbove(dir, 'nx.json') !== undefined),
  workspace: nodeWorkspace,
  builds: rootBuilds,

  async project(ctx, scope) {
    const hasPackageJson = ctx.has(scope.dir, 'package.json');
    const pkg = hasPackageJson ? await ctx.json(joinRel(scope.dir, 'package.json'), PackageJsonSchema) : undefined;
    const project = await nxProject(ctx, scope.dir);
    if (!pkg && !project) return undefined;
    const manifest = joinRel(scope.dir, pkg ? 'package.json' : 'project.json');
    const rootDir = scope.workspaceRoot ?? ctx.findAbove(scope.dir, 'nx.json');
    const rootPkg =
      rootDir !== undefined && rootDir !== scope.dir && ctx.has(rootDir, 'package.json')
        ? await ctx.json(joinRel(rootDir, 'package.json'), PackageJsonSchema)
        : undefined;
    const warnings: string[] = [];
    const pm = await packageManager(ctx, scope, pkg, rootPkg, warnings);
    const runtimeName: RuntimeName = pm.name === 'bun' ? 'bun' : 'node';
    const version =
      runtimeName === 'bun'
        ? await bunVersion(ctx, scope.dir, pm)
        : await nodeVersion(ctx, scope, pkg, rootPkg, warnings);
    const matches = frameworkMatches(ctx, scope.dir, pkg, project, rootDir, rootPkg);
    const name = project?.name ?? pkg?.nx?.name ?? (pkg?.name || folderName(scope.dir, ctx.rootName));
    const commands = await nodeCommands(ctx, scope, { pkg, project, pm, name, matches, hasPackageJson }, warnings);
    const catalogs = await catalogsFor(ctx, scope, rootPkg);
    const frameworks: Framework[] = matches.map((m) => {
      if (m.dep === null || m.spec === null) return { name: m.def.name, version: null, source: m.source };
      const resolved = resolveSpec(m.dep, m.spec, catalogs);
      return { name: m.def.name, version: resolved.version, source: resolved.source ?? m.source };
    });
    const draft: ProjectDraft = {
      name,
      manifest,
      runtime: { name: runtimeName, version: version?.value ?? null, source: version?.source ?? null },
      packageManager: pm,
      frameworks,
      commands,
      warnings,
      output: outputOf(matches),
      serves: matches.some((m) => m.def.serves),
    };
    return draft;
  },
};

/** A manifest's dependencies (devDependencies first, so a runtime dependency wins) and where each is declared. */
function dependencyList(pkg: PackageJson | undefined, manifest: string): DependencyList | undefined {
  if (!pkg) return undefined;
  return {
    versions: { ...pkg.devDependencies, ...pkg.dependencies },
    sourceOf: (dep) =>
      `${manifest}#${pkg.dependencies?.[dep] !== undefined ? 'dependencies' : 'devDependencies'}.${dep}`,
  };
}

function frameworkMatches(
  ctx: DetectContext,
  dir: string,
  pkg: PackageJson | undefined,
  project: ProjectJson | undefined,
  rootDir: string | undefined,
  rootPkg: PackageJson | undefined,
): FrameworkMatch[] {
  const workspace = rootDir !== undefined ? dependencyList(rootPkg, joinRel(rootDir, 'package.json')) : undefined;
  let own = dependencyList(pkg, joinRel(dir, 'package.json'));
  if (!own) {
    // An Nx project.json folder has no dependencies of its own: its executors name the ones it builds with.
    const named = executorDeps(project).filter((d) => workspace?.versions[d] !== undefined);
    own = {
      versions: Object.fromEntries(named.map((d) => [d, workspace!.versions[d]!])),
      sourceOf: (dep) => workspace!.sourceOf(dep),
    };
  }
  return matchFrameworks('node', {
    own,
    workspace,
    files: ctx.names(dir),
    configPath: (name) => joinRel(dir, name),
  });
}

interface CommandInputs {
  pkg: PackageJson | undefined;
  project: ProjectJson | undefined;
  pm: PackageManager;
  name: string;
  matches: FrameworkMatch[];
  hasPackageJson: boolean;
}

/**
 * Commands the tools accept in the project's folder: scripts through the package manager, tasks
 * through Nx, Turborepo or Rush when their pipeline must run, the framework's own build and start
 * when there is no script, and none at all where the package manager refuses the folder.
 */
async function nodeCommands(ctx: DetectContext, scope: Scope, i: CommandInputs, warnings: string[]): Promise<Commands> {
  const { pkg, pm } = i;
  const install = await installCommand(ctx, scope, pm, i.hasPackageJson, warnings);
  if (install === null && pm.name === 'yarn') return { install: null, build: null, test: null, start: null };
  const exec = execPrefix(pm);
  if (pkg && pm.name === 'npm' && usesWorkspaceProtocol(pkg)) {
    warnings.push(
      'package.json uses the workspace: protocol, which npm cannot install; declare packageManager (pnpm, yarn or bun) in the workspace root',
    );
    return { install: null, build: null, test: null, start: null };
  }
  const scripts = pkg?.scripts ?? {};
  const run = pm.name === 'npm' ? 'npm run' : `${pm.name} run`;
  const direct = pm.name === 'bun' ? 'bun run' : pm.name;
  const orchestrated = {
    dir: scope.dir,
    name: i.name,
    pkg,
    project: i.project,
    workspaceRoot: scope.workspaceRoot,
    exec,
  };
  const task = async (t: Task, fallback: string | null): Promise<string | null> =>
    (await orchestratedCommand(ctx, orchestrated, t)) ?? (await rushTask(ctx, scope, i.name, t, pkg)) ?? fallback;
  const build = builder(i.matches)?.build;
  // An Nx project builds into the workspace's dist/, where the framework's own start would not look.
  const start = i.project ? undefined : i.matches.find((m) => m.def.start !== undefined)?.def.start;
  return {
    install,
    build: await task('build', scripts.build ? `${run} build` : build ? viaPackageManager(exec, build) : null),
    test: await task('test', scripts.test && !NPM_DEFAULT_TEST.test(scripts.test) ? `${direct} test` : null),
    start: scripts.start ? `${direct} start` : start ? viaPackageManager(exec, start) : null,
  };
}

/** A framework's command with each installed tool run through the package manager (`npx next build`). */
function viaPackageManager(exec: string, command: string): string {
  return command
    .split(' && ')
    .map((c) => (c.startsWith('node ') ? c : `${exec} ${c}`))
    .join(' && ');
}

/** A task of a Rush project: `rush build --to` builds its dependencies first; tests run through rushx. */
async function rushTask(
  ctx: DetectContext,
  scope: Scope,
  name: string,
  task: Task,
  pkg: PackageJson | undefined,
): Promise<string | undefined> {
  const root = scope.workspaceRoot;
  if (root === undefined || !ctx.has(root, 'rush.json') || pkg?.scripts?.[task] === undefined) return undefined;
  return task === 'build'
    ? rushCommand(ctx, scope.dir, root, 'rush', `build --to ${shellQuote(name)}`)
    : rushCommand(ctx, scope.dir, root, 'rushx', task);
}

/** True when any dependency uses the workspace: protocol, which npm rejects. */
function usesWorkspaceProtocol(pkg: PackageJson): boolean {
  return [pkg.dependencies, pkg.devDependencies].some((deps) =>
    Object.values(deps ?? {}).some((v) => v.startsWith('workspace:')),
  );
}
