// Nx and Turborepo: which projects an Nx workspace defines (project.json, the older
// workspace.json), which targets a project has, and when a task must run through the orchestrator
// because running the package's own script would skip the tasks it depends on.
import { shellQuote } from '@slipway/action-kit/lite';
import { joinRel, type DetectContext } from '../context.js';
import {
  NxJsonSchema,
  ProjectJsonSchema,
  TurboJsonSchema,
  WorkspaceJsonSchema,
  type NxJson,
  type PackageJson,
  type ProjectJson,
} from './node-manifests.js';

/** The tasks detect-stack reports commands for. */
export type Task = 'build' | 'test';

const ext = (base: string, exts: string[]): string[] => exts.map((e) => `${base}.${e}`);
const JS = ['js', 'ts', 'mjs', 'mts', 'cjs', 'cts'];

/**
 * Nx plugins that infer targets from a config file in a project's folder, and the plugin option
 * naming each target (its default is the task's own name).
 */
const NX_PLUGINS: Record<string, { configs: string[]; targets: Partial<Record<Task, string>> }> = {
  vite: { configs: ext('vite.config', JS), targets: { build: 'buildTargetName', test: 'testTargetName' } },
  vitest: { configs: [...ext('vitest.config', JS), ...ext('vite.config', JS)], targets: { test: 'testTargetName' } },
  next: { configs: ext('next.config', JS), targets: { build: 'buildTargetName' } },
  jest: { configs: ext('jest.config', JS), targets: { test: 'targetName' } },
  webpack: { configs: ext('webpack.config', JS), targets: { build: 'buildTargetName' } },
  rspack: { configs: ext('rspack.config', JS), targets: { build: 'buildTargetName' } },
  rollup: { configs: ext('rollup.config', JS), targets: { build: 'buildTargetName' } },
  remix: { configs: ext('remix.config', JS), targets: { build: 'buildTargetName' } },
  nuxt: { configs: ext('nuxt.config', JS), targets: { build: 'buildTargetName' } },
};

/** Config files the Nx plugins look for, for the walk to record. */
export const NX_PLUGIN_CONFIG_FILES: readonly string[] = Object.values(NX_PLUGINS).flatMap((p) => p.configs);

/** Executor packages and the dependency whose framework they build. */
const EXECUTOR_DEPS: Record<string, string> = {
  next: 'next',
  angular: '@angular/core',
  'build-angular': '@angular/core',
  build: '@angular/core',
  vite: 'vite',
  remix: '@remix-run/dev',
  expo: 'expo',
  nuxt: 'nuxt',
  nest: '@nestjs/core',
  storybook: 'storybook',
};

/** The project.json of an Nx project in a folder, when an Nx workspace (nx.json at or above it) encloses it. */
export async function nxProject(ctx: DetectContext, dir: string): Promise<ProjectJson | undefined> {
  if (!ctx.has(dir, 'project.json') || ctx.findAbove(dir, 'nx.json') === undefined) return undefined;
  return ctx.json(joinRel(dir, 'project.json'), ProjectJsonSchema);
}

/** The folders of the Nx projects below an Nx root, relative to it: project.json folders and workspace.json entries. */
export async function nxMembers(ctx: DetectContext, root: string): Promise<string[]> {
  if (!ctx.has(root, 'nx.json')) return [];
  const members = new Set<string>();
  for (const dir of ctx.inventory.manifests.keys()) {
    const rel = ctx.has(dir, 'project.json') ? ctx.pathFrom(root, dir) : undefined;
    if (rel !== undefined && rel !== '.') members.add(exactGlob(rel));
  }
  if (ctx.has(root, 'workspace.json')) {
    const ws = await ctx.json(joinRel(root, 'workspace.json'), WorkspaceJsonSchema);
    for (const p of Object.values(ws?.projects ?? {})) {
      const folder = typeof p === 'string' ? p : p.root;
      if (folder) members.add(exactGlob(folder.replace(/^\.\//, '').replace(/\/+$/, '')));
    }
  }
  return [...members];
}

/** A path as a glob that matches only itself. */
function exactGlob(path: string): string {
  return path.replace(/[\\*?[\]{}()!+@]/g, (c) => `\\${c}`);
}

/** The dependencies an Nx project's executors name (`@nx/next:build` → next), to find its frameworks by. */
export function executorDeps(project: ProjectJson | undefined): string[] {
  const deps = new Set<string>();
  for (const target of Object.values(project?.targets ?? {})) {
    const pkg = /^@(?:nx|nrwl|angular-devkit|angular)\/([\w-]+):/.exec(target.executor ?? '')?.[1];
    const dep = pkg ? EXECUTOR_DEPS[pkg] : undefined;
    if (dep) deps.add(dep);
  }
  return [...deps];
}

/** What an orchestrated task needs to know about the project. */
export interface Orchestrated {
  dir: string;
  /** The project's name as the orchestrator knows it. */
  name: string;
  pkg: PackageJson | undefined;
  project: ProjectJson | undefined;
  workspaceRoot: string | undefined;
  /** How the package manager runs a locally installed tool (`npx`, `pnpm exec`). */
  exec: string;
}

/**
 * The command that runs a task through Nx or Turborepo, when it must: always for an Nx
 * project.json project that has the target; for a package script, when nx.json's target defaults
 * or turbo.json make the task depend on others (a per-package command would skip them).
 */
export async function orchestratedCommand(
  ctx: DetectContext,
  o: Orchestrated,
  task: Task,
): Promise<string | undefined> {
  const script = o.pkg?.scripts?.[task] !== undefined;
  const nxRoot = ctx.findAbove(o.dir, 'nx.json');
  if (nxRoot !== undefined) {
    const nx = await ctx.json(joinRel(nxRoot, 'nx.json'), NxJsonSchema, true);
    const run = (target: string): string => `${o.exec} nx run ${shellQuote(`${o.name}:${target}`)}`;
    if (o.project) {
      if (script || o.project.targets?.[task]) return run(task);
      const inferred = inferredTargets(ctx, o.dir, nx).get(task);
      if (inferred !== undefined) return run(inferred);
    }
    const own = o.pkg?.nx?.targets?.[task]?.dependsOn ?? [];
    if (script && (own.length > 0 || (nx?.targetDefaults?.[task]?.dependsOn ?? []).length > 0)) return run(task);
  }
  if (!script || !o.pkg?.name || o.workspaceRoot === undefined || !ctx.has(o.workspaceRoot, 'turbo.json')) return;
  const deps = [
    ...(await turboDependsOn(ctx, o.workspaceRoot, o.pkg.name, task)),
    ...(ctx.has(o.dir, 'turbo.json') && o.dir !== o.workspaceRoot
      ? await turboDependsOn(ctx, o.dir, o.pkg.name, task)
      : []),
  ];
  return deps.length > 0 ? `${o.exec} turbo run ${task} --filter=${shellQuote(o.pkg.name)}` : undefined;
}

/** The tasks a turbo.json makes `task` of a package depend on (`^build`, `codegen`), environment entries aside. */
async function turboDependsOn(ctx: DetectContext, dir: string, name: string, task: Task): Promise<string[]> {
  const turbo = await ctx.json(joinRel(dir, 'turbo.json'), TurboJsonSchema, true);
  const tasks = { ...turbo?.pipeline, ...turbo?.tasks };
  return (tasks[`${name}#${task}`] ?? tasks[task])?.dependsOn?.filter((d) => !d.startsWith('$')) ?? [];
}

/** The target each task is inferred as by the nx.json plugins, from the config files a folder holds. */
function inferredTargets(ctx: DetectContext, dir: string, nx: NxJson | undefined): Map<Task, string> {
  const targets = new Map<Task, string>();
  for (const entry of nx?.plugins ?? []) {
    const name = typeof entry === 'string' ? entry : entry.plugin;
    const options = typeof entry === 'string' ? {} : (entry.options ?? {});
    const key = /^@(?:nx|nrwl)\/([\w-]+)(?:\/plugin)?$/.exec(name)?.[1];
    const plugin = key ? NX_PLUGINS[key] : undefined;
    if (!plugin || !plugin.configs.some((c) => ctx.has(dir, c))) continue;
    for (const [task, option] of Object.entries(plugin.targets) as [Task, string][]) {
      const named = options[option];
      if (!targets.has(task)) targets.set(task, typeof named === 'string' && named !== '' ? named : task);
    }
  }
  return targets;
}
