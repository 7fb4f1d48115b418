// Real local HTTP(S) servers whose faults the tests control.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
export { closedPort } from '../../../test/ports.js';

/** The faults a test server injects. */
export interface Faults {
  /** Every nth request answers 500 (0: never). */
  failEvery?: number;
  /** Requests numbered from the first to the last of these (counting from 1) answer 500. */
  failRequests?: [number, number];
  /** Added time before answering, ms. */
  delayMs?: number;
  /** Status to answer with. */
  status?: number;
  /** Body to send. */
  body?: string;
}

/** A running server and its controls. */
export interface TestServer {
  url: string;
  requests: number;
  faults: Faults;
  close(): Promise<void>;
}

function handler(state: TestServer) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    state.requests++;
    const n = state.requests;
    const f = state.faults;
    const answer = (): void => {
      const failing =
        (f.failEvery ? n % f.failEvery === 0 : false) ||
        (f.failRequests ? n >= f.failRequests[0] && n <= f.failRequests[1] : false);
      res.writeHead(failing ? 500 : (f.status ?? 200), { 'content-type': 'application/json' });
      res.end(
        failing ? '{"status":"error"}' : (f.body ?? '{"status":"ok","checks":{"db":{"healthy":true,"latency_ms":3}}}'),
      );
    };
    req.resume();
    if (f.delayMs) setTimeout(answer, f.delayMs);
    else answer();
  };
}

async function listen(server: Server, state: TestServer, scheme: string): Promise<TestServer> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.url = `${scheme}://127.0.0.1:${(server.address() as { port: number }).port}/healthz`;
  state.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return state;
}

/** An HTTP server on a free loopback port. */
export function httpServer(faults: Faults = {}): Promise<TestServer> {
  const state = { url: '', requests: 0, faults, close: async () => {} } as TestServer;
  return listen(createHttp(handler(state)), state, 'http');
}

/** An HTTPS server with a self-signed certificate made by openssl for this run. */
export function httpsServer(faults: Faults = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const key = readFileSync(join(dir, 'key.pem'));
  const cert = readFileSync(join(dir, 'cert.pem'));
  rmSync(dir, { recursive: true, force: true });
  const state = { url: '', requests: 0, faults, close: async () => {} } as TestServer;
  return listen(createHttps({ key, cert }, handler(state)), state, 'https');
}
