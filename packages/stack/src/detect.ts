import { basename } from 'node:path';
import { nullLogger, systemClock, type Clock, type Logger } from '@slipway/action-kit/lite';
import { DetectContext, joinRel, parentOf } from './context.js';
import { DETECTORS } from './detectors/registry.js';
import { compileGlobs } from './globs.js';
import type { Detector, WorkspaceDecl } from './detectors/types.js';
import { languageShares } from './languages.js';
import { oneLine } from './printable.js';
import type { Monorepo, Project, Stack } from './types.js';
import { walk, type Inventory } from './walk.js';

/** What detectStack needs: an absolute root, and its seams. */
export interface DetectOptions {
  /** Absolute path of the folder to analyse. */
  root: string;
  /** How the root is shown in the document (the `path` input as given). */
  displayRoot?: string;
  exclude?: readonly string[];
  maxFiles?: number;
  logger?: Logger;
  clock?: Clock;
  /** Prefix that turns a root-relative path into a workspace-relative one, for annotations. */
  annotationPrefix?: string;
}

interface Workspace {
  dir: string;
  detector: Detector;
  decl: WorkspaceDecl;
}

/** Walks a repository once and reports its languages, projects, workspaces and commands. */
export async function detectStack(options: DetectOptions): Promise<Stack> {
  const logger = options.logger ?? nullLogger;
  const clock = options.clock ?? systemClock;
  const started = clock.monotonic();
  const inventory = walk({
    root: options.root,
    exclude: options.exclude ?? [],
    maxFiles: options.maxFiles ?? 200_000,
    logger,
  });
  const ctx = new DetectContext(
    options.root,
    inventory,
    logger,
    options.annotationPrefix ?? '',
    basename(options.root) || 'root',
  );
  for (const w of inventory.warnings) ctx.warn(w);

  const dirs = [...inventory.manifests.keys()].sort(byPath);
  const workspaces = await findWorkspaces(ctx, dirs);
  const memberOf = assignMembers(ctx, dirs, workspaces);
  // Folders are independent of each other: read their manifests concurrently, keep path order.
  const found = await Promise.all(dirs.map((dir) => projectAt(ctx, dir, workspaces, memberOf.get(dir))));
  const projects = dropEnclosedStaticSites(found.filter((p): p is Project => p !== undefined));
  for (const p of projects)
    for (const w of p.warnings)
      logger.warning(`${oneLine(p.path)}: ${w}`, {
        file: (options.annotationPrefix ?? '') + p.manifest,
        title: 'detect-stack',
      });

  return {
    schemaVersion: 1,
    root: options.displayRoot ?? '.',
    languages: languageShares(inventory.languageBytes),
    monorepo: monorepoOf(workspaces, projects, memberOf),
    projects,
    primary: primaryOf(projects, inventory)?.path ?? null,
    warnings: ctx.warnings,
    stats: {
      files: inventory.files,
      directories: inventory.directories,
      elapsedMs: Math.round(clock.monotonic() - started),
      truncated: inventory.truncated,
    },
  };
}

async function findWorkspaces(ctx: DetectContext, dirs: string[]): Promise<Workspace[]> {
  const perDir = await Promise.all(
    dirs.map(async (dir) => {
      const here: Workspace[] = [];
      for (const detector of DETECTORS) {
        const decl = detector.workspace ? await detector.workspace(ctx, dir) : undefined;
        if (decl) here.push({ dir, detector, decl });
      }
      return here;
    }),
  );
  return perDir.flat();
}

/** Member globs past this many are not used: each is compiled and tried against every folder. */
const MAX_MEMBER_GLOBS = 5000;

/** Each member folder → the workspace root that claims it (the nearest one when nested). */
function assignMembers(ctx: DetectContext, dirs: string[], workspaces: Workspace[]): Map<string, string> {
  const memberOf = new Map<string, string>();
  for (const ws of [...workspaces].sort((a, b) => a.dir.length - b.dir.length)) {
    const members = [...new Set(ws.decl.members)];
    if (members.length > MAX_MEMBER_GLOBS)
      ctx.warn(
        `workspace at ${ws.dir} (${ws.decl.tool}) lists ${members.length} members; only the first ${MAX_MEMBER_GLOBS} are used`,
      );
    const used = members.slice(0, MAX_MEMBER_GLOBS);
    const include = used.filter((m) => !m.startsWith('!')).map(normaliseGlob);
    const exclude = used.filter((m) => m.startsWith('!')).map((m) => normaliseGlob(m.slice(1)));
    const report = (message: string): void => ctx.warn(`workspace at ${ws.dir} (${ws.decl.tool}): member ${message}`);
    const isIncluded = compileGlobs(include, report, { dot: false });
    const isExcluded = compileGlobs(exclude, report);
    for (const dir of dirs) {
      if (dir === ws.dir || !ws.detector.applies(ctx, dir)) continue;
      const rel = relativeBelow(ws.dir, dir);
      if (rel !== undefined && isIncluded(rel) && !isExcluded(rel)) memberOf.set(dir, ws.dir);
    }
  }
  return memberOf;
}

function normaliseGlob(glob: string): string {
  return glob.replace(/^\.\//, '').replace(/\/+$/, '');
}

function relativeBelow(parent: string, dir: string): string | undefined {
  if (parent === '.') return dir;
  return dir.startsWith(`${parent}/`) ? dir.slice(parent.length + 1) : undefined;
}

async function projectAt(
  ctx: DetectContext,
  dir: string,
  workspaces: Workspace[],
  workspaceRoot: string | undefined,
): Promise<Project | undefined> {
  const applicable = DETECTORS.filter((d) => d.applies(ctx, dir));
  const others: string[] = [];
  let chosen: { detector: Detector; draft: NonNullable<Awaited<ReturnType<Detector['project']>>> } | undefined;
  for (const detector of applicable) {
    const ws = workspaces.find((w) => w.dir === dir && w.detector === detector);
    if (ws && !ws.decl.rootIsProject) continue;
    if (chosen) {
      if (detector.name !== 'static') others.push(detector.name);
      continue;
    }
    const draft = await detector.project(ctx, { dir, workspaceRoot });
    if (draft) chosen = { detector, draft };
  }
  if (!chosen) return undefined;
  const { draft } = chosen;
  const dockerfile = ctx
    .names(dir)
    .filter((n) => /^(Dockerfile|Containerfile)(\..+)?$|\.dockerfile$/.test(n))
    .sort(dockerfileOrder)[0];
  const procfile = ctx.has(dir, 'Procfile') ? joinRel(dir, 'Procfile') : null;
  const commands = { ...draft.commands };
  if (procfile) {
    const web = /^web:\s*(.+)$/m.exec((await ctx.text(procfile)) ?? '')?.[1]?.trim();
    if (web) commands.start = web;
  }
  const warnings = draft.warnings.map(oneLine);
  if (others.length) warnings.push(`also has manifests for ${others.join(', ')}; reported as ${draft.runtime.name}`);
  return {
    path: dir,
    name: draft.name,
    runtime: draft.runtime,
    packageManager: draft.packageManager,
    frameworks: draft.frameworks,
    commands,
    dockerfile: dockerfile ? joinRel(dir, dockerfile) : null,
    procfile,
    manifest: draft.manifest,
    warnings,
  };
}

function dockerfileOrder(a: string, b: string): number {
  const rank = (n: string): number => (n === 'Dockerfile' ? 0 : n === 'Containerfile' ? 1 : 2);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** A static site inside another project is that project's assets, not a project of its own. */
function dropEnclosedStaticSites(projects: Project[]): Project[] {
  const paths = new Set(projects.map((p) => p.path));
  return projects.filter((p) => {
    if (p.runtime.name !== 'static') return true;
    for (let d = parentOf(p.path); d !== undefined; d = parentOf(d)) if (paths.has(d)) return false;
    return true;
  });
}

/**
 * A workspace declared at the root names the repository's tool and its members. Without one,
 * several projects are independent (tool null), even when one of them is a workspace itself.
 */
function monorepoOf(workspaces: Workspace[], projects: Project[], memberOf: Map<string, string>): Monorepo | null {
  const rootWorkspace = workspaces.find((w) => w.dir === '.' && [...memberOf.values()].includes('.'));
  if (rootWorkspace) {
    const members = projects
      .filter((p) => memberOf.get(p.path) === '.' || (memberOf.has(p.path) && p.path !== '.'))
      .map((p) => p.path);
    return { tool: rootWorkspace.decl.tool, workspaces: members.sort(byPath) };
  }
  if (projects.length > 1) return { tool: null, workspaces: projects.map((p) => p.path) };
  return null;
}

/** The root project if there is one, else the project with the most code beneath it. */
function primaryOf(projects: Project[], inventory: Inventory): Project | undefined {
  const root = projects.find((p) => p.path === '.');
  if (root) return root;
  // Give each folder's bytes to the nearest project at or above it: one climb per folder.
  const bytes = new Map<string, number>(projects.map((p) => [p.path, 0]));
  for (const [dir, n] of inventory.dirBytes) {
    for (let d: string | undefined = dir; d !== undefined; d = parentOf(d)) {
      const sum = bytes.get(d);
      if (sum !== undefined) {
        bytes.set(d, sum + n);
        break;
      }
    }
  }
  let best: Project | undefined;
  for (const p of projects) if (!best || bytes.get(p.path)! > bytes.get(best.path)!) best = p;
  return best;
}

/** Byte order of POSIX paths, the same on every machine. */
export function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
