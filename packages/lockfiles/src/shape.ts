import * as v from 'valibot';
import { fieldLine } from '@slipway/action-kit/lite';
import { LockfileError } from './types.js';

const isTable = (x: unknown): boolean => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A JSON object or TOML/YAML table with the given fields; valibot's object schemas alone accept arrays. */
export function table<E extends v.ObjectEntries>(entries: E) {
  return v.pipe(v.custom<Record<string, unknown>>(isTable, 'an object'), v.looseObject(entries));
}

/** A JSON object or TOML/YAML table whose every value has the given type. */
export function tableOf<S extends v.GenericSchema>(value: S) {
  return v.pipe(v.custom<Record<string, unknown>>(isTable, 'an object'), v.record(v.string(), value));
}

/** An optional string field. */
export const optString = () => v.optional(v.string());

/** An optional boolean field. */
export const optBoolean = () => v.optional(v.boolean());

/**
 * Checks a parsed lockfile against the schema of its format, or throws a LockfileError naming the
 * first field of the wrong type and its line. A lockfile is written by a tool, so a wrong type
 * means it is damaged or not what its name says: it is refused whole rather than half-read.
 */
export function checkLockfile<T>(schema: v.GenericSchema<unknown, T>, doc: unknown, text: string, file: string): T {
  let result: v.SafeParseResult<v.GenericSchema<unknown, T>>;
  try {
    result = v.safeParse(schema, doc, { abortEarly: true });
  } catch (err) {
    // Recursive schemas (npm v1 `dependencies`) walk the document depth-first.
    if (err instanceof RangeError) throw new LockfileError('the document is nested too deeply to be a lockfile', file);
    throw err;
  }
  if (result.success) return result.output;
  const issue = deepest(result.issues[0]);
  const path = (issue.path ?? []).map((p) => p.key as string | number);
  let value: unknown = doc;
  for (const key of path) value = (value as Record<string | number, unknown> | undefined)?.[key];
  const field = path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
  const where = field === '' ? 'the document' : field;
  throw new LockfileError(
    `${where} is ${kindOf(value)}, not the ${expected(issue)} this format has`,
    file,
    fieldLine(text, path),
  );
}

/** A union's issue is the union's; an option that went deeper names the real field. */
function deepest(issue: v.BaseIssue<unknown>): v.BaseIssue<unknown> {
  const sub = issue.type === 'union' ? issue.issues?.find((s) => (s.path?.length ?? 0) > 0) : undefined;
  return sub ? { ...sub, path: [...(issue.path ?? []), ...(sub.path ?? [])] as typeof issue.path } : issue;
}

function expected(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'custom') return 'object';
  const names: Record<string, string> = { Array: 'list', Object: 'object', string: 'string', number: 'number' };
  return (issue.expected ?? 'value')
    .replace(/^\(|\)$/g, '')
    .split(' | ')
    .map((p) => names[p] ?? p)
    .join(' or ');
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return 'true or false';
  return `a ${typeof value}`;
}
