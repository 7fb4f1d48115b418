import { NpmLockSchema, type NpmV1Dep } from '../schemas.js';
import type { LockedPackage, LockfileParser } from '../types.js';
import { LineIndex, parseJsonLockfile, sriHashes } from '../util.js';

/** package-lock.json and npm-shrinkwrap.json, lockfileVersion 1, 2 and 3. */
export const parseNpmLock: LockfileParser = (text, file) => {
  const doc = parseJsonLockfile(text, file, NpmLockSchema);
  const lines = new LineIndex(text);
  const out: LockedPackage[] = [];
  if (doc.packages) {
    for (const [key, entry] of Object.entries(doc.packages)) {
      if (key === '' || entry.link || entry.version === undefined) continue;
      const at = key.lastIndexOf('node_modules/');
      if (at < 0) continue; // a workspace folder, not an installed package
      const name = entry.name ?? key.slice(at + 'node_modules/'.length);
      out.push({
        ecosystem: 'npm',
        name,
        version: entry.version,
        dev: entry.dev === true || entry.devOptional === true,
        hashes: sriHashes(entry.integrity),
        file,
        ...lineOf(lines, `"${key}"`),
      });
    }
    return out;
  }
  const walk = (deps: Record<string, NpmV1Dep> | undefined): void => {
    for (const [name, dep] of Object.entries(deps ?? {})) {
      if (dep.version !== undefined && !dep.version.startsWith('file:')) {
        out.push({
          ecosystem: 'npm',
          name,
          version: dep.version,
          dev: dep.dev === true,
          hashes: sriHashes(dep.integrity),
          file,
          ...lineOf(lines, `"${name}": {`),
        });
      }
      walk(dep.dependencies);
    }
  };
  walk(doc.dependencies);
  return out;
};

/** `{ line }` when the needle is found, else nothing. */
export function lineOf(lines: LineIndex, needle: string): { line?: number } {
  const line = lines.next(needle);
  return line === undefined ? {} : { line };
}
