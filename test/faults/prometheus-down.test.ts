// Fault 5: Prometheus dies during verify-health's analysis of a canary held at 25% (a deploy with
// auto-promote false), judged on PromQL alone (prometheus-url and queries, no url). Prometheus is
// really killed, after every run's first evaluation has passed; from the second evaluation on,
// each finds it unreachable, and the no-data input decides what that means: `fail` fails after
// failure-limit evaluations in a row (3), `inconclusive` ends inconclusive, `pass` passes saying
// the data was missing. verify-health only judges: the ledger and the traffic do not change.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { RecordingLogger, systemClock, type Http } from '@slipway/action-kit/lite';
import { evaluateQuery, parseQueries, verifyHealth, type NoDataPolicy, type VerifyResult } from '@slipway/health';
import { readFileSync } from 'node:fs';
import { startPrometheus } from '../../packages/health/test/prometheus.js';
import { needsTool } from '../harness.js';
import { answeredBy, Stage, stableId, until, untilServed } from './harness.js';

const QUERY = 'errors: faults_failed_total < 1';
const POLICIES: NoDataPolicy[] = ['fail', 'inconclusive', 'pass'];

let stage: Stage;
let prometheus: { url: string; stop(): void } | undefined;

/**
 * An Http seam per run (the real fetch) that holds each run's second request until every run has
 * made its first, then kills Prometheus and waits until its port refuses connections: every run
 * passes its first evaluation and meets a dead Prometheus from its second on, whatever the timing.
 */
function outageAfterFirstEvaluation(runs: number, kill: () => Promise<void>): () => Http {
  let arrived = 0;
  let open!: () => void;
  const down = new Promise<void>((r) => (open = r));
  return () => {
    let calls = 0;
    return (async (url, init) => {
      if (++calls === 2) {
        if (++arrived === runs) await kill().then(open);
        await down;
      }
      return fetch(url, init);
    }) as Http;
  };
}

async function refusing(url: string): Promise<boolean> {
  return fetch(`${url}/-/ready`).then(
    () => false,
    () => true,
  );
}

needsTool('prometheus').describe('fault 5: Prometheus goes down while verify-health judges a held canary', () => {
  beforeAll(async () => {
    stage = await Stage.open('local');
    expect((await stage.deployed(stage.plan('1.0.0'))).outcome).toMatchObject({ result: 'promoted' });
    const held = await stage.deployed(
      stage.plan('2.0.0', 'good', {
        steps: [25, 100].map((weight) => ({ weight, pauseMs: 0 })),
        autoPromote: false,
        stepAnalysisMs: 1000,
      }),
    );
    expect(held.outcome).toMatchObject({ result: 'paused', weight: 25 });
    const port = Number(new URL(stage.ledger().canary!.release.upstream).port);
    prometheus = await startPrometheus(port);
    // Up, and scraping the canary: the query has data before the fault.
    const check = parseQueries(QUERY)[0]!;
    const url = prometheus.url;
    await until(
      'Prometheus has scraped the canary',
      async () => (await evaluateQuery(url, check, fetch, 0)).passed === true,
    );
  }, 60_000);

  afterAll(async () => {
    prometheus?.stop();
    await stage?.close();
  }, 90_000);

  it('gives each no-data policy its documented verdict, and changes neither the ledger nor the traffic', async () => {
    const stable = stableId(stage);
    const canary = stage.ledger().canary!.release.id;
    const ledgerBefore = readFileSync(stage.ledgerPath, 'utf8');
    const load = stage.load();
    await untilServed(stage, canary);
    const prom = prometheus!;
    const seam = outageAfterFirstEvaluation(POLICIES.length, async () => {
      prom.stop();
      await until('Prometheus refuses connections', () => refusing(prom.url));
    });
    const results: VerifyResult[] = await Promise.all(
      POLICIES.map((noData) =>
        verifyHealth(
          {
            urls: [],
            spec: { method: 'GET', headers: {}, timeoutMs: 2000, expectStatus: () => true, insecureTls: false },
            waitMs: 0,
            retryDelayMs: 100,
            durationMs: 3000,
            rate: 1,
            maxErrorRate: 0.01,
            intervalMs: 500,
            prometheus: { url: prom.url, queries: parseQueries(QUERY), noData, http: seam() },
          },
          { clock: systemClock, logger: new RecordingLogger() },
        ),
      ),
    );
    const seen = await load.stop();

    const unreachable = `errors: Prometheus at ${prom.url} unreachable (ECONNREFUSED)`;
    const [fail, inconclusive, pass] = results as [VerifyResult, VerifyResult, VerifyResult];
    // fail: three unreachable evaluations in a row after the first passed, then it stops early.
    expect(fail).toMatchObject({ verdict: 'fail', reason: `query ${unreachable} for 3 evaluations in a row` });
    expect(fail.queries!.map((q) => q.passed)).toStrictEqual([true, 'no-data', 'no-data', 'no-data']);
    // inconclusive: every evaluation ran (3 s / 500 ms); the last had no data, and that decides.
    expect(inconclusive).toMatchObject({
      verdict: 'inconclusive',
      reason: `query ${unreachable} (no-data: inconclusive)`,
    });
    expect(inconclusive.queries!.map((q) => q.passed)).toStrictEqual([true, ...Array(5).fill('no-data')]);
    // pass: missing data counts as held, and the reason says it was missing.
    expect(pass).toMatchObject({
      verdict: 'pass',
      reason: `every query held over 3 s (6 evaluations): ${unreachable} (no-data: pass)`,
    });
    // verify-health judged; it moved nothing. Both releases served, and the stable one failed nothing.
    expect(readFileSync(stage.ledgerPath, 'utf8')).toBe(ledgerBefore);
    expect(stage.ledger().canary).toMatchObject({ phase: 'paused', weight: 25 });
    expect(seen.tally.byRelease[stable]).toMatchObject({ failed: 0 });
    expect(seen.tally.byRelease[stable]!.ok).toBeGreaterThan(0);
    expect(seen.tally.byRelease[canary]).toMatchObject({ failed: 0 });
    expect(seen.tally.unattributed).toStrictEqual({});
    expect(answeredBy(seen)).toStrictEqual(new Set([stable, canary]));
  });
});
