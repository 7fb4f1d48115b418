// The client side of the daemon's admin API (admin.ts), used by the router, `slipway status` and
// `slipway down`.
import type { Client } from 'undici/index.js';
import type { Release, TrafficSample } from '../../types.js';
import type { LocalProxyStatus } from './admin.js';

/** How long one admin request may take; the daemon answers from memory, so this is generous. */
const REQUEST_TIMEOUT_MS = 15_000;

/** Talks to one daemon's admin API with its token; keeps one connection open until `close`. */
export class AdminClient {
  /** undici is loaded on the first request: an action that never talks to a daemon never loads it. */
  private client: Promise<Client> | undefined;

  constructor(
    readonly url: string,
    private readonly token: string,
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {}

  private connection(): Promise<Client> {
    const t = this.timeoutMs;
    return (this.client ??= import('undici/index.js').then(
      ({ Client }) => new Client(this.url, { headersTimeout: t, bodyTimeout: t, connectTimeout: t }),
    ));
  }

  /** The daemon's routing and totals. */
  status(): Promise<LocalProxyStatus> {
    return this.call<LocalProxyStatus>('GET', '/v1/status');
  }

  /** Routes by these weights; resolves once the daemon routes new requests by them. */
  async setWeights(stable: Release | undefined, canary: Release | undefined, weight: number): Promise<void> {
    await this.call('PUT', '/v1/weights', { stable, canary, weight });
  }

  /** Per-release traffic since the previous take (by anyone). */
  async takeTraffic(): Promise<Map<string, TrafficSample>> {
    return new Map(Object.entries(await this.call<Record<string, TrafficSample>>('POST', '/v1/traffic')));
  }

  /** Asks the daemon to stop; resolves when it has answered, before it has exited. */
  async shutdown(): Promise<void> {
    await this.call('POST', '/v1/shutdown');
  }

  /** Closes the connection; the daemon keeps running. */
  async close(): Promise<void> {
    // A client that never connected (its construction failed) has nothing to close; that error was
    // the caller's already, and must not be hidden by this one.
    const client = await this.client?.catch(() => undefined);
    await client?.close();
  }

  private async call<T>(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await (
      await this.connection()
    ).request({
      method,
      path,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.body.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (res.statusCode !== 200) {
      const detail = (parsed as { error?: unknown } | undefined)?.error;
      throw new Error(
        `the local proxy's admin API refused ${method} ${path} (${res.statusCode}${typeof detail === 'string' ? `: ${detail}` : ''})`,
      );
    }
    if (parsed === undefined) throw new Error(`the local proxy's admin API answered ${method} ${path} with no JSON`);
    return parsed as T;
  }
}
