import * as v from 'valibot';

/**
 * Checks a document against a schema and returns it typed, or the first problem as one line
 * (`rules.0.keywords: expected an array, got "api"`), for the caller to put in its UserError.
 */
export function check<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; problem: string } {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const where = v.getDotPath(issue);
  return { ok: false, problem: `${where ? `${where}: ` : ''}${describeIssue(issue)}` };
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.expected) return `expected ${issue.expected}, got ${issue.received}`;
  return issue.message;
}
