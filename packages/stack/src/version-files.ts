import { lstatSync } from 'node:fs';
import { join, posix } from 'node:path';
import { joinRel, parentOf, type DetectContext, type Found } from './context.js';
import { MiseTomlSchema, type MISE_TOOLS } from './manifests/schemas.js';

/** One kind of file a version may be declared in, read from a given folder. */
export type VersionSource = (ctx: DetectContext, dir: string) => Promise<Found | undefined>;

/** A file whose first meaningful line is the version (.nvmrc, .python-version, .ruby-version …). */
export function plainFile(name: string, clean: (v: string) => string = stripV): VersionSource {
  return async (ctx, dir) => {
    if (!ctx.has(dir, name)) return undefined;
    const path = joinRel(dir, name);
    const text = await ctx.text(path);
    const line = text
      ?.split(/\r?\n/)
      .map((l) => l.replace(/#.*$/, '').trim())
      .find((l) => l !== '');
    return line ? { value: clean(line), source: path } : undefined;
  };
}

/** The asdf/mise `.tool-versions` entry for any of the given tool names. */
export function toolVersions(...tools: string[]): VersionSource {
  return async (ctx, dir) => {
    if (!ctx.has(dir, '.tool-versions')) return undefined;
    const path = joinRel(dir, '.tool-versions');
    for (const line of (await ctx.text(path))?.split(/\r?\n/) ?? []) {
      const [tool, version] = line.replace(/#.*$/, '').trim().split(/\s+/);
      if (tool && version && tools.includes(tool)) return { value: stripV(version), source: path };
    }
    return undefined;
  };
}

/** The `[tools]` entry of mise.toml or .mise.toml for any of the given tool names. */
export function miseTools(...tools: (typeof MISE_TOOLS)[number][]): VersionSource {
  return async (ctx, dir) => {
    for (const name of ['mise.toml', '.mise.toml']) {
      if (!ctx.has(dir, name)) continue;
      const path = joinRel(dir, name);
      const doc = await ctx.toml(path, MiseTomlSchema);
      for (const tool of tools) {
        const entry = doc?.tools?.[tool];
        const first = Array.isArray(entry) ? entry[0] : entry;
        const value = typeof first === 'object' ? first.version : first;
        if (value !== undefined) return { value: stripV(String(value)), source: path };
      }
    }
    return undefined;
  };
}

/**
 * The version declared nearest to the project: each folder from the project up to the root is
 * asked every source in order, and the first answer wins. That is how asdf, mise and nvm resolve
 * a version, and what actions/setup-* read from a version file.
 */
export async function nearestVersion(
  ctx: DetectContext,
  dir: string,
  sources: readonly VersionSource[],
): Promise<Found | undefined> {
  for (let d: string | undefined = dir; d !== undefined; d = parentOf(d)) {
    for (const source of sources) {
      const found = await source(ctx, d);
      if (found) return found;
    }
  }
  return undefined;
}

/** Drops a leading `v` from a version (`v20.11.1` → `20.11.1`). */
export function stripV(version: string): string {
  return version.trim().replace(/^v(?=\d)/, '');
}

/** A file read with treeFile: its text, or why it was not read. */
export type TreeFile = { path: string; text: string } | { path: string; problem: string };

const treeFiles = new WeakMap<DetectContext, Map<string, Promise<TreeFile>>>();

/**
 * A file the walk does not record (a wrapper's properties, a requirements include), read only as
 * the walk would have seen it: inside the root, through real folders, a regular file. A symbolic
 * link is not followed, so one planted under such a name cannot read outside the tree. Nothing
 * is warned here: a missing file is often expected, and the caller knows what it was for.
 */
export function treeFile(ctx: DetectContext, path: string): Promise<TreeFile> {
  const normal = posix.normalize(path).replace(/\/+$/, '');
  let cache = treeFiles.get(ctx);
  if (!cache) treeFiles.set(ctx, (cache = new Map()));
  let found = cache.get(normal);
  if (!found) {
    found = readTreeFile(ctx, normal);
    cache.set(normal, found);
  }
  return found;
}

async function readTreeFile(ctx: DetectContext, path: string): Promise<TreeFile> {
  if (path === '..' || path.startsWith('../') || posix.isAbsolute(path))
    return { path, problem: 'is outside the folder detect-stack analyses' };
  if (path === '.' || path === '') return { path, problem: 'is a folder' };
  const slash = path.lastIndexOf('/');
  const recorded = ctx.has(slash < 0 ? '.' : path.slice(0, slash), path.slice(slash + 1));
  if (!recorded) {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      let st;
      try {
        st = lstatSync(join(ctx.root, ...parts.slice(0, i)), { throwIfNoEntry: false });
      } catch {
        st = undefined; // a file where a folder should be, a name too long: not there either way
      }
      if (!st) return { path, problem: 'does not exist' };
      if (st.isSymbolicLink()) return { path, problem: 'is a symbolic link, which detect-stack does not follow' };
      if (i < parts.length ? !st.isDirectory() : !st.isFile())
        return { path, problem: i < parts.length ? 'does not exist' : 'is not a regular file' };
    }
  }
  const text = await ctx.text(path);
  return text === undefined ? { path, problem: 'could not be read' } : { path, text };
}
