// The local proxy as a background daemon: started detached by spawn.ts, it outlives the job that
// started it, so that traffic keeps flowing between steps and runs, and a later deploy drives the
// same proxy through the admin API with the token from the proxy file.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '@slipway/action-kit/lite';
import type { Release } from '../../types.js';
import { startAdminServer, type AdminServer, type LocalProxyStatus } from './admin.js';
import { formatListen, parseListen } from './listen.js';
import { WeightedProxy } from './proxy.js';
import { removeProxyFileOf, writePrivateJson, type ProxyFile } from './proxy-file.js';
import { TrafficLedger } from './traffic.js';

import { LOCAL_PROXY_DAEMON, type Handshake } from './daemon-protocol.js';

export { LOCAL_PROXY_DAEMON, type Handshake } from './daemon-protocol.js';

/** How often the proxy's own samples move into the reservoir, so they never pile up between readings. */
const DRAIN_INTERVAL_MS = 1000;

/** Runs the daemon when this process was started as one; true when it did (the caller then does nothing else). */
export async function maybeRunDaemon(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (env.SLIPWAY_DAEMON !== LOCAL_PROXY_DAEMON) return false;
  await runLocalProxyDaemon(env);
  return true;
}

function setting(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`the local proxy daemon needs ${name}`);
  return value;
}

/** The daemon's main: serves until SIGTERM, SIGINT or an admin shutdown, then removes its proxy file. */
export async function runLocalProxyDaemon(env: NodeJS.ProcessEnv): Promise<void> {
  const handshakeFile = env.SLIPWAY_HANDSHAKE_FILE;
  const handshake = async (h: Handshake) => {
    if (handshakeFile) await writeFileAtomic(handshakeFile, JSON.stringify(h));
  };
  let proxy: WeightedProxy;
  let admin: AdminServer | undefined;
  let stateFile: string;
  let environment: string;
  try {
    stateFile = setting(env, 'SLIPWAY_STATE_FILE');
    environment = setting(env, 'SLIPWAY_ENVIRONMENT');
    const listen = parseListen(setting(env, 'SLIPWAY_LISTEN'));
    await mkdir(dirname(stateFile), { recursive: true, mode: 0o700 });
    proxy = await WeightedProxy.listen(listen);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    process.stderr.write(`${new Date().toISOString()} local proxy: cannot start: ${e.message}\n`);
    await handshake({ error: { code: e.code ?? 'ESTART', message: e.message } });
    process.exitCode = 1;
    return;
  }

  const traffic = new TrafficLedger();
  const drain = () => traffic.add(proxy.takeSamples());
  const routing: { stable?: Release; canary?: Release; weight: number } = { weight: 0 };
  const token = randomBytes(32).toString('hex');
  const bound = formatListen(proxy.address);
  const frontDoor = `http://${bound}`;
  let stopped!: () => void;
  const done = new Promise<void>((resolve) => (stopped = resolve));
  let stopping: Promise<void> | undefined;
  const stop = (why: string) =>
    (stopping ??= (async () => {
      process.stderr.write(`${new Date().toISOString()} local proxy: stopping (${why})\n`);
      clearInterval(drainer);
      await admin?.close();
      await proxy.close();
      await removeProxyFileOf(stateFile, token);
      // Anything still holding the event loop open (a stuck upstream socket) must not keep a stopped daemon alive.
      setTimeout(() => process.exit(), 2000).unref();
      stopped();
    })());
  const drainer = setInterval(drain, DRAIN_INTERVAL_MS);
  drainer.unref();

  try {
    admin = await startAdminServer(token, {
      status: (): LocalProxyStatus => {
        drain();
        return { environment, pid: process.pid, frontDoor, ...routing, totals: traffic.cumulative() };
      },
      setWeights: (stable, canary, weight) => {
        proxy.setWeights(stable, canary, weight);
        routing.stable = stable;
        routing.canary = canary;
        routing.weight = weight;
      },
      takeTraffic: () => {
        drain();
        return traffic.take();
      },
      shutdown: () => void stop('admin shutdown'),
    });
    const file: ProxyFile = {
      pid: process.pid,
      environment,
      listen: bound,
      frontDoor,
      admin: admin.url,
      token,
      startedAt: new Date().toISOString(),
    };
    await writePrivateJson(stateFile, file);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    await stop(`cannot start: ${e.message}`);
    await handshake({ error: { code: e.code ?? 'ESTART', message: e.message } });
    process.exitCode = 1;
    return;
  }
  // A detached daemon has no terminal, but a stray SIGHUP must not take the front door down.
  process.on('SIGHUP', () => {});
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(signal));
  process.stderr.write(
    `${new Date().toISOString()} local proxy: ${frontDoor} for ${environment}, admin ${admin.url}\n`,
  );
  await handshake({ ok: true });
  await done;
}
