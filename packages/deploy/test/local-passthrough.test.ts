// The local router's proxy passes through what is not a plain request and answer: streams in
// both directions, Upgrade tunnels, and headers meant for one hop only. Against real local servers.
import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { WeightedProxy } from '../src/providers/local/proxy.js';
import type { Release } from '../src/types.js';

interface TestRelease {
  release: Release;
  hits: number;
  close(): Promise<void>;
}

/** A release on a port of its own that names itself in `x-release`; `handle` may answer instead. */
async function startRelease(
  id: string,
  handle?: (req: IncomingMessage, res: ServerResponse, hit: number) => boolean,
): Promise<TestRelease> {
  const server = createServer((req, res) => {
    const hit = ++self.hits;
    res.setHeader('x-release', id);
    if (handle?.(req, res, hit)) return;
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const self: TestRelease = {
    release: { id, version: id, upstream: `http://127.0.0.1:${port}` },
    hits: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
  return self;
}

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

/** A proxy and two releases, all closed after the test. */
async function setup(
  canaryHandle?: Parameters<typeof startRelease>[1],
): Promise<{ proxy: WeightedProxy; url: string; stable: TestRelease; canary: TestRelease }> {
  const stable = await startRelease('stable-1');
  const canary = await startRelease('canary-2', canaryHandle);
  const proxy = await WeightedProxy.listen({ host: '127.0.0.1', port: 0 });
  open.push(proxy, stable, canary);
  return { proxy, url: `http://127.0.0.1:${proxy.address.port}`, stable, canary };
}

/** One request through the proxy; resolves with status, the release that answered and the body. */
describe('WeightedProxy passes through', () => {
  it('streams a response chunk by chunk, and a request body too', async () => {
    // The upstream writes its next chunk only once the client has received the previous one, so a
    // proxy that buffered would never finish (and the test would time out).
    const received: string[] = [];
    let onChunk: () => void = () => {};
    const { proxy, url, stable } = await setup();
    const streamer = await startRelease('streamer', (req, res) => {
      void (async () => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        for (let i = 1; i <= 5; i++) {
          const seen = new Promise<void>((r) => (onChunk = r));
          res.write(`chunk ${i};`);
          await seen;
          await new Promise((r) => setTimeout(r, 200));
        }
        res.end();
      })();
      return true;
    });
    open.push(streamer);
    proxy.setWeights(stable.release, streamer.release, 100);
    await new Promise<void>((resolve, reject) => {
      request(url, (res) => {
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          received.push(c);
          onChunk();
        });
        res.on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
    expect(received).toEqual(['chunk 1;', 'chunk 2;', 'chunk 3;', 'chunk 4;', 'chunk 5;']);

    // Upload: the upstream answers as soon as the first chunk arrives, before the client ends the body.
    const uploader = await startRelease('uploader', (req, res) => {
      req.once('data', (c: Buffer) => res.end(`first: ${c}`));
      return true;
    });
    open.push(uploader);
    proxy.setWeights(stable.release, uploader.release, 100);
    const answer = await new Promise<string>((resolve, reject) => {
      const req = request(url, { method: 'POST' }, (res) => {
        res.setEncoding('utf8');
        res.once('data', (c: string) => {
          resolve(c);
          req.end();
        });
      });
      req.on('error', reject);
      req.write('part one');
    });
    expect(answer).toBe('first: part one');
  });

  it('passes an Upgrade through to the chosen release and back', async () => {
    const { proxy, stable, canary } = await setup();
    const echo = createServer((_req, res) => res.end());
    echo.on('upgrade', (req: IncomingMessage, socket) => {
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\nX-Release: echo\r\n` +
          `X-Seen-For: ${req.headers['x-forwarded-for']}\r\n\r\n`,
      );
      socket.pipe(socket);
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    open.push({ close: async () => (echo.closeAllConnections(), void echo.close()) });
    const echoRelease = {
      id: 'echo',
      version: 'echo',
      upstream: `http://127.0.0.1:${(echo.address() as AddressInfo).port}`,
    };
    proxy.setWeights(stable.release, echoRelease, 100);
    const socket = connect(proxy.address.port, '127.0.0.1');
    open.push({ close: async () => void socket.destroy() });
    socket.write('GET /chat HTTP/1.1\r\nHost: front\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\n');
    let text = '';
    const until = (pattern: RegExp) =>
      new Promise<void>((resolve) => {
        const check = () => (pattern.test(text) ? (socket.off('data', onData), resolve()) : undefined);
        const onData = (c: Buffer) => ((text += c.toString('latin1')), check());
        socket.on('data', onData);
        check();
      });
    await until(/\r\n\r\n/);
    expect(text).toMatch(/^HTTP\/1\.1 101 /);
    expect(text).toMatch(/X-Release: echo/);
    expect(text).toMatch(/X-Seen-For: 127\.0\.0\.1/);
    socket.write('ping over the tunnel');
    await until(/ping over the tunnel$/);
    expect(proxy.takeSamples().get('echo')).toMatchObject({ requests: 1, errors: 0 });
    expect(stable.hits + canary.hits).toBe(0);
  });

  it('drops hop-by-hop headers and tells the release who the client was', async () => {
    let seen: IncomingMessage['headers'] = {};
    const { proxy, url, stable } = await setup();
    const inspector = await startRelease('inspector', (req, res) => {
      seen = req.headers;
      res.writeHead(200, { Connection: 'x-upstream-hop', 'x-upstream-hop': '1', 'x-kept': 'yes' }).end();
      return true;
    });
    open.push(inspector);
    proxy.setWeights(stable.release, inspector.release, 100);
    const response = await new Promise<IncomingMessage>((resolve, reject) =>
      request(
        url,
        { headers: { Connection: 'x-client-hop', 'x-client-hop': '1', 'x-forwarded-for': '203.0.113.7' } },
        (res) => {
          res.resume();
          resolve(res);
        },
      )
        .on('error', reject)
        .end(),
    );
    expect(seen).toMatchObject({ 'x-forwarded-for': '203.0.113.7, 127.0.0.1', 'x-forwarded-proto': 'http' });
    expect(seen['x-client-hop']).toBeUndefined();
    expect(response.headers['x-kept']).toBe('yes');
    expect(response.headers['x-upstream-hop']).toBeUndefined();
  });
});
