import { compare as pep440Compare, valid as pep440Valid } from '@renovatebot/pep440';

/** Compares two versions in an ecosystem's own order: negative, zero or positive. */
export type VersionCompare = (a: string, b: string) => number;

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const DIGITS = /^\d+$/;

/**
 * Two runs of decimal digits compared as integers of any length, as BigInt would, without
 * parsing: a Number rounds past 2^53, and versions carry 14-digit timestamps and longer.
 */
function compareDigits(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length - 1 && a[i] === '0') i++;
  while (j < b.length - 1 && b[j] === '0') j++;
  return a.length - i - (b.length - j) || text(a.slice(i), b.slice(j));
}

/** Dot-separated identifiers in SemVer 2.0 precedence (§11.4): numbers numerically and first. */
function compareIdentifiers(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    const dx = DIGITS.test(x);
    const dy = DIGITS.test(y);
    const c = dx && dy ? compareDigits(x, y) : dx ? -1 : dy ? 1 : text(x, y);
    if (c) return c;
  }
  return a.length - b.length;
}

/** How an ecosystem bends SemVer 2.0. */
interface SemVerRules {
  /** Numeric parts a version may have (missing ones are 0): 3, or 4 for NuGet. */
  parts: number;
  /** Pre-release labels compare case-insensitively (NuGet). */
  foldCase?: boolean;
  /** Build metadata orders versions, after the pre-release, a build above none (Dart's pub). */
  orderBuild?: boolean;
}

const SEMVER = /^v?(\d+(?:\.\d+)*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/**
 * A SemVer 2.0 order under an ecosystem's rules. A version that does not parse sorts below every
 * one that does (two such by text), which keeps the order total where a text fallback would not
 * (`1_0` < `2` < `10` < `1_0`).
 */
function semVerOrder(rules: SemVerRules): VersionCompare {
  const parse = (v: string): { nums: string[]; pre: string[]; build: string[] } | undefined => {
    const m = SEMVER.exec(v.trim().replace(/^=/, ''));
    if (!m || m[1]!.split('.').length > rules.parts) return undefined;
    const pre = m[2] ? m[2].split('.') : [];
    return {
      nums: m[1]!.split('.'),
      pre: rules.foldCase ? pre.map((p) => p.toLowerCase()) : pre,
      build: m[3] ? m[3].split('.') : [],
    };
  };
  return (a, b) => {
    const x = parse(a);
    const y = parse(b);
    if (!x || !y) return x ? 1 : y ? -1 : text(a, b);
    for (let i = 0; i < rules.parts; i++) {
      const c = compareDigits(x.nums[i] ?? '0', y.nums[i] ?? '0');
      if (c) return c;
    }
    // A pre-release sorts below its release; otherwise the labels decide.
    if (!x.pre.length !== !y.pre.length) return x.pre.length ? -1 : 1;
    const c = compareIdentifiers(x.pre, y.pre);
    if (c || !rules.orderBuild) return c;
    if (!x.build.length !== !y.build.length) return x.build.length ? 1 : -1;
    return compareIdentifiers(x.build, y.build);
  };
}

/** SemVer 2.0 (npm, crates.io, Go without its `v`, Hex, SwiftURL): build metadata is ignored. */
const semverCompare = semVerOrder({ parts: 3 });

/**
 * PEP 440 order (PyPI), including dev, post and local versions. A version PEP 440 cannot read
 * sorts below every one it can, as packaging's LegacyVersion did; two such by text.
 */
function pypiCompare(a: string, b: string): number {
  const va = pep440Valid(a) !== null;
  const vb = pep440Valid(b) !== null;
  if (va && vb) return pep440Compare(a, b);
  return va ? 1 : vb ? -1 : text(a, b);
}

/**
 * The platform a Gemfile.lock writes after a version (`1.13.6-java`, `1.16.0-x86_64-linux-gnu`):
 * one of RubyGems' single-word platforms, or cpu-os. It names a build of the release, not a
 * pre-release, and OSV ranges never carry it.
 */
const GEM_PLATFORM =
  /-(?:java|jruby|dalvik\d*|dotnet|mswin(?:32|64)|mingw32|(?:x86|x86_64|x64|i[3-6]86|amd64|arm|arm64|aarch64|armv\w+|universal|powerpc\w*|ppc\w*|s390x?|sparc\w*|mips\w*|riscv64|loongarch64|wasm32)-[a-z][\w.-]*)$/i;

/** Trailing zero segments do not count (Gem::Version#canonical_segments). */
function dropTrailingZeros(segs: string[]): string[] {
  let n = segs.length;
  while (n > 0 && /^0+$/.test(segs[n - 1]!)) n--;
  return segs.slice(0, n);
}

/**
 * Gem::Version order: `-` reads as `.pre.`, segments are runs of digits or of letters, trailing
 * zeros of the release part and of the pre-release part are dropped, numbers compare as integers
 * of any length, letters bytewise, and a letter segment sorts below any number (1.0.a < 1.0).
 */
export function rubyGemsCompare(a: string, b: string): number {
  const canonical = (v: string): string[] => {
    const segs =
      v
        .trim()
        .replace(GEM_PLATFORM, '')
        .replace(/-/g, '.pre.')
        .match(/[0-9]+|[a-z]+/gi) ?? [];
    const word = segs.findIndex((s) => !DIGITS.test(s));
    if (word < 0) return dropTrailingZeros(segs);
    return [...dropTrailingZeros(segs.slice(0, word)), ...dropTrailingZeros(segs.slice(word))];
  };
  const x = canonical(a);
  const y = canonical(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i] ?? '0';
    const q = y[i] ?? '0';
    const dp = DIGITS.test(p);
    const dq = DIGITS.test(q);
    const c = dp && dq ? compareDigits(p, q) : dp ? 1 : dq ? -1 : text(p, q);
    if (c) return c;
  }
  return 0;
}

/** PHP's special forms by prefix, in order; a number counts as `#`, anything else as -1. */
const PHP_FORMS: [string, number][] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];
const phpForm = (s: string): number => PHP_FORMS.find(([name]) => s.startsWith(name))?.[1] ?? -1;

/** php_canonicalize_version: `-_+` and other punctuation become one `.`, and digits and letters part with a `.`. */
function phpCanonical(v: string): string {
  let out = v[0]!;
  const digit = (c: string): boolean => c >= '0' && c <= '9';
  for (let i = 1; i < v.length; i++) {
    const c = v[i]!;
    const prev = v[i - 1]!;
    const dot = out.endsWith('.') ? '' : '.';
    if (c === '-' || c === '_' || c === '+') out += dot;
    else if (prev !== '.' && c !== '.' && digit(prev) !== digit(c)) out += dot + c;
    else if (!/[0-9a-z]/i.test(c)) out += dot;
    else out += c;
  }
  return out;
}

/** PHP's version_compare, part by part, as ext/standard/versioning.c does it. */
function phpVersionCompare(a: string, b: string): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  const x = (a.startsWith('#') ? a : phpCanonical(a)).split('.');
  const y = (b.startsWith('#') ? b : phpCanonical(b)).split('.');
  const exhausted = (parts: string[], i: number): boolean => i === parts.length - 1 && parts[i] === '';
  let i = 0;
  for (; i < x.length && i < y.length && !exhausted(x, i) && !exhausted(y, i); i++) {
    const p = x[i]!;
    const q = y[i]!;
    const dp = /^\d/.test(p);
    const dq = /^\d/.test(q);
    const c =
      dp && dq
        ? compareDigits(/^\d+/.exec(p)![0], /^\d+/.exec(q)![0])
        : Math.sign(phpForm(dp ? '#' : p) - phpForm(dq ? '#' : q));
    if (c) return c;
  }
  // The longer version wins on a number and is weighed against `#` on a word (1.0 < 1.0.1, 1.0rc1 < 1.0).
  if (i < x.length) {
    const rest = x.slice(i).join('.');
    return /^\d/.test(rest) ? 1 : phpVersionCompare(rest, '#N#');
  }
  if (i < y.length) {
    const rest = y.slice(i).join('.');
    return /^\d/.test(rest) ? -1 : phpVersionCompare('#N#', rest);
  }
  return 0;
}

const COMPOSER_MODIFIER = String.raw`[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\d+)*)?)?([.-]?dev)?`;
const COMPOSER_CLASSIC = new RegExp(String.raw`^v?(\d{1,5})(\.\d+)?(\.\d+)?(\.\d+)?${COMPOSER_MODIFIER}$`, 'i');
const COMPOSER_DATED = new RegExp(
  String.raw`^v?(\d{4}(?:[.:-]?\d{2}){1,6}(?:[.:-]?\d{1,3}){0,2})${COMPOSER_MODIFIER}$`,
  'i',
);
const COMPOSER_BRANCH = /^v?(\d+)(\.(?:\d+|[x*]))?(\.(?:\d+|[x*]))?(\.(?:\d+|[x*]))?$/i;
const COMPOSER_STABILITY: Record<string, string> = { a: 'alpha', b: 'beta', p: 'patch', pl: 'patch', rc: 'RC' };

/**
 * Composer's VersionParser::normalize: four numeric parts, the stability spelled out
 * (`1.0-b2` → `1.0.0.0-beta2`), build metadata dropped, `1.x-dev` as `1.9999999.9999999.9999999-dev`.
 * Undefined for a branch (`dev-main`) or a string Composer rejects.
 */
function composerNormalize(version: string): string | undefined {
  const v = version
    .trim()
    .replace(/^(\S+) +as +\S+$/, '$1')
    .replace(/@(?:stable|RC|beta|alpha|dev)$/i, '')
    .replace(/^([^,\s+]+)\+\S+$/, '$1');
  if (/^dev-/i.test(v) || ['master', 'trunk', 'default'].includes(v)) return undefined;
  let m = COMPOSER_CLASSIC.exec(v);
  let at = 5;
  let out = m ? `${m[1]}${m[2] || '.0'}${m[3] || '.0'}${m[4] || '.0'}` : '';
  if (!m && (m = COMPOSER_DATED.exec(v))) [out, at] = [m[1]!.replace(/\D/g, '.'), 2];
  if (m) {
    const [stability, number, dev] = [m[at], m[at + 1], m[at + 2]];
    if (stability === 'stable') return out;
    if (stability)
      out += `-${COMPOSER_STABILITY[stability.toLowerCase()] ?? stability.toLowerCase()}${(number ?? '').replace(/^[.-]+/, '')}`;
    return dev ? `${out}-dev` : out;
  }
  const branch = COMPOSER_BRANCH.exec(/^(.*?)[.-]?dev$/i.exec(v)?.[1] ?? '');
  if (!branch) return undefined;
  const parts = [1, 2, 3, 4].map((i) => (i === 1 ? branch[1] : branch[i]?.slice(1)) ?? 'x');
  return `${parts.map((p) => (/^[x*]$/i.test(p) ? '9999999' : p)).join('.')}-dev`;
}

/**
 * Packagist order as Composer applies it: both versions normalised, then PHP's version_compare
 * (dev < alpha = a < beta = b < RC < release < patch = pl = p, `beta.8.1` < `beta.8.2`,
 * `RC7` < `RC7.1`). A branch or a string Composer rejects goes to version_compare as it is, each
 * side on its own, so that the order stays transitive.
 */
export function packagistCompare(a: string, b: string): number {
  const x = composerNormalize(a) ?? a.trim().replace(/^v/i, '');
  const y = composerNormalize(b) ?? b.trim().replace(/^v/i, '');
  return phpVersionCompare(x, y);
}

/** A parsed Maven version: numbers, qualifiers and sub-lists (a `-` or a letter/digit turn opens one). */
type MavenItem = { kind: 'int'; value: string } | { kind: 'string'; value: string } | MavenList;
interface MavenList {
  kind: 'list';
  items: MavenItem[];
}

const MAVEN_QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const MAVEN_ALIASES: Record<string, string> = { ga: '', final: '', release: '', cr: 'rc' };
const MAVEN_RELEASE = String(MAVEN_QUALIFIERS.indexOf(''));

/** Known qualifiers by rank, then unknown ones after them in lexical order. */
function mavenQualifier(q: string): string {
  const i = MAVEN_QUALIFIERS.indexOf(q);
  return i < 0 ? `${MAVEN_QUALIFIERS.length}-${q}` : String(i);
}

function mavenItem(digits: boolean, buf: string, followedByDigit = false): MavenItem {
  if (digits) return { kind: 'int', value: buf };
  const short: Record<string, string> = { a: 'alpha', b: 'beta', m: 'milestone' };
  const value = followedByDigit && short[buf] ? short[buf] : buf;
  return { kind: 'string', value: MAVEN_ALIASES[value] ?? value };
}

const mavenIsNull = (item: MavenItem): boolean =>
  item.kind === 'int' ? /^0+$/.test(item.value) : item.kind === 'string' ? item.value === '' : !item.items.length;

/** ComparableVersion.parseVersion (Maven 3.9), then trailing nulls trimmed in every list. */
function mavenParse(version: string): MavenList {
  const v = version.toLowerCase();
  const root: MavenList = { kind: 'list', items: [] };
  const stack = [root];
  let list = root;
  const open = (): void => {
    const sub: MavenList = { kind: 'list', items: [] };
    list.items.push(sub);
    stack.push((list = sub));
  };
  let digits = false;
  let start = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '.' || c === '-') {
      list.items.push(i === start ? { kind: 'int', value: '0' } : mavenItem(digits, v.slice(start, i)));
      start = i + 1;
      if (c === '-') open();
    } else if (c >= '0' && c <= '9') {
      if (!digits && i > start) {
        // `.X1` reads as `-X1`, so 1.0.RC2 < 1.0-RC3 < 1.0.1.
        if (list.items.length) open();
        list.items.push(mavenItem(false, v.slice(start, i), true));
        start = i;
        open();
      }
      digits = true;
    } else {
      if (digits && i > start) {
        list.items.push(mavenItem(true, v.slice(start, i)));
        start = i;
        open();
      }
      digits = false;
    }
  }
  if (v.length > start) {
    if (!digits && list.items.length) open();
    list.items.push(mavenItem(digits, v.slice(start)));
  }
  for (const l of stack.reverse()) {
    for (let i = l.items.length - 1; i >= 0; i--) {
      if (mavenIsNull(l.items[i]!)) l.items.splice(i, 1);
      else if (l.items[i]!.kind !== 'list') break;
    }
  }
  return root;
}

/** Item.compareTo, where a missing item (the shorter version) is `undefined`. */
function mavenCompareItems(a: MavenItem, b: MavenItem | undefined): number {
  if (a.kind === 'int') {
    if (!b) return mavenIsNull(a) ? 0 : 1;
    return b.kind === 'int' ? compareDigits(a.value, b.value) : 1; // 1.1 > 1-sp, 1.1 > 1-1
  }
  if (a.kind === 'string') {
    if (!b) return text(mavenQualifier(a.value), MAVEN_RELEASE); // 1-rc < 1 < 1-sp
    return b.kind === 'string' ? text(mavenQualifier(a.value), mavenQualifier(b.value)) : -1;
  }
  if (!b) {
    for (const item of a.items) {
      const c = mavenCompareItems(item, undefined);
      if (c) return c;
    }
    return 0;
  }
  if (b.kind !== 'list') return b.kind === 'int' ? -1 : 1; // 1-1 < 1.1, 1-1 > 1-sp
  for (let i = 0; i < Math.max(a.items.length, b.items.length); i++) {
    const l = a.items[i];
    const r = b.items[i];
    const c = l ? mavenCompareItems(l, r) : r ? -mavenCompareItems(r, undefined) : 0;
    if (c) return c;
  }
  return 0;
}

/** Maven's ComparableVersion order (the POM reference's version order specification). */
function mavenCompare(a: string, b: string): number {
  return mavenCompareItems(mavenParse(a), mavenParse(b));
}

/** Each OSV ecosystem's own order, by the name OSV gives it. */
const ORDERS: Record<string, VersionCompare> = {
  npm: semverCompare,
  'crates.io': semverCompare,
  Go: semverCompare,
  Hex: semverCompare,
  SwiftURL: semverCompare,
  Pub: semVerOrder({ parts: 3, orderBuild: true }),
  NuGet: semVerOrder({ parts: 4, foldCase: true }),
  Maven: mavenCompare,
  PyPI: pypiCompare,
  RubyGems: rubyGemsCompare,
  Packagist: packagistCompare,
};

/** The comparison for an ecosystem (an OSV name such as `Maven` or `Debian:12`); SemVer where it has none of its own. */
export function comparatorFor(ecosystem: string): VersionCompare {
  return ORDERS[ecosystem] ?? ORDERS[ecosystem.split(':')[0]!] ?? semverCompare;
}
