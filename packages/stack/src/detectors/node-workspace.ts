// Node workspaces: the members a root declares (package.json workspaces, pnpm, Rush, Lerna, Nx
// projects), the tool that orchestrates them, and which projects the root's own scripts build.
import { joinRel, type DetectContext } from '../context.js';
import { LernaJsonSchema, PackageJsonSchema, PnpmWorkspaceSchema, RushJsonSchema } from './node-manifests.js';
import { packageManager } from './node-pm.js';
import { nxMembers, nxProject } from './nx.js';
import type { WorkspaceDecl } from './types.js';

const DELEGATING_BUILD = /\b(turbo|nx|lerna|rush)\b|\s(-ws|--workspaces|-r|--recursive|--filter)\b|workspaces foreach/;

/** The workspace a folder declares, or undefined when it declares no members. */
export async function nodeWorkspace(ctx: DetectContext, dir: string): Promise<WorkspaceDecl | undefined> {
  // A Rush repository has no package.json at its root; an Nx one may declare projects by project.json alone.
  if (!['package.json', 'nx.json', 'rush.json'].some((f) => ctx.has(dir, f))) return undefined;
  const pkg = ctx.has(dir, 'package.json')
    ? await ctx.json(joinRel(dir, 'package.json'), PackageJsonSchema)
    : undefined;
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
  (await nxMembers(ctx, dir)).forEach((m) => members.add(m));
  if (members.size === 0) return undefined;
  const orchestrator = ['turbo.json', 'nx.json', 'lerna.json', 'rush.json'].find((f) => ctx.has(dir, f));
  const pm = (await packageManager(ctx, { dir, workspaceRoot: undefined }, pkg, undefined, [])).name;
  const build = pkg?.scripts?.build;
  const rootProject = await nxProject(ctx, dir);
  return {
    tool: orchestrator ? orchestrator.replace(/\.json$/, '') : `${pm}-workspaces`,
    members: [...members],
    rootIsProject:
      (typeof build === 'string' && !DELEGATING_BUILD.test(` ${build}`)) ||
      rootProject?.targets?.build !== undefined ||
      rootProject?.targets?.test !== undefined,
  };
}

/** Scripts that build, run or ship something, whose targets are the repository's applications. */
const SHIPPING_SCRIPT = /^(build|start|dev|serve|deploy|preview)(\W|$)/;

/**
 * Projects a folder's own build, start, dev and deploy scripts name, as they name them: a
 * `--filter`, `--workspace`, `yarn workspace`, `nx run` target or `cd` folder.
 */
export async function rootBuilds(ctx: DetectContext, dir: string): Promise<string[]> {
  if (!ctx.has(dir, 'package.json')) return [];
  const pkg = await ctx.json(joinRel(dir, 'package.json'), PackageJsonSchema);
  const names = new Set<string>();
  for (const [script, body] of Object.entries(pkg?.scripts ?? {})) {
    if (!SHIPPING_SCRIPT.test(script) || typeof body !== 'string') continue;
    for (const target of scriptTargets(body)) names.add(target);
  }
  return [...names];
}

const TARGET_PATTERNS = [
  /(?:--filter|-F)[= ]+(\S+)/g,
  /(?:--workspace|-w)[= ]+(\S+)/g,
  /\byarn workspace (\S+)/g,
  /\bnx (?:run )?(\S+?):\S+/g,
  /\bnx (?:build|serve|start|deploy|export|preview) (\S+)/g,
  /(?:--scope|--to|--only)[= ]+(\S+)/g,
  /\b(?:cd|--prefix|--dir|-C) (\S+?)(?:\s|$|&|;)/g,
];

/** The project names and folders one script names (`turbo run build --filter=web...` → web). */
function scriptTargets(script: string): string[] {
  const found: string[] = [];
  for (const re of TARGET_PATTERNS)
    for (const m of script.matchAll(re)) {
      const target = m[1]!
        .replace(/^['"]|['"]$/g, '')
        .replace(/^\.\.\.|\.\.\.$|^\^|^\{|\}$/g, '')
        .replace(/^\.\//, '')
        .replace(/\/+$/, '');
      if (target !== '' && !target.startsWith('-')) found.push(target);
    }
  return found;
}
