import { BunLockSchema } from '../schemas.js';
import type { LockedPackage, LockfileParser } from '../types.js';
import { LineIndex, parseJsonLockfile, sriHashes } from '../util.js';
import { lineOf } from './npm.js';

/** bun.lock (text, JSON with trailing commas): `packages` maps a key to `[ "name@version", registry, meta, integrity ]`. */
export const parseBunLock: LockfileParser = (text, file) => {
  const doc = parseJsonLockfile(text.replace(/,(\s*[}\]])/g, '$1'), file, BunLockSchema);
  const lines = new LineIndex(text);
  const out: LockedPackage[] = [];
  for (const [key, entry] of Object.entries(doc.packages ?? {})) {
    const spec = entry[0];
    if (typeof spec !== 'string') continue;
    const at = spec.lastIndexOf('@');
    if (at <= 0) continue;
    const version = spec.slice(at + 1);
    if (/^(workspace|link|file|git|github):/.test(version)) continue;
    const integrity = entry.find((v, i) => i > 0 && typeof v === 'string' && /^sha\d+-/.test(v));
    out.push({
      ecosystem: 'npm',
      name: spec.slice(0, at),
      version,
      dev: false,
      hashes: sriHashes(integrity),
      file,
      ...lineOf(lines, `"${key}": [`),
    });
  }
  return out;
};
