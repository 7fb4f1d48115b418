import { UserError, type Http } from '@slipway/action-kit/lite';
import { displayUrl, redactText, serverText } from './display.js';
import { MAX_PROMETHEUS_BYTES } from './limits.js';
import { readAnswer, readCapped, type AnswerReading } from './prometheus-answer.js';

/** What an empty result or an unreachable Prometheus means for the verdict. */
export type NoDataPolicy = 'fail' | 'pass' | 'inconclusive';

/** One `name: <PromQL> <op> <threshold>` line. */
export interface PromQuery {
  name: string;
  promql: string;
  op: '<' | '<=' | '>' | '>=' | '==';
  threshold: number;
}

/** One evaluation of one query. */
export interface QueryEvaluation {
  name: string;
  at: number;
  /** Every series' value, or empty when there was no data. */
  values: number[];
  passed: boolean | 'no-data';
  /** Why there is no data: an empty result, or Prometheus' error text. */
  note?: string;
}

/** Longer query lines are refused before any pattern runs over them. */
const MAX_QUERY_LINE = 10_000;

/** Parses query lines; the last comparison operator on a line splits the PromQL from the threshold. */
export function parseQueries(text: string, input = 'queries'): PromQuery[] {
  const names = new Set<string>();
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((line) => {
      if (line.length > MAX_QUERY_LINE)
        throw new UserError(
          `has a line of ${line.length} characters, more than ${MAX_QUERY_LINE}.`,
          { input },
          'Record long expressions as Prometheus recording rules and query those.',
        );
      const m = /^([A-Za-z][\w-]*)\s*:\s*(.+?)\s*(<=|>=|==|<|>)\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*$/.exec(line);
      if (!m)
        throw new UserError(
          `'${redactText(line)}' is not a query line.`,
          { input },
          'Write name: <PromQL> <op> <threshold>, such as errors: sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m])) < 0.05.',
        );
      const threshold = Number(m[4]);
      if (!Number.isFinite(threshold))
        throw new UserError(`the threshold ${m[4]} of '${m[1]}' is not a finite number.`, { input });
      // Evaluations are tracked by name: a second query of the same name would hide the first.
      if (names.has(m[1]!))
        throw new UserError(`name two queries '${m[1]}'.`, { input }, 'Give each query its own name.');
      names.add(m[1]!);
      return { name: m[1]!, promql: m[2]!, op: m[3] as PromQuery['op'], threshold };
    });
}

function compare(v: number, op: PromQuery['op'], t: number): boolean {
  return op === '<' ? v < t : op === '<=' ? v <= t : op === '>' ? v > t : op === '>=' ? v >= t : v === t;
}

/**
 * Evaluates a query through /api/v1/query; an unreachable Prometheus, an error, an empty result
 * and an answer that is not a query result all come back as no-data with a note naming the problem.
 */
export async function evaluateQuery(
  baseUrl: string,
  q: PromQuery,
  http: Http,
  at: number,
  timeoutMs = 10_000,
): Promise<QueryEvaluation> {
  const noData = (note: string): QueryEvaluation => ({ name: q.name, at, values: [], passed: 'no-data', note });
  const shown = displayUrl(baseUrl);
  let reading: AnswerReading;
  try {
    const target = withoutCredentials(baseUrl);
    const url = `${target.url.replace(/\/+$/, '')}/api/v1/query?query=${encodeURIComponent(q.promql)}`;
    const res = await http(url, { headers: target.headers, signal: AbortSignal.timeout(timeoutMs) });
    const body = await readCapped(res, MAX_PROMETHEUS_BYTES);
    if (body === undefined)
      return noData(`Prometheus at ${shown} answered with more than ${MAX_PROMETHEUS_BYTES / 1024 / 1024} MiB`);
    reading = readAnswer(res.status, body);
  } catch (err) {
    if ((err as Error).name === 'TimeoutError')
      return noData(`Prometheus at ${shown} did not answer within ${timeoutMs} ms`);
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return noData(`Prometheus at ${shown} unreachable (${serverText(cause ?? (err as Error).message)})`);
  }
  if ('note' in reading) return noData(reading.note);
  if (reading.values.length === 0) return noData('the query returned no data');
  return {
    name: q.name,
    at,
    values: reading.values,
    passed: reading.values.every((v) => compare(v, q.op, q.threshold)),
  };
}

/**
 * The URL without its user information, which goes into an Authorization header instead: fetch
 * refuses a URL with credentials, and its error would quote the URL, password and all.
 */
function withoutCredentials(baseUrl: string): { url: string; headers: Record<string, string> } {
  const u = new URL(baseUrl);
  if (u.username === '' && u.password === '') return { url: u.href, headers: {} };
  const basic = Buffer.from(`${decodeSafe(u.username)}:${decodeSafe(u.password)}`).toString('base64');
  u.username = '';
  u.password = '';
  return { url: u.href, headers: { authorization: `Basic ${basic}` } };
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The sentence for a failed evaluation: `errors: 0.2 is not < 0.05`. */
export function describeEvaluation(q: PromQuery, e: QueryEvaluation): string {
  if (e.passed === 'no-data') return `${q.name}: ${e.note}`;
  const bad = e.values.find((v) => !compare(v, q.op, q.threshold)) ?? e.values[0]!;
  return `${q.name}: ${Number(bad.toPrecision(6))} is not ${q.op} ${q.threshold}`;
}

/** The sentence for a held evaluation, with the value nearest its threshold: `errors: 0.01 < 0.05`. */
export function describeHeld(q: PromQuery, e: QueryEvaluation): string {
  if (e.passed === 'no-data') return `${q.name}: ${e.note} (no-data: pass)`;
  const nearest = e.values.reduce((a, v) => (Math.abs(v - q.threshold) < Math.abs(a - q.threshold) ? v : a));
  return `${q.name}: ${Number(nearest.toPrecision(6))} ${q.op} ${q.threshold}`;
}
