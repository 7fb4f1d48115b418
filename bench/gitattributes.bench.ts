// Benchmark: .gitattributes lookups, the indexed matcher against the matcher it replaced (every
// pattern tried on every path, in order), on the same generated patterns and paths. Prints the
// time of each and their ratio; no assertion. Run: node --import tsx bench/gitattributes.bench.ts
import picomatch from 'picomatch';
import { GitAttributes } from '../packages/stack/src/gitattributes.js';

const patterns = Number(process.env.BENCH_PATTERNS ?? 2000);
const paths = Number(process.env.BENCH_PATHS ?? 2000);

/** Patterns of every kind: literal paths, extensions, folders and real globs. */
function attributes(count: number): string {
  const kinds = [
    (i: number) => `src/d${i % 100}/f${i}.js linguist-generated`,
    (i: number) => `*.x${i} linguist-vendored`,
    (i: number) => `gen${i}/** linguist-documentation`,
    (i: number) => `src/**/g${i}?.ts linguist-generated`,
    (i: number) => `*${i}[ab]*.py linguist-language=Python`,
  ];
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length]!(i)).join('\n');
}

/** The matcher before indexing: one compiled pattern per line, each tried on every path. */
function naive(text: string): (path: string) => Record<string, unknown> {
  const rules = text.split('\n').map((line) => {
    const [pattern, attr] = line.split(' ') as [string, string];
    const anchored = pattern.includes('/') && !pattern.endsWith('/') ? pattern.replace(/^\//, '') : null;
    const match: (p: string) => boolean =
      anchored !== null
        ? (
            (m, below) => (p: string) =>
              m(p) || below(p)
          )(picomatch(anchored, { dot: true }), picomatch(`${anchored}/**`, { dot: true }))
        : (
            (m) => (p: string) =>
              p.split('/').some((s) => m(s))
          )(picomatch(pattern.replace(/\/$/, ''), { dot: true }));
    return { match, attr };
  });
  return (path) => {
    const out: Record<string, unknown> = {};
    for (const r of rules) if (r.match(path)) out[r.attr] = true;
    return out;
  };
}

function time(label: string, lookup: (path: string) => unknown): number {
  const started = performance.now();
  for (let i = 0; i < paths; i++) lookup(`src/d${i % 100}/sub/f${i}.${i % 3 ? 'js' : 'py'}`);
  const ms = performance.now() - started;
  console.log(`${label.padEnd(10)} ${ms.toFixed(1).padStart(9)} ms for ${patterns} patterns × ${paths} paths`);
  return ms;
}

const text = attributes(patterns);
const indexed = GitAttributes.parse(text);
const before = time('naive', naive(text));
const after = time('indexed', (p) => indexed.lookup(p));
console.log(`ratio      ${(before / after).toFixed(1)}× faster`);
