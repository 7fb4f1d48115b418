import * as v from 'valibot';
import { optString, table, tableOf } from '../shape.js';
import type { LockedPackage, LockfileParser } from '../types.js';
import { hexHash, LineIndex, parseYamlLockfile } from '../util.js';

/** pubspec.lock: `packages`, name → entry; a hosted package's `description` is a map. */
const PubspecLockSchema = table({
  packages: v.optional(
    v.nullable(
      tableOf(
        table({
          dependency: optString(),
          description: v.optional(v.union([v.string(), table({ name: optString(), sha256: optString() })])),
          source: optString(),
          version: optString(),
        }),
      ),
    ),
  ),
});

/**
 * pubspec.lock (Dart and Flutter): every package but the SDK's own (`source: sdk`) and local paths,
 * with the SHA-256 pub.dev records for hosted ones. `dependency: "direct dev"` is dev; the file
 * does not say which transitive packages only dev ones need.
 */
export const parsePubspecLock: LockfileParser = (text, file) => {
  const doc = parseYamlLockfile(text, file, PubspecLockSchema);
  const lines = new LineIndex(text);
  const out: LockedPackage[] = [];
  for (const [key, p] of Object.entries(doc.packages ?? {})) {
    if (!p.version || p.source === 'sdk' || p.source === 'path') continue;
    const description = typeof p.description === 'object' ? p.description : undefined;
    const name = description?.name || key;
    if (!name) continue;
    // The needle starts at the line break before the two-space key, so the key is on the next line.
    const at = lines.next(`\n  ${key}:`);
    out.push({
      ecosystem: 'Pub',
      name,
      version: p.version,
      dev: p.dependency === 'direct dev',
      hashes: hexHash(description?.sha256, 'SHA-256'),
      file,
      ...(at !== undefined ? { line: at + 1 } : {}),
    });
  }
  return out;
};
