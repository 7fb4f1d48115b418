// Child process for the benchmark: archives a folder with build-artifact's writer and reports
// wall time, peak RSS and digest as JSON on stdout.
import { selectFiles, writeArchive } from '@slipway/artifact';

const [root, out, mtime] = process.argv.slice(2) as [string, string, string];
const start = performance.now();
const { entries } = selectFiles({ root, include: ['**'], exclude: [], never: ['.git'] });
const result = await writeArchive({ entries, archivePath: out, mtime: Number(mtime) });
const ms = performance.now() - start;
process.stdout.write(
  JSON.stringify({
    ms,
    maxRssKiB: process.resourceUsage().maxRSS,
    digest: result.digest,
    size: result.size,
    files: result.files.length,
  }),
);
