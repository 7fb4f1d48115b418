import { PnpmLockSchema } from '../schemas.js';
import type { LockedPackage, LockfileParser } from '../types.js';
import { LineIndex, parseYamlLockfile, sriHashes } from '../util.js';
import { lineOf } from './npm.js';

/** Splits a pnpm package key of any lockfile version: `/a/1.0.0` (v5), `/a@1.0.0` (v6), `a@1.0.0(peer@2)` (v9). */
export function splitPnpmKey(key: string): { name: string; version: string } | undefined {
  const k = key.replace(/^\//, '').replace(/\(.*$/, '');
  const v6 = /^(@?[^@/]+(?:\/[^@/]+)?)@([^@/]+)$/.exec(k);
  if (v6) return { name: v6[1]!, version: v6[2]! };
  // v5: `name/version` with peers after an underscore (`/@scope/a/1.0.0_react@18.0.0`)
  const v5 = /^(@?[^@/]+(?:\/[^@/]+)?)\/([^/_]+)(?:_.*)?$/.exec(k);
  return v5 ? { name: v5[1]!, version: v5[2]! } : undefined;
}

/** pnpm-lock.yaml, lockfile versions 5, 6 and 9. */
export const parsePnpmLock: LockfileParser = (text, file) => {
  const doc = parseYamlLockfile(text, file, PnpmLockSchema);
  const lines = new LineIndex(text);
  const out: LockedPackage[] = [];
  for (const [key, entry] of Object.entries(doc.packages ?? {})) {
    const split = splitPnpmKey(key);
    const name = entry?.name ?? split?.name;
    const version = entry?.version ?? split?.version;
    if (!name || !version || /^(link|file|workspace):/.test(version)) continue;
    out.push({
      ecosystem: 'npm',
      name,
      version,
      dev: entry?.dev === true,
      hashes: sriHashes(entry?.resolution?.integrity),
      file,
      ...lineOf(lines, key),
    });
  }
  return out;
};
