// Benchmark of verify-health's judgement against local services at 200 requests/s per service:
//  (a) a candidate with 5% errors against a baseline with 0.1%: seconds to a fail verdict;
//  (b) a candidate 150 ms slower at the median: seconds to fail;
//  (c) identical healthy candidate and baseline: false fail verdicts over N runs of S seconds
//      (BENCH_FALSE_RUNS, BENCH_FALSE_SECONDS; the issue's figure is 100 runs of 30 s);
//  and the probe engine at 1,000 probes/s against a service that answers at once.
// Run: npm run bench:health   (add --write-readme to update README.md)
import { RecordingLogger, systemClock } from '@slipway/action-kit/lite';
import { parseStatusRanges, verifyHealth, type VerifyOptions } from '@slipway/health';
import { httpServer } from '../packages/health/test/servers.js';
import { writeBenchBlock } from './readme.js';
import { recordRatio } from './summary.js';

const falseRuns = Number(process.env.BENCH_FALSE_RUNS ?? 100);
const falseSeconds = Number(process.env.BENCH_FALSE_SECONDS ?? 30);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

const spec: VerifyOptions['spec'] = {
  method: 'GET',
  headers: {},
  timeoutMs: 2000,
  expectStatus: parseStatusRanges('200-399'),
  insecureTls: false,
};
const base = (cand: string, baseline: string, seconds: number): VerifyOptions => ({
  urls: [cand],
  baselineUrls: [baseline],
  spec,
  waitMs: 5000,
  retryDelayMs: 100,
  durationMs: seconds * 1000,
  rate: 200,
  maxErrorRate: 0.01,
  intervalMs: 1000,
});

async function timeToFail(
  candFaults: Parameters<typeof httpServer>[0],
  baseFaults: Parameters<typeof httpServer>[0],
): Promise<{ seconds: number; reason: string }> {
  const c = await httpServer(candFaults);
  const b = await httpServer(baseFaults);
  const r = await verifyHealth(base(c.url, b.url, 120), { clock: systemClock, logger: new RecordingLogger() });
  await Promise.all([c.close(), b.close()]);
  if (r.verdict !== 'fail') return { seconds: Infinity, reason: r.reason };
  const m = /after (\d+) s|(\d+) s into the soak/.exec(r.reason);
  return { seconds: Number(m?.[1] ?? m?.[2] ?? NaN), reason: r.reason };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log('(a) 5% errors against 0.1%…');
const a: { seconds: number; reason: string }[] = [];
for (let i = 0; i < rounds; i++) a.push(await timeToFail({ failEvery: 20 }, { failEvery: 1000 }));
console.log('(b) +150 ms…');
const b: { seconds: number; reason: string }[] = [];
for (let i = 0; i < rounds; i++) b.push(await timeToFail({ delayMs: 150 }, {}));

console.log(`(c) ${falseRuns} runs of ${falseSeconds} s with identical services…`);
let falseFails = 0;
const falseReasons: string[] = [];
for (let i = 0; i < falseRuns; i++) {
  const c = await httpServer();
  const s = await httpServer();
  const r = await verifyHealth(base(c.url, s.url, falseSeconds), { clock: systemClock, logger: new RecordingLogger() });
  await Promise.all([c.close(), s.close()]);
  if (r.verdict === 'fail') {
    falseFails++;
    falseReasons.push(r.reason);
  }
}

console.log('probe engine at 1,000 probes/s…');
const fast = await httpServer();
const engine = await verifyHealth(
  {
    urls: [fast.url],
    spec,
    waitMs: 5000,
    retryDelayMs: 100,
    durationMs: 10_000,
    rate: 1000,
    maxErrorRate: 0.01,
    intervalMs: 1000,
  },
  { clock: systemClock, logger: new RecordingLogger() },
);
await fast.close();

const table = [
  `Local services at 200 requests/s each, interval 1 s, defaults otherwise (alpha 1%, error SLO 1%); ${rounds} runs per fault, median; node ${process.version}, 2 cores.`,
  '',
  '| fault | slipway time to fail | Flagger, documented example | Argo Rollouts, documented example |',
  '|---|---|---|---|',
  `| (a) candidate 5% errors, baseline 0.1% | ${median(a.map((x) => x.seconds))} s | ≈ 10 min (interval 1m × threshold 10; ≈ 1 min at code defaults) | ≈ 15 min (interval 5m, failureLimit 3: fails at the 4th failed measurement) |`,
  `| (b) candidate +150 ms median latency | ${median(b.map((x) => x.seconds))} s | ≈ 10 min | ≈ 15 min |`,
  '',
  `(c) identical healthy candidate and baseline, ${falseRuns} runs of ${falseSeconds} s: ${falseFails} false fail verdict${falseFails === 1 ? '' : 's'}${falseReasons.length ? ` (${falseReasons[0]})` : ''}.`,
  '',
  `Probe engine: asked for 1,000 probes/s for 10 s, made ${engine.samples} (${(engine.samples / 10).toFixed(0)}/s); against a service that answers at once the client measured p50 ${engine.p50} ms, p95 ${engine.p95} ms, p99 ${engine.p99} ms, which bounds the client's own overhead in every latency it reports.`,
  '',
  `Reasons seen: (a) ${a[0]?.reason}; (b) ${b[0]?.reason}.`,
].join('\n');
console.log(table);
// For npm run bench:all: detection times against the peers' documented examples, and false alarms
// against the judge's alpha.
const flagger = 'Flagger, documented example (≈ 10 min)';
recordRatio({
  bench: 'verify-health',
  measure: 'canary detection: 5% errors, time to fail',
  slipway: median(a.map((x) => x.seconds)),
  peer: flagger,
  peerValue: 600,
  unit: 's',
  note: 'the peers are not run here: their documented example configurations',
});
recordRatio({
  bench: 'verify-health',
  measure: 'canary detection: +150 ms, time to fail',
  slipway: median(b.map((x) => x.seconds)),
  peer: flagger,
  peerValue: 600,
  unit: 's',
  note: 'the peers are not run here: their documented example configurations',
});
recordRatio({
  bench: 'verify-health',
  measure: `false alarms: identical services, ${falseRuns} runs of ${falseSeconds} s`,
  slipway: (100 * falseFails) / falseRuns,
  peer: 'goal: alpha',
  peerValue: 1,
  unit: '%',
});
if (process.argv.includes('--write-readme')) writeBenchBlock('bench-health', table, 'npm run bench:health');
