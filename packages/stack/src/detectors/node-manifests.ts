// The parts of the Node ecosystem's manifests that detection reads: package.json, the workspace
// files of pnpm, Lerna and Rush, and the task graphs of Turborepo and Nx. As everywhere, a field
// of the wrong type is left out with a warning at its line and the rest is still used.
import * as v from 'valibot';
import { opt, optString, optStrings, table, tableOf } from '../manifests/shape.js';

const dependencies = () => opt(tableOf(v.string()));
const catalog = () => opt(tableOf(v.string()));
const catalogs = () => opt(tableOf(tableOf(v.string())));
/** Nx `dependsOn` entries are target names or objects (`{ "projects": …, "target": … }`). */
const dependsOn = () => opt(v.array(v.unknown()));
const nxTargets = () => opt(tableOf(table({ executor: optString(), dependsOn: dependsOn() })));

/** package.json: name, scripts, dependencies, versions, workspaces and Bun catalogs, Nx settings. */
export const PackageJsonSchema = table({
  name: optString(),
  packageManager: optString(),
  scripts: opt(table({ build: optString(), test: optString(), start: optString() })),
  dependencies: dependencies(),
  devDependencies: dependencies(),
  engines: opt(table({ node: optString() })),
  volta: opt(table({ node: optString() })),
  workspaces: opt(
    v.union([v.array(v.string()), table({ packages: optStrings(), catalog: catalog(), catalogs: catalogs() })]),
  ),
  catalog: catalog(),
  catalogs: catalogs(),
  nx: opt(table({ name: optString(), targets: nxTargets() })),
});
/** package.json as detection reads it. */
export type PackageJson = v.InferOutput<typeof PackageJsonSchema>;

/** pnpm-workspace.yaml: the member globs and the version catalogs. */
export const PnpmWorkspaceSchema = table({ packages: optStrings(), catalog: catalog(), catalogs: catalogs() });

/** lerna.json: the member globs. */
export const LernaJsonSchema = table({ packages: optStrings() });

/** rush.json: the project folders and the package manager Rush installs with. */
export const RushJsonSchema = table({
  projects: opt(v.array(table({ packageName: optString(), projectFolder: optString() }))),
  pnpmVersion: optString(),
  npmVersion: optString(),
  yarnVersion: optString(),
});

const turboTasks = () => opt(tableOf(table({ dependsOn: optStrings() })));

/** turbo.json: each task's dependencies (`tasks` since Turborepo 2, `pipeline` before). */
export const TurboJsonSchema = table({ tasks: turboTasks(), pipeline: turboTasks() });

/** nx.json: target defaults and the plugins that infer targets from config files. */
export const NxJsonSchema = table({
  targetDefaults: opt(tableOf(table({ dependsOn: dependsOn() }))),
  plugins: opt(v.array(v.union([v.string(), table({ plugin: v.string(), options: opt(tableOf(v.unknown())) })]))),
});
/** nx.json as detection reads it. */
export type NxJson = v.InferOutput<typeof NxJsonSchema>;

/** project.json: an Nx project's name, kind and targets. */
export const ProjectJsonSchema = table({ name: optString(), projectType: optString(), targets: nxTargets() });
/** project.json as detection reads it. */
export type ProjectJson = v.InferOutput<typeof ProjectJsonSchema>;

/** workspace.json (Nx before 16): each project's folder, as a path or an inline configuration. */
export const WorkspaceJsonSchema = table({
  projects: opt(tableOf(v.union([v.string(), table({ root: optString() })]))),
});
