// Every benchmark in one run, and one table of their headline ratios measured side by side.
//
// Each bench in BENCHES runs in turn as a child process (its output shown line by line, prefixed
// with its name) with SLIPWAY_BENCH_SUMMARY naming a temp file, where the bench's recordRatio()
// calls (bench/summary.ts) append its figures. Then one table: bench | measure | slipway |
// peer / floor / goal | ratio, where ratio is slipway ÷ the figure beside it (below 1.00x is
// better, except where ↑ marks higher as better). Cold start is the cold-start bench's own A B A B
// measurement of each bundle against `node -e 0`.
//
// A bench whose prerequisites are missing (a tool, a built control plane, the committed bundles) is
// not started and gets a row saying why; so does a part a bench skipped or failed on its own (its
// `*** … ***` lines). bench:all always goes on to the next bench.
//
// Exit code: 0 when every bench that was started exited 0, recorded at least one figure and reported
// no failed part; benches not started for a missing prerequisite, and parts a bench skipped because
// a tool is not installed, do not count against it. 1 when a bench crashed (non-zero exit, a signal,
// the timeout), recorded nothing, or reported a failed part (`*** … FAILED …`). 2 for a bad option,
// 130 when interrupted (the table of what finished is still printed).
//
// Run: npm run bench:all [-- --quick] [--only a,b] [--write-readme] [--timeout MINUTES]
//   --quick          shorter runs through the benches' own knobs (see `quick` below); a variable
//                    already set in the environment wins over them
//   --only a,b       just these benches (names as in BENCHES)
//   --write-readme   puts the table into README.md's bench-all block, with the date, the machine
//                    and the load average at the start and the end
//   --timeout N      minutes one bench may take before it is stopped (default 120; 30 with --quick)
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { K8S_BIN } from '../test/k8s/control-plane.js';
import { writeBenchBlock } from './readme.js';
import { SUMMARY_ENV, formatSummaryTable, parseSummary, type RatioEntry, type StatusRow } from './summary.js';

const REPO = join(fileURLToPath(import.meta.url), '..', '..');

/** One bench as bench:all runs it. */
export interface BenchSpec {
  /** Its name in the table and for --only: the file name without `.bench.ts`. */
  name: string;
  /** The file, relative to the repository. */
  script: string;
  /** Its own npm script, which runs the same file. */
  npm: string;
  /** Arguments always passed. */
  args?: string[];
  /** What --quick passes: the bench's own knobs for a shorter run. */
  quick?: { env?: Record<string, string>; args?: string[] };
  /** Why it cannot run here, checked before it starts; undefined when it can. */
  missing?: () => string | undefined;
}

/** bench/*.bench.ts files bench:all leaves out, and why. */
export const SKIPPED: Record<string, string> = {
  gitattributes: 'a one-off check of the .gitattributes index against the matcher it replaced; no peer, no goal',
};

/** A tool on PATH (or an absolute path) that can be run. */
function runnable(tool: string): boolean {
  const candidates = tool.includes('/') ? [tool] : (process.env.PATH ?? '').split(delimiter).map((d) => join(d, tool));
  return candidates.some((c) => {
    try {
      accessSync(c, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The first of `checks` that fails, as a reason; undefined when all pass. */
function firstMissing(...checks: [ok: boolean, why: string][]): string | undefined {
  return checks.find(([ok]) => !ok)?.[1];
}

const repoFile = (path: string): [boolean, string] => [
  existsSync(join(REPO, path)),
  `${path} is missing (npm ci, npm run bundle)`,
];
const tool = (name: string, hint = 'bash test/setup.sh installs it'): [boolean, string] => [
  runnable(name),
  `${name} is not installed (${hint})`,
];
/** A Go tool on PATH or in GOPATH/bin, or Go to `go install` it with. */
const goTool = (name: string): [boolean, string] => [
  runnable(name) ||
    runnable(join(process.env.GOPATH ?? join(process.env.HOME ?? '/root', 'go'), 'bin', name)) ||
    runnable('go'),
  `neither ${name} nor Go (to go install it) is installed`,
];

/** Every bench, in the order they run. Names match bench/<name>.bench.ts. */
export const BENCHES: BenchSpec[] = [
  {
    name: 'detect-stack',
    script: 'bench/detect-stack.bench.ts',
    npm: 'bench',
    quick: { env: { BENCH_ROUNDS: '1' } },
    missing: () =>
      firstMissing(repoFile('dist/cli/index.js'), repoFile('node_modules/@netlify/build-info/bin.js'), tool('find')),
  },
  {
    name: 'build-artifact',
    script: 'bench/build-artifact.bench.ts',
    npm: 'bench:artifact',
    quick: { env: { BENCH_ROUNDS: '1' } },
    missing: () =>
      firstMissing(
        repoFile('dist/cli/index.js'),
        tool('/usr/bin/time', 'apt-get install time'),
        tool('tar'),
        tool('gzip'),
        tool('git'),
      ),
  },
  {
    name: 'security-scan',
    script: 'bench/security-scan.bench.ts',
    npm: 'bench:security',
    quick: { env: { BENCH_ROUNDS: '1' } },
    missing: () =>
      firstMissing(
        repoFile('dist/cli/index.js'),
        repoFile('node_modules/secretlint/bin/secretlint.js'),
        tool('rg', 'apt-get install ripgrep'),
        tool('python3'),
      ),
  },
  {
    name: 'secrets-peer',
    script: 'bench/secrets-peer.bench.ts',
    npm: 'bench:secrets-peer',
    quick: { env: { BENCH_ROUNDS: '1' } },
    missing: () => firstMissing(goTool('gitleaks'), tool('npm')),
  },
  {
    name: 'deps-peer',
    script: 'bench/deps-peer.bench.ts',
    npm: 'bench:deps-peer',
    missing: () => firstMissing(goTool('osv-scanner'), tool('python3')),
  },
  {
    name: 'workflows-peer',
    script: 'bench/workflows-peer.bench.ts',
    npm: 'bench:workflows-peer',
    missing: () =>
      firstMissing([
        runnable('zizmor') || runnable('python3'),
        'neither zizmor nor python3 (to pip install it) is installed',
      ]),
  },
  {
    name: 'verify-health',
    script: 'bench/verify-health.bench.ts',
    npm: 'bench:health',
    quick: { env: { BENCH_ROUNDS: '1', BENCH_FALSE_RUNS: '5', BENCH_FALSE_SECONDS: '10' } },
  },
  {
    // haproxy and nginx are optional here: the bench skips a missing one loudly, and that is a row.
    name: 'canary',
    script: 'bench/canary.bench.ts',
    npm: 'bench:canary',
    quick: { env: { BENCH_SECONDS: '1', BENCH_ROUNDS: '2', BENCH_REPEATS: '2' } },
  },
  {
    name: 'canary-proxy',
    script: 'bench/canary-proxy.bench.ts',
    npm: 'bench:canary-proxy',
    quick: { env: { BENCH_SECONDS: '3', BENCH_ROUNDS: '1' } },
  },
  {
    // haproxy is optional, as for canary.
    name: 'rollback',
    script: 'bench/rollback.bench.ts',
    npm: 'bench:rollback',
    quick: { env: { BENCH_REPEATS: '2' } },
  },
  {
    name: 'k8s-abort',
    script: 'bench/k8s-abort.bench.ts',
    npm: 'bench:k8s-abort',
    quick: { env: { BENCH_REPEATS: '2' } },
    missing: () =>
      firstMissing([
        existsSync(join(K8S_BIN, 'kube-apiserver')),
        `the Kubernetes control plane is not built in ${K8S_BIN} (bash test/setup.sh builds it, ~15 min)`,
      ]),
  },
  {
    name: 'cold-start',
    script: 'bench/cold-start.bench.ts',
    npm: 'bench:cold-start',
    quick: { args: ['--rounds', '5'] },
    missing: () =>
      firstMissing(
        ...['detect-stack', 'build-artifact', 'security-scan', 'verify-health', 'deploy-canary', 'rollback', 'cli'].map(
          (b) => repoFile(`dist/${b}/index.js`),
        ),
      ),
  },
];

/** What one bench run left: its figures, the rows saying what it did not measure, and whether that is a failure. */
export interface BenchOutcome {
  entries: RatioEntry[];
  status: StatusRow[];
  failed: boolean;
  seconds: number;
}

/** A bench's own `*** … ***` line as a status row: a skipped part (a tool not installed) or a failed one. */
export function loudLine(bench: string, line: string): { row: StatusRow; failed: boolean } | undefined {
  const m = /^\*\*\* (.*?)(?: \*\*\*)?$/.exec(line.trim());
  if (!m) return undefined;
  const text = m[1]!.length > 240 ? `${m[1]!.slice(0, 240)}…` : m[1]!;
  const skipped = /^SKIPPED/i.test(text);
  return {
    row: { bench, status: skipped ? `skipped: ${text.replace(/^SKIPPED( LOUDLY)?:\s*/i, '')}` : `FAILED: ${text}` },
    failed: !skipped && /FAILED/.test(text),
  };
}

/** The line of a crashed bench's last output that says what went wrong: its last error line, else its last line. */
export function lastError(tail: string[]): string {
  const said = tail.filter((l) => !/^at /.test(l.trim()) && !/^Node\.js v\d/.test(l.trim()) && l.trim() !== '^');
  return [...said].reverse().find((l) => /\b\w*Error\b|\bfailed\b/i.test(l)) ?? said.at(-1) ?? '';
}

/** Reads --quick, --only, --write-readme, --timeout; throws on anything else. */
export function parseOptions(argv: string[]): {
  quick: boolean;
  only?: string[];
  writeReadme: boolean;
  timeoutMin: number;
  help: boolean;
} {
  const out = { quick: false, writeReadme: false, help: false } as ReturnType<typeof parseOptions>;
  let timeout: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined || v === '') throw new Error(`${a.split('=')[0]} needs a value`);
      return v;
    };
    if (a === '--quick') out.quick = true;
    else if (a === '--write-readme') out.writeReadme = true;
    else if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--only' || a.startsWith('--only=')) {
      out.only = value()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = out.only.filter((n) => !BENCHES.some((b) => b.name === n));
      if (unknown.length)
        throw new Error(`no bench named ${unknown.join(', ')} (there are ${BENCHES.map((b) => b.name).join(', ')})`);
    } else if (a === '--timeout' || a.startsWith('--timeout=')) {
      timeout = Number(value());
      if (!(timeout > 0)) throw new Error('--timeout takes a number of minutes above 0');
    } else throw new Error(`unknown option ${a}`);
  }
  out.timeoutMin = timeout ?? (out.quick ? 30 : 120);
  return out;
}

/** The machine, for the table's header. */
export function machine(): string {
  const cpu = cpus();
  return (
    `${cpu[0]?.model?.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB, ` +
    `node ${process.version}, ${platform()} ${release()}`
  );
}

const duration = (s: number): string =>
  s >= 3600
    ? `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`
    : s >= 60
      ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`
      : `${s.toFixed(0)} s`;

/** Runs one bench as a child, its output prefixed; resolves when it has ended (or was stopped). */
async function runBench(
  spec: BenchSpec,
  options: { quick: boolean; timeoutMin: number; summaryDir: string },
  track: (stop: ((signal: NodeJS.Signals) => void) | undefined) => void,
): Promise<BenchOutcome> {
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  const status: StatusRow[] = [];
  const why = spec.missing?.();
  if (why) {
    console.log(`[${spec.name}] not run: ${why}`);
    return { entries: [], status: [{ bench: spec.name, status: `not run: ${why}` }], failed: false, seconds: 0 };
  }
  const summary = join(options.summaryDir, `${spec.name}.jsonl`);
  const args = [...(spec.args ?? []), ...(options.quick ? (spec.quick?.args ?? []) : [])];
  const env: NodeJS.ProcessEnv = {
    ...(options.quick ? spec.quick?.env : {}),
    ...process.env,
    [SUMMARY_ENV]: summary,
  };
  const knobs = Object.entries(options.quick ? (spec.quick?.env ?? {}) : {})
    .map(([k, v]) => `${k}=${env[k] ?? v}`)
    .join(' ');
  console.log(
    `\n=== ${spec.name}: ${knobs ? `${knobs} ` : ''}node --import tsx ${spec.script}${args.length ? ` ${args.join(' ')}` : ''} ===`,
  );
  // Its own process group, so that a timeout or Ctrl-C stops it and whatever it started.
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, spec.script), ...args], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  track(signalGroup);
  let failedPart = false;
  const tail: string[] = [];
  const pipe = (from: NodeJS.ReadableStream, to: NodeJS.WriteStream): Promise<void> =>
    new Promise((done) => {
      const lines = createInterface({ input: from });
      lines.on('line', (line) => {
        to.write(`[${spec.name}] ${line}\n`);
        if (line.trim()) tail.push(line.trim());
        if (tail.length > 20) tail.shift();
        const loud = loudLine(spec.name, line);
        if (loud) {
          status.push(loud.row);
          failedPart ||= loud.failed;
        }
      });
      lines.on('close', done);
    });
  const outputs = Promise.all([pipe(child.stdout, process.stdout), pipe(child.stderr, process.stderr)]);
  let timedOut = false;
  let kill: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    console.error(`[${spec.name}] still running after ${options.timeoutMin} min: stopping it`);
    signalGroup('SIGTERM');
    kill = setTimeout(() => signalGroup('SIGKILL'), 30_000).unref();
  }, options.timeoutMin * 60_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((r) =>
    child.once('exit', (c, s) => r([c, s])),
  );
  clearTimeout(timer);
  // Once it has exited its group id may be reused: no SIGKILL lands on someone else's processes.
  clearTimeout(kill);
  track(undefined);
  // Whatever the bench left in its group (a server it started) goes with it.
  signalGroup('SIGTERM');
  // A process that outlives the bench and keeps its output open must not hold bench:all forever.
  await Promise.race([outputs, new Promise((r) => setTimeout(r, 10_000).unref())]);
  const seconds = elapsed();

  const parsed = existsSync(summary)
    ? parseSummary(readFileSync(summary, 'utf8'))
    : { entries: [] as RatioEntry[], errors: [] as string[] };
  for (const e of parsed.errors) status.push({ bench: spec.name, status: `bad summary line: ${e}` });
  let failed = failedPart || parsed.errors.length > 0;
  const lastWords = lastError(tail);
  if (timedOut) {
    failed = true;
    status.push({ bench: spec.name, status: `FAILED: stopped after the ${options.timeoutMin} min timeout` });
  } else if (code !== 0) {
    failed = true;
    const how = signal ? `killed by ${signal}` : `exit ${code}`;
    // A bench that already said which part failed needs no second row for its exit code.
    if (!failedPart)
      status.push({
        bench: spec.name,
        status: `FAILED: ${how} after ${duration(seconds)}: ${lastWords.slice(0, 240)}`,
      });
  } else if (parsed.entries.length === 0 && !status.length) {
    failed = true;
    status.push({ bench: spec.name, status: 'FAILED: exited 0 but recorded no figure (is recordRatio still called?)' });
  }
  console.log(
    `=== ${spec.name}: ${failed ? 'FAILED' : 'done'} in ${duration(seconds)}, ${parsed.entries.length} figure(s) ===`,
  );
  return { entries: parsed.entries, status, failed, seconds };
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`bench:all: ${(error as Error).message}`);
    process.exit(2);
  }
  if (options.help) {
    const head = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\nimport ')[0]!;
    console.log(head.replace(/^\/\/ ?/gm, ''));
    return;
  }
  const chosen = BENCHES.filter((b) => !options.only || options.only.includes(b.name));
  const summaryDir = mkdtempSync(join(tmpdir(), 'slipway-bench-all-'));
  const startedAt = new Date();
  const loadStart = loadavg();
  const began = performance.now();
  let current: ((signal: NodeJS.Signals) => void) | undefined;
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      if (interrupted) process.exit(130);
      interrupted = true;
      console.error(`\nbench:all: ${signal}: stopping the running bench; the table of what finished follows`);
      current?.(signal);
    });

  const entries: RatioEntry[] = [];
  const status: StatusRow[] = [];
  const times: string[] = [];
  let failed = false;
  try {
    for (const spec of chosen) {
      if (interrupted) {
        status.push({ bench: spec.name, status: 'not run: bench:all was interrupted' });
        continue;
      }
      const out = await runBench(spec, { ...options, summaryDir }, (stop) => (current = stop));
      entries.push(...out.entries);
      status.push(...out.status);
      failed ||= out.failed;
      if (out.seconds > 0) times.push(`${spec.name} ${duration(out.seconds)}`);
    }
  } finally {
    rmSync(summaryDir, { recursive: true, force: true });
  }
  const loadEnd = loadavg();
  const wall = (performance.now() - began) / 1000;
  const flags = [
    ...(options.quick ? ['--quick'] : []),
    ...(options.only ? [`--only ${options.only.join(',')}`] : []),
  ].join(' ');
  const command = `npm run bench:all${flags ? ` -- ${flags}` : ''}`;
  const text = [
    `Measured ${startedAt.toISOString().replace(/\.\d+Z$/, 'Z')} with \`${command}\` in ${duration(wall)}, on ${machine()}; ` +
      `load average (1 min) ${loadStart[0]!.toFixed(2)} at the start, ${loadEnd[0]!.toFixed(2)} at the end. ` +
      `Every figure comes from this one run, each bench in turn; ratio = slipway ÷ the figure beside it, so below 1.00x ` +
      `is better, except where ↑ marks a figure where more is better (recall, agreement).` +
      (options.quick
        ? ' `--quick` shortens the runs (fewer rounds and repeats), so the figures are noisier than each bench on its own.'
        : ''),
    '',
    formatSummaryTable(
      entries,
      status,
      chosen.map((b) => b.name),
    ),
    '',
    `Time per bench: ${times.join(', ') || 'none'}.`,
  ].join('\n');
  console.log(`\n${text}`);
  if (options.writeReadme) {
    writeBenchBlock('bench-all', text, command);
    console.log('\nREADME.md: bench-all block updated.');
  }
  process.exitCode = interrupted ? 130 : failed ? 1 : 0;
}

// Run only as a script, not when a test imports the list.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
