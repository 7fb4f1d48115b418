// The boundary with Prometheus: its HTTP answer is read with a byte cap and checked against the
// documented shape of /api/v1/query before anything of it is used, so that `null`, an HTML error
// page or JSON of another shape becomes a sentence about the answer, never an internal error.
import * as v from 'valibot';
import { serverText } from './display.js';

/** One sample: [unix time, value as a string ("0.5", "NaN", "+Inf")]. */
const Sample = v.tuple([v.number(), v.string()]);

const QueryAnswer = v.variant('status', [
  v.object({
    status: v.literal('success'),
    data: v.variant('resultType', [
      v.object({ resultType: v.literal('vector'), result: v.array(v.object({ value: Sample })) }),
      v.object({ resultType: v.literal('scalar'), result: Sample }),
      v.object({ resultType: v.literal('matrix'), result: v.array(v.unknown()) }),
      v.object({ resultType: v.literal('string'), result: v.unknown() }),
    ]),
  }),
  v.object({ status: v.literal('error'), errorType: v.optional(v.string()), error: v.optional(v.string()) }),
]);

/** What an answer held: the values of its series, or why there are none. */
export type AnswerReading = { values: number[] } | { note: string };

/** Reads at most `max` bytes of a body; undefined when it is longer (the rest is left unread). */
export async function readCapped(res: Response, max: number): Promise<string | undefined> {
  if (Number(res.headers.get('content-length')) > max) {
    await res.body?.cancel().catch(() => {});
    return undefined;
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Makes sense of one HTTP answer of /api/v1/query: its values, or the problem named. */
export function readAnswer(status: number, body: string): AnswerReading {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    return { note: `Prometheus answered HTTP ${status} with a body that is not JSON` };
  }
  const parsed = v.safeParse(QueryAnswer, doc);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = v.getDotPath(issue);
    const what =
      doc === null
        ? 'null'
        : Array.isArray(doc)
          ? 'an array'
          : typeof doc === 'object'
            ? 'an object'
            : `a ${typeof doc}`;
    return {
      note: serverText(
        `Prometheus answered HTTP ${status} with ${what} that is not a query result (${where ? `${where}: ` : ''}${issue.message})`,
      ),
    };
  }
  const answer = parsed.output;
  if (answer.status === 'error')
    return {
      note: `Prometheus error: ${serverText(`${answer.errorType ? `${answer.errorType}: ` : ''}${answer.error ?? 'unknown'}`)}`,
    };
  const data = answer.data;
  switch (data.resultType) {
    case 'vector':
      return { values: data.result.map((r) => Number(r.value[1])).filter((x) => !Number.isNaN(x)) };
    case 'scalar':
      return { values: [Number(data.result[1])].filter((x) => !Number.isNaN(x)) };
    case 'matrix':
      return {
        note: 'the query returned a range vector, not a number per series: drop the [range] selector or wrap it, as in rate(x[1m])',
      };
    case 'string':
      return { note: 'the query returned a string, not a number' };
  }
}
