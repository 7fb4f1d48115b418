// The local proxy as a detached daemon: it outlives the process that started it, a later run finds
// and drives it, only its token opens the admin API, and every test stops what it started.
// Assertions are on counts and shares, never on time, so that they hold on busy cores.
import { afterEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  existsSync,
  mkdirSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { closedPort } from '../../../test/harness.js';
import { userError } from '../../../test/matchers.js';
import { routerFor, type RouterContext } from '../src/index.js';
import { ensureLocalProxy, localProxyStatus, stopLocalProxy } from '../src/providers/local/spawn.js';
import { load, startRelease, type ReleaseServer } from './release-servers.js';

const DAEMON_ENTRY = fileURLToPath(new URL('./daemon-entry.ts', import.meta.url));
const SPAWN_MODULE = pathToFileURL(fileURLToPath(new URL('../src/providers/local/spawn.ts', import.meta.url))).href;
const ENVIRONMENT = 'test';

const stateDirs: string[] = [];
const releases: ReleaseServer[] = [];

function context(listen = '127.0.0.1:0', env: NodeJS.ProcessEnv = process.env): RouterContext {
  const stateDir = mkdtempSync(join(tmpdir(), 'slipway-local-daemon-'));
  stateDirs.push(stateDir);
  return {
    stateDir,
    environment: ENVIRONMENT,
    settings: { listen },
    selfCommand: [process.execPath, '--import', 'tsx', DAEMON_ENTRY],
    env,
  };
}

async function release(id: string): Promise<ReleaseServer> {
  const r = await startRelease(id);
  releases.push(r);
  return r;
}

afterEach(async () => {
  for (const stateDir of stateDirs.splice(0)) {
    await stopLocalProxy(stateDir, ENVIRONMENT);
    rmSync(stateDir, { recursive: true, force: true });
  }
  await Promise.all(releases.splice(0).map((r) => r.close()));
});

const proxyFile = (c: RouterContext) => join(c.stateDir, ENVIRONMENT, 'proxy.json');
const readProxyFile = (c: RouterContext) =>
  JSON.parse(readFileSync(proxyFile(c), 'utf8')) as { pid: number; admin: string; token: string; listen: string };

/** The processes whose environment names a proxy file under `stateDir` (Linux's /proc). */
function daemonsUnder(stateDir: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8')
          .split('\0')
          .some((v) => v.startsWith(`SLIPWAY_STATE_FILE=${stateDir}`));
      } catch {
        return false;
      }
    })
    .map(Number);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function text(url: string): Promise<string> {
  const res = await fetch(url);
  return res.text();
}

describe('local proxy daemon', () => {
  it('outlives the process that started it, and a later run finds and drives it', async () => {
    const [one, two] = [await release('1.0-a'), await release('2.0-b')];
    const c = context();
    const script = `
      const { ensureLocalProxy } = await import(${JSON.stringify(SPAWN_MODULE)});
      const proxy = await ensureLocalProxy(${JSON.stringify(c)});
      await proxy.admin.setWeights(undefined, ${JSON.stringify({ id: one.id, version: one.version, upstream: one.upstream })}, 100);
      await proxy.admin.close();
      process.stdout.write(JSON.stringify({ pid: proxy.pid, frontDoor: proxy.frontDoor, reused: proxy.reused }));
    `;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { env: process.env },
    );
    const started = JSON.parse(stdout) as { pid: number; frontDoor: string; reused: boolean };
    expect(started.reused).toBe(false);
    // execFile resolved, so the starting process has exited; the daemon has not.
    expect(alive(started.pid)).toBe(true);
    expect(await text(started.frontDoor)).toBe(one.id);

    const again = await ensureLocalProxy(c);
    try {
      expect(again).toMatchObject({ reused: true, pid: started.pid, frontDoor: started.frontDoor });
      await again.admin.setWeights(one, two, 100);
      expect(await text(started.frontDoor)).toBe(two.id);
      expect(await again.admin.status()).toMatchObject({ weight: 100, stable: { id: one.id }, canary: { id: two.id } });
    } finally {
      await again.admin.close();
    }
  });

  it('starts without the runner tracking id, runner credentials or action inputs', async () => {
    const c = context('127.0.0.1:0', {
      ...process.env,
      RUNNER_TRACKING_ID: 'github_0b1e7c2a',
      ACTIONS_RUNTIME_TOKEN: 'runtime-secret',
      INPUT_TOKEN: 'input-secret',
    });
    const proxy = await ensureLocalProxy(c);
    await proxy.admin.close();
    const vars = readFileSync(`/proc/${proxy.pid}/environ`, 'utf8').split('\0');
    const names = vars.map((v) => v.split('=')[0]);
    expect(names).not.toContain('RUNNER_TRACKING_ID');
    expect(names).not.toContain('ACTIONS_RUNTIME_TOKEN');
    expect(names).not.toContain('INPUT_TOKEN');
    expect(vars).toContain('SLIPWAY_DAEMON=local-proxy');
    if (process.env.SLIPWAY_TEST_RUN) expect(vars).toContain(`SLIPWAY_TEST_RUN=${process.env.SLIPWAY_TEST_RUN}`);
  });

  it('keeps its token to its user and refuses requests without it', async () => {
    const one = await release('1.0-a');
    const c = context();
    const proxy = await ensureLocalProxy(c);
    await proxy.admin.close();
    expect(statSync(proxyFile(c)).mode & 0o777).toBe(0o600);
    const { admin, token } = readProxyFile(c);
    const weights = JSON.stringify({
      canary: { id: one.id, version: one.version, upstream: one.upstream },
      weight: 100,
    });
    const put = (headers: Record<string, string>, body = weights) =>
      fetch(`${admin}/v1/weights`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });

    expect((await fetch(`${admin}/v1/status`)).status).toBe(401);
    expect((await put({})).status).toBe(401);
    expect((await put({ authorization: `Bearer ${'0'.repeat(64)}` })).status).toBe(401);
    expect((await put({ authorization: token })).status).toBe(401);
    const auth = { authorization: `Bearer ${token}` };
    const status = await fetch(`${admin}/v1/status`, { headers: auth });
    expect(await status.json()).toMatchObject({ environment: ENVIRONMENT, weight: 0, totals: {} });
    expect(await (await fetch(`${admin}/v1/status`, { headers: auth })).json()).not.toHaveProperty('canary');

    const refused = async (body: unknown) => (await put(auth, JSON.stringify(body))).status;
    const canary = { id: one.id, version: one.version, upstream: one.upstream };
    expect(await refused({ canary, weight: 101 })).toBe(400);
    expect(await refused({ canary, weight: 2.5 })).toBe(400);
    expect(await refused({ canary: { ...canary, upstream: 'http://example.com:80' }, weight: 10 })).toBe(400);
    expect(await refused({ canary: { ...canary, upstream: 'https://127.0.0.1:80' }, weight: 10 })).toBe(400);
    expect(await refused({ stable: canary, canary, weight: 10 })).toBe(400);
    expect((await put(auth, 'not json')).status).toBe(400);
    const big = await put(auth, JSON.stringify({ weight: 1, pad: 'x'.repeat(70 * 1024) })).then(
      (r) => r.status,
      () => 'reset',
    );
    expect([413, 'reset']).toContain(big);
    expect(await (await fetch(`${admin}/v1/status`, { headers: auth })).json()).toMatchObject({ weight: 0 });

    expect((await put(auth)).status).toBe(200);
    expect(await text(proxy.frontDoor)).toBe(one.id);
  });

  it('refuses a listen address that something else holds, and leaves nothing behind', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    try {
      const c = context(`127.0.0.1:${(taken.address() as AddressInfo).port}`);
      await expect(ensureLocalProxy(c)).rejects.toThrow(
        userError('listen', /in use by something that is not slipway's proxy/),
      );
      expect(existsSync(proxyFile(c))).toBe(false);
      expect(daemonsUnder(c.stateDir)).toEqual([]);
    } finally {
      taken.close();
    }
  });

  it("names the running proxy's address when `listen` asks for another", async () => {
    const c = context();
    const proxy = await ensureLocalProxy(c);
    await proxy.admin.close();
    const other = { ...c, settings: { listen: `127.0.0.1:${await closedPort()}` } };
    const { listen } = readProxyFile(c);
    await expect(ensureLocalProxy(other)).rejects.toThrow(
      userError('listen', new RegExp(`already runs on ${listen.replace(/\./g, '\\.')}.*slipway down`)),
    );
  });

  it('replaces a proxy file whose daemon is gone', async () => {
    const c = context();
    mkdirSync(join(c.stateDir, ENVIRONMENT), { recursive: true });
    const port = await closedPort();
    const stale = {
      pid: 2 ** 22 + 1,
      environment: ENVIRONMENT,
      listen: '127.0.0.1:1',
      frontDoor: 'http://127.0.0.1:1',
      admin: `http://127.0.0.1:${port}`,
      token: 'a'.repeat(64),
      startedAt: new Date(0).toISOString(),
    };
    writeFileSync(proxyFile(c), JSON.stringify(stale), { mode: 0o600 });
    const proxy = await ensureLocalProxy(c);
    await proxy.admin.close();
    expect(proxy.reused).toBe(false);
    expect(readProxyFile(c).token).not.toBe(stale.token);
    expect(await localProxyStatus(c.stateDir, ENVIRONMENT)).toMatchObject({ pid: proxy.pid });
  });

  it('stops when told to, and removes its proxy file', async () => {
    const c = context();
    const proxy = await ensureLocalProxy(c);
    await proxy.admin.close();
    expect(await localProxyStatus(c.stateDir, ENVIRONMENT)).toMatchObject({ environment: ENVIRONMENT, pid: proxy.pid });
    await stopLocalProxy(c.stateDir, ENVIRONMENT);
    expect(alive(proxy.pid)).toBe(false);
    expect(existsSync(proxyFile(c))).toBe(false);
    expect(await localProxyStatus(c.stateDir, ENVIRONMENT)).toBeUndefined();
    await expect(stopLocalProxy(c.stateDir, ENVIRONMENT)).resolves.toBeUndefined();
    expect(daemonsUnder(c.stateDir)).toEqual([]);
  });

  it('splits load by weight through the admin API without failing a request', async () => {
    const [stable, canary] = [await release('1.0-a'), await release('2.0-b')];
    const router = await routerFor('local', context());
    try {
      await router.setWeights(stable, canary, 25);
      await router.readTraffic();
      const result = await load(router.frontDoor, 2000);
      expect(result.failed).toBe(0);
      const traffic = (await router.readTraffic())!;
      const served = (id: string) => traffic.get(id)?.requests ?? 0;
      expect(served(stable.id) + served(canary.id)).toBe(2000);
      expect(traffic.get(canary.id)).toMatchObject({ errors: 0 });
      expect(traffic.get(canary.id)!.latenciesMs).toHaveLength(served(canary.id));
      expect(served(canary.id) / 20).toBeGreaterThanOrEqual(20);
      expect(served(canary.id) / 20).toBeLessThanOrEqual(30);
      expect(canary.hits).toBe(served(canary.id));
      // A reading starts a new window; the status keeps the totals.
      expect(served(stable.id)).toBeGreaterThan(0);
      expect((await router.readTraffic())?.get(canary.id)).toMatchObject({ requests: 0 });
    } finally {
      await router.close();
    }
  });
});
