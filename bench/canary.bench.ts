// Benchmark of the three canary traffic routers (local, haproxy, nginx) at 1,000 requests/s: the
// latency each adds in front of a release, how long a weight change takes to reach traffic, and
// how long an abort (canary back to 0) takes to stop it. The release servers run in a child
// process and each proxy in its own process, as in production; this process only sends load.
// Run: npm run bench:canary (about 3 minutes). BENCH_PROVIDERS=haproxy,nginx runs a subset; BENCH_SECONDS,
// BENCH_ROUNDS and BENCH_REPEATS change the run length (3 s, 6 rounds, 5 repeats).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { EventEmitter } from 'node:events';
import { environmentDir, routerFor } from '../packages/deploy/src/index.js';
import { renderUpstream } from '../packages/deploy/src/providers/nginx/config.js';
import { WeightedProxy } from '../packages/deploy/src/providers/local/proxy.js';
import type { Release, TrafficRouter } from '../packages/deploy/src/types.js';
import { startRelease } from '../packages/deploy/test/release-servers.js';
import { recordRatio } from './summary.js';

const rate = Number(process.env.BENCH_RATE ?? 1000);
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const rounds = Number(process.env.BENCH_ROUNDS ?? 6);
const repeats = Number(process.env.BENCH_REPEATS ?? 5);
const connections = 10;
const providers = (process.env.BENCH_PROVIDERS ?? 'local,haproxy,nginx').split(',');
const REPO = fileURLToPath(new URL('..', import.meta.url));
const DAEMON_ENTRY = join(REPO, 'packages/deploy/test/daemon-entry.ts');

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ---- child processes: `--releases` serves both releases, `--local-proxy` runs a WeightedProxy ----
const [mode] = process.argv.slice(2);
const isChild = mode === '--releases' || mode === '--local-proxy';

/** The child's part: prints what it serves, then (proxy) applies weights sent as JSON lines until stdin closes. */
async function serveChild(): Promise<void> {
  const commands = createInterface({ input: process.stdin });
  commands.on('close', () => process.exit(0));
  if (mode === '--releases') {
    const [stable, canary] = await Promise.all([startRelease('1.0.0-aaaaaaa'), startRelease('1.1.0-bbbbbbb')]);
    const plain = (r: Release): Release => ({ id: r.id, version: r.version, upstream: r.upstream });
    console.log(JSON.stringify({ stable: plain(stable!), canary: plain(canary!) }));
    return;
  }
  const proxy = await WeightedProxy.listen({ host: '127.0.0.1', port: 0 });
  console.log(JSON.stringify({ port: proxy.address.port }));
  commands.on('line', (line) => {
    const { stable, canary, weight } = JSON.parse(line) as { stable: Release; canary: Release; weight: number };
    proxy.setWeights(stable, canary, weight);
    console.log('{}');
  });
}

// ---- the parent's helpers ----
/** What must be stopped, newest first; run on the way out, also on Ctrl-C. */
const cleanups: (() => Promise<unknown> | void)[] = [];
async function cleanUp(): Promise<void> {
  for (const stop of cleanups.splice(0).reverse())
    await Promise.resolve()
      .then(stop)
      .catch((e: unknown) => console.error(`cleanup failed: ${String(e)}`));
}

/** Starts this file as a child in `childMode`; `ask` sends one JSON line and reads the answer line. */
async function startChild(childMode: string): Promise<{ first: unknown; ask(message: unknown): Promise<unknown> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), childMode], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_CANARY_CHILD: '1' },
  });
  cleanups.push(() => void child.kill());
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async (): Promise<unknown> => JSON.parse(String((await lines.next()).value));
  const first = await next();
  return {
    first,
    ask: async (message) => {
      child.stdin!.write(`${JSON.stringify(message)}\n`);
      return next();
    },
  };
}

/** Starts a foreground server process; resolves once it accepts on `port`, fails if it exits first. */
async function startServer(argv: string[], port: number): Promise<void> {
  let output = '';
  const child: ChildProcess = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  for (let attempt = 0; !(await accepts(port)); attempt++) {
    if (child.exitCode !== null) throw new Error(`${argv[0]} exited with code ${child.exitCode}:\n${output}`);
    if (attempt === 300) throw new Error(`${argv[0]} did not listen on ${port}:\n${output}`);
    await sleep(100);
  }
}

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
  const { createServer } = await import('node:net');
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// ---- the providers under test: a front door and a router, everything else on the cleanup list ----
interface Subject {
  frontDoor: string;
  router: Pick<TrafficRouter, 'setWeights'>;
  /** Which implementation was measured, when there is a choice. */
  measured?: string;
  /** The proxy's own log, whose end is printed when the provider fails. */
  log?: string;
}

/** The registry's local router with the daemon if test/daemon-entry.ts exists and works; else a WeightedProxy in a child. */
async function startLocal(): Promise<Subject> {
  let why = 'packages/deploy/test/daemon-entry.ts does not exist yet';
  if (existsSync(DAEMON_ENTRY)) {
    const context = {
      stateDir: tempDir('slipway-bench-local-'),
      environment: 'bench',
      settings: { listen: '127.0.0.1:0' },
      selfCommand: [process.execPath, '--import', 'tsx', DAEMON_ENTRY],
    };
    // Registered before the router exists: a daemon may be left running by a router that then fails.
    cleanups.push(async () => {
      // A variable specifier: spawn.ts is being written alongside this bench and may not exist yet.
      const spawnModule = '../packages/deploy/src/providers/local/spawn.js';
      const { stopLocalProxy } = (await import(spawnModule).catch(() => ({}))) as {
        stopLocalProxy?: (stateDir: string, environment: string) => Promise<void>;
      };
      await stopLocalProxy?.(context.stateDir, context.environment);
    });
    try {
      const router = await routerFor('local', context);
      cleanups.push(() => router.close());
      return {
        frontDoor: router.frontDoor,
        router,
        measured: `routerFor('local') with daemon-entry.ts`,
        log: join(environmentDir(context.stateDir, context.environment), 'proxy.log'),
      };
    } catch (error) {
      why = `routerFor('local') with daemon-entry.ts failed: ${String(error)}`;
    }
  }
  const child = await startChild('--local-proxy');
  const { port } = child.first as { port: number };
  return {
    frontDoor: `http://127.0.0.1:${port}`,
    router: { setWeights: async (stable, canary, weight) => void (await child.ask({ stable, canary, weight })) },
    measured: `WeightedProxy in a child process, not the daemon (${why})`,
  };
}

/** HAProxy in the foreground on a backend with slipway's two slots, driven through the registry. */
async function startHaproxy(): Promise<Subject> {
  const dir = tempDir('slipway-bench-haproxy-');
  const port = await freePort();
  const socket = join(dir, 'admin.sock');
  const slots = ['stable', 'canary'].map((s) => `  server ${s} 127.0.0.1:1 weight 0 disabled`).join('\n');
  // The configuration of packages/deploy/test/haproxy-harness.ts (which needs jest), `app` only.
  const config = `global\n  stats socket ${socket} level admin\ndefaults\n  mode http\n  retries 0\n  timeout connect 10s\n  timeout client 60s\n  timeout server 60s\nfrontend web\n  bind 127.0.0.1:${port}\n  default_backend app\nbackend app\n  balance roundrobin\n${slots}\n`;
  writeFileSync(join(dir, 'haproxy.cfg'), config);
  await startServer(['haproxy', '-f', join(dir, 'haproxy.cfg'), '-db'], port);
  while (!existsSync(socket)) await sleep(50);
  const router = await routerFor('haproxy', {
    stateDir: dir,
    environment: 'bench',
    settings: { 'haproxy-socket': socket, 'haproxy-backend': 'app' },
  });
  cleanups.push(() => router.close());
  return { frontDoor: `http://127.0.0.1:${port}`, router };
}

/** nginx in the foreground under a temporary prefix, including the files the nginx router owns. */
async function startNginx(stable: Release): Promise<Subject> {
  const prefix = tempDir('slipway-bench-nginx-');
  mkdirSync(join(prefix, 'conf'));
  const upstreamFile = join(prefix, 'conf', 'upstream.conf');
  writeFileSync(upstreamFile, renderUpstream('bench', stable, undefined, 0));
  const stateDir = join(prefix, 'state');
  const port = await freePort();
  const conf = join(prefix, 'nginx.conf');
  const errorLog = join(prefix, 'error.log');
  const base = ['nginx', '-p', prefix, '-e', errorLog, '-c', conf];
  const settings = { 'nginx-upstream-file': upstreamFile, 'nginx-reload-command': [...base, '-s', 'reload'].join(' ') };
  // Creating the router writes the access-log snippet nginx includes; it reloads nothing until setWeights.
  const router = await routerFor('nginx', { stateDir, environment: 'bench', settings });
  cleanups.push(() => router.close());
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(prefix, t)};`);
  // The configuration of packages/deploy/test/nginx-harness.ts (which needs jest).
  writeFileSync(
    conf,
    `worker_processes 2;\nerror_log ${errorLog} notice;\npid ${join(prefix, 'nginx.pid')};\n` +
      `events { worker_connections 1024; }\nhttp {\n  ${temp.join('\n  ')}\n  access_log off;\n` +
      `  include ${upstreamFile};\n  server {\n    listen 127.0.0.1:${port};\n    location / {\n` +
      `      proxy_pass http://slipway_bench;\n      proxy_http_version 1.1;\n      proxy_set_header Connection "";\n` +
      `      include ${join(prefix, 'conf', 'upstream.access.inc')};\n    }\n  }\n}\n`,
  );
  await startServer([...base, '-g', 'daemon off;'], port);
  return { frontDoor: `http://127.0.0.1:${port}`, router, log: errorLog };
}

// ---- 1. latency through the front door against straight to the release (autocannon) ----
// autocannon ships no types; this is the part of its API the bench uses.
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: object,
  done: (error: Error | null, result: { errors: number; timeouts: number; non2xx: number }) => void,
) => EventEmitter;

/** Latencies (ms, at the client, full resolution) of every response at `rate`/s for `s` seconds. */
function measure(url: string, s: number): Promise<{ latencies: number[]; failed: number }> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const run = autocannon({ url, connections, overallRate: rate, duration: s }, (error, r) =>
      error ? reject(error) : resolve({ latencies, failed: r.errors + r.timeouts + r.non2xx }),
    );
    run.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  });
}

const quantile = (xs: number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

/** The middle value; the mean of the two middle ones for an even count. */
const median = (xs: number[]): number => (quantile(xs, 0.5) + quantile(xs, (xs.length - 1) / 2 / xs.length)) / 2;

interface Overhead {
  /** Median over the rounds of (front door − direct), each round's two runs back to back. */
  p50: number;
  p99: number;
  /** The same per round, to show the noise. */
  p99s: number[];
  /** Medians over the rounds of each path's own figures. */
  direct: { p50: number; p99: number };
  front: { p50: number; p99: number };
  failed: number;
}

/** Added latency: the two paths alternate (ABBA) so noise hits both; paired per round, so one noisy run cannot set the figure. */
async function overhead(direct: string, front: string): Promise<Overhead> {
  const runs = { direct: [] as { p50: number; p99: number }[], front: [] as { p50: number; p99: number }[] };
  let failed = 0;
  for (const url of [direct, front]) await measure(url, 2); // warm-up: JIT, connection pools
  for (let round = 0; round < rounds; round++)
    for (const path of round % 2 ? (['front', 'direct'] as const) : (['direct', 'front'] as const)) {
      const m = await measure(path === 'direct' ? direct : front, seconds);
      runs[path].push({ p50: quantile(m.latencies, 0.5), p99: quantile(m.latencies, 0.99) });
      failed += m.failed;
    }
  const added = (q: 'p50' | 'p99'): number[] => runs.front.map((f, i) => f[q] - runs.direct[i]![q]);
  const medians = (xs: { p50: number; p99: number }[]): { p50: number; p99: number } => ({
    p50: median(xs.map((x) => x.p50)),
    p99: median(xs.map((x) => x.p99)),
  });
  return {
    p50: median(added('p50')),
    p99: median(added('p99')),
    p99s: added('p99'),
    direct: medians(runs.direct),
    front: medians(runs.front),
    failed,
  };
}

// ---- 2 and 3. a paced request generator that knows each request's send time ----
interface Sent {
  sent: number;
  release?: string;
}

/** Sends `rate` requests/s over keep-alive connections, recording when each was sent and who answered. */
class PacedLoad {
  readonly log: Sent[] = [];
  errors = 0;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: connections });
  private readonly listeners = new Set<(s: Sent, arrived: number) => void>();
  private readonly start = performance.now();
  private count = 0;
  private inFlight = 0;
  private readonly timer = setInterval(() => this.tick(), 1);

  constructor(private readonly url: URL) {}

  /** Resolves with the arrival time of the first response from `releaseId` to a request sent at or after `since`. */
  firstFrom(releaseId: string, since: number, timeoutMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const timeout = setTimeout(() => {
        this.listeners.delete(listen);
        reject(new Error(`no answer from ${releaseId} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listen = (s: Sent, arrived: number): void => {
        if (s.release !== releaseId || s.sent < since) return;
        clearTimeout(timeout);
        this.listeners.delete(listen);
        resolve(arrived);
      };
      this.listeners.add(listen);
    });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (let i = 0; this.inFlight > 0 && i < 500; i++) await sleep(10);
    this.agent.destroy();
  }

  /** Timers fire late under load; sending what is due since the start keeps the rate, not the spacing. */
  private tick(): void {
    const due = Math.floor(((performance.now() - this.start) * rate) / 1000);
    for (; this.count < due; this.count++) this.send();
  }

  private send(): void {
    const s: Sent = { sent: performance.now() };
    this.log.push(s);
    this.inFlight++;
    const done = (): void => void this.inFlight--;
    const req = request(this.url, { agent: this.agent }, (res) => {
      const arrived = performance.now();
      s.release = String(res.headers['x-release']);
      for (const listen of this.listeners) listen(s, arrived);
      res.resume();
      res.once('end', done);
      res.once('error', done);
    });
    req.once('error', () => {
      this.errors++;
      done();
    });
    req.end();
  }
}

interface Switching {
  /** setWeights(…, 50) called → first canary answer to a request sent after the call began. */
  weightChange: number[];
  /** setWeights(…, 0) called → send time of the last request the canary answered. */
  abort: number[];
  abortCall: number[];
  /** Canary answers to requests sent after setWeights(…, 0) resolved (the router's promise says none). */
  late: number;
  errors: number;
  requests: number;
}

/** Repeats canary 0 → 50 and 50 → 0 under paced load, timing when each reaches the traffic. */
async function switching(subject: Subject, stable: Release, canary: Release): Promise<Switching> {
  const out: Switching = { weightChange: [], abort: [], abortCall: [], late: 0, errors: 0, requests: 0 };
  await subject.router.setWeights(stable, canary, 0);
  const paced = new PacedLoad(new URL(subject.frontDoor));
  try {
    await sleep(1000);
    for (let i = 0; i < repeats; i++) {
      const began = performance.now();
      const call = subject.router.setWeights(stable, canary, 50);
      out.weightChange.push((await paced.firstFrom(canary.id, began, 15_000)) - began);
      await call;
      await sleep(500);
      const abortBegan = performance.now();
      await subject.router.setWeights(stable, canary, 0);
      const resolved = performance.now();
      out.abortCall.push(resolved - abortBegan);
      // Long enough for a request that went to an old nginx worker (or a stale connection) to show up.
      await sleep(1500);
      const toCanary = paced.log.filter((s) => s.sent >= abortBegan && s.release === canary.id);
      out.abort.push(Math.max(0, ...toCanary.map((s) => s.sent - abortBegan)));
      out.late += toCanary.filter((s) => s.sent >= resolved).length;
      console.log(
        `  ${i + 1}: weight change ${out.weightChange.at(-1)!.toFixed(1)} ms; abort ${out.abort.at(-1)!.toFixed(1)} ms ` +
          `(call ${out.abortCall.at(-1)!.toFixed(1)} ms)`,
      );
    }
  } finally {
    await paced.stop();
  }
  out.errors = paced.errors;
  out.requests = paced.log.length;
  return out;
}

// ---- the table ----
const GOALS: Record<string, { switchMs: number; p99Ms: number }> = {
  local: { switchMs: 1000, p99Ms: 5 },
  haproxy: { switchMs: 1000, p99Ms: 2 },
  nginx: { switchMs: 2000, p99Ms: 2 },
};

const ms = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const medianMax = (xs: number[]): string => `${ms(median(xs))} / ${ms(Math.max(...xs))} ms`;

/**
 * One table row and its goals. Switching is judged on the worst repeat. The added p99 is judged on
 * the middle half of the rounds: when that half straddles the goal, the run cannot tell (machine
 * noise), and the verdict says so rather than passing or failing on a coin toss.
 */
function row(name: string, lat: Overhead, sw: Switching): string {
  const goal = GOALS[name]!;
  const [low, high] = [quantile(lat.p99s, 0.25), quantile(lat.p99s, 0.75)];
  const p99 = high < goal.p99Ms ? 'pass' : low >= goal.p99Ms ? 'FAIL' : 'inconclusive (noise)';
  const switched = (xs: number[]): string => (Math.max(...xs) < goal.switchMs ? 'pass' : 'FAIL');
  const goals =
    `p99 < ${goal.p99Ms} ms: ${p99}; weight change < ${goal.switchMs / 1000} s: ${switched(sw.weightChange)}; ` +
    `abort < ${goal.switchMs / 1000} s: ${switched(sw.abort)}`;
  const added99 = `${ms(lat.p99)} ms (rounds ${ms(Math.min(...lat.p99s))} … ${ms(Math.max(...lat.p99s))})`;
  const abort = `${medianMax(sw.abort)} (call ${medianMax(sw.abortCall)})`;
  return `| ${name} | ${ms(lat.p50)} ms | ${added99} | ${medianMax(sw.weightChange)} | ${abort} | ${goals} |`;
}

/** For npm run bench:all: the row's proxy overhead and switching times, against the direct path and the goals. */
function record(name: string, lat: Overhead, sw: Switching, measured: string | undefined): void {
  const goal = GOALS[name]!;
  const note = measured ? `${name}: ${measured}` : undefined;
  const bench = 'canary';
  recordRatio({
    bench,
    measure: `${name}: p50 through the front door`,
    slipway: lat.front.p50,
    peer: 'direct to the release',
    peerValue: lat.direct.p50,
    unit: 'ms',
    ...(note ? { note } : {}),
  });
  recordRatio({
    bench,
    measure: `${name}: weight change, slowest of ${sw.weightChange.length}`,
    slipway: Math.max(...sw.weightChange),
    peer: 'goal',
    peerValue: goal.switchMs,
    unit: 'ms',
  });
  recordRatio({
    bench,
    measure: `${name}: abort, slowest of ${sw.abort.length}`,
    slipway: Math.max(...sw.abort),
    peer: 'goal',
    peerValue: goal.switchMs,
    unit: 'ms',
  });
}

function hasCommand(tool: string): boolean {
  return !spawnSync(tool, ['-v'], { stdio: 'ignore' }).error;
}

/** Starts the releases, then each provider in turn: measures, stops it, and prints the table. */
async function main(): Promise<void> {
  const releases = (await startChild('--releases')).first as { stable: Release; canary: Release };
  const { stable, canary } = releases;
  const rows: string[] = [];
  const notes: string[] = [];
  for (const name of providers) {
    if (name !== 'local' && !hasCommand(name)) {
      const loud = `*** SKIPPED LOUDLY: '${name}' is not installed here (run 'bash test/setup.sh' as root). ***`;
      console.error(`\n${loud}\n`);
      notes.push(loud);
      continue;
    }
    const before = cleanups.length;
    let subject: Subject | undefined;
    try {
      console.log(`${name}:`);
      subject =
        name === 'local' ? await startLocal() : name === 'haproxy' ? await startHaproxy() : await startNginx(stable);
      if (subject.measured) console.log(`  measured: ${subject.measured}`);
      await subject.router.setWeights(stable, canary, 0);
      const lat = await overhead(stable.upstream, subject.frontDoor);
      console.log(
        `  added p50 ${ms(lat.p50)} ms, added p99 ${ms(lat.p99)} ms (per round: ${lat.p99s.map(ms).join(', ')}), ` +
          `failed ${lat.failed}`,
      );
      const sw = await switching(subject, stable, canary);
      rows.push(row(name, lat, sw));
      record(name, lat, sw, subject.measured);
      if (subject.measured) notes.push(`${name}: ${subject.measured}.`);
      notes.push(
        `${name}: direct p50/p99 ${ms(lat.direct.p50)}/${ms(lat.direct.p99)} ms, through the front door ` +
          `${ms(lat.front.p50)}/${ms(lat.front.p99)} ms; added p99 per round ${lat.p99s.map(ms).join(', ')} ms; ` +
          `${lat.failed} failed autocannon requests; paced load ${sw.requests} requests, ${sw.errors} lost ` +
          `on the wire, ${sw.late} answered by the canary though sent after setWeights(…, 0) resolved.`,
      );
    } catch (error) {
      const loud = `*** ${name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)} ***`;
      console.error(loud);
      notes.push(loud.split('\n')[0]!);
      if (subject?.log && existsSync(subject.log))
        console.error(`end of ${subject.log}:\n${readFileSync(subject.log, 'utf8').slice(-3000)}`);
    } finally {
      const mine = cleanups.splice(before);
      for (const stop of mine.reverse()) await Promise.resolve().then(stop);
    }
  }
  console.log(
    [
      '',
      `${rate} requests/s; latency: autocannon, ${connections} connections, ${rounds} × ${seconds} s per path after a 2 s warm-up, ` +
        `front door and release alternating (ABBA), added = median over rounds of the paired difference; switching: ${repeats} repeats, paced generator. ` +
        `node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
      '',
      '| provider | added p50 | added p99 | weight change (median / max) | abort (median / max) | goals |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
      ...notes.map((n) => `- ${n}`),
    ].join('\n'),
  );
}

// Only the parent may start children: a child that ran main() too would start processes without end.
if (isChild) await serveChild();
else if (process.env.BENCH_CANARY_CHILD) throw new Error('a child process was started without a mode');
else {
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  try {
    await main();
  } finally {
    await cleanUp();
  }
}
