import type { LockfileParser } from '../types.js';
import type * as v from 'valibot';
import { PnpmLockSchema } from '../schemas.js';
import type { LockedPackage } from '../types.js';
import { isVersion, LineIndex, parseYamlLockfile, sriHashes, warnIfEmpty } from '../util.js';
import { lineOf } from './npm.js';

type PnpmLock = v.InferOutput<typeof PnpmLockSchema>;

/**
 * Splits a pnpm package key of any lockfile version: `/a/1.0.0_peer@2` (v5, peers after an
 * underscore), `registry.example.com/a/1.0.0` (v5 and v6, from another registry), `/a@1.0.0(peer@2)`
 * (v6) and `a@1.0.0(peer@2)` (v9). The version is whatever the key holds: a URL for a git or
 * tarball package, which the entry's own `version` then replaces.
 */
export function splitPnpmKey(key: string): { name: string; version: string } | undefined {
  let k = key;
  if (k.startsWith('/')) k = k.slice(1);
  else {
    const host = /^[^/@]*[.:][^/@]*\//.exec(k); // a registry host; a v9 key's first part holds an @
    if (host) k = k.slice(host[0].length);
  }
  const paren = k.indexOf('(');
  if (paren > 0) k = k.slice(0, paren);
  const name = /^(?:@[^/@]+\/)?[^/@]+/.exec(k)?.[0];
  if (!name) return undefined;
  const rest = k.slice(name.length);
  if (rest.startsWith('@') && rest.length > 1) return { name, version: rest.slice(1) };
  const v5 = /^\/([^/_]+)(?:_.*)?$/.exec(rest);
  return v5 ? { name, version: v5[1]! } : undefined;
}

/**
 * pnpm-lock.yaml, lockfile versions 5, 6 and 9. A package from the project's own files (`link:`,
 * `file:`, a directory) is left out; a git or tarball package is listed at the version its entry
 * states, never at its URL. Dev-only packages are flagged
 * by v5 and v6 themselves; in v9 they are those only reachable from importers' devDependencies.
 */
export const parsePnpmLock: LockfileParser = (text, file, warnings) => {
  const doc = parseYamlLockfile(text, file, PnpmLockSchema);
  const lines = new LineIndex(text);
  const devOnly = doc.snapshots ? devOnlyPackages(doc) : undefined;
  const out: LockedPackage[] = [];
  for (const [key, entry] of Object.entries(doc.packages ?? {})) {
    const resolution = entry?.resolution;
    const local =
      /@(link|file|workspace):/.test(key) ||
      resolution?.directory !== undefined ||
      resolution?.type === 'directory' ||
      resolution?.tarball?.startsWith('file:') === true;
    if (local) continue;
    const split = splitPnpmKey(key);
    const name = entry?.name ?? split?.name;
    const version = entry?.version ?? split?.version;
    if (!name || !isVersion(version)) continue;
    out.push({
      ecosystem: 'npm',
      name,
      version,
      dev: devOnly ? devOnly.has(key) : entry?.dev === true,
      hashes: sriHashes(resolution?.integrity),
      file,
      ...lineOf(lines, key),
    });
  }
  return warnIfEmpty(out, file, warnings);
};

/**
 * v9: the `packages` keys reachable from some importer's devDependencies and from no importer's
 * dependencies or optionalDependencies, following `snapshots`. A package reachable from neither
 * stays runtime: unknown is never taken for dev.
 */
function devOnlyPackages(doc: PnpmLock): Set<string> {
  const snapshots = doc.snapshots ?? {};
  // `name@1.0.0(peer@2)` for a plain version, `real@1.0.0` for an alias or a URL's own key.
  const resolve = (name: string, version: string): string | undefined =>
    Object.hasOwn(snapshots, `${name}@${version}`)
      ? `${name}@${version}`
      : Object.hasOwn(snapshots, version)
        ? version
        : undefined;
  const reach = (roots: string[]): Set<string> => {
    const seen = new Set<string>();
    const todo = [...roots];
    for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
      if (seen.has(id)) continue;
      seen.add(id);
      const snap = snapshots[id];
      for (const [dep, ver] of [
        ...Object.entries(snap?.dependencies ?? {}),
        ...Object.entries(snap?.optionalDependencies ?? {}),
      ]) {
        const next = resolve(dep, ver);
        if (next !== undefined && !seen.has(next)) todo.push(next);
      }
    }
    return new Set([...seen].map((id) => (id.indexOf('(') > 0 ? id.slice(0, id.indexOf('(')) : id)));
  };
  const roots = (kind: 'dependencies' | 'devDependencies' | 'optionalDependencies'): string[] =>
    Object.values(doc.importers ?? {}).flatMap((importer) =>
      Object.entries(importer?.[kind] ?? {}).flatMap(([name, dep]) => {
        const version = typeof dep === 'string' ? dep : dep.version;
        const id = version === undefined ? undefined : resolve(name, version);
        return id === undefined ? [] : [id];
      }),
    );
  const runtime = reach([...roots('dependencies'), ...roots('optionalDependencies')]);
  return new Set([...reach(roots('devDependencies'))].filter((key) => !runtime.has(key)));
}
