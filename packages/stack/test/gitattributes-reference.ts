// What the gitattributes tests compare against: generated pattern sets, and the matcher as it was
// before it was indexed (every line tried on every path, in order).
import picomatch from 'picomatch';

/** 5,000 patterns of every kind: literal paths, extensions, folders and real globs. */
export function attributes(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 5;
    lines.push(
      kind === 0
        ? `src/d${i % 100}/f${i}.js linguist-generated`
        : kind === 1
          ? `*.x${i} linguist-vendored`
          : kind === 2
            ? `gen${i}/** linguist-documentation`
            : kind === 3
              ? `src/**/g${i}?.ts linguist-generated`
              : `*${i}[ab]*.py linguist-language=Python`,
    );
  }
  return lines.join('\n');
}

const compiled = new Map<string, (path: string) => boolean>();
const glob = (pattern: string): ((path: string) => boolean) => {
  let m = compiled.get(pattern);
  if (!m) compiled.set(pattern, (m = picomatch(pattern, { dot: true })));
  return m;
};

/** The attributes of a path under the reference matcher, for lines of `pattern attribute`. */
export function reference(text: string, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const line of text.split('\n')) {
    const [pattern, attr] = line.split(' ') as [string, string];
    const value = attr.startsWith('-') ? false : attr.includes('=') ? attr.split('=')[1] : true;
    const key = attr.includes('language') ? 'language' : 'generated';
    const anchored = pattern.includes('/') && !pattern.endsWith('/') ? pattern.replace(/^\//, '') : null;
    const hit =
      anchored !== null
        ? glob(anchored)(path) || glob(`${anchored}/**`)(path)
        : path.split('/').some((s) => glob(pattern.replace(/\/$/, ''))(s));
    if (hit) out[key] = value;
  }
  return out;
}
