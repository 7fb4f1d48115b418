// The `local` router as deploy-canary gets it from the registry: where it listens, and what a
// listen address it cannot take says to the user. The proxy runs as a daemon started from source.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { userError } from '../../../test/matchers.js';
import { stopLocalProxy } from '../src/providers/local/spawn.js';
import { routerFor, type RouterContext, type TrafficRouter } from '../src/index.js';

const DAEMON_ENTRY = fileURLToPath(new URL('./daemon-entry.ts', import.meta.url));

const stateDirs: string[] = [];
const context = (listen?: string): RouterContext => {
  const stateDir = mkdtempSync(join(tmpdir(), 'slipway-local-router-'));
  stateDirs.push(stateDir);
  return {
    stateDir,
    environment: 'test',
    settings: listen === undefined ? {} : { listen },
    selfCommand: [process.execPath, '--import', 'tsx', DAEMON_ENTRY],
    env: process.env,
  };
};

const routers: TrafficRouter[] = [];
afterEach(async () => {
  await Promise.all(routers.splice(0).map((r) => r.close()));
  for (const stateDir of stateDirs.splice(0)) {
    await stopLocalProxy(stateDir, 'test');
    rmSync(stateDir, { recursive: true, force: true });
  }
});

describe('local router', () => {
  it('listens where `listen` says and routes to the release it is given', async () => {
    const app = createServer((_req, res) => res.end('from the release'));
    await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
    const router = await routerFor('local', context('127.0.0.1:0'));
    routers.push(router);
    expect(router.name).toBe('local');
    expect(router.frontDoor).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const release = { id: 'r1', version: '1', upstream: `http://127.0.0.1:${(app.address() as AddressInfo).port}` };
    await router.setWeights(undefined, release, 100);
    const body = await new Promise<string>((resolve, reject) =>
      get(router.frontDoor, { agent: false }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c));
        res.on('end', () => resolve(text));
      }).on('error', reject),
    );
    expect(body).toBe('from the release');
    expect((await router.readTraffic())?.get('r1')).toMatchObject({ requests: 1, errors: 0 });
    app.close();
  });

  it('says which input to change when the address is taken', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const listen = `127.0.0.1:${(taken.address() as AddressInfo).port}`;
    await expect(routerFor('local', context(listen))).rejects.toThrow(userError('listen', /already in use/));
    taken.close();
  });

  it.each(['8080', 'localhost', '127.0.0.1:99999', 'a b:80'])('refuses the listen address %s', async (listen) => {
    await expect(routerFor('local', context(listen))).rejects.toThrow(userError('listen', /not an address/));
  });
});
