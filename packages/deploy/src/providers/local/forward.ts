// How the proxy passes one request to one upstream. The seam exists so that bench/canary-proxy
// compares forwarders through the very same proxy; undici is the one kept (see that bench).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { Pool, type Dispatcher } from 'undici/index.js';
import { clientResponseHeaders } from './headers.js';
import type { Upstream } from './balancer.js';

/** One request on its way to one upstream. */
export interface Forwarding {
  req: IncomingMessage;
  res: ServerResponse;
  /** Headers for the upstream, as a flat name/value list. */
  headers: string[];
  upstream: Upstream;
  /** The request body to stream on, or null for none (so the request can be sent again). */
  body: Readable | null;
}

/**
 * How a forwarding ended: the upstream answered in full; no connection could be made (nothing
 * reached the upstream or the client, so it may be retried); it broke after that; or the client
 * went away first.
 */
export type Outcome =
  | { kind: 'answered'; status: number }
  | { kind: 'unreachable'; error: Error }
  | { kind: 'broken'; error: Error }
  | { kind: 'abandoned' };

/** Passes requests to upstreams, keeping connections to them open between requests. */
export interface Forwarder {
  /** Streams the request to the upstream and its answer to the client; never rejects. */
  forward(forwarding: Forwarding): Promise<Outcome>;
  /** Lets go of connections to origins not in `origins` once their requests have finished. */
  keepOnly(origins: ReadonlySet<string>): void;
  /** Closes every connection. */
  close(): Promise<void>;
}

/** Errors meaning the upstream was never reached. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Relays one undici response into the client's response, with backpressure both ways. */
class Relay implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private status = 0;
  private settled = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly done: (outcome: Outcome) => void,
  ) {
    // A client that goes away must not leave the upstream request running.
    res.once('close', () => {
      if (!res.writableFinished) this.settle({ kind: 'abandoned' }, new Error('client went away'));
    });
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.settled) controller.abort(new Error('client went away'));
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    status: number,
    headers: Record<string, string | string[]>,
    statusMessage?: string,
  ): void {
    if (status < 200 || this.settled) return; // 1xx are for this hop only
    this.status = status;
    this.res.writeHead(status, statusMessage, clientResponseHeaders(headers));
    // A body of unknown length may be a slow stream: its client learns at once that it is coming.
    // Otherwise the head goes out with the first chunk, in one write.
    if (headers['content-length'] === undefined) this.res.flushHeaders();
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) return;
    if (!this.res.write(chunk)) {
      controller.pause();
      this.res.once('drain', () => controller.resume());
    }
  }

  onResponseEnd(): void {
    if (this.settled) return;
    this.res.end();
    this.settle({ kind: 'answered', status: this.status });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    const code = (error as { code?: string }).code ?? '';
    const reached = this.controller !== undefined || !UNREACHABLE.has(code);
    this.settle(reached ? { kind: 'broken', error } : { kind: 'unreachable', error });
  }

  private settle(outcome: Outcome, abort?: Error): void {
    if (this.settled) return;
    this.settled = true;
    if (abort) this.controller?.abort(abort);
    this.done(outcome);
  }
}

/** Forwards through undici, one connection pool per upstream. */
export class UndiciForwarder implements Forwarder {
  private readonly pools = new Map<string, Pool>();

  /** @inheritdoc */
  forward(forwarding: Forwarding): Promise<Outcome> {
    const { req, res, headers, upstream, body } = forwarding;
    return new Promise((resolve) => {
      const relay = new Relay(res, resolve);
      try {
        this.pool(upstream.origin).dispatch(
          { path: req.url ?? '/', method: req.method as Dispatcher.HttpMethod, headers, body },
          relay,
        );
      } catch (error) {
        // undici refuses some requests outright (a header it will not send); the client gets a 502.
        relay.onResponseError(undefined as never, error as Error);
      }
    });
  }

  /** @inheritdoc */
  keepOnly(origins: ReadonlySet<string>): void {
    for (const [origin, pool] of this.pools)
      if (!origins.has(origin)) {
        this.pools.delete(origin);
        void pool.close(); // waits for the requests still running on it
      }
  }

  /** @inheritdoc */
  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.destroy()));
  }

  private pool(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin);
      this.pools.set(origin, pool);
    }
    return pool;
  }
}
