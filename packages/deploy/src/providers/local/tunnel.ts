// Upgrade requests (WebSocket and the like) leave HTTP after the upstream's answer, so the proxy
// sends the request head itself on a fresh connection and then splices the two sockets together:
// whatever the upstream answers (101 or a refusal) reaches the client unchanged.
import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Upstream } from './balancer.js';
import type { Outcome } from './forward.js';
import { upstreamRequestHeaders } from './headers.js';

/** Opens a tunnel from the client's socket to the upstream; resolves once the upstream's status is known. */
export function openTunnel(req: IncomingMessage, client: Duplex, head: Buffer, upstream: Upstream): Promise<Outcome> {
  return new Promise((resolve) => {
    const server: Socket = connect(upstream.port, upstream.host);
    let connected = false;
    let settled = false;
    const settle = (outcome: Outcome): void => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    server.once('connect', () => {
      connected = true;
      const headers = upstreamRequestHeaders(req, true);
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < headers.length; i += 2) lines.push(`${headers[i]}: ${headers[i + 1]}`);
      server.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) server.write(head);
      server.pipe(client);
      client.pipe(server);
    });
    server.once('data', (chunk: Buffer) => {
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(chunk.toString('latin1', 0, 16))?.[1] ?? 502);
      settle({ kind: 'answered', status });
    });
    server.on('error', (error: Error) => {
      if (!connected) return settle({ kind: 'unreachable', error });
      settle({ kind: 'broken', error });
      client.destroy();
    });
    client.on('error', () => server.destroy());
    client.on('close', () => {
      server.destroy();
      settle({ kind: 'abandoned' });
    });
    server.on('close', () => {
      if (connected) client.destroy();
      settle({ kind: 'broken', error: new Error('upstream closed before answering') });
    });
  });
}
