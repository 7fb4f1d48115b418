// Benchmark of rollback under continuous load through the front door, on the local and haproxy
// providers: (a) back to a previous release whose process still runs (a traffic switch), (b) back
// to one whose process is gone (started again from its folder), and, side by side, (c) the full
// redeploy of the same release with deployCanary, the figure a rollback is meant to beat. Goal: a
// rollback finishes in under 3 s with zero failed requests. Real release processes, the real local
// proxy daemon (from source) and a real HAProxy; autocannon tags every answer with its release.
// Run: npm run bench:rollback (a few minutes). BENCH_PROVIDERS=haproxy runs a subset; BENCH_RATE,
// BENCH_REPEATS and BENCH_DRAIN_MS change the load (500/s), the repetitions (5) and the drain (0 ms).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { RecordingLogger, systemClock } from '@slipway/action-kit/lite';
import {
  deployCanary,
  downEnvironment,
  parseSteps,
  prepareRelease,
  releaseAlive,
  rollback,
  startRelease,
  stopRelease,
  waitReady,
  type DeployPlan,
  type ReleaseHost,
  type RollbackOptions,
} from '../packages/deploy/src/index.js';
import { releaseFolder, scenarioPlan, scenarioSeams, startLoad } from '../packages/deploy/test/scenario-harness.js';
import { cleanups, runCleanups } from './cleanups.js';
import { recordRatio } from './summary.js';

const rate = Number(process.env.BENCH_RATE ?? 500);
const repeats = Number(process.env.BENCH_REPEATS ?? 5);
const drainMs = Number(process.env.BENCH_DRAIN_MS ?? 0);
const providers = (process.env.BENCH_PROVIDERS ?? 'local,haproxy').split(',');
const GOAL_MS = 3000;
/** Load before and after each measured operation, so that a late failure or a stray answer is seen. */
const SETTLE_MS = 1000;
const ENV = 'prod';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function accepts(port: number): Promise<boolean> {
  return new Promise((r) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      r(true);
    });
    socket.once('error', () => r(false));
  });
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** The provider's settings and its front door. */
interface FrontDoor {
  settings: Record<string, string>;
  url: string;
}

/** HAProxy in the foreground with slipway's two slots: the configuration of test/haproxy-harness.ts (which needs jest), `app` only. */
async function startHaproxy(dir: string): Promise<FrontDoor> {
  const port = await freePort();
  const socket = join(dir, 'admin.sock');
  const slots = ['stable', 'canary'].map((s) => `  server ${s} 127.0.0.1:1 weight 0 disabled`).join('\n');
  const config = `global\n  stats socket ${socket} level admin\ndefaults\n  mode http\n  retries 0\n  timeout connect 10s\n  timeout client 60s\n  timeout server 60s\nfrontend web\n  bind 127.0.0.1:${port}\n  default_backend app\nbackend app\n  balance roundrobin\n${slots}\n`;
  writeFileSync(join(dir, 'haproxy.cfg'), config);
  let output = '';
  const child: ChildProcess = spawn('haproxy', ['-f', join(dir, 'haproxy.cfg'), '-db'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  for (let attempt = 0; !(existsSync(socket) && (await accepts(port))); attempt++) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with code ${child.exitCode}:\n${output}`);
    if (attempt === 300) throw new Error(`haproxy did not listen on ${port}:\n${output}`);
    await sleep(100);
  }
  return { settings: { 'haproxy-socket': socket, 'haproxy-backend': 'app' }, url: `http://127.0.0.1:${port}/` };
}

/** The local provider's front door on a free port; the daemon starts with the first deploy. */
async function localFrontDoor(): Promise<FrontDoor> {
  const listen = `127.0.0.1:${await freePort()}`;
  return { settings: { listen }, url: `http://${listen}/` };
}

/**
 * The real release host, remembering every process it starts (stopped on the way out). With
 * `keepStopped`, a stop is skipped: a promotion or rollback run with it leaves the release it
 * replaced running, which is how case (a) gets a live target.
 */
const startedPids = new Set<number>();
function benchHost(keepStopped = false): ReleaseHost {
  return {
    prepare: prepareRelease,
    start: async (o) => {
      const running = await startRelease(o);
      startedPids.add(running.pid);
      return running;
    },
    waitReady,
    stop: keepStopped ? async () => {} : stopRelease,
    alive: releaseAlive,
  };
}

/** A recording logger that also notes when each line was logged (Date.now(), as the load's answers). */
class TimedLogger extends RecordingLogger {
  readonly times: { at: number; message: string }[] = [];
  override info(message: string): void {
    this.times.push({ at: Date.now(), message });
    super.info(message);
  }
  /** When a line matching `pattern` was first logged. */
  at(pattern: RegExp): number | undefined {
    return this.times.find((t) => pattern.test(t.message))?.at;
  }
}

/** One measured operation. */
interface Run {
  /** rollback's own durationMs output; absent for a redeploy. */
  durationMs?: number;
  wallMs: number;
  /** Start → the router was told to put all traffic on the restored (or redeployed) release. */
  switchedMs: number;
  /** Start → the last answer from the replaced release (0: none after the start). */
  lastReplacedMs: number;
  /** Requests lost on the wire plus non-2xx answers, over the whole load window. */
  failed: number;
  lost: number;
  /** Each non-2xx answer as `status from release at +ms`. */
  bad: string[];
  requests: number;
}

/** Runs `operation` under load through `url`, with SETTLE_MS of load on either side. */
async function underLoad(
  url: string,
  replaced: string,
  restored: string,
  operation: (logger: TimedLogger) => Promise<{ durationMs?: number; switchPattern: RegExp }>,
): Promise<Run> {
  const load = await startLoad(url, rate);
  const logger = new TimedLogger();
  const measure = async () => {
    await sleep(SETTLE_MS);
    const t0 = Date.now();
    const began = performance.now();
    const outcome = await operation(logger);
    const wallMs = performance.now() - began;
    await sleep(SETTLE_MS);
    return { t0, outcome, wallMs };
  };
  // The load stops whether the operation resolves or throws.
  const settled = await measure().then(
    (done) => ({ done }),
    (error: unknown) => ({ error }),
  );
  const seen = await load.stop();
  if ('error' in settled) throw settled.error;
  const { t0, outcome, wallMs } = settled.done;
  const fromReplaced = seen.answers.filter((a) => a.release === replaced && a.at >= t0).map((a) => a.at - t0);
  const last = seen.answers.at(-1)?.release;
  if (last !== restored) throw new Error(`the last answer came from '${last ?? 'nobody'}', not ${restored}`);
  const switchedAt = logger.at(outcome.switchPattern);
  if (switchedAt === undefined) throw new Error(`no log line matched ${outcome.switchPattern}`);
  return {
    ...(outcome.durationMs !== undefined ? { durationMs: outcome.durationMs } : {}),
    wallMs,
    switchedMs: switchedAt - t0,
    lastReplacedMs: Math.max(0, ...fromReplaced),
    failed: seen.lost + seen.non2xx,
    lost: seen.lost,
    bad: seen.answers
      .filter((a) => a.status < 200 || a.status > 299)
      .map((a) => `${a.status} from ${a.release || '(untagged)'} at ${a.at - t0 >= 0 ? '+' : ''}${a.at - t0} ms`),
    requests: seen.answers.length + seen.lost,
  };
}

type Case = 'a' | 'b' | 'c';
const CASES: Record<Case, string> = {
  a: '(a) rollback, previous still running',
  b: '(b) rollback, previous started again',
  c: '(c) redeploy of the same release',
};

/** Deploys 1.0.0 then 2.0.0 and measures each case `repeats` times, interleaved so that noise hits all three. */
async function measureProvider(provider: string): Promise<Record<Case, Run[]>> {
  const root = mkdtempSync(join(tmpdir(), `slipway-bench-rollback-${provider}-`));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const stateDir = join(root, 'state');
  const front = provider === 'haproxy' ? await startHaproxy(root) : await localFrontDoor();
  // Registered before the first deploy: a deploy that fails half-way may leave the daemon and releases running.
  cleanups.push(async () => {
    if (existsSync(stateDir)) await downEnvironment(stateDir, ENV, systemClock);
    for (const pid of startedPids) if (releaseAlive(pid)) await stopRelease(pid, 5000);
    startedPids.clear();
  });
  const base = { provider, stateDir, settings: front.settings };
  const folders = { '1.0.0': releaseFolder(root, '1.0.0', 'good'), '2.0.0': releaseFolder(root, '2.0.0', 'good') };
  const plan = (version: '1.0.0' | '2.0.0', over: Partial<DeployPlan> = {}): DeployPlan =>
    scenarioPlan(base, { artifact: folders[version], version, ...over, environment: ENV, drainMs });
  let runs = 0;
  const options = (): RollbackOptions => ({
    provider,
    environment: ENV,
    stateDir,
    workspace: root,
    settings: front.settings,
    to: 'previous',
    reason: 'rollback benchmark',
    runId: `bench-rollback-${++runs}`,
    owner: 'rollback benchmark',
    healthPath: '/healthz',
    readyTimeoutMs: 15_000,
    drainMs,
  });
  /** A rollback to `previous`; `restart` says whether its target must have been started again. */
  const back = async (logger: TimedLogger, restart: boolean, keepStopped = false) => {
    const outcome = await rollback(options(), scenarioSeams({ logger, host: benchHost(keepStopped) }));
    if (outcome.result !== 'rolled-back') throw new Error(`rollback ended ${outcome.result}: ${outcome.reason}`);
    const restarted = logger.messages('info').some((m) => m.includes('is not running: starting it from'));
    if (restarted !== restart)
      throw new Error(`expected a rollback ${restart ? 'with' : 'without'} a restart: ${outcome.reason}`);
    return outcome;
  };
  const deploy = async (p: DeployPlan, logger: TimedLogger, keepStopped = false) => {
    const outcome = await deployCanary(p, scenarioSeams({ logger, host: benchHost(keepStopped) }));
    if (outcome.result !== 'promoted')
      throw new Error(`deploy of ${p.version} ended ${outcome.result}: ${outcome.reason}`);
    return outcome.releaseId;
  };

  const short = { steps: parseSteps('50'), stepAnalysisMs: 1500 };
  const v1 = await deploy(plan('1.0.0', short), new TimedLogger());
  // Kept running after the promotion of 2.0.0, for case (a).
  const v2 = await deploy(plan('2.0.0', short), new TimedLogger(), true);
  console.log(`  deployed ${v1} then ${v2}; front door ${front.url}`);
  const rollbackTo1 = (restart: boolean) => async (logger: TimedLogger) => ({
    durationMs: (await back(logger, restart)).durationMs,
    switchPattern: /^rollback: all traffic on /,
  });
  const out: Record<Case, Run[]> = { a: [], b: [], c: [] };
  const note = (c: Case, r: Run): void => {
    out[c].push(r);
    const duration = r.durationMs !== undefined ? `durationMs ${r.durationMs}, ` : '';
    console.log(
      `  ${c} ${out[c].length}: ${duration}wall ${r.wallMs.toFixed(0)} ms, switched ${r.switchedMs} ms, ` +
        `last answer from ${v2} ${r.lastReplacedMs} ms, failed ${r.failed} of ${r.requests} (lost ${r.lost})` +
        (r.bad.length ? `; non-2xx: ${r.bad.join(', ')}` : ''),
    );
  };
  for (let i = 0; i < repeats; i++) {
    // State: 2.0.0 stable, 1.0.0 still running.
    note('a', await underLoad(front.url, v2, v1, rollbackTo1(false)));
    await back(new TimedLogger(), true); // 2.0.0 started again; 1.0.0 stopped
    note('b', await underLoad(front.url, v2, v1, rollbackTo1(true)));
    await back(new TimedLogger(), true); // 2.0.0 started again; 1.0.0 stopped
    const redeploy = plan('1.0.0', { steps: parseSteps('100'), stepAnalysisMs: 1000 });
    note(
      'c',
      await underLoad(front.url, v2, v1, async (logger) => {
        await deploy({ ...redeploy, runId: `bench-redeploy-${i}` }, logger);
        return { switchPattern: /^step 1 of 1: 100% of traffic on / };
      }),
    );
    await back(new TimedLogger(), true, true); // 2.0.0 started again; 1.0.0 kept running for the next (a)
  }
  return out;
}

// ---- the table ----
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const ms = (xs: number[]): string => `${median(xs).toFixed(0)} / ${Math.max(...xs).toFixed(0)} ms`;

function rows(provider: string, runs: Record<Case, Run[]>): string[] {
  return (Object.keys(CASES) as Case[]).map((c) => {
    const r = runs[c];
    const failed = sum(r.map((x) => x.failed));
    const durations = r.flatMap((x) => (x.durationMs !== undefined ? [x.durationMs] : []));
    const slowest = Math.max(...r.map((x) => x.wallMs));
    const misses = [
      ...(slowest >= GOAL_MS ? [`slowest ${slowest.toFixed(0)} ms`] : []),
      ...(failed > 0 ? [`${failed} failed`] : []),
    ];
    const goal = c === 'c' ? 'comparison' : misses.length ? `FAIL (${misses.join(', ')})` : 'pass';
    return (
      `| ${provider} | ${CASES[c]} | ${durations.length ? ms(durations) : '—'} | ${ms(r.map((x) => x.wallMs))} | ` +
      `${ms(r.map((x) => x.switchedMs))} | ${ms(r.map((x) => x.lastReplacedMs))} | ` +
      `${failed} of ${sum(r.map((x) => x.requests))} (lost ${sum(r.map((x) => x.lost))}) | ${goal} |`
    );
  });
}

/** For npm run bench:all: each rollback case against the redeploy it is meant to beat, and the slowest against the goal. */
function record(provider: string, runs: Record<Case, Run[]>): void {
  const wall = (c: Case): number[] => runs[c].map((x) => x.wallMs);
  const failed = (c: Case): number => sum(runs[c].map((x) => x.failed));
  for (const c of ['a', 'b'] as const) {
    const bad = failed(c);
    recordRatio({
      bench: 'rollback',
      measure: `${provider}: ${CASES[c]}, wall time`,
      slipway: median(wall(c)),
      peer: CASES.c,
      peerValue: median(wall('c')),
      unit: 'ms',
      ...(bad ? { note: `${provider} ${CASES[c]}: ${bad} failed requests (goal: 0)` } : {}),
    });
  }
  recordRatio({
    bench: 'rollback',
    measure: `${provider}: slowest rollback of ${runs.a.length + runs.b.length}`,
    slipway: Math.max(...wall('a'), ...wall('b')),
    peer: 'goal',
    peerValue: GOAL_MS,
    unit: 'ms',
  });
}

function hasCommand(tool: string): boolean {
  return !spawnSync(tool, ['-v'], { stdio: 'ignore' }).error;
}

async function main(): Promise<void> {
  const table: string[] = [];
  const notes: string[] = [];
  for (const provider of providers) {
    if (provider !== 'local' && !hasCommand(provider)) {
      const loud = `*** SKIPPED LOUDLY: '${provider}' is not installed here (run 'bash test/setup.sh' as root). ***`;
      console.error(`\n${loud}\n`);
      notes.push(loud);
      continue;
    }
    console.log(`${provider}:`);
    const before = cleanups.length;
    try {
      const runs = await measureProvider(provider);
      table.push(...rows(provider, runs));
      record(provider, runs);
    } catch (error) {
      const loud = `*** ${provider} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)} ***`;
      console.error(loud);
      notes.push(loud.split('\n')[0]!);
    } finally {
      await runCleanups(before);
    }
  }
  console.log(
    [
      '',
      `${rate} requests/s through the front door (autocannon, 10 connections), ${repeats} repetitions per case, ` +
        `drain ${drainMs} ms; node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
      '',
      '| provider | case | durationMs (median / max) | wall time | traffic switched | last answer from replaced | failed requests | goal (< 3 s, 0 failed) |',
      '|---|---|---|---|---|---|---|---|',
      ...table,
      '',
      ...notes.map((n) => `- ${n}`),
    ].join('\n'),
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void runCleanups().finally(() => process.exit(130)));
try {
  await main();
} finally {
  await runCleanups();
}
