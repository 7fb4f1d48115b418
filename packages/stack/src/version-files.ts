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
