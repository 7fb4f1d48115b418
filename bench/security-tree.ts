// The secrets tree both security benches measure: ~200 MB of code-like files in
// bench/.tree-security/secrets with one sample of the rule corpus planted in every 18th file. Kept
// between runs while the corpus it was made from is unchanged.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plants, rand } from '../packages/security/test/corpus.js';

const base = join(fileURLToPath(import.meta.url), '..', '.tree-security');
const tree = join(base, 'secrets');

/** The tree, generated when missing or made from another corpus; `planted` lists `path:line` of each sample. */
export function securityTree(): { tree: string; planted: Set<string>; mib: number } {
  const marker = join(tree, '.bench-tree');
  const plantedFile = join(base, 'planted.json');
  // The tree is kept between runs, but only while the planted corpus is the one it was made with.
  const corpusHash = createHash('sha256')
    .update(
      plants()
        .map((p) => p.line)
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 16);
  const [markedMib, markedCorpus] = existsSync(marker) ? readFileSync(marker, 'utf8').split(':') : [];
  if (markedCorpus === corpusHash && existsSync(plantedFile)) {
    return {
      tree,
      planted: new Set(JSON.parse(readFileSync(plantedFile, 'utf8'))),
      mib: Number(markedMib),
    };
  }
  rmSync(tree, { recursive: true, force: true });
  const corpus = plants();
  const planted: string[] = [];
  const words =
    'const let value config server client request response handler token_count user_id session cache index buffer result error retry timeout'.split(
      ' ',
    );
  let bytes = 0;
  for (let f = 0; f < 2000; f++) {
    const dir = join(tree, `svc-${f % 40}`, `mod-${Math.floor(f / 40) % 25}`);
    mkdirSync(dir, { recursive: true });
    const lines: string[] = [];
    let size = 0;
    for (let l = 0; size < 100_000; l++) {
      const w = (i: number) => words[(f * 7 + l * 13 + i) % words.length];
      const line =
        l % 9 === 0
          ? `// ${w(1)} ${w(2)} ${rand(f * 1000 + l, 24)}`
          : `${w(0)} ${w(1)}_${l} = ${w(2)}(${w(3)}, ${(l * 17) % 1000}); // ${w(4)} ${rand(f * 997 + l, 12, 'abcdef0123456789')}`;
      lines.push(line);
      size += line.length + 1;
    }
    if (f % 18 === 0) {
      const p = corpus[(f / 18) % corpus.length]!;
      const at = 10 + (f % 500);
      lines.splice(at, 0, p.line);
      planted.push(`svc-${f % 40}/mod-${Math.floor(f / 40) % 25}/file-${f}.ts:${at + 1}`);
    }
    const text = `${lines.join('\n')}\n`;
    writeFileSync(join(dir, `file-${f}.ts`), text);
    bytes += text.length;
  }
  const mib = Math.round(bytes / 1048576);
  writeFileSync(plantedFile, JSON.stringify(planted));
  writeFileSync(marker, `${mib}:${corpusHash}`);
  return { tree, planted: new Set(planted), mib };
}
