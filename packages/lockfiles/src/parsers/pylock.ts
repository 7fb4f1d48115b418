import * as v from 'valibot';
import { optString, table, tableOf } from '../shape.js';
import type { Hash, LockedPackage, LockfileParser } from '../types.js';
import { hexHash, LineIndex, parseTomlLockfile, pypiName } from '../util.js';
import { lineOf } from './npm.js';

const hashes = () => v.optional(table({ hashes: v.optional(tableOf(v.string())) }));

/** pylock.toml (PEP 751): `[[packages]]` with their sdist, wheels or archive. */
const PylockSchema = table({
  'default-groups': v.optional(v.array(v.string())),
  packages: v.optional(
    v.array(
      table({
        name: optString(),
        version: optString(),
        marker: optString(),
        directory: v.optional(table({})),
        sdist: hashes(),
        archive: hashes(),
        wheels: v.optional(v.array(table({ hashes: v.optional(tableOf(v.string())) }))),
      }),
    ),
  ),
});

const ALGS: Record<string, Hash['alg']> = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512', sha1: 'SHA-1' };

/**
 * pylock.toml and pylock.<name>.toml (PEP 751): every package with a version (a local directory is
 * this repository's own code). A package is dev when its marker installs it only for dependency
 * groups that are not among the file's `default-groups` (`'dev' in dependency_groups`).
 */
export const parsePylock: LockfileParser = (text, file) => {
  const doc = parseTomlLockfile(text, file, PylockSchema);
  const defaults = new Set(doc['default-groups'] ?? []);
  const lines = new LineIndex(text);
  const out: LockedPackage[] = [];
  for (const p of doc.packages ?? []) {
    if (!p.name || !p.version || p.directory) continue;
    const recorded = [p.sdist?.hashes, p.archive?.hashes, ...(p.wheels ?? []).map((w) => w.hashes)];
    out.push({
      ecosystem: 'PyPI',
      name: pypiName(p.name),
      version: p.version,
      dev: onlyForGroups(p.marker, defaults),
      hashes: recorded.flatMap(hashesOf).slice(0, 1),
      file,
      ...lineOf(lines, `name = "${p.name}"`),
    });
  }
  return out;
};

function hashesOf(byAlg: Record<string, string> | undefined): Hash[] {
  return Object.entries(byAlg ?? {}).flatMap(([alg, hex]) => (ALGS[alg] ? hexHash(hex, ALGS[alg]) : []));
}

/** True when every alternative (`or`) of a marker needs a dependency group outside the defaults. */
function onlyForGroups(marker: string | undefined, defaults: ReadonlySet<string>): boolean {
  if (!marker) return false;
  return marker.split(/\bor\b/).every((alternative) => {
    const groups = [...alternative.matchAll(/["']([^"']+)["']\s+in\s+dependency_groups\b/g)].map((m) => m[1]!);
    return groups.length > 0 && groups.every((g) => !defaults.has(g));
  });
}
