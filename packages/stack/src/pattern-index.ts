import picomatch from 'picomatch';

/** One attribute a pattern sets: its value, and the position of its line (the last line wins). */
export interface Setting<K extends string> {
  key: K;
  value: boolean | string;
  order: number;
}

/** A distinct pattern and, for each attribute, the last line with that pattern that sets it. */
interface Entry<K extends string> {
  settings: Map<K, Setting<K>>;
}

interface GlobEntry<K extends string> extends Entry<K> {
  /** True when the pattern has no slash: it is tested against each path segment. */
  byName: boolean;
  sources: string[];
  /** The longest text every matching path holds, when the glob has one of three characters or more. */
  literal: string | undefined;
  test: (path: string, segments: string[]) => boolean;
}

/** Globs tested together: one regular expression for all of them decides whether any one matches. */
interface Block<K extends string> {
  members: { entry: GlobEntry<K>; setting: Setting<K> }[];
  test: (path: string, segments: string[]) => boolean;
}

const GLOB_CHARS = /[*?[\]{}()!+@\\]/;
/** `.` and `..` segments and doubled slashes: picomatch normalises them, so leave them to it. */
const ODD_SEGMENTS = /(^|\/)\.\.?(\/|$)|\/\/|^\//;
const BLOCK_SIZE = 64;
const OPTIONS = { dot: true } as const;

/**
 * gitignore-style patterns indexed so that a lookup does not test every pattern. A pattern
 * without a slash matches any segment of a path; with one, the path from the root or anything
 * below it. Literal names, `*.ext` and literal folder paths (also `dir/**`) are found in maps;
 * the other globs, per attribute and last line first, are tested in blocks of 64 compiled into
 * one regular expression, so a path that matches none of 5,000 globs costs about 80 native
 * regex tests, and one that matches stops at the first (the last line) that does.
 */
export class PatternIndex<K extends string> {
  private readonly names = new Map<string, Entry<K>>();
  private readonly extensions = new Map<string, { suffix: string; entry: Entry<K> }[]>();
  private readonly prefixes = new Map<string, Entry<K>>();
  private readonly globs = new Map<string, GlobEntry<K>>();
  /** Globs with a literal, by one three-character piece of it: only paths holding it are tested. */
  private trigrams = new Map<string, GlobEntry<K>[]>();
  private blocks = new Map<K, Block<K>[]>();
  private count = 0;

  /** Adds a pattern and the attributes its line sets; a pattern picomatch refuses is ignored. */
  add(pattern: string, settings: Setting<K>[]): void {
    const entry = this.entryFor(pattern);
    if (!entry) return;
    this.count++;
    for (const s of settings) entry.settings.set(s.key, s);
  }

  /** Builds the glob blocks; call once after the last add. */
  seal(): void {
    const byKey = new Map<K, { entry: GlobEntry<K>; setting: Setting<K> }[]>();
    this.trigrams = new Map();
    for (const entry of this.globs.values()) {
      if (entry.literal !== undefined) {
        this.addTrigram(entry, entry.literal);
        continue;
      }
      for (const setting of entry.settings.values()) {
        const list = byKey.get(setting.key) ?? [];
        list.push({ entry, setting });
        byKey.set(setting.key, list);
      }
    }
    this.blocks = new Map();
    for (const [key, list] of byKey) {
      list.sort((a, b) => b.setting.order - a.setting.order);
      const blocks: Block<K>[] = [];
      for (let i = 0; i < list.length; i += BLOCK_SIZE) blocks.push(makeBlock(list.slice(i, i + BLOCK_SIZE)));
      this.blocks.set(key, blocks);
    }
  }

  /** True when no pattern was added. */
  get isEmpty(): boolean {
    return this.count === 0;
  }

  /** For each attribute, the value of the last matching line that sets it. */
  lookup(path: string): Partial<Record<K, boolean | string>> {
    const segments = path.split('/');
    const best = new Map<K, Setting<K>>();
    const consider = (entry: Entry<K>): void => {
      for (const s of entry.settings.values()) {
        const current = best.get(s.key);
        if (!current || s.order > current.order) best.set(s.key, s);
      }
    };
    for (const segment of segments) {
      const named = this.names.get(segment);
      if (named) consider(named);
      const dot = segment.lastIndexOf('.');
      if (dot >= 0)
        for (const { suffix, entry } of this.extensions.get(segment.slice(dot + 1)) ?? [])
          if (segment.endsWith(suffix)) consider(entry);
    }
    if (this.prefixes.size > 0)
      for (let i = path.indexOf('/'); ; i = path.indexOf('/', i + 1)) {
        const entry = this.prefixes.get(i < 0 ? path : path.slice(0, i));
        if (entry) consider(entry);
        if (i < 0) break;
      }
    if (this.trigrams.size > 0) {
      const tested = new Set<GlobEntry<K>>();
      for (let i = 0; i + 3 <= path.length; i++) {
        for (const entry of this.trigrams.get(path.slice(i, i + 3)) ?? []) {
          if (tested.has(entry)) continue;
          tested.add(entry);
          if (path.includes(entry.literal!) && entry.test(path, segments)) consider(entry);
        }
      }
    }
    for (const [key, blocks] of this.blocks) {
      const floor = best.get(key)?.order ?? -1;
      search: for (const block of blocks) {
        // Blocks hold the latest lines first: once a block starts below what we have, stop.
        if (block.members[0]!.setting.order < floor) break;
        if (!block.test(path, segments)) continue;
        for (const { entry, setting } of block.members) {
          if (setting.order < floor) break search;
          if (entry.test(path, segments)) {
            best.set(key, setting);
            break search;
          }
        }
      }
    }
    const out: Partial<Record<K, boolean | string>> = {};
    for (const [key, s] of best) out[key] = s.value;
    return out;
  }

  /** Files the glob under the piece of its literal that the fewest globs share so far. */
  private addTrigram(entry: GlobEntry<K>, literal: string): void {
    let best = literal.slice(0, 3);
    for (let i = 1; i + 3 <= literal.length; i++) {
      const piece = literal.slice(i, i + 3);
      if ((this.trigrams.get(piece)?.length ?? 0) < (this.trigrams.get(best)?.length ?? 0)) best = piece;
    }
    const list = this.trigrams.get(best) ?? [];
    list.push(entry);
    this.trigrams.set(best, list);
  }

  private entryFor(pattern: string): Entry<K> | undefined {
    // As in .gitignore: a trailing slash or /** matches everything below a folder.
    const anchored = pattern.includes('/') && !pattern.endsWith('/') ? pattern.replace(/^\//, '') : null;
    if (anchored !== null) {
      const folder = anchored.replace(/\/\*\*$/, '');
      if (!GLOB_CHARS.test(folder) && !ODD_SEGMENTS.test(folder)) return getOrAdd(this.prefixes, folder);
      return this.glob(`A:${anchored}`, false, [anchored, `${anchored}/**`]);
    }
    const name = pattern.replace(/\/$/, '');
    if (name === '') return undefined;
    // `a/b/` is tested against single segments as the original matcher did: picomatch decides.
    const plain = !GLOB_CHARS.test(name) && !ODD_SEGMENTS.test(name) && !name.includes('/');
    if (plain) return getOrAdd(this.names, name);
    const suffix = /^\*([^*?[\]{}()!+@\\]*\.[^*?[\]{}()!+@\\.]*)$/.exec(name)?.[1];
    if (suffix !== undefined) {
      const ext = suffix.slice(suffix.lastIndexOf('.') + 1);
      const list = this.extensions.get(ext) ?? [];
      let found = list.find((x) => x.suffix === suffix);
      if (!found) list.push((found = { suffix, entry: { settings: new Map() } }));
      this.extensions.set(ext, list);
      return found.entry;
    }
    return this.glob(`N:${name}`, true, [name]);
  }

  private glob(id: string, byName: boolean, patterns: string[]): GlobEntry<K> | undefined {
    const existing = this.globs.get(id);
    if (existing) return existing;
    let regexes: RegExp[];
    try {
      regexes = patterns.map((p) => picomatch.makeRe(p, OPTIONS));
    } catch {
      return undefined; // longer than picomatch allows, or otherwise refused
    }
    const test = byName
      ? (_path: string, segments: string[]) => segments.some((s) => regexes.some((r) => r.test(s)))
      : (path: string) => regexes.some((r) => r.test(path));
    const combinable = regexes.every((r) => r.flags === '' && !/\\[1-9]|\(\?</.test(r.source));
    const entry: GlobEntry<K> = {
      settings: new Map(),
      byName,
      sources: combinable ? regexes.map((r) => r.source) : [],
      literal: requiredLiteral(patterns[0]!),
      test,
    };
    this.globs.set(id, entry);
    return entry;
  }
}

/**
 * The longest run of plain characters a glob requires of every path it matches, or undefined
 * when it has none of three or more characters, or has syntax (negation, escapes, `./`) under
 * which its plain text need not appear as written. Bracket, brace and extglob groups are not
 * required text, so they are cut out first.
 */
export function requiredLiteral(glob: string): string | undefined {
  if (/^!|\\/.test(glob) || ODD_SEGMENTS.test(glob)) return undefined;
  const rest = glob.replace(/\[[^\]]*\]|\{[^{}]*\}|[?*+@!]?\([^()]*\)/g, '\0');
  if (/[[\]{}()]/.test(rest)) return undefined;
  let longest = '';
  // Split at slashes too: `**/` may match nothing, so a slash beside it is not required.
  for (const run of rest.split(/[\0*?+@!/]+/)) if (run.length > longest.length) longest = run;
  return longest.length >= 3 ? longest : undefined;
}

function getOrAdd<K extends string>(map: Map<string, Entry<K>>, key: string): Entry<K> {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = { settings: new Map() }));
  return entry;
}

/** One regular expression per kind (by segment, by path) over the block's globs. */
function makeBlock<K extends string>(members: Block<K>['members']): Block<K> {
  const each = (path: string, segments: string[]): boolean => members.some((m) => m.entry.test(path, segments));
  if (members.some((m) => m.entry.sources.length === 0)) return { members, test: each };
  const combine = (byName: boolean): RegExp | undefined => {
    const sources = members.filter((m) => m.entry.byName === byName).flatMap((m) => m.entry.sources);
    // The outer ^ makes the engine try position 0 only; each source is anchored already, but an
    // alternation of anchored groups is still tried at every position of the string.
    return sources.length ? new RegExp(`^(?:${sources.map((s) => `(?:${s})`).join('|')})`) : undefined;
  };
  try {
    const byName = combine(true);
    const byPath = combine(false);
    return {
      members,
      test: (path, segments) =>
        (byPath?.test(path) ?? false) || (byName ? segments.some((s) => byName.test(s)) : false),
    };
  } catch {
    return { members, test: each };
  }
}
