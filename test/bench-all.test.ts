// npm run bench:all's pure parts: the summary lines benches append and the one table made of them,
// the seam doing nothing outside bench:all, and its list of benches kept complete (a new
// bench/*.bench.ts must be run by it or be skipped by name). Runs no bench.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { BENCHES, SKIPPED, lastError, loudLine, parseOptions } from '../bench/all.js';
import {
  SUMMARY_ENV,
  formatNumber,
  formatRatio,
  formatSummaryTable,
  parseSummary,
  ratioOf,
  recordRatio,
} from '../bench/summary.js';
import { REPO, makeTree, removeTree } from './harness.js';

const saved = process.env[SUMMARY_ENV];
afterEach(() => {
  if (saved === undefined) delete process.env[SUMMARY_ENV];
  else process.env[SUMMARY_ENV] = saved;
});

describe('recordRatio', () => {
  it('does nothing when SLIPWAY_BENCH_SUMMARY is unset or empty', () => {
    const dir = makeTree({});
    try {
      delete process.env[SUMMARY_ENV];
      expect(() => recordRatio({ bench: 'x', measure: 'm', slipway: 1, peer: 'p', peerValue: 2 })).not.toThrow();
      process.env[SUMMARY_ENV] = '';
      recordRatio({ bench: 'x', measure: 'm', slipway: 1, peer: 'p', peerValue: 2 });
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      removeTree(dir);
    }
  });

  it('appends one JSON line per call, with the ratio computed when left out, that parseSummary reads back', () => {
    const dir = makeTree({});
    try {
      const file = join(dir, 'summary.jsonl');
      process.env[SUMMARY_ENV] = file;
      recordRatio({ bench: 'a', measure: 'wall', slipway: 50, peer: 'tar', peerValue: 200, unit: 'ms' });
      recordRatio({ bench: 'a', measure: 'recall', slipway: 99, peer: 'gitleaks', peerValue: 90, better: 'higher' });
      recordRatio({ bench: 'b', measure: 'alone', slipway: 3, peer: 'no peer or goal', unit: 's' });
      recordRatio({ bench: 'b', measure: 'given', slipway: 3, peer: 'p', peerValue: 0, ratio: 7 });
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      expect(lines).toHaveLength(4);
      const { entries, errors } = parseSummary(readFileSync(file, 'utf8'));
      expect(errors).toEqual([]);
      expect(entries.map((e) => e.ratio)).toEqual([0.25, 1.1, undefined, 7]);
      expect(entries[1]!.better).toBe('higher');
    } finally {
      removeTree(dir);
    }
  });
});

describe('parseSummary', () => {
  it('keeps the valid lines and names the others', () => {
    const text = [
      JSON.stringify({ bench: 'a', measure: 'm', slipway: 1, peer: 'p' }),
      '',
      'not json',
      JSON.stringify({ bench: 'a', measure: 'm', slipway: '1', peer: 'p' }),
      JSON.stringify([1, 2]),
    ].join('\n');
    const { entries, errors } = parseSummary(text);
    expect(entries).toHaveLength(1);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^line 3 is not JSON/);
    expect(errors[1]).toMatch(/^line 4 lacks/);
  });
});

describe('the table', () => {
  it('formats figures and ratios', () => {
    expect(formatNumber(16654.2)).toBe('16654');
    expect(formatNumber(33)).toBe('33');
    expect(formatNumber(18.36)).toBe('18.4');
    expect(formatNumber(2.054)).toBe('2.05');
    expect(formatNumber(0.36)).toBe('0.36');
    expect(formatNumber(0.0123)).toBe('0.012');
    expect(formatRatio({ ratio: 0.0685 })).toBe('0.07x');
    expect(formatRatio({ ratio: 26.88 })).toBe('26.9x');
    expect(formatRatio({ ratio: 1.03, better: 'higher' })).toBe('1.03x ↑');
    expect(formatRatio({})).toBe('—');
    expect(ratioOf(1, 0)).toBeUndefined();
    expect(ratioOf(1, undefined)).toBeUndefined();
    expect(ratioOf(1, 4)).toBe(0.25);
  });

  it('is one row per figure, benches in the order given, status rows after their figures, notes below', () => {
    const table = formatSummaryTable(
      [
        { bench: 'b', measure: 'wall | time', slipway: 1141, peer: 'find', peerValue: 390, unit: 'ms', ratio: 2.93 },
        {
          bench: 'a',
          measure: 'recall',
          slipway: 100,
          peer: 'gitleaks',
          peerValue: 82.1,
          unit: '%',
          ratio: 1.218,
          better: 'higher',
          note: 'n1',
        },
        {
          bench: 'a',
          measure: 'time',
          slipway: 0.86,
          peer: 'gitleaks',
          peerValue: 2.02,
          unit: 's',
          ratio: 0.426,
          note: 'n1',
        },
        { bench: 'b', measure: 'alone', slipway: 3, peer: 'no peer or goal', unit: 'findings' },
      ],
      [
        { bench: 'b', status: 'skipped: nginx is not installed' },
        { bench: 'c', status: 'not run: no control plane' },
      ],
      ['a', 'b', 'c'],
    );
    expect(table.split('\n')).toEqual([
      '| bench | measure | slipway | peer / floor / goal | ratio |',
      '|---|---|---|---|---|',
      '| a | recall [1] | 100% | gitleaks: 82.1% | 1.22x ↑ |',
      '| a | time [1] | 0.86 s | gitleaks: 2.02 s | 0.43x |',
      '| b | wall \\| time | 1141 ms | find: 390 ms | 2.93x |',
      '| b | alone | 3 findings | no peer or goal | — |',
      '| b | skipped: nginx is not installed | — | — | — |',
      '| c | not run: no control plane | — | — | — |',
      '',
      '- [1] n1',
    ]);
  });
});

describe("bench:all's list", () => {
  const files = readdirSync(join(REPO, 'bench')).filter((f) => f.endsWith('.bench.ts'));
  const scripts = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts;

  it('runs every bench/*.bench.ts but the ones skipped by name', () => {
    const listed = new Set(BENCHES.map((b) => b.script));
    const forgotten = files.filter((f) => !listed.has(`bench/${f}`) && !(f.replace(/\.bench\.ts$/, '') in SKIPPED));
    expect(forgotten).toEqual([]);
    for (const name of Object.keys(SKIPPED)) expect(files).toContain(`${name}.bench.ts`);
    expect(BENCHES.filter((b) => b.name in SKIPPED)).toEqual([]);
  });

  it('names files that exist, each with its own npm script, and no bench twice', () => {
    for (const b of BENCHES) {
      expect(existsSync(join(REPO, b.script))).toBe(true);
      expect(b.script).toBe(`bench/${b.name}.bench.ts`);
      expect(scripts[b.npm]).toContain(b.script);
    }
    expect(new Set(BENCHES.map((b) => b.name)).size).toBe(BENCHES.length);
    expect(scripts['bench:all']).toBe('node --import tsx bench/all.ts');
  });

  it('reads its options', () => {
    expect(parseOptions([])).toMatchObject({ quick: false, writeReadme: false, timeoutMin: 120 });
    expect(parseOptions(['--quick', '--only', 'canary,cold-start', '--write-readme'])).toMatchObject({
      quick: true,
      only: ['canary', 'cold-start'],
      writeReadme: true,
      timeoutMin: 30,
    });
    expect(parseOptions(['--only=deps-peer', '--timeout=5'])).toMatchObject({ only: ['deps-peer'], timeoutMin: 5 });
    expect(() => parseOptions(['--only', 'nope'])).toThrow(/no bench named nope/);
    expect(() => parseOptions(['--fast'])).toThrow(/unknown option/);
    expect(() => parseOptions(['--timeout', '0'])).toThrow(/--timeout/);
  });

  it("turns a bench's loud lines into rows: a missing tool is a skip, a failed part a failure", () => {
    expect(
      loudLine('canary', "*** SKIPPED LOUDLY: 'nginx' is not installed here (run 'bash test/setup.sh' as root). ***"),
    ).toEqual({
      row: { bench: 'canary', status: "skipped: 'nginx' is not installed here (run 'bash test/setup.sh' as root)." },
      failed: false,
    });
    expect(loudLine('k8s-abort', '*** istio FAILED: Error: no route')).toEqual({
      row: { bench: 'k8s-abort', status: 'FAILED: istio FAILED: Error: no route' },
      failed: true,
    });
    expect(loudLine('canary', '- *** SKIPPED LOUDLY: in the notes ***')).toBeUndefined();
    expect(loudLine('canary', 'added p50 0.95 ms')).toBeUndefined();
  });

  it('finds the line that says why a bench crashed', () => {
    expect(
      lastError([
        'generating the tree…',
        'Error: rg failed on patterns-0.txt (exit 2)',
        '    at file:///work/bench/security-scan.bench.ts:80:5',
        'Node.js v20.20.2',
      ]),
    ).toBe('Error: rg failed on patterns-0.txt (exit 2)');
    expect(lastError(['something odd', 'Node.js v20.20.2'])).toBe('something odd');
    expect(lastError([])).toBe('');
  });
});
