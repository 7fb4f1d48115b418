// Benchmark of the local router's proxy: autocannon at a fixed rate (1,000 requests/s, 10 s by
// default) straight to a release, then through the proxy with each forwarding candidate available
// on Node 20: undici (a Pool per upstream, the one the proxy keeps) and node's http.request with a
// keep-alive Agent (kept here, so the comparison can be run again). The release and the proxy each
// run in a process of their own, as in production; this process only generates load.
// Run: node --import tsx bench/canary-proxy.bench.ts   (add --write-readme to update README.md)
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, createServer, request } from 'node:http';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { EventEmitter } from 'node:events';
import { WeightedProxy } from '../packages/deploy/src/providers/local/proxy.js';
import type { Forwarder, Forwarding, Outcome } from '../packages/deploy/src/providers/local/forward.js';
import { clientResponseHeaders } from '../packages/deploy/src/providers/local/headers.js';
import { writeBenchBlock } from './readme.js';
import { recordRatio } from './summary.js';

const rate = Number(process.env.BENCH_RATE ?? 1000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

// ---- the candidate the proxy does not use ----
const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/** The other candidate: forwards through http.request, one keep-alive Agent for all upstreams. */
class NodeForwarder implements Forwarder {
  private readonly agent = new Agent({ keepAlive: true, scheduling: 'lifo' });

  /** @inheritdoc */
  forward({ req, res, headers, upstream, body }: Forwarding): Promise<Outcome> {
    return new Promise((resolve) => {
      let settled = false;
      let connected = false;
      const settle = (o: Outcome): void => {
        if (settled) return;
        settled = true;
        resolve(o);
      };
      const out = request({
        host: upstream.host,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers,
        agent: this.agent,
      });
      out.on('socket', (s) => {
        if (!s.connecting) connected = true;
        else s.once('connect', () => (connected = true));
      });
      out.on('error', (error: Error & { code?: string }) =>
        settle(
          !connected && UNREACHABLE.has(error.code ?? '') ? { kind: 'unreachable', error } : { kind: 'broken', error },
        ),
      );
      out.on('response', (up) => {
        const status = up.statusCode ?? 502;
        res.writeHead(status, up.statusMessage, clientResponseHeaders(up.headers));
        if (up.headers['content-length'] === undefined) res.flushHeaders();
        up.pipe(res);
        up.on('end', () => settle({ kind: 'answered', status }));
        up.on('error', (error) => settle({ kind: 'broken', error }));
      });
      res.once('close', () => {
        if (res.writableFinished) return;
        settle({ kind: 'abandoned' });
        out.destroy();
      });
      if (body) body.pipe(out);
      else out.end();
    });
  }

  /** @inheritdoc */
  keepOnly(): void {}

  /** @inheritdoc */
  async close(): Promise<void> {
    this.agent.destroy();
  }
}

// ---- child processes: `--release` serves, `--proxy <candidate> <port>` forwards to it ----
const [mode, candidate, upstreamPort] = process.argv.slice(2);
const isChild = mode === '--release' || mode === '--proxy';

/** The child's part: serves (or proxies), prints its port, answers CPU readings until stdin closes. */
async function serveChild(): Promise<void> {
  let port: number;
  if (mode === '--release') {
    const server = createServer((_req, res) => res.end('hello from the release\n'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  } else {
    const proxy = await WeightedProxy.listen({
      host: '127.0.0.1',
      port: 0,
      ...(candidate === 'node' ? { forwarder: new NodeForwarder() } : {}),
    });
    proxy.setWeights({ id: 'r', version: 'r', upstream: `http://127.0.0.1:${upstreamPort}` }, undefined, 0);
    port = proxy.address.port;
  }
  console.log(JSON.stringify({ port }));
  // The parent asks for CPU time used so far (one line in, one line out) to get CPU per request.
  const commands = createInterface({ input: process.stdin });
  commands.on('line', () => console.log(JSON.stringify(process.cpuUsage())));
  commands.on('close', () => process.exit(0));
}

// ---- the parent: load and figures ----
interface Child {
  port: number;
  cpuMs(): Promise<number>;
  process: ChildProcess;
}

async function start(...args: string[]): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_CANARY_PROXY_CHILD: '1' },
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async (): Promise<unknown> => JSON.parse(String((await lines.next()).value));
  const { port } = (await next()) as { port: number };
  return {
    port,
    process: child,
    cpuMs: async () => {
      child.stdin!.write('\n');
      const { user, system } = (await next()) as { user: number; system: number };
      return (user + system) / 1000;
    },
  };
}

// autocannon ships no types; this is the part of its API the bench uses.
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: object,
  done: (error: Error | null, result: { errors: number; timeouts: number; non2xx: number }) => void,
) => EventEmitter;

/** Latencies (ms, at the client) of every response at `rate`/s for `s` seconds. */
function measure(port: number, s: number): Promise<{ latencies: number[]; failed: number }> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const run = autocannon(
      { url: `http://127.0.0.1:${port}/`, connections: 20, overallRate: rate, duration: s },
      (error, r) => (error ? reject(error) : resolve({ latencies, failed: r.errors + r.timeouts + r.non2xx })),
    );
    // autocannon's own histogram keeps whole milliseconds; a proxy adds fractions of one.
    run.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  });
}

const quantile = (xs: number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const median = (xs: number[]): number => quantile(xs, 0.5);

/** The parent's part: starts the release and both proxies, loads each in turn, prints the table. */
async function main(): Promise<void> {
  const release = await start('--release');
  const targets = [
    { name: 'direct', child: undefined as Child | undefined },
    { name: 'undici', child: await start('--proxy', 'undici', String(release.port)) },
    { name: 'node', child: await start('--proxy', 'node', String(release.port)) },
  ];
  const figures = new Map(
    targets.map((t) => [t.name, { p50: [] as number[], p99: [] as number[], cpu: [] as number[] }]),
  );
  let failed = 0;
  for (let round = 1; round <= rounds; round++)
    for (const t of targets) {
      const port = t.child?.port ?? release.port;
      await measure(port, 2); // warm-up: JIT, connection pools
      const cpuBefore = await t.child?.cpuMs();
      const m = await measure(port, seconds);
      const cpu = t.child ? (await t.child.cpuMs()) - cpuBefore! : 0;
      failed += m.failed;
      const f = figures.get(t.name)!;
      f.p50.push(quantile(m.latencies, 0.5));
      f.p99.push(quantile(m.latencies, 0.99));
      f.cpu.push((1000 * cpu) / m.latencies.length);
      console.log(
        `round ${round} ${t.name}: ${m.latencies.length} responses, p50 ${f.p50.at(-1)!.toFixed(3)} ms, p99 ${f.p99.at(-1)!.toFixed(3)} ms`,
      );
    }
  for (const c of [release, ...targets.map((t) => t.child)]) c?.process.kill();

  const direct = figures.get('direct')!;
  const row = (name: string, label: string): string => {
    const f = figures.get(name)!;
    const added = (a: number[], b: number[]) => (median(a) - median(b)).toFixed(3);
    return `| ${label} | ${median(f.p50).toFixed(3)} ms | +${added(f.p50, direct.p50)} ms | ${median(f.p99).toFixed(3)} ms | +${added(f.p99, direct.p99)} ms | ${median(f.cpu).toFixed(0)} µs |`;
  };
  const table = [
    `autocannon at ${rate} requests/s (20 connections) for ${seconds} s per run, after a 2 s warm-up; ${rounds} rounds, median of the rounds; release, proxy and load generator in separate processes; node ${process.version}, 2 shared cores. Latency at the client, full resolution.`,
    '',
    '| path | p50 | added p50 | p99 | added p99 | proxy CPU per request |',
    '|---|---|---|---|---|---|',
    `| direct to the release | ${median(direct.p50).toFixed(3)} ms | — | ${median(direct.p99).toFixed(3)} ms | — | — |`,
    row('undici', 'proxy, undici Pool (kept)'),
    row('node', 'proxy, http.request + keep-alive Agent'),
    '',
    `Failed requests over all runs: ${failed}.`,
  ].join('\n');
  console.log(table);
  // For npm run bench:all: the kept proxy (undici) against going straight to the release.
  const undici = figures.get('undici')!;
  for (const q of ['p50', 'p99'] as const)
    recordRatio({
      bench: 'canary-proxy',
      measure: `local proxy (undici) ${q} at ${rate} requests/s`,
      slipway: median(undici[q]),
      peer: 'direct to the release',
      peerValue: median(direct[q]),
      unit: 'ms',
    });
  if (process.argv.includes('--write-readme'))
    writeBenchBlock('bench-canary-proxy', table, 'node --import tsx bench/canary-proxy.bench.ts');
}

// Only the parent may start children: a child that ran main() too would start processes without end.
if (isChild) await serveChild();
else if (process.env.BENCH_CANARY_PROXY_CHILD) throw new Error('a child process was started without a mode');
else await main();
