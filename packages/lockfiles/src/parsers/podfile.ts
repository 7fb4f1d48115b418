import * as v from 'valibot';
import { optString, table, tableOf } from '../shape.js';
import type { LockedPackage, LockfileParser } from '../types.js';
import { dedupe, LineIndex, parseYamlLockfile } from '../util.js';
import { lineOf } from './npm.js';

/** Podfile.lock: `PODS` lists `Name (version)`, alone or as a key over its dependencies. */
const PodfileLockSchema = table({
  PODS: v.optional(v.nullable(v.array(v.union([v.string(), tableOf(v.unknown())])))),
  'EXTERNAL SOURCES': v.optional(v.nullable(tableOf(v.nullable(table({ ':path': optString() }))))),
});

/**
 * Podfile.lock (CocoaPods): each pod of `PODS` at its version, subspecs (`Firebase/Analytics`)
 * counted as their pod. Pods taken from a local `:path` are this repository's own code and are
 * left out. The ecosystem is 'CocoaPods', which OSV does not have: such packages go in the SBOM
 * but are not looked up. None is dev: the file does not say.
 */
export const parsePodfileLock: LockfileParser = (text, file) => {
  const doc = parseYamlLockfile(text, file, PodfileLockSchema);
  const local = new Set(
    Object.entries(doc['EXTERNAL SOURCES'] ?? {})
      .filter(([, source]) => source?.[':path'] !== undefined)
      .map(([name]) => name),
  );
  const lines = new LineIndex(text);
  const out: LockedPackage[] = [];
  for (const item of doc.PODS ?? []) {
    const spec = typeof item === 'string' ? item : (Object.keys(item)[0] ?? '');
    const m = /^([^\s/()]+)(?:\/\S+)?\s+\(([^()\s]+)\)$/.exec(spec.trim());
    if (!m || local.has(m[1]!)) continue;
    out.push({
      ecosystem: 'CocoaPods',
      name: m[1]!,
      version: m[2]!,
      dev: false,
      hashes: [],
      file,
      ...lineOf(lines, spec),
    });
  }
  return dedupe(out);
};
