// A real HAProxy in a temporary folder, tagged release servers, autocannon load and a steady
// keep-alive client, for the haproxy router's tests. HAProxy runs in the foreground as this test's
// child and writes nothing outside the folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { Agent, createServer, get, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { closedPort } from '../../../test/harness.js';
import type { Release } from '../src/types.js';
export { load, startRelease, type LoadResult, type ReleaseServer } from './release-servers.js';

/** An HAProxy running `haproxy -db` on a configuration this harness wrote. */
export interface TestHaproxy {
  /** The frontend's URL. */
  url: string;
  /** `level admin`. */
  adminSocket: string;
  /** `level operator`: may read, may not change servers. */
  operatorSocket: string;
  stop(): Promise<void>;
}

/**
 * The configuration: `app` follows slipway's slot convention; `lonely` lacks the canary slot;
 * `fixed` uses static-rr, which refuses weight changes. Timeouts are generous for busy runners;
 * `retries 0` because a retry would reach the server's new address and hide a request that was
 * sent to the placeholder.
 */
function config(dir: string, port: number): string {
  const slots = ['stable', 'canary'].map((s) => `  server ${s} 127.0.0.1:1 weight 0 disabled`).join('\n');
  return `global
  stats socket ${join(dir, 'admin.sock')} level admin
  stats socket ${join(dir, 'operator.sock')} level operator
defaults
  mode http
  retries 0
  timeout connect 10s
  timeout client 60s
  timeout server 60s
frontend web
  bind 127.0.0.1:${port}
  default_backend app
backend app
  balance roundrobin
${slots}
backend lonely
  server stable 127.0.0.1:1 weight 0 disabled
backend fixed
  balance static-rr
${slots}
`;
}

/** Writes the configuration into `dir` and starts HAProxy on it; resolves once it listens. */
export async function startHaproxy(dir: string): Promise<TestHaproxy> {
  const port = await closedPort();
  const cfg = join(dir, 'haproxy.cfg');
  writeFileSync(cfg, config(dir, port));
  const child: ChildProcess = spawn('haproxy', ['-f', cfg, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const adminSocket = join(dir, 'admin.sock');
  for (let attempt = 0; !(existsSync(adminSocket) && (await accepts(port))); attempt++) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with code ${child.exitCode}:\n${output}`);
    if (attempt === 300) throw new Error(`haproxy did not listen on ${port}:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    adminSocket,
    operatorSocket: join(dir, 'operator.sock'),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
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

/** A release server that answers its id after `delayMs`, or holds every request while `holding`. */
export interface SlowRelease extends Release {
  delayMs: number;
  /** While true, requests are kept open unanswered (until `close`). */
  holding: boolean;
  /** Requests being answered or held right now. */
  open: number;
  close(): Promise<void>;
}

/** Starts a slow release server on a free loopback port. */
export async function startSlowRelease(id: string, delayMs: number): Promise<SlowRelease> {
  const answer = (res: ServerResponse): void => {
    release.open--;
    res.writeHead(200, { 'x-release': id, 'content-type': 'text/plain' }).end(id);
  };
  const server = createServer((_req: IncomingMessage, res: ServerResponse) => {
    release.open++;
    if (!release.holding) setTimeout(() => answer(res), release.delayMs);
  });
  // Connections stay open between requests for as long as HAProxy keeps them (node's default is 5 s).
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const release: SlowRelease = {
    id,
    version: id.split('-')[0]!,
    upstream: `http://127.0.0.1:${port}`,
    delayMs,
    holding: false,
    open: 0,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
  return release;
}

/** What one request of a steady client got: the answering release's id (or `error: …`), and the phase it was sent in. */
export interface Answer {
  phase: number;
  from: string;
}

/** Requests sent back to back over a few keep-alive connections, each stamped with the phase it was sent in. */
export interface SteadyClient {
  readonly answers: readonly Answer[];
  /** Starts the next phase: every request sent from now on carries it. */
  nextPhase(): number;
  /** Resolves once `count` requests of `phase` have been answered (or failed). */
  answered(phase: number, count: number): Promise<void>;
  /** The answers of one phase, counted by who answered. */
  tally(phase: number): Record<string, number>;
  stop(): Promise<void>;
}

/** Starts a steady client on `url` over `connections` keep-alive connections (a node http Agent). */
export function steadyClient(url: string, connections = 6): SteadyClient {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const answers: Answer[] = [];
  let phase = 0;
  let stopped = false;
  const once = (): Promise<Answer> => {
    const sentIn = phase;
    return new Promise((resolve) => {
      const req = get(url, { agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () =>
          resolve({ phase: sentIn, from: res.statusCode === 200 ? body : `error: ${res.statusCode}` }),
        );
        res.on('error', (err) => resolve({ phase: sentIn, from: `error: ${err.message}` }));
      });
      req.on('error', (err) => resolve({ phase: sentIn, from: `error: ${err.message}` }));
    });
  };
  const loops = Array.from({ length: connections }, async () => {
    while (!stopped) answers.push(await once());
  });
  const tally = (p: number): Record<string, number> => {
    const counts: Record<string, number> = {};
    for (const a of answers) if (a.phase === p) counts[a.from] = (counts[a.from] ?? 0) + 1;
    return counts;
  };
  return {
    answers,
    nextPhase: () => ++phase,
    tally,
    async answered(p, count) {
      // A guard against a hang, not a timing assertion: generous for a runner with every core busy.
      const deadline = Date.now() + 60_000;
      while (answers.filter((a) => a.phase === p).length < count) {
        if (Date.now() > deadline)
          throw new Error(`phase ${p} got ${JSON.stringify(tally(p))}, not ${count} answers, in 60 s`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async stop() {
      stopped = true;
      // Destroying the sockets ends requests a held release would otherwise keep open.
      agent.destroy();
      await Promise.all(loops);
    },
  };
}
