// slipway's secret scanner beside gitleaks and secretlint on one corpus (bench/secrets-corpus.ts):
//  - setup: gitleaks from the Go module proxy (`go install …@GITLEAKS_VERSION`) unless it is on
//    PATH or in GOPATH/bin; secretlint and its recommended preset from the repository's
//    node_modules, or installed into a temp folder with `npm install --prefix`;
//  - slipway runs in this process, from packages/security/src, with the rules it exposes now;
//  - printed: per credential type, the samples each tool found out of the layouts written; per
//    decoy kind, the look-alikes each tool flagged; totals and wall time; then the speed of
//    slipway's scanner on the large tree of the security-scan bench against the 1.28 s baseline.
// Run: npm run bench:secrets-peer   (--keep leaves the corpus to look at; --no-speed skips the
// large tree; --all prints every type, not only those where a tool missed a sample)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The secrets modules themselves, not the package index, so that work on the other scanners
// never stops this bench.
import { SecretEngine } from '../packages/security/src/secrets/engine.js';
import { scanTree } from '../packages/security/src/secrets/files.js';
import { DEFAULT_RULES } from '../packages/security/src/secrets/rules.js';
import { FORMATS, LAYOUTS, selfCheck, writeCorpus, type CorpusEntry } from './secrets-corpus.js';
import { writeBenchBlock } from './readme.js';
import { recordRatio } from './summary.js';
import { securityTree } from './security-tree.js';

/** The newest gitleaks the Go module proxy listed (`go list -m -versions github.com/zricethezav/gitleaks/v8`). */
const GITLEAKS_VERSION = 'v8.30.1';
/** secretlint, pinned, when the repository's node_modules lacks it. */
const SECRETLINT_VERSION = '13.0.6';
/** slipway's whole-process time on the security-scan bench's 191 MiB tree before issue 13. */
const BASELINE_S = 1.28;

const repo = join(fileURLToPath(import.meta.url), '..', '..');
const args = new Set(process.argv.slice(2));
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

function run(cmd: string, argv: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const start = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  return { ...r, ms: performance.now() - start };
}

/** gitleaks on PATH, in GOPATH/bin, or installed there now from the Go module proxy. */
function gitleaks(): string {
  if (run('gitleaks', ['version']).status === 0) return 'gitleaks';
  const gopath = run('go', ['env', 'GOPATH']).stdout?.trim();
  if (!gopath) throw new Error('neither gitleaks nor go is installed: install Go 1.24+ first');
  const bin = join(gopath, 'bin', 'gitleaks');
  if (existsSync(bin)) return bin;
  console.log(`installing gitleaks ${GITLEAKS_VERSION} with go install…`);
  const r = spawnSync('go', ['install', `github.com/zricethezav/gitleaks/v8@${GITLEAKS_VERSION}`], {
    stdio: 'inherit',
  });
  if (r.status !== 0 || !existsSync(bin)) throw new Error(`go install gitleaks failed (exit ${r.status})`);
  return bin;
}

/** secretlint's CLI: the repository's, or one installed into a temp folder (never into the repository). */
function secretlint(): string {
  const own = join(repo, 'node_modules/secretlint/bin/secretlint.js');
  if (existsSync(own) && existsSync(join(repo, 'node_modules/@secretlint/secretlint-rule-preset-recommend')))
    return own;
  const prefix = join(tmpdir(), `slipway-secretlint-${SECRETLINT_VERSION}`);
  const bin = join(prefix, 'node_modules/secretlint/bin/secretlint.js');
  if (!existsSync(bin)) {
    console.log(`installing secretlint ${SECRETLINT_VERSION} into ${prefix}…`);
    const r = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-audit',
        '--no-fund',
        `secretlint@${SECRETLINT_VERSION}`,
        `@secretlint/secretlint-rule-preset-recommend@${SECRETLINT_VERSION}`,
      ],
      { stdio: 'inherit' },
    );
    if (r.status !== 0) throw new Error(`npm install secretlint failed (exit ${r.status})`);
  }
  return bin;
}

const version = (path: string): string =>
  (JSON.parse(readFileSync(join(path, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

/** Which built-in rule is meant for a type: the same id, or a specific rule whose keyword the sample's prefix or key holds. */
function ruleFor(f: (typeof FORMATS)[number]): string | undefined {
  const byId = DEFAULT_RULES.find((r) => r.id === f.id);
  if (byId) return byId.id;
  const prefix = f.prefix.toLowerCase();
  const key = f.key.toLowerCase();
  return DEFAULT_RULES.find(
    (r) =>
      r.id !== 'generic-secret' &&
      r.keywords.some((k) => k.length >= 3 && (prefix.startsWith(k) || key.split('_').includes(k))),
  )?.id;
}

// ---- the corpus --------------------------------------------------------------------------------
selfCheck();
const base = mkdtempSync(join(tmpdir(), 'slipway-secrets-peer-'));
const root = join(base, 'corpus');
const entries = writeCorpus(root);
const secrets = entries.filter((e) => e.secret);
const decoyEntries = entries.filter((e) => !e.secret);
console.log(
  `corpus: ${FORMATS.length} credential types x ${LAYOUTS.length} layouts = ${secrets.length} samples, ${decoyEntries.length} look-alikes, in ${root}`,
);

/** The files each tool flagged (a corpus file holds one assignment, so a file is a sample). */
type Flagged = Set<string>;

// ---- slipway, in process -------------------------------------------------------------------------
const engine = new SecretEngine(DEFAULT_RULES);
let t0 = performance.now();
const ours = await scanTree(engine, root);
const oursMs = performance.now() - t0;
const oursFlagged: Flagged = new Set(ours.findings.map((f) => f.file));

// ---- gitleaks --------------------------------------------------------------------------------------
const gl = gitleaks();
// A `go install` build does not stamp its version: say which one was pinned.
const glVersion = /^v?\d/.test(run(gl, ['version']).stdout.trim())
  ? run(gl, ['version']).stdout.trim()
  : `${GITLEAKS_VERSION} (go install)`;
const glReport = join(base, 'gitleaks.json');
const glRun = run(gl, [
  'dir',
  root,
  '--report-format',
  'json',
  '--report-path',
  glReport,
  '--exit-code',
  '0',
  '--no-banner',
  '--log-level',
  'error',
]);
if (glRun.status !== 0) console.log(`gitleaks exited ${glRun.status}: ${glRun.stderr.slice(-500)}`);
const glFlagged: Flagged = new Set(
  (JSON.parse(readFileSync(glReport, 'utf8')) as { File: string }[]).map((f) =>
    f.File.startsWith(root) ? f.File.slice(root.length + 1) : f.File,
  ),
);

// ---- secretlint --------------------------------------------------------------------------------------
const sl = secretlint();
const slVersion = version(sl);
const rc = join(base, 'secretlintrc.json');
writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
const slRun = run(
  process.execPath,
  [sl, '**/*', '**/.env', '--secretlintrc', rc, '--format', 'json', '--no-maskSecrets', '--no-color'],
  { cwd: root },
);
let slFlagged: Flagged = new Set();
try {
  const results = JSON.parse(slRun.stdout) as { filePath: string; messages: unknown[] }[];
  slFlagged = new Set(results.filter((r) => r.messages.length).map((r) => r.filePath.slice(root.length + 1)));
} catch {
  console.log(`secretlint did not print JSON (exit ${slRun.status}): ${slRun.stderr.slice(-500)}`);
}

// ---- the tables ---------------------------------------------------------------------------------------
const tools: { name: string; flagged: Flagged; ms: number }[] = [
  { name: `slipway (${DEFAULT_RULES.length} rules)`, flagged: oursFlagged, ms: oursMs },
  { name: `gitleaks ${glVersion}`, flagged: glFlagged, ms: glRun.ms },
  { name: `secretlint ${slVersion} (recommended preset)`, flagged: slFlagged, ms: slRun.ms },
];
const count = (list: CorpusEntry[], flagged: Flagged): number => list.filter((e) => flagged.has(e.file)).length;
const pct = (n: number, of: number): string => (of ? `${((100 * n) / of).toFixed(1)}%` : '-');

const lines: string[] = [];
lines.push(
  `Per credential type: samples found out of ${LAYOUTS.length} layouts (${LAYOUTS.map((l) => l.name).join(', ')}).`,
  '',
  `| type | slipway rule | ${tools.map((t) => t.name).join(' | ')} | slipway missed in |`,
  `|---|---|${tools.map(() => '---').join('|')}|---|`,
);
const ruled = new Set<string>();
for (const f of FORMATS) {
  const mine = secrets.filter((e) => e.id === f.id);
  const rule = ruleFor(f);
  if (rule) ruled.add(f.id);
  const found = tools.map((t) => count(mine, t.flagged));
  if (!args.has('--all') && found.every((n) => n === mine.length)) continue;
  const missed = mine.filter((e) => !oursFlagged.has(e.file)).map((e) => e.layout);
  lines.push(
    `| ${f.id} | ${rule ?? '(none)'} | ${found.map((n) => `${n}/${mine.length}`).join(' | ')} | ${missed.join(', ') || '-'} |`,
  );
}
const covered = new Set(FORMATS.map(ruleFor).filter(Boolean));
const noSample = DEFAULT_RULES.filter((r) => r.id !== 'generic-secret' && !covered.has(r.id)).map((r) => r.id);
lines.push(
  '',
  `Rules with no sample (no entry in the format table): ${noSample.length ? noSample.join(', ') : 'none'}.`,
  '',
  'Per layout: samples found over all types.',
  '',
  `| layout | ${tools.map((t) => t.name).join(' | ')} |`,
  `|---|${tools.map(() => '---').join('|')}|`,
);
for (const l of LAYOUTS) {
  const mine = secrets.filter((e) => e.layout === l.name);
  lines.push(`| ${l.name} | ${tools.map((t) => pct(count(mine, t.flagged), mine.length)).join(' | ')} |`);
}
lines.push(
  '',
  'Look-alike non-secrets flagged (false positives), per kind.',
  '',
  `| kind | written | ${tools.map((t) => t.name).join(' | ')} |`,
  `|---|---|${tools.map(() => '---').join('|')}|`,
);
for (const kind of [...new Set(decoyEntries.map((e) => e.kind!))]) {
  const mine = decoyEntries.filter((e) => e.kind === kind);
  lines.push(`| ${kind} | ${mine.length} | ${tools.map((t) => count(mine, t.flagged)).join(' | ')} |`);
}
const withRule = secrets.filter((e) => ruled.has(e.id));
lines.push(
  '',
  `Totals (${FORMATS.length} types, ${ruled.size} with a slipway rule; goals: recall >= 95%, false positives <= 3%).`,
  '',
  `| tool | recall, all types | recall, types with a slipway rule | false positives | wall time |`,
  '|---|---|---|---|---|',
);
for (const t of tools)
  lines.push(
    `| ${t.name} | ${pct(count(secrets, t.flagged), secrets.length)} | ${pct(count(withRule, t.flagged), withRule.length)} | ${pct(count(decoyEntries, t.flagged), decoyEntries.length)} (${count(decoyEntries, t.flagged)}/${decoyEntries.length}) | ${(t.ms / 1000).toFixed(2)} s |`,
  );
lines.push(
  '',
  `(slipway in process; gitleaks and secretlint whole-process; ${ours.files} files, node ${process.version}.)`,
);
console.log(`\n${lines.join('\n')}`);
// For npm run bench:all: the totals above, slipway against each peer.
for (const peer of tools.slice(1)) {
  const recall = (t: (typeof tools)[number]): number => (100 * count(secrets, t.flagged)) / secrets.length;
  const fp = (t: (typeof tools)[number]): number => count(decoyEntries, t.flagged);
  recordRatio({
    bench: 'secrets-peer',
    measure: `recall, ${secrets.length} samples of ${FORMATS.length} types`,
    slipway: recall(tools[0]!),
    peer: peer.name,
    peerValue: recall(peer),
    unit: '%',
    better: 'higher',
  });
  recordRatio({
    bench: 'secrets-peer',
    measure: `false positives, of ${decoyEntries.length} look-alikes`,
    slipway: fp(tools[0]!),
    peer: peer.name,
    peerValue: fp(peer),
  });
  recordRatio({
    bench: 'secrets-peer',
    measure: `wall time, ${ours.files} files`,
    slipway: tools[0]!.ms / 1000,
    peer: peer.name,
    peerValue: peer.ms / 1000,
    unit: 's',
    note: 'slipway in process, the peer as a whole process',
  });
}
if (args.has('--write-readme')) {
  // The per-type table is long: README.md gets the layouts, the look-alikes, the totals and slipway's misses.
  const missed = FORMATS.filter((f) => secrets.some((e) => e.id === f.id && !oursFlagged.has(e.file))).map((f) => f.id);
  const block = [
    `Corpus: ${FORMATS.length} credential types, each in ${LAYOUTS.length} layouts, and ${decoyEntries.length} look-alike non-secrets, generated at run time. Types slipway misses in some layout: ${missed.length ? missed.join(', ') : 'none'}.`,
    '',
    ...lines.slice(lines.indexOf('Per layout: samples found over all types.')),
  ];
  writeBenchBlock('bench-secrets-peer', block.join('\n'), 'npm run bench:secrets-peer -- --write-readme');
}

// ---- speed on the large tree ---------------------------------------------------------------------------
if (!args.has('--no-speed')) {
  const { tree, mib } = securityTree();
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < rounds; i++) {
    t0 = performance.now();
    found = (await scanTree(new SecretEngine(DEFAULT_RULES), tree)).findings.length;
    times.push(performance.now() - t0);
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]! / 1000;
  recordRatio({
    bench: 'secrets-peer',
    measure: `speed on the ${mib} MiB tree vs before issue 13 (goal: at most 2x)`,
    slipway: median,
    peer: 'slipway before issue 13, 28 rules',
    peerValue: BASELINE_S,
    unit: 's',
    note: 'slipway in process now; the baseline was the whole CLI process',
  });
  console.log(
    `\nSpeed: ${mib} MiB tree of the security-scan bench, slipway in process with ${DEFAULT_RULES.length} rules: ${median.toFixed(2)} s (median of ${rounds}; ${found} findings; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores) against ${BASELINE_S} s before issue 13 (whole CLI process): ${(median / BASELINE_S).toFixed(2)}x, goal <= 2x.`,
  );
}
if (args.has('--keep')) console.log(`corpus kept in ${base}`);
else rmSync(base, { recursive: true, force: true });
