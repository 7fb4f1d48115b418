import { gzipSync } from 'node:zlib';
import { writeFileAtomic } from '@slipway/action-kit/lite';
import { buildSarif } from './sarif.js';
import { severityRank, type Finding, type ScannerName } from './types.js';

/** GitHub refuses SARIF uploads over 10 MB gzipped. */
export const SARIF_GZIP_LIMIT = 10 * 1024 * 1024;

/**
 * Writes the SARIF file atomically, within GitHub's limits: past 25,000 results a run keeps its
 * most severe, and when the gzipped file would pass 10 MB the least severe results are dropped
 * until it fits. Returns how many results were left out.
 */
export async function writeSarif(
  path: string,
  findings: readonly Finding[],
  scanners: readonly ScannerName[],
  version: string,
  limit = SARIF_GZIP_LIMIT,
): Promise<number> {
  let kept = [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  let dropped = 0;
  for (;;) {
    const built = buildSarif(kept, scanners, version);
    const text = `${JSON.stringify(built.log, null, 1)}\n`;
    if (gzipSync(text).length <= limit || kept.length === 0) {
      await writeFileAtomic(path, text);
      return dropped + built.dropped;
    }
    const cut = Math.ceil(kept.length / 4);
    dropped += cut;
    kept = kept.slice(0, kept.length - cut);
  }
}
