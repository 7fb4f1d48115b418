import picomatch from 'picomatch';

/** What .gitattributes says about a path for language statistics. */
export interface LinguistOverrides {
  vendored?: boolean;
  generated?: boolean;
  documentation?: boolean;
  language?: string;
}

interface Rule {
  match: (path: string) => boolean;
  overrides: LinguistOverrides;
}

/** The linguist-* attributes of a .gitattributes file, applied in order (the last match wins). */
export class GitAttributes {
  private constructor(private readonly rules: Rule[]) {}

  /** Parses .gitattributes text; lines without linguist attributes are ignored. */
  static parse(text: string): GitAttributes {
    const rules: Rule[] = [];
    for (const rawLine of text.split(/\r?\n/)) {
      const line = rawLine.trim();
      if (line === '' || line.startsWith('#')) continue;
      const [pattern, ...attrs] = line.split(/\s+/);
      if (!pattern) continue;
      const overrides: LinguistOverrides = {};
      for (const attr of attrs) readAttribute(attr, overrides);
      if (Object.keys(overrides).length === 0) continue;
      rules.push({ match: compilePattern(pattern), overrides });
    }
    return new GitAttributes(rules);
  }

  /** An empty set of rules. */
  static empty(): GitAttributes {
    return new GitAttributes([]);
  }

  /** True when no rule exists, so callers can skip matching. */
  get isEmpty(): boolean {
    return this.rules.length === 0;
  }

  /** The combined overrides for a POSIX path relative to the repository root. */
  lookup(path: string): LinguistOverrides {
    const result: LinguistOverrides = {};
    for (const rule of this.rules) if (rule.match(path)) Object.assign(result, rule.overrides);
    return result;
  }
}

const FLAGS = {
  'linguist-vendored': 'vendored',
  'linguist-generated': 'generated',
  'linguist-documentation': 'documentation',
} as const;

function readAttribute(attr: string, into: LinguistOverrides): void {
  const unset = attr.startsWith('-') || attr.startsWith('!');
  const body = unset ? attr.slice(1) : attr;
  const [key, value] = body.split('=', 2) as [string, string | undefined];
  if (key === 'linguist-language' && value && !unset) {
    into.language = value.replace(/_/g, ' ');
    return;
  }
  const flag = FLAGS[key as keyof typeof FLAGS];
  if (flag) into[flag] = !unset && value !== 'false';
}

function compilePattern(pattern: string): (path: string) => boolean {
  // As in .gitignore: a pattern without a slash matches a name at any depth; a trailing
  // slash or /** matches everything below a folder.
  const anchored = pattern.includes('/') && !pattern.endsWith('/') ? pattern.replace(/^\//, '') : null;
  if (anchored !== null) {
    const m = picomatch(anchored, { dot: true });
    const below = picomatch(`${anchored}/**`, { dot: true });
    return (path) => m(path) || below(path);
  }
  const name = pattern.replace(/\/$/, '');
  const m = picomatch(name, { dot: true });
  return (path) => path.split('/').some((segment) => m(segment));
}
