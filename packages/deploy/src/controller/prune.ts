// Release folders the ledger no longer names are removed after a promotion: the stable, the
// canary and the last releases (kept for instant rollback) stay, nothing else piles up.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { environmentDir, type DeepReadonly, type LedgerDocument } from '../ledger.js';

/** Removes `<environment>/releases/<id>` folders of releases the ledger does not keep. */
export async function pruneReleases(
  stateDir: string,
  environment: string,
  doc: DeepReadonly<LedgerDocument>,
): Promise<string[]> {
  const keep = new Set([doc.stable?.id, doc.canary?.release.id, ...doc.releases.map((r) => r.id)]);
  const gone: string[] = [];
  // The release folders and the artifacts kept to redeploy them go together.
  for (const kind of ['releases', 'artifacts']) {
    const dir = join(environmentDir(stateDir, environment), kind);
    const names = await readdir(dir).catch((err: NodeJS.ErrnoException) =>
      err.code === 'ENOENT' ? [] : Promise.reject(err),
    );
    // Temporary folders of a copy in progress start with a dot; they belong to whoever makes them.
    for (const name of names.filter((n) => !n.startsWith('.') && !keep.has(n))) {
      await rm(join(dir, name), { recursive: true, force: true });
      if (kind === 'releases') gone.push(name);
    }
  }
  return gone;
}
