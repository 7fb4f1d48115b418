import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ManualClock } from '@slipway/action-kit/lite';
import { auditEntries } from '../src/audit-export.js';
import { Ledger, type ReleaseRecord, type Transition } from '../src/ledger.js';
import { deliveryMetrics, metricsMarkdown } from '../src/metrics.js';
import { makeTree, removeTree } from '../../../test/harness.js';

const H = 3_600_000;
const M = 60_000;
const ms = (iso: string): number => Date.parse(iso);

/** One audit line as the ledger writes it. */
function t(
  at: string,
  runId: string,
  from: Transition['from'],
  to: Transition['to'],
  weight: number,
  release: string,
  extra: Partial<Transition> = {},
): string {
  return JSON.stringify({ at: `${at}:00.000Z`, runId, from, to, weight, release, ...extra });
}

// Two weeks of prod, starting Monday 2024-01-01. Four deploys: a and d promoted, b rolled back
// during its canary, c failed readiness; then a rollback action replaces d with a.
const TRAIL = [
  // Deploy a (week 1), committed 08:00, promoted 10:16: lead time 2h16m = 8_160_000 ms.
  t('2024-01-01T10:00', 'r1', 'idle', 'starting', 0, 'a', { commitTime: '2024-01-01T08:00:00Z', actor: 'ann' }),
  t('2024-01-01T10:01', 'r1', 'starting', 'starting', 0, 'a', { commitTime: '2024-01-01T08:00:00Z' }),
  t('2024-01-01T10:02', 'r1', 'starting', 'ready', 0, 'a'),
  t('2024-01-01T10:05', 'r1', 'ready', 'stepping', 10, 'a'),
  t('2024-01-01T10:10', 'r1', 'stepping', 'stepping', 50, 'a'),
  t('2024-01-01T10:15', 'r1', 'stepping', 'promoting', 100, 'a'),
  t('2024-01-01T10:16', 'r1', 'promoting', 'promoted', 100, 'a'),
  // Deploy b (week 1): 10% of traffic, then aborted at 12:10 and rolled back at 12:12: a change
  // failure restored in 2m = 120_000 ms.
  t('2024-01-03T12:00', 'r2', 'idle', 'starting', 0, 'b', { commitTime: '2024-01-03T09:00:00Z' }),
  t('2024-01-03T12:01', 'r2', 'starting', 'ready', 0, 'b'),
  t('2024-01-03T12:05', 'r2', 'ready', 'stepping', 10, 'b'),
  t('2024-01-03T12:10', 'r2', 'stepping', 'aborting', 0, 'b', { note: 'step 1 at 10%: error rate 12%' }),
  t('2024-01-03T12:12', 'r2', 'aborting', 'rolled-back', 0, 'b', { note: 'step 1 at 10%: error rate 12%' }),
  'this line is not JSON',
  '{"at":"2024-01-05T00:00:00.000Z","from":"idle","to":"starting","weight":0}',
  // Deploy c (week 2): never ready, never had traffic: a deploy, not a change failure.
  t('2024-01-09T09:00', 'r3', 'idle', 'starting', 0, 'c', { commitTime: '2024-01-09T07:00:00Z' }),
  t('2024-01-09T09:01', 'r3', 'starting', 'starting', 0, 'c'),
  t('2024-01-09T09:03', 'r3', 'starting', 'aborting', 0, 'c', { note: 'c never became ready' }),
  t('2024-01-09T09:04', 'r3', 'aborting', 'failed', 0, 'c', { note: 'c never became ready' }),
  // Deploy d (week 2), committed 2024-01-10 06:00, paused at 25%, promoted by run r5 (whose own
  // commit time is not d's) on 2024-01-11 09:01: lead time 27h01m = 97_260_000 ms.
  t('2024-01-10T14:00', 'r4', 'idle', 'starting', 0, 'd', { commitTime: '2024-01-10T06:00:00Z' }),
  t('2024-01-10T14:02', 'r4', 'starting', 'ready', 0, 'd', { commitTime: '2024-01-10T06:00:00Z' }),
  t('2024-01-10T14:05', 'r4', 'ready', 'stepping', 25, 'd', { commitTime: '2024-01-10T06:00:00Z' }),
  t('2024-01-10T14:20', 'r4', 'stepping', 'paused', 25, 'd', { commitTime: '2024-01-10T06:00:00Z' }),
  t('2024-01-11T09:00', 'r5', 'paused', 'promoting', 100, 'd', { commitTime: '2024-01-11T08:00:00Z' }),
  t('2024-01-11T09:01', 'r5', 'promoting', 'promoted', 100, 'd', { commitTime: '2024-01-11T08:00:00Z' }),
  // The rollback action puts a back in place of d: d is a change failure, restored 31h after its
  // promotion (2024-01-11 09:01 to 2024-01-12 16:01) = 111_600_000 ms.
  t('2024-01-12T16:01', 'r6', 'idle', 'rolled-back', 0, 'a', { note: 'rollback: 5xx after deploy' }),
].join('\n');

const clock = new ManualClock(ms('2024-01-15T00:00:00Z'));
let state: string;
beforeEach(() => {
  state = makeTree({ 'prod/audit.jsonl': `${TRAIL}\n` }, 'slipway-metrics-');
});
afterEach(() => removeTree(state));

describe('deliveryMetrics', () => {
  it('computes the four figures of two weeks by hand', async () => {
    const m = await deliveryMetrics(state, 'prod', { since: ms('2024-01-01T00:00:00Z'), clock });
    expect(m).toMatchObject({
      environment: 'prod',
      since: '2024-01-01T00:00:00.000Z',
      until: '2024-01-15T00:00:00.000Z',
      days: 14,
      deploys: 4,
      skippedLines: 2,
      deploymentFrequency: { promotions: 2 },
      leadTime: {
        // (8_160_000 + 97_260_000) / 2
        medianMs: 52_710_000,
        // 8_160_000 + 0.9 × (97_260_000 − 8_160_000) = 8_160_000 + 80_190_000
        p90Ms: 88_350_000,
        samples: 2,
        withoutCommitTime: 0,
      },
      // b (rolled back at 10%) and d (replaced by the rollback action) of a, b, c, d.
      changeFailureRate: { failures: 2, deploys: 4, rate: 0.5 },
      // (120_000 + 111_600_000) / 2
      timeToRestore: { medianMs: 55_860_000, samples: 2 },
      weeks: [
        { week: '2024-01-01', deploys: 2, promotions: 1, failures: 1 },
        { week: '2024-01-08', deploys: 2, promotions: 1, failures: 1 },
      ],
    });
    // 2 promotions / 14 days
    expect(m.deploymentFrequency.perDay).toBeCloseTo(2 / 14, 10);
  });

  it.each([
    // Week 2 alone: c and d; d's rollback still finds d live.
    ['the second week', ms('2024-01-08T00:00:00Z'), ms('2024-01-15T00:00:00Z'), 2, 1, [97_260_000, 1], 1, 111_600_000],
    // Until before the rollback action: d is promoted and not (yet) a failure.
    [
      'up to before the rollback',
      ms('2024-01-08T00:00:00Z'),
      ms('2024-01-12T00:00:00Z'),
      2,
      1,
      [97_260_000, 1],
      0,
      null,
    ],
    // Since after every start: nothing counts, though the rollback is in the period.
    ['after the last deploy', ms('2024-01-12T00:00:00Z'), ms('2024-01-15T00:00:00Z'), 0, 0, [null, 0], 0, null],
  ] as const)(
    'counts deploys by their start: %s',
    async (_, since, until, deploys, promotions, lead, failures, ttr) => {
      const m = await deliveryMetrics(state, 'prod', { since, until, clock });
      expect(m.deploys).toBe(deploys);
      expect(m.deploymentFrequency.promotions).toBe(promotions);
      expect([m.leadTime.medianMs, m.leadTime.samples]).toEqual(lead);
      expect(m.changeFailureRate.failures).toBe(failures);
      expect(m.timeToRestore.medianMs).toBe(ttr);
    },
  );

  it('starts the period at the first transition when since is left out', async () => {
    const m = await deliveryMetrics(state, 'prod', { clock });
    expect(m.since).toBe('2024-01-01T10:00:00.000Z');
    expect(m.deploys).toBe(4);
  });

  it('leaves a promotion without a commit time out of the lead time, and says so', async () => {
    const dir = makeTree({
      'prod/audit.jsonl': [
        t('2024-01-01T10:00', 'r1', 'idle', 'starting', 0, 'a'),
        t('2024-01-01T10:01', 'r1', 'starting', 'promoting', 100, 'a'),
        t('2024-01-01T10:02', 'r1', 'promoting', 'promoted', 100, 'a'),
      ].join('\n'),
    });
    try {
      const m = await deliveryMetrics(dir, 'prod', { clock });
      expect(m.leadTime).toEqual({ medianMs: null, p90Ms: null, samples: 0, withoutCommitTime: 1 });
      expect(metricsMarkdown(m)).toContain('0 promotions with a commit time; 1 without a commit time');
    } finally {
      removeTree(dir);
    }
  });

  it.each([
    ['a missing trail', {}],
    ['an empty trail', { 'prod/audit.jsonl': '' }],
  ])('gives zeros for %s', async (_, files) => {
    const dir = makeTree(files);
    try {
      const m = await deliveryMetrics(dir, 'prod', { clock });
      expect(m).toMatchObject({
        deploys: 0,
        days: 0,
        weeks: [],
        skippedLines: 0,
        deploymentFrequency: { promotions: 0, perDay: 0 },
        changeFailureRate: { failures: 0, deploys: 0, rate: 0 },
        timeToRestore: { medianMs: null, samples: 0 },
      });
      const markdown = metricsMarkdown(m);
      expect(markdown).toContain('No deployments of prod in this period.');
      expect(markdown).not.toContain('```mermaid');
    } finally {
      removeTree(dir);
    }
  });
});

describe('metricsMarkdown', () => {
  it('shows the four figures in a table and the weeks in a mermaid chart', async () => {
    const markdown = metricsMarkdown(
      await deliveryMetrics(state, 'prod', { since: ms('2024-01-01T00:00:00Z'), clock }),
    );
    expect(markdown).toContain('2024-01-01 to 2024-01-15 (14 days)');
    expect(markdown).toContain('| Metric | Value | Detail |');
    // 2 promotions / 14 days × 7 = 1 a week
    expect(markdown).toContain('| Deployment frequency | 1 a week | 2 promoted of 4 deploys |');
    // 52_710_000 ms = 14h38m30s; 88_350_000 ms = 1 day + 1_950_000 ms = 1d32m30s
    expect(markdown).toContain('| Lead time for changes | median 14h38m30s, p90 1d32m30s |');
    expect(markdown).toContain('| Change failure rate | 50% | 2 of 4 deploys |');
    // 55_860_000 ms = 15h31m
    expect(markdown).toContain('| Time to restore | median 15h31m | 2 restores |');
    expect(markdown).toContain(
      [
        '```mermaid',
        'xychart-beta',
        '  title "Deploys (bars) and failures (line) per week"',
        '  x-axis ["2024-01-01", "2024-01-08"]',
        '  y-axis "Deploys" 0 --> 2',
        '  bar [2, 2]',
        '  line [1, 1]',
        '```',
      ].join('\n'),
    );
    expect(markdown).toContain('2 lines of audit.jsonl were not valid transitions and were skipped.');
  });
  it('charts the last 26 weeks of a longer period, keeping every week in the series', async () => {
    const m = await deliveryMetrics(state, 'prod', {
      since: ms('2023-01-02T00:00:00Z'),
      until: ms('2024-01-15T00:00:00Z'),
      clock,
    });
    // Mondays 2023-01-02 to 2024-01-08: 371 days apart, 371 / 7 + 1 = 54 weeks; the chart's first
    // is 2024-01-08 − 25 weeks = 2023-07-17.
    expect(m.weeks).toHaveLength(54);
    const chart = metricsMarkdown(m);
    expect(chart).toContain('title "Deploys (bars) and failures (line) per week, last 26"');
    expect(chart).toMatch(/x-axis \["2023-07-17", .*"2024-01-08"\]/);
    expect(chart).toContain(`bar [${[...Array<number>(24).fill(0), 2, 2].join(', ')}]`);
  });
});

describe('auditEntries', () => {
  it('streams the valid transitions of a window, oldest first, and reports the lines it skips', async () => {
    const invalid: number[] = [];
    const window = { since: ms('2024-01-03T12:05:00Z'), until: ms('2024-01-09T09:01:00Z') };
    const seen: string[] = [];
    for await (const e of auditEntries(state, 'prod', { ...window, onInvalid: (n) => invalid.push(n) }))
      seen.push(`${e.release} ${e.to}`);
    expect(seen).toEqual(['b stepping', 'b aborting', 'b rolled-back', 'c starting']);
    expect(invalid).toEqual([13, 14]);
  });

  it('refuses an environment name that would leave the state folder', async () => {
    await expect(auditEntries(state, '..').next()).rejects.toThrow(/is not an environment name/);
  });
});

describe('delivery metrics of a ledger', () => {
  const release = (id: string, at: number): ReleaseRecord => ({
    id,
    version: id,
    upstream: 'http://127.0.0.1:4001',
    startedAt: new Date(at).toISOString(),
  });

  it('reads the audit trail the Ledger writes', async () => {
    const T0 = ms('2024-02-05T09:00:00Z');
    const ledgerClock = new ManualClock(T0);
    const open = (commitTime: string) =>
      Ledger.open(state, 'staging', ledgerClock, { audit: { actor: 'ann', commit: 'c0ffee', commitTime } });

    // v1: committed an hour before T0, promoted 10 minutes after it: lead time 70m.
    let ledger = await open(new Date(T0 - H).toISOString());
    await ledger.transition({ to: 'starting', canary: release('v1', T0), weight: 0, stepIndex: 0 }, 'run-1');
    ledgerClock.advance(2 * M);
    await ledger.transition({ to: 'ready' }, 'run-1');
    await ledger.transition({ to: 'stepping', weight: 20, stepIndex: 0 }, 'run-1');
    ledgerClock.advance(8 * M);
    await ledger.transition({ to: 'promoting', weight: 100 }, 'run-1');
    await ledger.promote('run-1');

    // v2 at T0 + 1h, committed at T0 + 30m: 10% of traffic, aborted at +1h05m, rolled back at
    // +1h08m: a failure restored in 3m.
    ledgerClock.advance(50 * M);
    ledger = await open(new Date(T0 + 30 * M).toISOString());
    await ledger.transition({ to: 'starting', canary: release('v2', T0 + H), weight: 0, stepIndex: 0 }, 'run-2');
    await ledger.transition({ to: 'stepping', weight: 10, stepIndex: 0 }, 'run-2');
    ledgerClock.advance(5 * M);
    await ledger.transition({ to: 'aborting', weight: 0, note: 'error rate' }, 'run-2');
    ledgerClock.advance(3 * M);
    await ledger.abort('run-2', 'error rate');

    // At T0 + 3h a rollback action replaces v1 (promoted at T0 + 10m): a failure restored in 2h50m.
    ledgerClock.advance(3 * H - 68 * M);
    ledger = await open(new Date(T0).toISOString());
    await ledger.transition({ to: 'rolled-back', stable: release('v0', T0), note: 'rollback: 5xx' }, 'run-3');

    const audit = readFileSync(join(state, 'staging', 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(audit).toHaveLength(10);
    // The period ends before `until` (now): a transition written at this very millisecond is not in it.
    ledgerClock.advance(1);
    const m = await deliveryMetrics(state, 'staging', { clock: ledgerClock });
    expect(m).toMatchObject({
      deploys: 2,
      skippedLines: 0,
      deploymentFrequency: { promotions: 1 },
      leadTime: { medianMs: 70 * M, p90Ms: 70 * M, samples: 1, withoutCommitTime: 0 },
      changeFailureRate: { failures: 2, deploys: 2, rate: 1 },
      // (3m + 170m) / 2 = 86m30s
      timeToRestore: { medianMs: 86 * M + 30_000, samples: 2 },
      weeks: [{ week: '2024-02-05', deploys: 2, promotions: 1, failures: 2 }],
    });
  });
});
