import { PatternIndex, type Setting } from './pattern-index.js';

/** What .gitattributes says about a path for language statistics. */
export interface LinguistOverrides {
  vendored?: boolean;
  generated?: boolean;
  documentation?: boolean;
  language?: string;
}

/** Patterns with linguist attributes beyond this many are not read: a real file has a few dozen. */
export const MAX_ATTRIBUTE_PATTERNS = 10_000;

/**
 * The linguist-* attributes of a .gitattributes file. As in git, for each attribute the last
 * matching line wins. Lookups cost about the same for 5,000 patterns as for five: literal names,
 * extensions and folder prefixes are found in maps, and the remaining globs are tested in
 * compiled blocks (see pattern-index.ts).
 */
export class GitAttributes {
  private constructor(
    private readonly index: PatternIndex<keyof LinguistOverrides>,
    /** Patterns past MAX_ATTRIBUTE_PATTERNS that were not read. */
    readonly skipped: number,
  ) {}

  /** Parses .gitattributes text; lines without linguist attributes are ignored. */
  static parse(text: string, maxPatterns = MAX_ATTRIBUTE_PATTERNS): GitAttributes {
    const index = new PatternIndex<keyof LinguistOverrides>();
    let rules = 0;
    let skipped = 0;
    for (const rawLine of text.split(/\r?\n/)) {
      const line = rawLine.trim();
      if (line === '' || line.startsWith('#')) continue;
      const [pattern, ...attrs] = line.split(/\s+/);
      if (!pattern) continue;
      const overrides: LinguistOverrides = {};
      for (const attr of attrs) readAttribute(attr, overrides);
      if (Object.keys(overrides).length === 0) continue;
      if (rules >= maxPatterns) {
        skipped++;
        continue;
      }
      const settings: Setting<keyof LinguistOverrides>[] = Object.entries(overrides).map(([key, value]) => ({
        key: key as keyof LinguistOverrides,
        value: value as boolean | string,
        order: rules,
      }));
      index.add(pattern, settings);
      rules++;
    }
    index.seal();
    return new GitAttributes(index, skipped);
  }

  /** An empty set of rules. */
  static empty(): GitAttributes {
    const index = new PatternIndex<keyof LinguistOverrides>();
    index.seal();
    return new GitAttributes(index, 0);
  }

  /** True when no rule exists, so callers can skip matching. */
  get isEmpty(): boolean {
    return this.index.isEmpty;
  }

  /** The combined overrides for a POSIX path relative to the repository root. */
  lookup(path: string): LinguistOverrides {
    return this.index.lookup(path) as LinguistOverrides;
  }
}

const FLAGS = {
  'linguist-vendored': 'vendored',
  'linguist-generated': 'generated',
  'linguist-documentation': 'documentation',
} as const;

/** Language names are shown in the summary's chart: only what a real language name holds. */
const LANGUAGE_NAME = /^[\w .#+'()-]{1,64}$/;

function readAttribute(attr: string, into: LinguistOverrides): void {
  const unset = attr.startsWith('-') || attr.startsWith('!');
  const body = unset ? attr.slice(1) : attr;
  const [key, value] = body.split('=', 2) as [string, string | undefined];
  if (key === 'linguist-language' && value && !unset) {
    const name = value.replace(/_/g, ' ');
    if (LANGUAGE_NAME.test(name)) into.language = name;
    return;
  }
  const flag = FLAGS[key as keyof typeof FLAGS];
  if (flag) into[flag] = !unset && value !== 'false';
}
