import { basename } from 'node:path';
import { nullLogger, systemClock, type Clock, type Logger } from '@slipway/action-kit/lite';
import { DetectContext, joinRel, parentOf } from './context.js';
import { DETECTORS } from './detectors/registry.js';
import { compileGlobs } from './globs.js';
import type { Detector, WorkspaceDecl } from './detectors/types.js';
import { languageShares } from './languages.js';
import { oneLine } from './printable.js';
import type { Monorepo, Project, Stack } from './types.js';
import { foldersAbove, walk, type Inventory } from './walk.js';

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
  /**
   * Absolute folder detection never reads above (the workspace). Detection climbs from `root` to
   * the repository root (the nearest folder with `.git`) to find a workspace that encloses it;
   * without a `.git` it climbs up to this folder, and without this folder not at all.
   */
  ceiling?: string;
}

interface Workspace {
  dir: string;
  detector: Detector;
  decl: WorkspaceDecl;
}

/** A project and what detection knows of it beyond the document: whether it is an application. */
interface Found {
  project: Project;
  serves: boolean;
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
    foldersAbove(options.root, options.ceiling),
  );
  for (const w of inventory.warnings) ctx.warn(w);

  const dirs = [...inventory.manifests.keys()].sort(byPath);
  // Test data, fixtures and benchmarks declare no workspaces; they are projects only as members.
  const real = dirs.filter((d) => !inventory.notProject.has(d));
  const workspaces = await findWorkspaces(ctx, real);
  const memberOf = assignMembers(ctx, dirs, workspaces);
  const candidates = dirs.filter((d) => !inventory.notProject.has(d) || memberOf.has(d));
  // Folders are independent of each other: read their manifests concurrently, keep path order.
  const found = await Promise.all(candidates.map((dir) => projectAt(ctx, dir, workspaces, memberOf.get(dir))));
  const kept = dropEnclosedStaticSites(found.filter((p): p is Found => p !== undefined));
  const projects = kept.map((f) => f.project);
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
    primary: (await primaryOf(ctx, kept, inventory))?.path ?? null,
    warnings: ctx.warnings,
    stats: {
      files: inventory.files,
      directories: inventory.directories,
      elapsedMs: Math.round(clock.monotonic() - started),
      truncated: inventory.truncated,
    },
  };
}

/** Workspaces declared in the tree, and above it (up to the repository root) by detectors that look there. */
async function findWorkspaces(ctx: DetectContext, dirs: string[]): Promise<Workspace[]> {
  const outer = ctx.outer.map((o) => o.rel);
  const perDir = await Promise.all(
    [...dirs, ...outer].map(async (dir) => {
      const here: Workspace[] = [];
      for (const detector of DETECTORS) {
        if (dir.startsWith('..') && !detector.workspaceAbove) continue;
        const decl = detector.workspace ? await detector.workspace(ctx, dir) : undefined;
        if (decl) here.push({ dir, detector, decl });
      }
      return here;
    }),
  );
  return perDir.flat();
}

/** How deep a folder is: the root 0, `a/b` 2, `..` -1; a nearer workspace root claims its members last. */
function depth(dir: string): number {
  if (dir === '.') return 0;
  const parts = dir.split('/');
  return dir.startsWith('..') ? -parts.length : parts.length;
}

/** Member globs past this many are not used: each is compiled and tried against every folder. */
const MAX_MEMBER_GLOBS = 5000;

/** Each member folder → the workspace root that claims it (the nearest one when nested). */
function assignMembers(ctx: DetectContext, dirs: string[], workspaces: Workspace[]): Map<string, string> {
  const memberOf = new Map<string, string>();
  for (const ws of [...workspaces].sort((a, b) => depth(a.dir) - depth(b.dir))) {
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
      const rel = ctx.pathFrom(ws.dir, dir);
      if (rel !== undefined && rel !== '.' && isIncluded(rel) && !isExcluded(rel)) memberOf.set(dir, ws.dir);
    }
  }
  return memberOf;
}

function normaliseGlob(glob: string): string {
  return glob.replace(/^\.\//, '').replace(/\/+$/, '');
}

async function projectAt(
  ctx: DetectContext,
  dir: string,
  workspaces: Workspace[],
  workspaceRoot: string | undefined,
): Promise<Found | undefined> {
  const applicable = DETECTORS.filter((d) => d.applies(ctx, dir));
  const others: string[] = [];
  let chosen: { detector: Detector; draft: NonNullable<Awaited<ReturnType<Detector['project']>>> } | undefined;
  for (const detector of applicable) {
    const ws = workspaces.find((w) => w.dir === dir && w.detector === detector);
    if (ws && !ws.decl.rootIsProject) continue;
    if (chosen) {
      if (detector.name !== 'static' && !chosen.detector.covers?.includes(detector.name)) others.push(detector.name);
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
  const project: Project = {
    path: dir,
    name: draft.name,
    runtime: draft.runtime,
    packageManager: draft.packageManager,
    frameworks: draft.frameworks,
    commands,
    output: draft.output ?? null,
    dockerfile: dockerfile ? joinRel(dir, dockerfile) : null,
    procfile,
    manifest: draft.manifest,
    warnings,
  };
  return { project, serves: draft.serves ?? draft.frameworks.length > 0 };
}

function dockerfileOrder(a: string, b: string): number {
  const rank = (n: string): number => (n === 'Dockerfile' ? 0 : n === 'Containerfile' ? 1 : 2);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** A static site inside another project is that project's assets, not a project of its own. */
function dropEnclosedStaticSites(found: Found[]): Found[] {
  const paths = new Set(found.map((f) => f.project.path));
  return found.filter(({ project: p }) => {
    if (p.runtime.name !== 'static' || p.frameworks.length > 0) return true;
    for (let d = parentOf(p.path); d !== undefined; d = parentOf(d)) if (paths.has(d)) return false;
    return true;
  });
}

/**
 * A workspace declared at the root, or else the nearest one above it that claims what was
 * analysed, names the repository's tool and its members. Without one, several projects are
 * independent (tool null), even when one of them is a workspace itself.
 */
function monorepoOf(workspaces: Workspace[], projects: Project[], memberOf: Map<string, string>): Monorepo | null {
  const claimed = new Set(memberOf.values());
  const rootWorkspace =
    workspaces.find((w) => w.dir === '.' && claimed.has('.')) ??
    workspaces
      .filter((w) => w.dir.startsWith('..') && claimed.has(w.dir))
      .sort((a, b) => depth(b.dir) - depth(a.dir))[0];
  if (rootWorkspace && (rootWorkspace.dir === '.' || projects.length > 1)) {
    const members = projects.filter((p) => memberOf.has(p.path) && p.path !== '.').map((p) => p.path);
    return { tool: rootWorkspace.decl.tool, workspaces: members.sort(byPath) };
  }
  if (projects.length > 1) return { tool: null, workspaces: projects.map((p) => p.path) };
  return null;
}

/**
 * The primary project: an application (a start command, a framework that serves, a Dockerfile or
 * Procfile, or what the root's own scripts build) before a library; then the root, then what the
 * root's scripts build, then the most code beneath it. Never one in a test, fixture or benchmark folder.
 */
async function primaryOf(ctx: DetectContext, found: Found[], inventory: Inventory): Promise<Project | undefined> {
  const eligible = found.filter((f) => !inventory.notProject.has(f.project.path));
  if (eligible.length === 0) return undefined;
  const targets = new Set<string>();
  for (const detector of DETECTORS) for (const t of (await detector.builds?.(ctx, '.')) ?? []) targets.add(t);
  const built = (p: Project): boolean => targets.has(p.name) || targets.has(p.path);
  const isApp = (f: Found): boolean =>
    f.serves || f.project.commands.start !== null || f.project.dockerfile !== null || built(f.project);
  const apps = eligible.filter(isApp);
  const pool = (apps.length > 0 ? apps : eligible).map((f) => f.project);
  const root = pool.find((p) => p.path === '.');
  if (root) return root;
  const named = pool.filter(built);
  return mostCode(named.length > 0 ? named : pool, inventory);
}

/** The project with the most code beneath it, each folder's bytes going to the nearest project at or above it. */
function mostCode(projects: Project[], inventory: Inventory): Project | undefined {
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
