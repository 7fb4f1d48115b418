/** One `${{ … }}` in a string: its full text and the expression inside. */
export interface Expression {
  raw: string;
  body: string;
}

/**
 * Every `${{ … }}` in a string. A `}}` inside a string literal (`format('{0}}', …)`) does not end
 * the expression: literals are skipped as GitHub's parser does (`''` escapes a quote).
 */
export function expressions(s: string): Expression[] {
  const out: Expression[] = [];
  let from = 0;
  for (;;) {
    const start = s.indexOf('${{', from);
    if (start < 0) return out;
    let i = start + 3;
    let end = -1;
    while (i < s.length) {
      if (s[i] === "'") {
        i++;
        while (i < s.length && !(s[i] === "'" && s[i + 1] !== "'")) i += s[i] === "'" ? 2 : 1;
        i++;
      } else if (s.startsWith('}}', i)) {
        end = i;
        break;
      } else i++;
    }
    if (end < 0) return out;
    out.push({ raw: s.slice(start, end + 2), body: s.slice(start + 3, end) });
    from = end + 2;
  }
}

/** The expression with string literals blanked out (same length), so operators inside them are not seen. */
function blankLiterals(e: string): string {
  return e.replace(/'(?:[^']|'')*'/g, (m) => `'${' '.repeat(m.length - 2)}'`);
}

/** Splits at depth-0 occurrences of `sep` (on the literal-blanked text). */
function splitTop(e: string, sep: RegExp): string[] {
  const blank = blankLiterals(e);
  const parts: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < blank.length; i++) {
    const c = blank[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0) {
      const m = sep.exec(blank.slice(i, i + 2));
      if (m && m.index === 0) {
        parts.push(e.slice(last, i));
        i += m[0].length - 1;
        last = i + 1;
      }
    }
  }
  parts.push(e.slice(last));
  return parts;
}

/** Context paths named in an expression (outside literals), normalized: `a['b'][0]` → `a.b.*`. */
function contextPaths(e: string): string[] {
  const paths: string[] = [];
  const blank = blankLiterals(e);
  const re = /(?<![\w.'-])([A-Za-z_][\w-]*)((?:\s*\.\s*[\w*-]+|\s*\[[^\]]*\])*)(\s*\()?/g;
  for (const m of blank.matchAll(re)) {
    if (m[3] || /^(true|false|null|NaN|Infinity)$/.test(m[1]!)) continue;
    const start = m.index + m[1]!.length;
    const rest = e.slice(start, start + m[2]!.length);
    const tail = rest
      .replace(/\s+/g, '')
      .replace(/\['([^']*)'\]/g, '.$1')
      .replace(/\[[^\]]*\]/g, '.*');
    paths.push(`${m[1]}${tail}`.toLowerCase());
  }
  return paths;
}

const BOOLEAN_FUNCTIONS = /^(contains|startswith|endswith|success|failure|always|cancelled|hashfiles)$/i;

/**
 * The context paths whose value can end up in the expression's result. A comparison, a negation or
 * a function returning a boolean yields `true`/`false`, never the text compared; `a && b || c`
 * yields one of its operands.
 */
export function resultPaths(e: string): string[] {
  const operands = splitTop(e, /^(&&|\|\|)/);
  if (operands.length > 1) return operands.flatMap(resultPaths);
  const s = e.trim();
  if (!s || s.startsWith('!')) return [];
  if (splitTop(s, /^(==|!=|<=|>=|<|>)/).length > 1) return [];
  const blank = blankLiterals(s);
  if (blank.startsWith('(') && closes(blank, 0) === blank.length - 1) return resultPaths(s.slice(1, -1));
  const call = /^([A-Za-z_][\w-]*)\s*\(/.exec(blank);
  if (call && closes(blank, call[0].length - 1) === blank.length - 1) {
    return BOOLEAN_FUNCTIONS.test(call[1]!) ? [] : contextPaths(s.slice(call[0].length, -1));
  }
  return contextPaths(s);
}

/** The index of the bracket closing the one at `open`. */
function closes(blank: string, open: number): number {
  let depth = 0;
  for (let i = open; i < blank.length; i++) {
    if (blank[i] === '(') depth++;
    else if (blank[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Why an expression reads as hiding what it does, or undefined: a constant string, `a['b']` indexing. */
export function obfuscated(body: string): string | undefined {
  const blank = blankLiterals(body);
  if (/[\w\]]\s*\[\s*'/.test(blank)) return 'indexes a context with a string literal';
  if (blank.includes("'") && contextPaths(body).length === 0 && !/\b(fromjson|hashfiles)\s*\(/i.test(blank))
    return 'is a constant';
  return undefined;
}

/** Event fields an outsider writes: titles, bodies, branch names, commit messages, fork metadata. */
const UNTRUSTED: RegExp[] = [
  /^github\.head_ref$/,
  /^github\.event(\.(issue|pull_request|comment|review|review_comment|discussion|head_commit|commits|workflow_run|pages|pull_request\.head))?$/,
  /^github\.event\.(issue|pull_request|discussion)\.(title|body)$/,
  /^github\.event\.(comment|review|review_comment)\.body$/,
  /^github\.event\.pull_request\.head\.(ref|label)$/,
  /^github\.event\.pull_request\.head\.repo\.(default_branch|description|homepage)$/,
  /^github\.event\.pages\.\*\.page_name$/,
  /^github\.event\.(head_commit|commits\.\*)\.(message|author\.(name|email)|committer\.(name|email))$/,
  /^github\.event\.workflow_run\.(head_branch|display_title|head_commit\.(message|author\.(name|email)|committer\.(name|email)))$/,
  /^github\.event\.workflow_run\.pull_requests\.\*\.head\.ref$/,
];

/** How far a context path can be trusted when pasted into code. */
export type Taint = 'untrusted' | 'input' | undefined;

/**
 * Whether a context is attacker-controlled ('untrusted'), a caller's input ('input'), or neither.
 * `safeInputs` are inputs declared `type: boolean | number | choice`, which cannot carry code.
 */
export function taintOf(path: string, safeInputs: ReadonlySet<string>): Taint {
  if (UNTRUSTED.some((r) => r.test(path))) return 'untrusted';
  const input = /^(?:github\.event\.)?inputs\.([\w-]+)$/.exec(path);
  if (input) return safeInputs.has(input[1]!) ? undefined : 'input';
  return undefined;
}
