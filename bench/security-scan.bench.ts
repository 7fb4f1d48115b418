// Benchmarks for security-scan, measured in one run on trees generated here:
//  - secrets over ~200 MB with planted secrets: slipway (the CLI bundle) against ripgrep running
//    the same rules' regexes (rg --pcre2 -f) and against secretlint's recommended preset, with
//    recall on the planted set;
//  - dependencies: a 5,000-package lockfile against 50,000 offline OSV records.
// Run: npm run bench:security   (add --write-readme to update README.md)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RULES } from '@slipway/security';
import { writeBenchBlock } from './readme.js';
import { recordRatio } from './summary.js';
import { securityTree } from './security-tree.js';

const repo = join(fileURLToPath(import.meta.url), '..', '..');
const base = join(repo, 'bench', '.tree-security');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
/** slipway's whole-process time on this tree before issue 13 (28 rules, regex per rule). */
const BASELINE_S = 1.28;

function time(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): { ms: number; stdout: string; status: number | null } {
  const start = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { ms: performance.now() - start, stdout: r.stdout, status: r.status };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log('generating the secrets tree…');
const { tree, planted, mib } = securityTree();
// PCRE2 caps one compiled pattern's size, so ripgrep gets the rules in groups, one run each; its
// time is the sum of those runs over the same tree.
const RG_GROUP = 40;
const sources = DEFAULT_RULES.map((r) => `${r.regex.flags.includes('i') ? '(?i)' : ''}${r.regex.source}`);
const patternFiles: string[] = [];
for (let i = 0; i < sources.length; i += RG_GROUP) {
  const file = join(base, `patterns-${patternFiles.length}.txt`);
  writeFileSync(file, sources.slice(i, i + RG_GROUP).join('\n') + '\n');
  patternFiles.push(file);
}
const secretlintrc = join(base, 'secretlintrc.json');
writeFileSync(secretlintrc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
const sarif = join(base, 'out.sarif');

const ours: number[] = [];
const rg: number[] = [];
let oursFound = new Set<string>();
for (let i = 0; i < rounds; i++) {
  const r = time(
    process.execPath,
    [
      join(repo, 'dist/cli/index.js'),
      'security-scan',
      '--path',
      'secrets',
      '--scanners',
      'secrets',
      '--fail-on',
      'none',
      '--sarif',
      'out.sarif',
      '--json',
    ],
    base,
    { ...process.env, GITHUB_WORKSPACE: base },
  );
  ours.push(r.ms);
  const report = JSON.parse(readFileSync(join(base, 'out.report.json'), 'utf8')) as {
    findings: { file: string; line: number }[];
  };
  oursFound = new Set(report.findings.map((f) => `${f.file}:${f.line}`));
  let rgMs = 0;
  for (const file of patternFiles) {
    const r = time('rg', ['--pcre2', '--no-ignore', '--hidden', '-c', '-f', file, '.'], tree);
    // 0: matches, 1: none; anything else (a pattern PCRE2 refuses) would make the time meaningless.
    if (r.status !== 0 && r.status !== 1) throw new Error(`rg failed on ${file} (exit ${r.status})`);
    rgMs += r.ms;
  }
  rg.push(rgMs);
}
void sarif;
console.log('running secretlint (slow)…');
const sl = time(
  process.execPath,
  [
    join(repo, 'node_modules/secretlint/bin/secretlint.js'),
    '**/*',
    '--secretlintrc',
    secretlintrc,
    '--format',
    'json',
    '--no-maskSecrets',
  ],
  tree,
);
let slFound = new Set<string>();
try {
  const results = JSON.parse(sl.stdout) as { filePath: string; messages: { loc: { start: { line: number } } }[] }[];
  slFound = new Set(
    results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(tree.length + 1)}:${m.loc.start.line}`)),
  );
} catch {
  console.log(`secretlint output was not JSON (exit ${sl.status}): ${sl.stdout.slice(0, 200)}`);
}
const recall = (found: Set<string>): string => `${[...planted].filter((p) => found.has(p)).length}/${planted.size}`;

console.log('generating the OSV set…');
const deps = join(base, 'deps');
const db = join(base, 'osv');
if (!existsSync(join(db, 'all.zip'))) {
  rmSync(deps, { recursive: true, force: true });
  rmSync(db, { recursive: true, force: true });
  mkdirSync(deps, { recursive: true });
  mkdirSync(join(db, 'records'), { recursive: true });
  const packages: Record<string, { version: string }> = {};
  for (let i = 0; i < 5000; i++) packages[`node_modules/pkg-${i}`] = { version: `${1 + (i % 5)}.${i % 10}.${i % 7}` };
  writeFileSync(
    join(deps, 'package-lock.json'),
    JSON.stringify({ lockfileVersion: 3, packages: { '': {}, ...packages } }, null, 2),
  );
  for (let i = 0; i < 50_000; i++) {
    const name = i % 10 === 0 ? `pkg-${(i / 10) % 5000}` : `other-${i}`;
    const rec = {
      id: `GHSA-bench-${i}`,
      summary: `Synthetic advisory ${i}`,
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N' }],
      affected: [
        {
          package: { ecosystem: 'npm', name },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: `${1 + (i % 6)}.0.0` }] }],
        },
      ],
    };
    writeFileSync(join(db, 'records', `GHSA-bench-${i}.json`), JSON.stringify(rec));
  }
  spawnSync('python3', [
    '-c',
    'import os,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1],"w",zipfile.ZIP_DEFLATED)\nfor n in sorted(os.listdir(sys.argv[2])): z.write(os.path.join(sys.argv[2],n), n)\nz.close()',
    join(db, 'all.zip'),
    join(db, 'records'),
  ]);
  rmSync(join(db, 'records'), { recursive: true, force: true });
}
const osvRuns: { ms: number; findings: number; records: number; maxRssKiB: number }[] = [];
for (let i = 0; i < rounds; i++) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'bench/security-worker.ts'), deps, db], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  osvRuns.push(JSON.parse(r.stdout));
}

const o = median(ours);
const g = median(rg);
const osvMs = median(osvRuns.map((r) => r.ms));
const table = [
  `Secrets: ${mib} MiB in 2,000 files with ${planted.size} planted secrets (one of every rule, cycled); median of ${rounds} runs, whole-process wall time, this machine (node ${process.version}, 2 cores).`,
  '',
  '| tool | wall time | vs slipway | planted found |',
  '|---|---|---|---|',
  `| slipway security-scan (CLI bundle, ${DEFAULT_RULES.length} rules) | ${(o / 1000).toFixed(2)} s | 1.00x | ${recall(oursFound)} |`,
  `| ripgrep ${spawnSync('rg', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]!.split(' ')[1]} --pcre2 -f (the same regexes in groups of ${RG_GROUP}, summed; no keyword gate, no entropy) | ${(g / 1000).toFixed(2)} s | ${(g / o).toFixed(2)}x | (matches only) |`,
  `| secretlint 13.0.6, recommended preset | ${(sl.ms / 1000).toFixed(2)} s | ${(sl.ms / o).toFixed(2)}x | ${recall(slFound)} |`,
  '',
  `ripgrep running the same regexes without a keyword gate takes ${(g / o).toFixed(1)}x slipway's time; secretlint ${(sl.ms / o).toFixed(1)}x. Against slipway before issue 13 (28 rules, ${BASELINE_S.toFixed(2)} s on this tree): ${(o / 1000 / BASELINE_S).toFixed(2)}x the time with ${DEFAULT_RULES.length} rules (goal: at most 2x).`,
  `Load average when it ran: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores.`,
  '',
  `Dependencies: a 5,000-package package-lock.json against 50,000 OSV records in one all.zip: ${(osvMs / 1000).toFixed(2)} s inside the scan (median of ${rounds}), ${osvRuns[0]!.findings} findings, peak RSS ${(Math.max(...osvRuns.map((r) => r.maxRssKiB)) / 1024).toFixed(0)} MiB.`,
].join('\n');
console.log(table);
// For npm run bench:all: the headline figures of the table above (ratios as slipway ÷ peer).
const bench = 'security-scan';
const rgVersion = spawnSync('rg', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]!.split(' ')[1];
const peerNote = 'slipway and each peer as a whole process';
recordRatio({
  bench,
  measure: `secrets, ${mib} MiB: wall time`,
  slipway: o / 1000,
  peer: `ripgrep ${rgVersion} --pcre2, the same regexes`,
  peerValue: g / 1000,
  unit: 's',
  note: peerNote,
});
recordRatio({
  bench,
  measure: `secrets, ${mib} MiB: wall time`,
  slipway: o / 1000,
  peer: 'secretlint, recommended preset',
  peerValue: sl.ms / 1000,
  unit: 's',
  note: peerNote,
});
recordRatio({
  bench,
  measure: 'secrets: planted found',
  slipway: [...planted].filter((p) => oursFound.has(p)).length,
  peer: 'secretlint, recommended preset',
  peerValue: [...planted].filter((p) => slFound.has(p)).length,
  unit: `of ${planted.size}`,
  better: 'higher',
});
recordRatio({
  bench,
  measure: `secrets: wall time vs before issue 13 (goal: at most 2x)`,
  slipway: o / 1000,
  peer: 'slipway before issue 13, 28 rules',
  peerValue: BASELINE_S,
  unit: 's',
});
recordRatio({
  bench,
  measure: 'OSV matching: 5,000 packages against 50,000 records',
  slipway: osvMs / 1000,
  peer: 'no peer or goal (osv-scanner: see deps-peer)',
  unit: 's',
});
if (process.argv.includes('--write-readme')) writeBenchBlock('bench-security', table, 'npm run bench:security');
