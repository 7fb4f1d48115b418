import * as v from 'valibot';
import { checkLockfile, optString, table, tableOf } from '../shape.js';
import type { LockedPackage, LockfileParser } from '../types.js';
import { LineIndex, parseJsonLockfile, sriHashes } from '../util.js';
import { lineOf } from './npm.js';

const npmPackages = () => v.optional(tableOf(table({ integrity: optString() })));

/** Version 2 keeps npm packages under `npm.packages`, version 3 under `packages.npm`, 4 and 5 under `npm`. */
const SCHEMAS = {
  '2': table({ npm: v.optional(table({ packages: npmPackages() })) }),
  '3': table({ packages: v.optional(table({ npm: npmPackages() })) }),
  current: table({ npm: npmPackages() }),
};

/**
 * deno.lock, versions 2 to 5: the npm packages, keyed `name@version` (with `_peer@version`
 * suffixes for peer variants). JSR packages and remote modules are left out: OSV has no ecosystem
 * for them and the SBOM no purl type. Version 1 (no `version` field) holds only remote modules.
 * deno.lock does not say what is only for tests, so none is dev.
 */
export const parseDenoLock: LockfileParser = (text, file) => {
  const doc = parseJsonLockfile(text, file, table({ version: v.optional(v.string()) }));
  if (doc.version === undefined) return [];
  const npm =
    doc.version === '2'
      ? checkLockfile(SCHEMAS['2'], doc, text, file).npm?.packages
      : doc.version === '3'
        ? checkLockfile(SCHEMAS['3'], doc, text, file).packages?.npm
        : checkLockfile(SCHEMAS.current, doc, text, file).npm;
  const lines = new LineIndex(text);
  const out: LockedPackage[] = [];
  for (const [key, entry] of Object.entries(npm ?? {})) {
    const m = /^(@?[^@]+)@([^_]+)(?:_.*)?$/.exec(key);
    if (!m) continue;
    out.push({
      ecosystem: 'npm',
      name: m[1]!,
      version: m[2]!,
      dev: false,
      hashes: sriHashes(entry.integrity),
      file,
      ...lineOf(lines, `"${key}": {`),
    });
  }
  return out;
};
