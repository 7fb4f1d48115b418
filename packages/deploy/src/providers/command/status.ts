// What `status-command` prints: live traffic per release since its previous run, as JSON
// `{ "<release id>": { "requests": 120, "errors": 1, "latenciesMs": [12, 30] } }`.
import * as v from 'valibot';
import type { TrafficSample } from '../../types.js';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const answerSchema = v.record(
  v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  v.object({
    requests: count,
    errors: count,
    latenciesMs: v.optional(v.array(v.pipe(v.number(), v.finite(), v.minValue(0)))),
  }),
);

/** The traffic in a status answer, or why the answer cannot be used (a line for the warning). */
export function parseStatus(stdout: string): Map<string, TrafficSample> | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch (err) {
    const text = stdout.trim();
    return { problem: text === '' ? 'it printed nothing' : `it did not print JSON (${(err as Error).message})` };
  }
  const parsed = v.safeParse(answerSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = v.getDotPath(issue);
    return { problem: `${where ? `${where.slice(0, 200)}: ` : ''}${issue.message}` };
  }
  return new Map(
    Object.entries(parsed.output).map(([id, s]) => [
      id,
      { requests: s.requests, errors: s.errors, latenciesMs: s.latenciesMs ?? [] },
    ]),
  );
}
