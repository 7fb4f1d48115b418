// The front doors the faults run behind: the local proxy (slipway's own), a real HAProxy that
// names the upstream of every answer it sends (its own 502s and 503s included), and a real nginx
// whose reload and test commands go through a wrapper that fails the calls a test lists.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { closedPort } from '../harness.js';
import { renderUpstream } from '../../packages/deploy/src/providers/nginx/config.js';
import { createNginxRouter } from '../../packages/deploy/src/providers/nginx/router.js';
import { startNginx } from '../../packages/deploy/test/nginx-harness.js';

/** A started front door: the provider's settings, where clients go, and how to stop it. */
export interface FrontDoor {
  provider: 'local' | 'haproxy' | 'nginx';
  settings: Record<string, string>;
  url: string;
  stop(): Promise<void>;
}

/** The front door's tool, for needsTool; the local proxy needs none. */
export const TOOL: Record<FrontDoor['provider'], string | undefined> = {
  local: undefined,
  haproxy: 'haproxy',
  nginx: 'nginx',
};

/** Starts the provider's front door with its files under `dir`. */
export function startFrontDoor(provider: FrontDoor['provider'], dir: string, environment: string): Promise<FrontDoor> {
  if (provider === 'haproxy') return startHaproxy(dir);
  if (provider === 'nginx') return startFaultyNginx(dir, environment);
  return startLocal();
}

async function startLocal(): Promise<FrontDoor> {
  const listen = `127.0.0.1:${await closedPort()}`;
  // The proxy daemon is the environment's: downEnvironment stops it.
  return { provider: 'local', settings: { listen }, url: `http://${listen}/`, stop: async () => {} };
}

/** A real HAProxy with the two slots slipway's convention asks for; it can be stopped and started again. */
export interface FaultHaproxy extends FrontDoor {
  adminSocket: string;
  /** Starts HAProxy again on the same configuration (after `halt`); its runtime changes are gone, as on any restart. */
  start(): Promise<void>;
  /** Stops HAProxy (SIGTERM) and waits for it to exit. */
  halt(): Promise<void>;
}

/**
 * `retries 0` so that no request sent to a dead server is quietly retried on another (the count
 * would hide it); `http-after-response` stamps every answer, HAProxy's own errors included, with
 * the address of the server it tried.
 */
function haproxyConfig(dir: string, port: number): string {
  return `global
  stats socket ${join(dir, 'admin.sock')} level admin
defaults
  mode http
  retries 0
  timeout connect 10s
  timeout client 60s
  timeout server 60s
frontend web
  bind 127.0.0.1:${port}
  default_backend app
  http-after-response set-header x-upstream "%si:%sp"
backend app
  balance roundrobin
  server stable 127.0.0.1:1 weight 0 disabled
  server canary 127.0.0.1:1 weight 0 disabled
`;
}

async function startHaproxy(dir: string): Promise<FaultHaproxy> {
  const port = await closedPort();
  const cfg = join(dir, 'haproxy.cfg');
  const adminSocket = join(dir, 'admin.sock');
  writeFileSync(cfg, haproxyConfig(dir, port));
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const door: FaultHaproxy = {
    provider: 'haproxy',
    settings: { 'haproxy-socket': adminSocket, 'haproxy-backend': 'app' },
    url: `http://127.0.0.1:${port}/`,
    adminSocket,
    async start() {
      let output = '';
      const started = spawn('haproxy', ['-f', cfg, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
      started.stdout!.on('data', (d: Buffer) => (output += d));
      started.stderr!.on('data', (d: Buffer) => (output += d));
      child = started;
      exited = new Promise<void>((r) => started.once('exit', () => r()));
      for (let attempt = 0; !(existsSync(adminSocket) && (await accepts(port))); attempt++) {
        if (started.exitCode !== null) throw new Error(`haproxy exited with code ${started.exitCode}:\n${output}`);
        if (attempt === 300) throw new Error(`haproxy did not listen on ${port}:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async halt() {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    stop: () => door.halt(),
  };
  await door.start();
  return door;
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

/** The nginx front door, with the names of the commands its wrapper can fail. */
export interface FaultNginx extends FrontDoor {
  upstreamFile: string;
  /**
   * Makes calls of `reload` or `test` fail, counted from now: `[2]` fails the second call, `['2+']`
   * the second and every later one; `[]` makes every call succeed again.
   */
  failCalls(command: 'reload' | 'test', calls: (number | `${number}+`)[]): void;
}

/**
 * The wrapper: counts its calls per command and fails the ones its `.fail` file lists, the way
 * nginx fails (a message on stderr, exit status 1), or runs the real command.
 */
const WRAPPER = `#!/bin/sh
dir=$(dirname "$0"); name=$1; shift
count=$(( $(cat "$dir/$name.count" 2>/dev/null || echo 0) + 1 ))
echo "$count" > "$dir/$name.count"
if [ -f "$dir/$name.fail" ]; then
  while read -r spec; do
    case "$spec" in
      *+) [ "$count" -ge "\${spec%+}" ] && fail=1 ;;
      "$count") fail=1 ;;
    esac
  done < "$dir/$name.fail"
fi
if [ -n "$fail" ]; then
  echo "nginx: [emerg] injected fault: call $count of $name fails" >&2
  exit 1
fi
exec "$@"
`;

async function startFaultyNginx(dir: string, environment: string): Promise<FaultNginx> {
  const upstreamFile = join(dir, 'upstream.conf');
  const name = `slipway_${environment}`;
  // nginx needs its includes before it starts: a placeholder upstream, and the log snippet a router writes.
  writeFileSync(
    upstreamFile,
    renderUpstream(environment, { id: 'seed', version: '0', upstream: 'http://127.0.0.1:1' }, undefined, 0),
  );
  await (
    await createNginxRouter({
      stateDir: join(dir, 'seed-state'),
      environment,
      settings: { 'nginx-upstream-file': upstreamFile, 'nginx-reload-command': 'true' },
    })
  ).close();
  const nginx = await startNginx(dir, upstreamFile, join(dir, 'upstream.access.inc'), name);
  const wrapper = join(dir, 'faults', 'nginx-command.sh');
  mkdirSync(join(dir, 'faults'), { recursive: true });
  writeFileSync(wrapper, WRAPPER);
  chmodSync(wrapper, 0o755);
  const failFile = (command: string) => join(dir, 'faults', `${command}.fail`);
  const countFile = (command: string) => join(dir, 'faults', `${command}.count`);
  return {
    provider: 'nginx',
    upstreamFile,
    settings: {
      'nginx-upstream-file': upstreamFile,
      'nginx-reload-command': `${wrapper} reload ${nginx.reloadCommand}`,
      'nginx-test-command': `${wrapper} test ${nginx.testCommand}`,
    },
    url: `http://127.0.0.1:${nginx.port}/`,
    failCalls(command, calls) {
      writeFileSync(countFile(command), '0\n');
      writeFileSync(failFile(command), calls.map((c) => `${c}\n`).join(''));
    },
    stop: () => nginx.stop(),
  };
}
