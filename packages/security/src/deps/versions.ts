import { compare as pep440Compare, valid as pep440Valid } from '@renovatebot/pep440';
import semver from 'semver';
import type { Ecosystem } from '@slipway/lockfiles';

/** Compares two versions in an ecosystem's own order: negative, zero or positive. */
export type VersionCompare = (a: string, b: string) => number;

/** SemVer 2 order (npm, crates.io, Go without its `v`). Unparseable versions sort by text. */
function semverCompare(a: string, b: string): number {
  const pa = semver.parse(a.replace(/^v/, ''), { loose: true });
  const pb = semver.parse(b.replace(/^v/, ''), { loose: true });
  if (pa && pb) return pa.compare(pb);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** PEP 440 order (PyPI). */
function pypiCompare(a: string, b: string): number {
  if (pep440Valid(a) && pep440Valid(b)) return pep440Compare(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Gem::Version order: segments split at dots and at letter/digit boundaries; numbers compare as
 * numbers, strings as strings, any string segment makes a pre-release (1.0.a < 1.0), and trailing
 * zeros do not count (1.0 == 1.0.0).
 */
export function rubyGemsCompare(a: string, b: string): number {
  const segs = (v: string): (number | string)[] => {
    const parts =
      v
        .trim()
        .replace(/-/g, '.pre.')
        .match(/[0-9]+|[a-z]+/gi) ?? [];
    const out = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    while (out.length > 1 && out[out.length - 1] === 0) out.pop();
    return out;
  };
  const sa = segs(a);
  const sb = segs(b);
  for (let i = 0; i < Math.max(sa.length, sb.length); i++) {
    const x = sa[i] ?? 0;
    const y = sb[i] ?? 0;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : 1;
    return typeof x === 'string' ? -1 : 1; // a string segment is a pre-release, below any number
  }
  return 0;
}

const COMPOSER_STABILITY: Record<string, number> = {
  dev: 0,
  alpha: 1,
  a: 1,
  beta: 2,
  b: 2,
  rc: 3,
  patch: 5,
  pl: 5,
  p: 5,
};

/** Composer order (Packagist): numeric parts, then stability dev < alpha < beta < RC < stable < patch. */
export function packagistCompare(a: string, b: string): number {
  const norm = (v: string): { nums: number[]; stability: number; sub: number } => {
    const s = v.trim().toLowerCase().replace(/^v/, '');
    const m = /^(\d+(?:\.\d+)*)(?:[-_.+]?(dev|alpha|a|beta|b|rc|patch|pl|p)[-_.]?(\d*))?/.exec(s);
    if (!m) return { nums: [], stability: 4, sub: 0 };
    const nums = m[1]!.split('.').map(Number);
    while (nums.length < 4) nums.push(0);
    return { nums, stability: m[2] ? COMPOSER_STABILITY[m[2]]! : 4, sub: m[3] ? Number(m[3]) : 0 };
  };
  const x = norm(a);
  const y = norm(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d) return d;
  }
  return x.stability - y.stability || x.sub - y.sub;
}

/** The comparison for an ecosystem. */
export function comparatorFor(ecosystem: Ecosystem): VersionCompare {
  switch (ecosystem) {
    case 'PyPI':
      return pypiCompare;
    case 'RubyGems':
      return rubyGemsCompare;
    case 'Packagist':
      return packagistCompare;
    default:
      return semverCompare;
  }
}
