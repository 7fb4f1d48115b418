// A real HAProxy in a temporary folder, two tagged release servers and autocannon load, for the
// haproxy router's tests. HAProxy runs in the foreground as this test's child and writes nothing
// outside the folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { closedPort } from '../../../test/harness.js';
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
