// Child process for the benchmark: matches a lockfile tree against an offline OSV set and reports
// the time spent inside the scan (module loading excluded) as JSON.
import { RecordingLogger } from '@slipway/action-kit/lite';
import { scanDependencies } from '@slipway/security';

const [root, db] = process.argv.slice(2) as [string, string];
const start = performance.now();
const r = await scanDependencies(root, { kind: 'offline', path: db }, new RecordingLogger());
process.stdout.write(
  JSON.stringify({
    ms: performance.now() - start,
    findings: r.findings.length,
    packages: r.packages,
    records: r.records,
    maxRssKiB: process.resourceUsage().maxRSS,
  }),
);
