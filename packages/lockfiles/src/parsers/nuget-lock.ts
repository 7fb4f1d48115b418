import * as v from 'valibot';
import { optString, table, tableOf } from '../shape.js';
import type { Hash, LockedPackage, LockfileParser } from '../types.js';
import { LineIndex, dedupe, parseJsonLockfile } from '../util.js';
import { lineOf } from './npm.js';

/** packages.lock.json: target framework → package name → entry. */
const NuGetLockSchema = table({
  dependencies: v.optional(
    tableOf(tableOf(table({ type: optString(), resolved: optString(), contentHash: optString() }))),
  ),
});

/**
 * packages.lock.json (NuGet, `RestorePackagesWithLockFile`): the resolved version of every
 * package of every target framework, with its SHA-512 content hash. Project references
 * (`"type": "Project"`) are this repository's own code and are skipped. The file does not record
 * `PrivateAssets`, so none is dev.
 */
export const parseNuGetLock: LockfileParser = (text, file) => {
  const doc = parseJsonLockfile(text, file, NuGetLockSchema);
  const lines = new LineIndex(text);
  const out: LockedPackage[] = [];
  for (const packages of Object.values(doc.dependencies ?? {})) {
    for (const [name, entry] of Object.entries(packages)) {
      if (entry.type === 'Project' || !name || !entry.resolved) continue;
      out.push({
        ecosystem: 'NuGet',
        name,
        version: entry.resolved,
        dev: false,
        hashes: contentHash(entry.contentHash),
        file,
        ...lineOf(lines, `"${name}": {`),
      });
    }
  }
  return dedupe(out);
};

/** NuGet's contentHash: the base64 SHA-512 of the .nupkg. */
function contentHash(b64: string | undefined): Hash[] {
  if (!b64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return [];
  const bytes = Buffer.from(b64, 'base64');
  return bytes.length === 64 ? [{ alg: 'SHA-512', hex: bytes.toString('hex') }] : [];
}
