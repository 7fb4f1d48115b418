/** Turns JSON.parse's message into one with a line and column, on every Node version. */
export function describeJsonError(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const reason = message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '');
  const offset = jsonErrorOffset(text);
  const { line, column } = lineColumn(text, offset);
  return `${reason} at line ${line}, column ${column}`;
}

/**
 * The offset of the first character that makes the text invalid JSON (or its length when it is
 * only cut short). Older Node versions omit the position, so find it by bisecting on prefixes: a
 * prefix is merely incomplete until the bad character is included.
 */
export function jsonErrorOffset(text: string): number {
  const broken = (length: number): boolean => {
    const prefix = text.slice(0, length);
    try {
      JSON.parse(prefix);
      return false;
    } catch (err) {
      const message = err instanceof Error ? err.message : '';
      if (/Unexpected end/.test(message)) return false;
      const at = /position (\d+)/.exec(message);
      return !at || Number(at[1]) < prefix.length;
    }
  };
  let lo = 0;
  let hi = text.length;
  if (!broken(hi)) return text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (broken(mid)) hi = mid;
    else lo = mid + 1;
  }
  return Math.max(0, lo - 1);
}

/** The 1-based line and column of an offset in text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

/**
 * The line of a field: each key of the path is looked for after the previous one, as `"key":`
 * (JSON), `key =` or `[key.` (TOML) or `key:` (YAML). Approximate, but right for real manifests,
 * and linear in the text.
 */
export function fieldLine(text: string, path: readonly (string | number)[]): number | undefined {
  let offset = -1;
  for (const key of path) {
    if (typeof key === 'number') continue;
    if (key.length > 200) break;
    const k = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(?:"${k}"|'${k}'|(?<![\\w-])${k}(?![\\w-]))\\s*[:=.\\]]`, 'g');
    re.lastIndex = offset + 1;
    const m = re.exec(text);
    if (!m) break;
    offset = m.index;
  }
  return offset < 0 ? undefined : lineColumn(text, offset).line;
}
