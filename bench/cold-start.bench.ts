// Cold start of each committed bundle: the time until it exits on an empty workspace with its
// default inputs, as a ratio to bare `node -e 0` measured in turn with it (A B A B …), so that a
// machine getting busier or quieter during the run moves both sides alike. Also the CLI's --help.
// Run: npm run bench:cold-start   (add --write-readme to update README.md; --rounds N, default 15)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { writeBenchBlock } from './readme.js';
import { recordRatio } from './summary.js';

const REPO = join(fileURLToPath(import.meta.url), '..', '..');
const ACTIONS = ['detect-stack', 'build-artifact', 'security-scan', 'verify-health', 'deploy-canary', 'rollback'];
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 15;

const runDir = mkdtempSync(join(tmpdir(), 'slipway-cold-'));
const workspace = join(runDir, 'workspace');
mkdirSync(workspace);

/** The runner's environment for a bundle: its defaults as INPUT_* variables, an empty workspace. */
function envFor(action: string): NodeJS.ProcessEnv {
  // Inside the workspace's parent run folder, so that one rmSync at the end removes every one.
  const files = mkdtempSync(join(runDir, 'files-'));
  for (const f of ['output', 'summary', 'state']) writeFileSync(join(files, f), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: workspace,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(files, 'output'),
    GITHUB_STEP_SUMMARY: join(files, 'summary'),
    GITHUB_STATE: join(files, 'state'),
    RUNNER_TEMP: files,
  };
  const meta = parse(readFileSync(join(REPO, 'actions', action, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, { default?: unknown }>;
  };
  for (const [name, spec] of Object.entries(meta.inputs ?? {}))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = spec?.default === undefined ? '' : String(spec.default);
  return env;
}

function timeOnce(args: string[], env: NodeJS.ProcessEnv): number {
  const t = process.hrtime.bigint();
  spawnSync(process.execPath, args, { env, cwd: workspace, stdio: 'ignore', timeout: 30_000 });
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

const rows: { name: string; bundle: number; node: number; ratio: number }[] = [];
const targets: [string, string[], NodeJS.ProcessEnv][] = [
  ...ACTIONS.map((a): [string, string[], NodeJS.ProcessEnv] => [a, [join(REPO, 'dist', a, 'index.js')], envFor(a)]),
  ['cli --help', [join(REPO, 'dist', 'cli', 'index.js'), '--help'], { PATH: process.env.PATH }],
];
for (const [name, args, env] of targets) {
  timeOnce(args, env); // warm the file cache
  const bundle: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    bare.push(timeOnce(['-e', '0'], env));
    bundle.push(timeOnce(args, env));
  }
  const row = { name, bundle: median(bundle), node: median(bare), ratio: median(bundle) / median(bare) };
  rows.push(row);
  recordRatio({
    bench: 'cold-start',
    measure: `cold start: ${name}`,
    slipway: row.bundle,
    peer: 'node -e 0',
    peerValue: row.node,
    ratio: row.ratio,
    unit: 'ms',
    note: "time to exit on an empty workspace (the CLI: --help), bundle and node -e 0 in turn (A B A B); issue 16's goal: at most 1.5x",
  });
  process.stderr.write(
    `${name}: ${row.bundle.toFixed(0)} ms vs node -e 0 ${row.node.toFixed(0)} ms = ${row.ratio.toFixed(2)}x\n`,
  );
}
rmSync(runDir, { recursive: true, force: true });

const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, median of ${ROUNDS} runs each, bundle and \`node -e 0\` in turn:`,
  '',
  '| bundle | to exit | `node -e 0` | ratio |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.name} | ${r.bundle.toFixed(0)} ms | ${r.node.toFixed(0)} ms | ${r.ratio.toFixed(2)}x |`),
].join('\n');
console.log(table);
if (process.argv.includes('--write-readme')) writeBenchBlock('bench-cold-start', table, 'npm run bench:cold-start');
