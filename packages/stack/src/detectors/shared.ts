import { shellQuote } from '@slipway/action-kit/lite';
import { joinRel, type DetectContext } from '../context.js';

/** Joins a path prefix (relative to a project) and a command, as `./mvnw` or `../../gradlew`. */
export function relativeTo(fromDir: string, toDir: string): string {
  if (fromDir === toDir) return '.';
  const from = fromDir === '.' ? [] : fromDir.split('/');
  const to = toDir === '.' ? [] : toDir.split('/');
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  const down = to.slice(common);
  return [...up, ...down].join('/') || '.';
}

/** The wrapper script nearest above a folder (`./gradlew`, `../mvnw`), or the plain tool. */
export function wrapperOr(ctx: DetectContext, dir: string, wrapper: string, plain: string): string {
  const at = ctx.findUp(dir, wrapper);
  if (at === undefined) return plain;
  const rel = relativeTo(dir, at);
  // Only `..` steps today (the wrapper is at or above the folder), quoted all the same: it is a
  // path in a command.
  return shellQuote(`${rel === '.' ? '.' : rel}/${wrapper}`);
}

/** The first regex capture in a text, or undefined. */
export function capture(text: string | undefined, re: RegExp): string | undefined {
  if (!text) return undefined;
  return re.exec(text)?.[1]?.trim();
}

/** A version found by a regex in a file, with that file as its source. */
export async function versionIn(
  ctx: DetectContext,
  path: string,
  re: RegExp,
): Promise<{ value: string; source: string } | undefined> {
  const value = capture(await ctx.text(path), re);
  return value ? { value, source: path } : undefined;
}

/** The path of a file in a folder. */
export const at = joinRel;

/**
 * Removes every `open … close` block (an unclosed one runs to the end), replacing each with
 * `replacement`. A lazy regex such as /<!--[\s\S]*?-->/g rescans to the end from every unclosed
 * opener, which is quadratic on a hostile file; this is one pass.
 */
export function stripBlocks(text: string, open: string, close: string, replacement = ''): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = text.indexOf(open, from);
    if (start < 0) return out + text.slice(from);
    out += text.slice(from, start) + replacement;
    const end = text.indexOf(close, start + open.length);
    if (end < 0) return out;
    from = end + close.length;
  }
}

/** The text between the first `open` and the `close` after it, or undefined when either is missing. */
export function between(text: string, open: string, close: string): string | undefined {
  const start = text.indexOf(open);
  if (start < 0) return undefined;
  const end = text.indexOf(close, start + open.length);
  return end < 0 ? undefined : text.slice(start + open.length, end);
}
