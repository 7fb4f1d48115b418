// Benchmark: build-artifact's archive writer against GNU tar | gzip -6 -n on a generated tree of
// ~500 MB in 50,000 files, measured in the same run; peak memory on the full tree and on a tenth of
// it (flat means streaming); and a build whose dependency cache is cold, then warm.
// Run: npm run bench:artifact   (add --write-readme to update README.md)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBenchBlock } from './readme.js';
import { recordRatio } from './summary.js';

const repo = join(fileURLToPath(import.meta.url), '..', '..');
const base = join(repo, 'bench', '.tree-artifact');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const MTIME = 1_700_000_000;

/** A deterministic generator of compressible text (words from a small vocabulary). */
function* words(seed: number): Generator<string> {
  const vocab =
    'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua slipway canary artifact deploy release build'.split(
      ' ',
    );
  let x = seed >>> 0 || 1;
  for (;;) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    yield vocab[x % vocab.length]! + (x % 7 === 0 ? '\n' : ' ') + (x % 11 === 0 ? String(x % 100000) : '');
  }
}

function text(seed: number, bytes: number): string {
  const parts: string[] = [];
  let n = 0;
  for (const w of words(seed)) {
    parts.push(w);
    n += w.length;
    if (n >= bytes) break;
  }
  return parts.join('');
}

function generate(root: string, files: number, bigFiles: number): void {
  const marker = join(root, '.bench-tree');
  const id = `artifact-v1 ${files} ${bigFiles}`;
  if (existsSync(marker) && readFileSync(marker, 'utf8') === id) return;
  rmSync(root, { recursive: true, force: true });
  const small = text(1, 2000);
  const big = text(2, 400_000);
  for (let i = 0; i < files; i++) {
    const dir = join(root, `pkg-${i % 100}`, `mod-${Math.floor(i / 100) % 50}`);
    mkdirSync(dir, { recursive: true });
    const content = i < bigFiles ? big.slice(i % 1000) + i : small.slice(i % 500) + i;
    writeFileSync(join(dir, `file-${i}.txt`), content);
  }
  writeFileSync(marker, id);
}

function timeCommand(cmd: string, cwd: string): { ms: number; maxRssKiB: number } {
  const start = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', 'sh', '-c', cmd], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr}`);
  return { ms: performance.now() - start, maxRssKiB: Number(r.stderr.trim().split('\n').pop()) };
}

function ours(root: string, out: string): { ms: number; maxRssKiB: number; digest: string; size: number } {
  const start = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(repo, 'bench', 'archive-worker.ts'), root, out, String(MTIME)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  const doc = JSON.parse(r.stdout);
  return { ...doc, ms: performance.now() - start };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log('generating trees…');
const full = join(base, 'full');
const tenth = join(base, 'tenth');
generate(full, 50_000, 1_000);
generate(tenth, 5_000, 100);
const sizeMiB = Number(
  spawnSync('du', ['-sm', '--exclude=.bench-tree', full], { encoding: 'utf8' }).stdout.split('\t')[0],
);
const out = join(base, 'out');
mkdirSync(out, { recursive: true });

const tarCmd = `tar --sort=name --format=posix --pax-option=delete=atime,delete=ctime --mtime=@${MTIME} --owner=0 --group=0 --numeric-owner -cf - . | gzip -6 -n > ${join(out, 'gnu.tar.gz')}`;
const gnu: number[] = [];
const mine: number[] = [];
const digests = new Set<string>();
let ourRss = 0;
for (let i = 0; i < rounds; i++) {
  gnu.push(timeCommand(tarCmd, full).ms);
  rmSync(join(out, 'ours.tar.gz'), { force: true });
  const r = ours(full, join(out, 'ours.tar.gz'));
  mine.push(r.ms);
  digests.add(r.digest);
  ourRss = Math.max(ourRss, r.maxRssKiB);
}
rmSync(join(out, 'tenth.tar.gz'), { force: true });
const small = ours(tenth, join(out, 'tenth.tar.gz'));
const one = join(base, 'one');
generate(one, 1, 0);
rmSync(join(out, 'one.tar.gz'), { force: true });
const floor = ours(one, join(out, 'one.tar.gz'));
const gnuSize = Number(spawnSync('stat', ['-c', '%s', join(out, 'gnu.tar.gz')], { encoding: 'utf8' }).stdout);
const oursSize = Number(spawnSync('stat', ['-c', '%s', join(out, 'ours.tar.gz')], { encoding: 'utf8' }).stdout);

// Dependency cache: the same npm project built twice with a fresh HOME; the second restores ~/.npm.
console.log('measuring the dependency cache…');
const proj = join(base, 'npm-project');
if (!existsSync(join(proj, 'package-lock.json'))) {
  rmSync(proj, { recursive: true, force: true });
  mkdirSync(proj, { recursive: true });
  writeFileSync(
    join(proj, 'package.json'),
    JSON.stringify({
      name: 'cache-bench',
      version: '1.0.0',
      scripts: { build: 'mkdir -p dist && cp package.json dist/' },
      dependencies: { express: '4.21.0', lodash: '4.17.21', yaml: '2.5.1', semver: '7.6.3' },
    }),
  );
  spawnSync('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund'], { cwd: proj, stdio: 'inherit' });
  for (const args of [
    ['init', '-q'],
    ['add', '-A'],
    ['-c', 'user.name=b', '-c', 'user.email=b@b', 'commit', '-qm', 'bench'],
  ])
    spawnSync('git', args, { cwd: proj });
}
const cacheDir = join(base, 'cache');
const buildOnce = (home: string): number => {
  rmSync(join(proj, 'node_modules'), { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  const start = performance.now();
  const r = spawnSync(
    process.execPath,
    [join(repo, 'dist/cli/index.js'), 'build-artifact', '--upload', 'false', '--provenance', 'false'],
    {
      cwd: proj,
      env: {
        ...process.env,
        HOME: home,
        npm_config_cache: join(home, '.npm'),
        npm_config_prefer_offline: 'true',
        SLIPWAY_CACHE_DIR: cacheDir,
        GITHUB_WORKSPACE: proj,
      },
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return performance.now() - start;
};
rmSync(cacheDir, { recursive: true, force: true });
const cold = buildOnce(join(base, 'home-cold'));
const warm = buildOnce(join(base, 'home-warm'));

const g = median(gnu);
const m = median(mine);
const table = [
  `Tree: ${50_000} files, ${sizeMiB} MiB of compressible text; median of ${rounds} runs on this machine (${process.platform}, node ${process.version}, 2 cores).`,
  '',
  '| | wall time | vs GNU tar + gzip | peak memory | archive |',
  '|---|---|---|---|---|',
  `| GNU tar --sort=name --format=posix … \\| gzip -6 -n | ${(g / 1000).toFixed(2)} s | 1.00x | ${(timeCommand(tarCmd, full).maxRssKiB / 1024).toFixed(0)} MiB (tar + gzip, largest) | ${(gnuSize / 1048576).toFixed(1)} MiB |`,
  `| build-artifact writer (also hashes every file for the manifest) | ${(m / 1000).toFixed(2)} s | ${(m / g).toFixed(2)}x | ${(ourRss / 1024).toFixed(0)} MiB on the full tree, ${(small.maxRssKiB / 1024).toFixed(0)} MiB on a tenth, ${(floor.maxRssKiB / 1024).toFixed(0)} MiB on one file | ${(oursSize / 1048576).toFixed(1)} MiB |`,
  '',
  `Digest identical across the ${rounds} runs: ${digests.size === 1 ? 'yes' : `NO (${[...digests].join(', ')})`}.`,
  '',
  `Dependency cache (npm project with express, lodash, yaml, semver; fresh HOME each time; npm with prefer-offline; local cache backend): cold build ${(cold / 1000).toFixed(2)} s, warm build ${(warm / 1000).toFixed(2)} s, ${(cold / warm).toFixed(2)}x faster.`,
].join('\n');
console.log(table);
// For npm run bench:all: the headline figures of the table above.
const bench = 'build-artifact';
recordRatio({
  bench,
  measure: 'archive wall time',
  slipway: m / 1000,
  peer: 'GNU tar | gzip -6 -n',
  peerValue: g / 1000,
  unit: 's',
});
recordRatio({
  bench,
  measure: 'archive size',
  slipway: oursSize / 1048576,
  peer: 'GNU tar | gzip -6 -n',
  peerValue: gnuSize / 1048576,
  unit: 'MiB',
});
recordRatio({
  bench,
  measure: 'peak memory, full tree vs a tenth (1.00x: streaming)',
  slipway: ourRss / 1024,
  peer: 'the writer on a tenth of the tree',
  peerValue: small.maxRssKiB / 1024,
  unit: 'MiB',
});
recordRatio({
  bench,
  measure: 'build with a warm dependency cache',
  slipway: warm / 1000,
  peer: 'the same build, cold cache',
  peerValue: cold / 1000,
  unit: 's',
});
if (process.argv.includes('--write-readme')) writeBenchBlock('bench-artifact', table, 'npm run bench:artifact');
