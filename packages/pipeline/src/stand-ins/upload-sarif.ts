// github/codeql-action/upload-sarif: there is no code scanning here; the stand-in checks that the
// file is SARIF 2.1.0, counts its results, and keeps a copy in the run folder.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UserError } from '@slipway/action-kit/lite';
import type { StandIn } from './stand-in.js';

export const uploadSarif: StandIn = {
  uses: 'github/codeql-action/upload-sarif',
  description:
    'checks the SARIF 2.1.0 file, counts its results and keeps a copy in the run folder; nothing is uploaded',
  async run({ with: w, workspace, runDir, logger }) {
    const given = w.sarif_file || '../results';
    const path = resolve(workspace, given);
    if (!existsSync(path))
      throw new UserError(
        `sarif_file ${given} does not exist.`,
        { input: 'sarif_file' },
        'Upload a file the scan wrote.',
      );
    const files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => f.endsWith('.sarif'))
          .map((f) => join(path, f))
      : [path];
    const dir = join(runDir, 'sarif');
    mkdirSync(dir, { recursive: true });
    let results = 0;
    for (const file of files) {
      let sarif: { version?: string; runs?: { results?: unknown[] }[] };
      try {
        sarif = JSON.parse(readFileSync(file, 'utf8')) as typeof sarif;
      } catch (err) {
        throw new UserError(`${basename(file)} is not JSON: ${(err as Error).message}.`, { input: 'sarif_file' });
      }
      if (sarif.version !== '2.1.0' || !Array.isArray(sarif.runs))
        throw new UserError(`${basename(file)} is not SARIF 2.1.0 (version ${String(sarif.version)}).`, {
          input: 'sarif_file',
        });
      results += sarif.runs.reduce((n, r) => n + (r.results?.length ?? 0), 0);
      copyFileSync(file, join(dir, basename(file)));
    }
    logger.info(
      `upload-sarif (stand-in): ${files.length} SARIF file(s), ${results} result(s), kept in ${dir}; nothing is uploaded`,
    );
    return { 'sarif-id': '' };
  },
};
