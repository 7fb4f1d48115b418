import { UserError, isUserError } from '@slipway/action-kit/lite';
import { compileUserPattern, type UserPattern } from '@slipway/action-kit/pattern';
import { redactText } from './display.js';

/** A status expectation: `200-399`, `200,204`, `2xx`. */
export function parseStatusRanges(text: string, input = 'expect-status'): (status: number) => boolean {
  const ranges: [number, number][] = [];
  for (const raw of text.split(/[,\s]+/).filter(Boolean)) {
    let m = /^([1-5])xx$/i.exec(raw);
    if (m) {
      ranges.push([Number(m[1]) * 100, Number(m[1]) * 100 + 99]);
      continue;
    }
    m = /^(\d{3})(?:-(\d{3}))?$/.exec(raw);
    if (!m)
      throw new UserError(
        `'${raw}' is not a status code or range.`,
        { input },
        'Use codes and ranges such as 200, 200-299 or 2xx, separated by commas.',
      );
    const lo = Number(m[1]);
    const hi = m[2] ? Number(m[2]) : lo;
    if (lo < 100 || hi > 599 || lo > hi)
      throw new UserError(
        `'${raw}' is not a valid range of HTTP status codes.`,
        { input },
        'Codes run from 100 to 599, low to high.',
      );
    ranges.push([lo, hi]);
  }
  if (ranges.length === 0)
    throw new UserError('names no status code.', { input }, 'Use codes and ranges such as 200-399.');
  return (status) => ranges.some(([lo, hi]) => status >= lo && status <= hi);
}

/**
 * A body pattern, compiled for RE2's linear-time engine: a server's body can be large and a
 * pattern such as `(a+)+$` would backtrack for ever in JavaScript's engine. A pattern RE2 refuses
 * (lookarounds, backreferences) is a UserError naming the input.
 */
export function parseBodyRegex(text: string | undefined, input = 'expect-body'): UserPattern | undefined {
  if (!text) return undefined;
  try {
    return compileUserPattern(text, { subject: { input } });
  } catch (err) {
    if (!isUserError(err)) throw err;
    // compileUserPattern says why inside `is not valid RE2 syntax (…).`; keep only the why.
    const marker = ' is not valid RE2 syntax (';
    const at = err.message.indexOf(marker);
    const why = at >= 0 ? err.message.slice(at + marker.length).replace(/\)\.$/, '') : err.message;
    throw new UserError(`'${text}' is not a valid regular expression for RE2 (${why}).`, { input }, err.hint);
  }
}

/** One JSON assertion: `checks.db.healthy == true`. */
export interface JsonAssertion {
  text: string;
  path: string[];
  op: '==' | '!=' | '<' | '<=' | '>' | '>=';
  value: unknown;
}

/** Parses assertion lines; each is `<path> <op> <JSON value>`, the path dotted with [n] for arrays. */
export function parseJsonAssertions(text: string, input = 'expect-json'): JsonAssertion[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((line) => {
      const m = /^([A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*|\[\d+\])*)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(line);
      if (!m)
        throw new UserError(
          `'${redactText(line)}' is not an assertion.`,
          { input },
          'Write one per line as path op value, such as status == "ok" or checks.db.latency_ms < 50.',
        );
      let value: unknown;
      try {
        value = JSON.parse(m[3]!);
      } catch {
        throw new UserError(
          `'${redactText(m[3]!)}' in '${redactText(line)}' is not a JSON value.`,
          { input },
          'Quote strings ("ok"); numbers, true, false and null go bare.',
        );
      }
      const path = m[1]!.match(/[^.[\]]+/g) ?? [];
      return { text: line, path, op: m[2] as JsonAssertion['op'], value };
    });
}

/** The assertions a JSON document fails, as one sentence each. */
export function failedAssertions(doc: unknown, assertions: readonly JsonAssertion[]): string[] {
  const out: string[] = [];
  for (const a of assertions) {
    let v: unknown = doc;
    for (const key of a.path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
    const ok =
      a.op === '=='
        ? JSON.stringify(v) === JSON.stringify(a.value)
        : a.op === '!='
          ? JSON.stringify(v) !== JSON.stringify(a.value)
          : typeof v === 'number' &&
            typeof a.value === 'number' &&
            (a.op === '<' ? v < a.value : a.op === '<=' ? v <= a.value : a.op === '>' ? v > a.value : v >= a.value);
    if (!ok)
      out.push(
        `${a.path.join('.')} is ${v === undefined ? 'missing' : JSON.stringify(v)}, expected ${a.op} ${JSON.stringify(a.value)}`,
      );
  }
  return out;
}
