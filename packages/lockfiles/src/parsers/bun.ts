import type { LockfileParser } from '../types.js';
import type * as v from 'valibot';
import { BunLockSchema } from '../schemas.js';
import type { LockedPackage } from '../types.js';
import { isVersion, LineIndex, parseJsonLockfile, sriHashes, warnIfEmpty } from '../util.js';
import { lineOf } from './npm.js';

type BunLock = v.InferOutput<typeof BunLockSchema>;
type BunItem = NonNullable<BunLock['packages']>[string][number];
interface BunDeps {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const isDeps = (item: BunItem): item is BunDeps & BunItem =>
  typeof item === 'object' && item !== null && !Array.isArray(item);

/**
 * bun.lock (text, JSON with trailing commas): `packages` maps a key to `[ "name@version", registry,
 * meta, integrity ]`. An alias's key is the alias, its first item the real package. Packages from
 * the project's own files and git or tarball packages (whose version bun does not record) are left
 * out; dev-only packages are those reachable only from some workspace's devDependencies.
 */
export const parseBunLock: LockfileParser = (text, file, warnings) => {
  const doc = parseJsonLockfile(text.replace(/,(\s*[}\]])/g, '$1'), file, BunLockSchema);
  const lines = new LineIndex(text);
  const deps = new Map<string, BunDeps>();
  for (const [key, entry] of Object.entries(doc.packages ?? {})) {
    const meta = entry.slice(1).find(isDeps);
    if (meta) deps.set(key, meta);
  }
  const devOnly = devOnlyKeys(doc, deps);
  const out: LockedPackage[] = [];
  for (const [key, entry] of Object.entries(doc.packages ?? {})) {
    const spec = entry[0];
    if (typeof spec !== 'string') continue;
    const at = spec.indexOf('@', 1); // a name holds an @ only at its start
    const version = spec.slice(at + 1);
    if (at < 0 || !isVersion(version)) continue;
    const integrity = entry.find((item, i) => i > 0 && typeof item === 'string' && /^sha\d+-/.test(item));
    out.push({
      ecosystem: 'npm',
      name: spec.slice(0, at),
      version,
      dev: devOnly.has(key),
      hashes: sriHashes(integrity),
      file,
      ...lineOf(lines, `"${key}": [`),
    });
  }
  return warnIfEmpty(out, file, warnings);
};

/** The names in a package key: `a/@s/b/c` is c installed under @s/b installed under a. */
function keyNames(key: string): string[] {
  const parts = key.split('/');
  const names: string[] = [];
  for (let i = 0; i < parts.length; i++)
    names.push(parts[i]!.startsWith('@') && i + 1 < parts.length ? `${parts[i]}/${parts[++i]}` : parts[i]!);
  return names;
}

/**
 * The package keys reachable from devDependencies and from no runtime dependency of any workspace.
 * A dependency resolves as node_modules does: the key nested under the requiring package, then
 * under each of its parents, then at the top.
 */
function devOnlyKeys(doc: BunLock, deps: Map<string, BunDeps>): Set<string> {
  const packages = doc.packages ?? {};
  const resolve = (from: string[], dep: string): string | undefined => {
    for (let n = from.length; n >= 0; n--) {
      const key = [...from.slice(0, n), dep].join('/');
      if (Object.hasOwn(packages, key)) return key;
    }
    return undefined;
  };
  const reach = (roots: [string[], string][]): Set<string> => {
    const seen = new Set<string>();
    const todo: [string[], string][] = [...roots];
    for (let next = todo.pop(); next; next = todo.pop()) {
      const key = resolve(...next);
      if (key === undefined || seen.has(key)) continue;
      seen.add(key);
      const from = keyNames(key);
      for (const dep of depNames(deps.get(key))) todo.push([from, dep]);
    }
    return seen;
  };
  const roots = (dev: boolean): [string[], string][] =>
    Object.entries(doc.workspaces ?? {}).flatMap(([path, ws]) => {
      const from = path === '' || ws.name === undefined ? [] : [ws.name];
      const names = dev ? Object.keys(ws.devDependencies ?? {}) : depNames(ws);
      return names.map((dep): [string[], string] => [from, dep]);
    });
  const runtime = reach(roots(false));
  return new Set([...reach(roots(true))].filter((key) => !runtime.has(key)));
}

function depNames(deps: BunDeps | undefined): string[] {
  return [
    ...Object.keys(deps?.dependencies ?? {}),
    ...Object.keys(deps?.optionalDependencies ?? {}),
    ...Object.keys(deps?.peerDependencies ?? {}),
  ];
}
