/** Runtimes a project can have. */
export type RuntimeName =
  'node' | 'deno' | 'bun' | 'python' | 'go' | 'rust' | 'java' | 'dotnet' | 'ruby' | 'php' | 'elixir' | 'static';

/** Package managers detect-stack reports. */
export type PackageManagerName =
  | 'npm'
  | 'pnpm'
  | 'yarn'
  | 'bun'
  | 'deno'
  | 'pip'
  | 'poetry'
  | 'uv'
  | 'pipenv'
  | 'pdm'
  | 'go'
  | 'cargo'
  | 'maven'
  | 'gradle'
  | 'dotnet'
  | 'bundler'
  | 'composer'
  | 'mix';

/** A runtime and the file its version came from. */
export interface Runtime {
  name: RuntimeName;
  version: string | null;
  source: string | null;
}

/** A package manager, its version where pinned, the lockfile it reads and where that came from. */
export interface PackageManager {
  name: PackageManagerName;
  version: string | null;
  lockfile: string | null;
  source: string | null;
}

/** A framework and the version its manifest declares. */
export interface Framework {
  name: string;
  version: string | null;
  source: string;
}

/** Commands to run in the project's directory; null when there is none. */
export interface Commands {
  install: string | null;
  build: string | null;
  test: string | null;
  start: string | null;
}

/** One buildable project. */
export interface Project {
  path: string;
  name: string;
  runtime: Runtime;
  packageManager: PackageManager | null;
  frameworks: Framework[];
  commands: Commands;
  /** The folder the build writes, relative to the project, where its framework names one. */
  output: string | null;
  dockerfile: string | null;
  procfile: string | null;
  manifest: string;
  warnings: string[];
}

/** Language bytes, linguist-style. */
export interface LanguageShare {
  name: string;
  bytes: number;
  share: number;
}

/** How the projects are organised when there are several. */
export interface Monorepo {
  tool: string | null;
  workspaces: string[];
}

/** The whole detect-stack document (schema version 1). */
export interface Stack {
  schemaVersion: 1;
  root: string;
  languages: LanguageShare[];
  monorepo: Monorepo | null;
  projects: Project[];
  primary: string | null;
  warnings: string[];
  stats: { files: number; directories: number; elapsedMs: number; truncated: boolean };
}
