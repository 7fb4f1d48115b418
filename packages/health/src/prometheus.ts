import { UserError, type Http } from '@slipway/action-kit/lite';

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

/** Parses query lines; the last comparison operator on a line splits the PromQL from the threshold. */
export function parseQueries(text: string, input = 'queries'): PromQuery[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((line) => {
      const m = /^([A-Za-z][\w-]*)\s*:\s*(.+?)\s*(<=|>=|==|<|>)\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*$/.exec(line);
      if (!m)
        throw new UserError(
          `'${line}' is not a query line.`,
          { input },
          'Write name: <PromQL> <op> <threshold>, such as errors: sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m])) < 0.05.',
        );
      return { name: m[1]!, promql: m[2]!, op: m[3] as PromQuery['op'], threshold: Number(m[4]) };
    });
}

function compare(v: number, op: PromQuery['op'], t: number): boolean {
  return op === '<' ? v < t : op === '<=' ? v <= t : op === '>' ? v > t : op === '>=' ? v >= t : v === t;
}

/** Evaluates a query through /api/v1/query; errors and empty results come back as no-data with a note. */
export async function evaluateQuery(
  baseUrl: string,
  q: PromQuery,
  http: Http,
  at: number,
  timeoutMs = 10_000,
): Promise<QueryEvaluation> {
  const url = `${baseUrl.replace(/\/+$/, '')}/api/v1/query?query=${encodeURIComponent(q.promql)}`;
  let doc: { status?: string; error?: string; errorType?: string; data?: { resultType?: string; result?: unknown } };
  try {
    const res = await http(url, { signal: AbortSignal.timeout(timeoutMs) });
    doc = (await res
      .json()
      .catch(() => ({ status: 'error', error: `HTTP ${res.status} with a body that is not JSON` }))) as typeof doc;
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return {
      name: q.name,
      at,
      values: [],
      passed: 'no-data',
      note: `Prometheus at ${baseUrl} unreachable (${cause ?? (err as Error).message})`,
    };
  }
  if (doc.status !== 'success')
    return {
      name: q.name,
      at,
      values: [],
      passed: 'no-data',
      note: `Prometheus error: ${doc.errorType ? `${doc.errorType}: ` : ''}${doc.error ?? 'unknown'}`,
    };
  const result = doc.data?.result;
  let values: number[] = [];
  if (doc.data?.resultType === 'scalar' && Array.isArray(result)) values = [Number(result[1])];
  else if (Array.isArray(result)) values = result.map((r) => Number((r as { value?: [number, string] }).value?.[1]));
  values = values.filter((v) => !Number.isNaN(v));
  if (values.length === 0) return { name: q.name, at, values, passed: 'no-data', note: 'the query returned no data' };
  return { name: q.name, at, values, passed: values.every((v) => compare(v, q.op, q.threshold)) };
}

/** The sentence for a failed evaluation: `errors: 0.2 is not < 0.05`. */
export function describeEvaluation(q: PromQuery, e: QueryEvaluation): string {
  if (e.passed === 'no-data') return `${q.name}: ${e.note}`;
  const bad = e.values.find((v) => !compare(v, q.op, q.threshold)) ?? e.values[0]!;
  return `${q.name}: ${Number(bad.toPrecision(6))} is not ${q.op} ${q.threshold}`;
}
