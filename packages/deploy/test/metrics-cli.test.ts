import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { main, type CliIo } from '../../cli/src/cli.js';
import { makeTree, removeTree } from '../../../test/harness.js';

const H = 3_600_000;
const DAY = 24 * H;
// Relative to now, since `slipway metrics` looks back from the real clock (30 days by default).
const NOW = Date.now();
const iso = (ms: number): string => new Date(ms).toISOString();

function line(
  at: number,
  runId: string,
  from: string,
  to: string,
  weight: number,
  release: string,
  extra = {},
): string {
  return JSON.stringify({ at: iso(at), runId, from, to, weight, release, ...extra });
}

// Two deploys in the last 30 days: v1 committed 3h before its start and promoted 1h after it
// (lead time 4h); v2 never became ready (no traffic: not a change failure). One older deploy,
// 40 days ago, is outside the default period.
const TRAIL = [
  line(NOW - 40 * DAY, 'r0', 'idle', 'starting', 0, 'v0'),
  line(NOW - 40 * DAY + H, 'r0', 'starting', 'promoted', 100, 'v0'),
  line(NOW - 2 * DAY, 'r1', 'idle', 'starting', 0, 'v1', { commitTime: iso(NOW - 2 * DAY - 3 * H) }),
  line(NOW - 2 * DAY + H / 2, 'r1', 'starting', 'stepping', 50, 'v1'),
  line(NOW - 2 * DAY + H, 'r1', 'stepping', 'promoted', 100, 'v1'),
  'not a transition',
  line(NOW - DAY, 'r2', 'idle', 'starting', 0, 'v2'),
  line(NOW - DAY + 60_000, 'r2', 'starting', 'failed', 0, 'v2', { note: 'v2 never became ready' }),
].join('\n');

let dir: string;
beforeEach(() => {
  dir = makeTree({ 'prod/audit.jsonl': `${TRAIL}\n` }, 'slipway-metrics-cli-');
});
afterEach(() => removeTree(dir));

function io(): { out: string[]; err: string[]; io: CliIo } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, cwd: dir } };
}

describe('slipway metrics', () => {
  it('prints the table of the last 30 days', async () => {
    const run = io();
    expect(await main(['metrics', '--state-dir', dir, '--environment', 'prod'], run.io)).toBe(0);
    const printed = run.out.join('\n');
    expect(printed).toContain('## Delivery metrics of prod');
    // 1 promotion / 30 days × 7 = 0.2333… a week
    expect(printed).toContain('| Deployment frequency | 0.23 a week | 1 promoted of 2 deploys |');
    expect(printed).toContain('| Lead time for changes | median 4h, p90 4h | 1 promotion with a commit time |');
    expect(printed).toContain('| Change failure rate | 0% | 0 of 2 deploys |');
    expect(printed).toContain('| Time to restore | – | 0 restores |');
    expect(printed).toContain('```mermaid\nxychart-beta');
    expect(run.err.join('\n')).toContain('warning: 1 lines of the audit trail are not transitions: skipped');
  });

  it('gives the figures as JSON, over the period --since names', async () => {
    const run = io();
    expect(
      await main(['metrics', '--state-dir', dir, '--environment', 'prod', '--since', '60d', '--json'], run.io),
    ).toBe(0);
    const metrics = JSON.parse((JSON.parse(run.out.join('')) as { metrics: string }).metrics) as Record<
      string,
      unknown
    >;
    expect(metrics).toMatchObject({ deploys: 3, deploymentFrequency: { promotions: 2 }, skippedLines: 1 });
  });

  it('says which input is wrong for a since that is not a duration', async () => {
    const run = io();
    expect(await main(['metrics', '--state-dir', dir, '--since', 'a month'], run.io)).toBe(1);
    expect(run.err.join('\n')).toMatch(/since.*'a month' is not a duration/s);
  });
});

describe('slipway audit', () => {
  it('prints the trail as JSON lines, skipping what is not a transition', async () => {
    const run = io();
    expect(await main(['audit', '--state-dir', dir, '--environment', 'prod', '--json'], run.io)).toBe(0);
    const outputs = JSON.parse(run.out.join('')) as { entries: string; count: string };
    expect(outputs.count).toBe('7');
    const entries = outputs.entries.split('\n').map((l) => JSON.parse(l) as { release: string; to: string });
    expect(entries.map((e) => `${e.release} ${e.to}`)).toEqual([
      'v0 starting',
      'v0 promoted',
      'v1 starting',
      'v1 stepping',
      'v1 promoted',
      'v2 starting',
      'v2 failed',
    ]);
    expect(run.err.join('\n')).toContain('warning: audit.jsonl line 6 is not a transition: skipped');
  });

  it('keeps to the period --since names', async () => {
    const run = io();
    expect(await main(['audit', '--state-dir', dir, '--environment', 'prod', '--since', '36h', '--json'], run.io)).toBe(
      0,
    );
    expect((JSON.parse(run.out.join('')) as { count: string }).count).toBe('2');
  });
});
