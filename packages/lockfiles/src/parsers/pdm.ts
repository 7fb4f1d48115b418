import * as v from 'valibot';
import { optBoolean, optString, table } from '../shape.js';
import type { LockedPackage, LockfileParser } from '../types.js';
import { hexHash, LineIndex, parseTomlLockfile, pypiName } from '../util.js';
import { lineOf } from './npm.js';

/** pdm.lock: `[[package]]` tables. */
const PdmLockSchema = table({
  package: v.optional(
    v.array(
      table({
        name: optString(),
        version: optString(),
        groups: v.optional(v.array(v.string())),
        files: v.optional(v.array(table({ hash: optString() }))),
        editable: optBoolean(),
        path: optString(),
      }),
    ),
  ),
});

/**
 * pdm.lock: every `[[package]]` with a version, except local paths and editable installs (this
 * repository's own code). Since lock format 4.4 each package lists its groups: one outside the
 * `default` group is dev; older files do not say, and nothing is dev.
 */
export const parsePdmLock: LockfileParser = (text, file) => {
  const doc = parseTomlLockfile(text, file, PdmLockSchema);
  const lines = new LineIndex(text);
  const out: LockedPackage[] = [];
  for (const p of doc.package ?? []) {
    if (!p.name || !p.version || p.editable || p.path !== undefined) continue;
    out.push({
      ecosystem: 'PyPI',
      name: pypiName(p.name),
      version: p.version,
      dev: p.groups !== undefined && p.groups.length > 0 && !p.groups.includes('default'),
      hashes: (p.files ?? []).flatMap((f) => hexHash(f.hash)).slice(0, 1),
      file,
      ...lineOf(lines, `name = "${p.name}"`),
    });
  }
  return out;
};
