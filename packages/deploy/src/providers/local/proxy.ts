// The local traffic router's data path: an HTTP reverse proxy that splits new requests between the
// stable and the canary release by weight, and counts what each one served for the judge.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Release, TrafficSample } from '../../types.js';
import { RoutingTable, tableFor, type Upstream } from './balancer.js';
import { UndiciForwarder, type Forwarder, type Outcome } from './forward.js';
import { hasNoBody, upstreamRequestHeaders } from './headers.js';
import { openTunnel } from './tunnel.js';

/** Methods a client may send again without effect (RFC 9110 §9.2.1): the only ones the proxy resends. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Where and how a proxy listens. */
export interface ProxyOptions {
  host: string;
  /** 0 picks a free port; `address` tells which. */
  port: number;
  /** How requests reach upstreams (default: undici pools); the bench passes the other candidate. */
  forwarder?: Forwarder;
}

/** A weighted reverse proxy in front of the stable and canary releases. */
export class WeightedProxy {
  private table = new RoutingTable([]);
  private samples = new Map<string, TrafficSample>();

  private constructor(
    private readonly server: Server,
    private readonly forwarder: Forwarder,
  ) {
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.onRequest(req, res));
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.onUpgrade(req, socket, head));
  }

  /** Starts a proxy listening on host:port; rejects with the listen error (EADDRINUSE…). */
  static async listen(options: ProxyOptions): Promise<WeightedProxy> {
    // No request timeout: a long upload or stream through the proxy is the upstream's to end.
    const server = createServer({ requestTimeout: 0, keepAliveTimeout: 65_000 });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new WeightedProxy(server, options.forwarder ?? new UndiciForwarder());
  }

  /** The address the proxy is bound to. */
  get address(): { host: string; port: number } {
    const a = this.server.address() as AddressInfo;
    return { host: a.address, port: a.port };
  }

  /**
   * Routes `canaryWeight` percent of new requests to the canary, the rest to the stable. One
   * synchronous swap: every request that arrives after it returns is routed by the new table, and
   * requests already on their way to an upstream finish there.
   */
  setWeights(stable: Release | undefined, canary: Release | undefined, canaryWeight: number): void {
    this.table = tableFor(stable, canary, canaryWeight);
    const routed = this.table.upstreams();
    for (const u of routed) if (!this.samples.has(u.id)) this.samples.set(u.id, emptySample());
    this.forwarder.keepOnly(new Set(routed.map((u) => u.origin)));
  }

  /** What each release served since the previous call (completed requests only); starts a new window. */
  takeSamples(): Map<string, TrafficSample> {
    const taken = this.samples;
    this.samples = new Map(this.table.upstreams().map((u) => [u.id, emptySample()]));
    return taken;
  }

  /** Stops accepting connections and closes every connection, to clients and to upstreams. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await Promise.all([closed, this.forwarder.close()]);
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const table = this.table;
    const upstream = table.pick();
    if (!upstream) return void res.writeHead(503, { 'content-type': 'text/plain' }).end('No release is routed.\n');
    const bodyless = hasNoBody(req);
    const headers = upstreamRequestHeaders(req);
    const send = async (to: Upstream): Promise<Outcome> => {
      const started = performance.now();
      const outcome = await this.forwarder.forward({ req, res, headers, upstream: to, body: bodyless ? null : req });
      this.record(to.id, outcome, performance.now() - started);
      return outcome;
    };
    void (async () => {
      let outcome = await send(upstream);
      const stable = table.routed('stable');
      // A canary that cannot take a connection should not cost users a failed request: one retry on
      // the stable, when the request can be sent again (no body) and the stable is routed at all.
      if (outcome.kind === 'unreachable' && upstream.role === 'canary' && bodyless && stable)
        outcome = await send(stable);
      // A release taken out of the table while this request was on its way to it, and stopped at
      // once (a promotion or rollback with no drain): a request that is safe to send twice, with no
      // answer begun, goes once to what the table routes now instead of becoming a 502.
      if (
        (outcome.kind === 'unreachable' || outcome.kind === 'broken') &&
        !res.headersSent &&
        this.table !== table &&
        bodyless &&
        SAFE_METHODS.has(req.method ?? '')
      ) {
        const now = this.table.pick();
        if (now && now.origin !== upstream.origin) outcome = await send(now);
      }
      if (outcome.kind === 'unreachable' || outcome.kind === 'broken') {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad gateway.\n');
        else res.destroy();
      }
    })();
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const table = this.table;
    const upstream = table.pick();
    if (!upstream) return void socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
    const send = async (to: Upstream): Promise<Outcome> => {
      const started = performance.now();
      const outcome = await openTunnel(req, socket, head, to);
      this.record(to.id, outcome, performance.now() - started);
      return outcome;
    };
    void (async () => {
      let outcome = await send(upstream);
      const stable = table.routed('stable');
      if (outcome.kind === 'unreachable' && upstream.role === 'canary' && stable) outcome = await send(stable);
      if (outcome.kind === 'unreachable') socket.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n');
    })();
  }

  private record(id: string, outcome: Outcome, ms: number): void {
    let sample = this.samples.get(id);
    if (!sample) this.samples.set(id, (sample = emptySample()));
    sample.requests++;
    if (outcome.kind === 'unreachable' || outcome.kind === 'broken') sample.errors++;
    else if (outcome.kind === 'answered' && outcome.status >= 500) sample.errors++;
    else if (outcome.kind === 'answered') sample.latenciesMs.push(ms);
  }
}

function emptySample(): TrafficSample {
  return { requests: 0, errors: 0, latenciesMs: [] };
}
