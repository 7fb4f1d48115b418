// The seam between each benchmark and `npm run bench:all`: a bench calls recordRatio() for each of
// its headline figures (one it already computed for its own table), and when the environment names
// a summary file (SLIPWAY_BENCH_SUMMARY, set by bench/all.ts) one JSON line is appended to it. Run on
// its own, a bench records nothing. bench/all.ts reads the lines back (parseSummary) and prints one
// table of them (formatSummaryTable).
//
// A ratio is always slipway's figure divided by the peer's (or the floor's, or the goal's), so that
// below 1 is better for times, sizes, memory and false alarms; where more is better (recall,
// agreement), the entry says `better: 'higher'` and the table marks the ratio with ↑.
import { appendFileSync } from 'node:fs';

/** The environment variable naming the file that summary lines are appended to. */
export const SUMMARY_ENV = 'SLIPWAY_BENCH_SUMMARY';

/** One headline figure of one bench, measured beside its peer, floor or goal in the same run. */
export interface RatioEntry {
  /** The bench's name as bench:all lists it, e.g. `detect-stack`. */
  bench: string;
  /** What is compared, e.g. `wall time vs walk floor`. */
  measure: string;
  /** slipway's figure, in `unit`. */
  slipway: number;
  /** Who or what slipway is compared with: a peer tool, a floor (`find -type f`), or a goal (`goal: < 3 s`). */
  peer: string;
  /** The peer's (floor's, goal's) figure in the same unit, when it has one. */
  peerValue?: number;
  /** slipway ÷ peer; computed from `slipway` and `peerValue` when left out; absent when there is nothing to divide by. */
  ratio?: number;
  /** The unit of both figures: `ms`, `s`, `MiB`, `%`, or a noun such as `findings`; none for a plain count. */
  unit?: string;
  /** Which way is better; `lower` (the default) for times, sizes and false alarms, `higher` for recall and agreement. */
  better?: 'lower' | 'higher';
  /** A short caveat printed under the table (e.g. `slipway in process, the peer as a whole process`). */
  note?: string;
}

/** slipway ÷ peer when both are finite and the peer is not 0; undefined otherwise. */
export function ratioOf(slipway: number, peerValue: number | undefined): number | undefined {
  if (peerValue === undefined || !Number.isFinite(slipway) || !Number.isFinite(peerValue) || peerValue === 0)
    return undefined;
  return slipway / peerValue;
}

/**
 * Appends one JSON line for `entry` to the file named by SLIPWAY_BENCH_SUMMARY; does nothing when
 * that variable is unset or empty (a bench run on its own). Fills in the ratio when it can.
 */
export function recordRatio(entry: RatioEntry): void {
  const file = process.env[SUMMARY_ENV];
  if (!file) return;
  const ratio = entry.ratio ?? ratioOf(entry.slipway, entry.peerValue);
  appendFileSync(file, `${JSON.stringify({ ...entry, ...(ratio !== undefined ? { ratio } : {}) })}\n`);
}

/** Reads summary lines back: the entries, and one message per line that is not a valid entry. */
export function parseSummary(text: string): { entries: RatioEntry[]; errors: string[] } {
  const entries: RatioEntry[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let doc: unknown;
    try {
      doc = JSON.parse(line);
    } catch {
      errors.push(`line ${i + 1} is not JSON: ${line.slice(0, 80)}`);
      return;
    }
    const e = doc as Partial<RatioEntry>;
    if (
      typeof e !== 'object' ||
      e === null ||
      typeof e.bench !== 'string' ||
      typeof e.measure !== 'string' ||
      typeof e.slipway !== 'number' ||
      typeof e.peer !== 'string'
    ) {
      errors.push(`line ${i + 1} lacks bench, measure, slipway or peer: ${line.slice(0, 80)}`);
      return;
    }
    entries.push(e as RatioEntry);
  });
  return { entries, errors };
}

/** A figure with about three significant digits: 16654, 1141, 2.05, 0.36, 0.012. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const a = Math.abs(n);
  if (a >= 100 || Number.isInteger(n)) return n.toFixed(0);
  if (a >= 10) return n.toFixed(1);
  if (a >= 1) return n.toFixed(2);
  return n.toPrecision(2).replace(/0+$/, '').replace(/\.$/, '');
}

/** A figure and its unit: `1141 ms`, `100%`, `33 findings`, `3`. */
export function formatValue(n: number, unit?: string): string {
  if (!unit) return formatNumber(n);
  return unit === '%' ? `${formatNumber(n)}%` : `${formatNumber(n)} ${unit}`;
}

/** The ratio cell: `0.07x`, `1.03x ↑` for higher-is-better, `—` when there is none. */
export function formatRatio(e: Pick<RatioEntry, 'ratio' | 'better'>): string {
  if (e.ratio === undefined || !Number.isFinite(e.ratio)) return '—';
  const r = Math.abs(e.ratio) >= 10 ? e.ratio.toFixed(1) : e.ratio.toFixed(2);
  return `${r}x${e.better === 'higher' ? ' ↑' : ''}`;
}

/** A row that is not a figure: a bench that was not run, failed, or skipped a part. */
export interface StatusRow {
  bench: string;
  status: string;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The one table: bench | measure | slipway | peer / floor / goal | ratio, entries in the order given
 * (each bench's status rows after its figures), notes as numbered footnotes below it.
 */
export function formatSummaryTable(entries: RatioEntry[], status: StatusRow[] = [], order?: string[]): string {
  const benches = [...new Set([...(order ?? []), ...entries.map((e) => e.bench), ...status.map((s) => s.bench)])];
  const notes: string[] = [];
  const noteRef = (note: string | undefined): string => {
    if (!note) return '';
    let i = notes.indexOf(note);
    if (i < 0) i = notes.push(note) - 1;
    return ` [${i + 1}]`;
  };
  const rows: string[] = [];
  for (const bench of benches) {
    for (const e of entries.filter((x) => x.bench === bench)) {
      const peer = e.peerValue !== undefined ? `${e.peer}: ${formatValue(e.peerValue, e.unit)}` : e.peer;
      rows.push(
        `| ${cell(bench)} | ${cell(e.measure)}${noteRef(e.note)} | ${formatValue(e.slipway, e.unit)} | ${cell(peer)} | ${formatRatio(e)} |`,
      );
    }
    for (const s of status.filter((x) => x.bench === bench))
      rows.push(`| ${cell(bench)} | ${cell(s.status)} | — | — | — |`);
  }
  return [
    '| bench | measure | slipway | peer / floor / goal | ratio |',
    '|---|---|---|---|---|',
    ...rows,
    ...(notes.length ? ['', ...notes.map((n, i) => `- [${i + 1}] ${n}`)] : []),
  ].join('\n');
}
