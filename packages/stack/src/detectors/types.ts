import type { DetectContext } from '../context.js';
import type { Commands, Framework, PackageManager, Runtime } from '../types.js';

/** What a detector reports about a folder that is a project of its ecosystem. */
export interface ProjectDraft {
  name: string;
  manifest: string;
  runtime: Runtime;
  packageManager: PackageManager | null;
  frameworks: Framework[];
  commands: Commands;
  warnings: string[];
  /** The folder the build writes, relative to the project, where a framework names one. */
  output?: string | null;
  /** True when the project serves something (an app, a site, a server); left out, any framework counts. */
  serves?: boolean;
}

/** A folder whose manifest declares workspace members (globs relative to that folder). */
export interface WorkspaceDecl {
  tool: string;
  members: string[];
  /** True when the workspace root builds something of its own besides its members. */
  rootIsProject: boolean;
}

/** Where a project sits: its folder, and the root of the workspace that contains it, if any. */
export interface Scope {
  dir: string;
  workspaceRoot: string | undefined;
}

/**
 * One ecosystem's detector. `applies` is a cheap look at manifest names; `project` and
 * `workspace` read files. When several detectors apply to one folder, the highest priority
 * decides the project's runtime and the others become a warning.
 */
export interface Detector {
  readonly name: string;
  readonly priority: number;
  /**
   * True when `workspace` can be asked about folders above the analysed one (`..`, `../..`): the
   * analysed folder may be a member of a workspace whose root is above it, and `project` then
   * gets that root as its scope's workspaceRoot.
   */
  readonly workspaceAbove?: boolean;
  /** Other detectors whose manifests this one's projects account for (a Jekyll site's Gemfile). */
  readonly covers?: readonly string[];
  applies(ctx: DetectContext, dir: string): boolean;
  project(ctx: DetectContext, scope: Scope): Promise<ProjectDraft | undefined>;
  workspace?(ctx: DetectContext, dir: string): Promise<WorkspaceDecl | undefined>;
  /** Names or paths of the projects a folder's own build and start scripts build (`turbo run build --filter=web`). */
  builds?(ctx: DetectContext, dir: string): Promise<string[]>;
}

/** Commands with every field empty. */
export function noCommands(): Commands {
  return { install: null, build: null, test: null, start: null };
}

/** The last path segment of a folder, or the given fallback for the root. */
export function folderName(dir: string, rootName: string): string {
  return dir === '.' ? rootName : dir.slice(dir.lastIndexOf('/') + 1);
}
