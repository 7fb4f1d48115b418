// The suite's own HTTP server on the loopback, which the placeholders point at: a health endpoint
// for verify-health, and a sink for webhooks. No case ever reaches another address.
import { createServer } from 'node:http';
import { closedPort } from '../harness.js';
import type { Addresses } from './run-case.js';

/** A running server and the addresses the placeholders stand for. */
export interface FuzzServer {
  addresses: Addresses;
  close(): Promise<void>;
}

/** Starts the server: every request, whatever its path or method, gets {"status":"ok"}. */
export async function startServer(): Promise<FuzzServer> {
  const server = createServer((req, res) => {
    req.resume();
    res.setHeader('content-type', 'application/json');
    res.end('{"status":"ok"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    addresses: { open: `127.0.0.1:${port}`, closed: `127.0.0.1:${await closedPort()}` },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
