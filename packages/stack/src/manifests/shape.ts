import * as v from 'valibot';
import { fieldLine } from '@slipway/action-kit/lite';

/** A schema for one kind of manifest document, describing only the fields slipway reads. */
export type DocSchema<T> = v.GenericSchema<unknown, T>;

/** One field of a manifest that does not have the type slipway needs, and was left out. */
export interface ShapeProblem {
  /** `workspaces.packages`, `projects[2].projectFolder`; '' for the whole document. */
  field: string;
  expected: string;
  received: string;
  /** 1-based line of the field in the file, when it could be found. */
  line?: number;
}

/** The document with every wrong-typed field left out (undefined when the whole of it is), and what was left out. */
export interface ShapeResult<T> {
  value: T | undefined;
  /** The first few problems, described (finding a line costs a pass over the text). */
  problems: ShapeProblem[];
  /** How many fields were left out in all. */
  count: number;
}

const isTable = (x: unknown): boolean => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * A JSON object or TOML/YAML table with the given fields; other keys pass through unread.
 * valibot's object schemas accept arrays, so a plain-object check comes first.
 */
export function table<E extends v.ObjectEntries>(entries: E) {
  return v.pipe(v.custom<Record<string, unknown>>(isTable, 'an object'), v.looseObject(entries));
}

/** A JSON object or TOML/YAML table whose every value has the given type. */
export function tableOf<S extends v.GenericSchema>(value: S) {
  return v.pipe(v.custom<Record<string, unknown>>(isTable, 'an object'), v.record(v.string(), value));
}

/** An optional field. */
export const opt = v.optional;

/** An optional string field, the most common kind. */
export const optString = () => v.optional(v.string());

/** An optional list of strings. */
export const optStrings = () => v.optional(v.array(v.string()));

/**
 * Checks a parsed document against its schema. Wrong-typed fields are removed from the document
 * (a list loses the bad items only) and the check runs again, so one mistake costs that field and
 * not the whole manifest; a document that is not an object at all is dropped. `text` is used to
 * find the line of each problem.
 */
export function checkShape<T>(schema: DocSchema<T>, doc: unknown, text: string, described = 5): ShapeResult<T> {
  const problems: ShapeProblem[] = [];
  let count = 0;
  let current = doc;
  // Removing a field can only remove issues; two rounds settle every schema used here, the
  // third is a guard.
  for (let round = 0; round < 3; round++) {
    const result = v.safeParse(schema, current, { abortEarly: false });
    if (result.success) return { value: result.output, problems, count };
    const paths = result.issues.flatMap((issue) => leafIssues(issue, []));
    count += paths.length;
    for (const { path, issue } of paths.slice(0, Math.max(0, described - problems.length)))
      problems.push(describe(issue, path, current, text));
    if (paths.some(({ path }) => path.length === 0)) return { value: undefined, problems, count };
    current = prune(
      current,
      paths.map((p) => p.path),
    );
  }
  return { value: undefined, problems, count };
}

type Key = string | number;

interface Leaf {
  path: Key[];
  issue: v.BaseIssue<unknown>;
}

/**
 * A union that failed reports its options' issues, with paths relative to the union's value; the
 * ones that went deeper (the value had the right type, a field inside it did not) name the field.
 */
function leafIssues(issue: v.BaseIssue<unknown>, prefix: Key[]): Leaf[] {
  const path = [...prefix, ...(issue.path ?? []).map((p) => p.key as Key)];
  if (issue.type === 'union' && issue.issues) {
    const deeper = issue.issues.filter((sub) => (sub.path?.length ?? 0) > 0);
    if (deeper.length > 0) return deeper.flatMap((sub) => leafIssues(sub, path));
  }
  return [{ path, issue }];
}

function prune(doc: unknown, paths: Key[][]): unknown {
  const dropFromLists = new Map<unknown[], Set<number>>();
  for (const path of paths) {
    let parent: unknown = doc;
    for (const key of path.slice(0, -1)) parent = (parent as Record<Key, unknown> | undefined)?.[key];
    const last = path[path.length - 1]!;
    if (Array.isArray(parent) && typeof last === 'number') {
      const set = dropFromLists.get(parent) ?? new Set<number>();
      set.add(last);
      dropFromLists.set(parent, set);
    } else if (parent && typeof parent === 'object') {
      delete (parent as Record<Key, unknown>)[last];
    }
  }
  for (const [list, drop] of dropFromLists) {
    const kept = list.filter((_, i) => !drop.has(i));
    list.length = 0;
    list.push(...kept);
  }
  return doc;
}

function describe(issue: v.BaseIssue<unknown>, path: Key[], doc: unknown, text: string): ShapeProblem {
  let value: unknown = doc;
  for (const key of path) value = (value as Record<Key, unknown> | undefined)?.[key];
  const line = fieldLine(text, path);
  return {
    field: path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join(''),
    expected: expectedOf(issue),
    received: kindOf(value),
    ...(line ? { line } : {}),
  };
}

const EXPECTED: Record<string, string> = {
  Array: 'a list',
  Object: 'an object',
  unknown: 'an object',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
};

function expectedOf(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'custom') return 'an object';
  const parts = (issue.expected ?? 'unknown').replace(/^\(|\)$/g, '').split(' | ');
  return [...new Set(parts.map((p) => EXPECTED[p] ?? p))].join(' or ');
}

/** What a value is, in words, without echoing it: it may be huge or hold control characters. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
    case 'bigint':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
