import type { LockfileParser } from '../types.js';
import { NpmLockSchema, type NpmV1Dep } from '../schemas.js';
import type { LockedPackage } from '../types.js';
import { isVersion, LineIndex, parseJsonLockfile, sriHashes, warnIfEmpty } from '../util.js';

/**
 * package-lock.json and npm-shrinkwrap.json, lockfileVersion 1, 2 and 3. An alias (`"cf":
 * "npm:@babel/code-frame@7.0.0"`) is the package it stands for; a folder linked or copied in
 * (`link`, `file:`) is the project's own code and is left out; a git or tarball dependency is
 * listed at the version its own package.json states, never at its URL.
 */
export const parseNpmLock: LockfileParser = (text, file, warnings) => {
  const doc = parseJsonLockfile(text, file, NpmLockSchema);
  const lines = new LineIndex(text);
  const out: LockedPackage[] = [];
  if (doc.packages) {
    for (const [key, entry] of Object.entries(doc.packages)) {
      if (key === '' || entry.link || entry.resolved?.startsWith('file:') || !isVersion(entry.version)) continue;
      const at = key.lastIndexOf('node_modules/');
      if (at < 0) continue; // a workspace folder, not an installed package
      out.push({
        ecosystem: 'npm',
        name: entry.name ?? key.slice(at + 'node_modules/'.length),
        version: entry.version,
        // `devOptional` is also set on an optional dependency of a runtime package: not dev-only.
        dev: entry.dev === true,
        hashes: sriHashes(entry.integrity),
        file,
        ...lineOf(lines, `"${key}"`),
      });
    }
    // A project whose package.json declares no dependencies has nothing to lock: no warning then.
    if (out.length === 0 && Object.keys(doc.packages).every((k) => k === '' || !k.includes('node_modules/'))) {
      const root = (JSON.parse(text) as { packages?: Record<string, Record<string, unknown>> }).packages?.[''] ?? {};
      const declares = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'].some(
        (field) => Object.keys((root[field] as object | undefined) ?? {}).length > 0,
      );
      if (!declares) return out;
    }
    return warnIfEmpty(out, file, warnings);
  }
  // lockfileVersion 1: nested `dependencies`, walked without recursion (a hostile file can nest deep).
  const stack: [string, NpmV1Dep][] = Object.entries(doc.dependencies ?? {}).reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [key, dep] = next;
    const real = npmSpec(key, dep.version);
    if (real)
      out.push({
        ecosystem: 'npm',
        ...real,
        dev: dep.dev === true,
        hashes: sriHashes(dep.integrity),
        file,
        ...lineOf(lines, `"${key}": {`),
      });
    stack.push(...Object.entries(dep.dependencies ?? {}).reverse());
  }
  return warnIfEmpty(out, file, warnings);
};

/** The package a v1 entry installs: its own name and version, or the aliased ones (`npm:name@1.0.0`). */
function npmSpec(key: string, version: string | undefined): { name: string; version: string } | undefined {
  if (version?.startsWith('npm:')) {
    const spec = version.slice('npm:'.length);
    const at = spec.indexOf('@', 1);
    const real = spec.slice(at + 1);
    return at > 0 && isVersion(real) ? { name: spec.slice(0, at), version: real } : undefined;
  }
  return isVersion(version) ? { name: key, version } : undefined;
}

/** `{ line }` when the needle is found, else nothing. */
export function lineOf(lines: LineIndex, needle: string): { line?: number } {
  const line = lines.next(needle);
  return line === undefined ? {} : { line };
}
