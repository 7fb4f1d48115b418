import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { redactText, serverText } from './display.js';
import { failedAssertions, type JsonAssertion } from './expect.js';
import { MAX_BODY_BYTES } from './limits.js';

/**
 * Why a probe failed: the network kind, or the HTTP answer that was wrong. `too-large` is a body
 * past the cap: it is not read on, so an endless or huge body costs the runner nothing.
 */
export type FailureKind =
  'dns' | 'refused' | 'reset' | 'timeout' | 'tls' | 'status' | 'body' | 'json' | 'too-large' | 'other';

/** A body pattern: a linear-time user pattern from parseBodyRegex (a RegExp fits as well). */
export interface BodyPattern {
  readonly source: string;
  test(text: string): boolean;
}

/** One probe's outcome. */
export interface ProbeResult {
  url: string;
  ok: boolean;
  status?: number;
  /** Milliseconds from sending the request to the end of the body. */
  latencyMs: number;
  failure?: { kind: FailureKind; detail: string };
  /** When the probe started, on the caller's clock. */
  at: number;
}

/** What a probe checks. */
export interface ProbeSpec {
  method: string;
  headers: Record<string, string>;
  timeoutMs: number;
  expectStatus: (status: number) => boolean;
  expectBody?: BodyPattern;
  expectJson?: readonly JsonAssertion[];
  insecureTls: boolean;
  /** A body larger than this fails the probe as `too-large`, unread past it (default MAX_BODY_BYTES, 1 MiB). */
  maxBodyBytes?: number;
}

const NETWORK_KINDS: [RegExp, FailureKind][] = [
  [/ENOTFOUND|EAI_AGAIN|EAI_NONAME/, 'dns'],
  [/ECONNREFUSED/, 'refused'],
  [/ECONNRESET|EPIPE|socket hang up|ECONNABORTED/, 'reset'],
  [/ETIMEDOUT|timeout/i, 'timeout'],
  [/CERT|SSL|TLS|self[- ]signed|unable to verify/i, 'tls'],
];

/** Classifies a network error by its code and message. */
export function failureKind(err: unknown): FailureKind {
  const text = `${(err as NodeJS.ErrnoException).code ?? ''} ${(err as Error).message ?? ''}`;
  return NETWORK_KINDS.find(([re]) => re.test(text))?.[1] ?? 'other';
}

/**
 * Sends probes over keep-alive connections with node's own HTTP client: the latency is the
 * time to the last byte of the body, measured with the monotonic clock, and nothing else is
 * in the way (no retries, no redirects followed).
 */
export class Prober {
  private readonly http = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  private readonly https: HttpsAgent;

  constructor(private readonly spec: ProbeSpec) {
    this.https = new HttpsAgent({ keepAlive: true, maxSockets: 64, rejectUnauthorized: !spec.insecureTls });
  }

  /** Closes idle connections. */
  close(): void {
    this.http.destroy();
    this.https.destroy();
  }

  /** One probe of one URL; never rejects: every problem is a failed probe of some kind. */
  probe(url: string, now: number): Promise<ProbeResult> {
    const spec = this.spec;
    const limit = spec.maxBodyBytes ?? MAX_BODY_BYTES;
    const start = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      let req: ClientRequest | undefined;
      const done = (r: Omit<ProbeResult, 'url' | 'latencyMs' | 'at'>): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ url, latencyMs: Math.round((performance.now() - start) * 100) / 100, at: now, ...r });
      };
      const fail = (kind: FailureKind, detail: string, status?: number): void => {
        done({ ok: false, ...(status !== undefined ? { status } : {}), failure: { kind, detail } });
        // Stop reading whatever is still coming: a failed probe takes nothing more from the server.
        req?.destroy();
      };
      // The timer covers the whole answer, body included, so headers followed by silence are a timeout.
      const timer = setTimeout(() => fail('timeout', `no complete answer within ${spec.timeoutMs} ms`), spec.timeoutMs);
      const tooLarge = (status: number): void => fail('too-large', `body larger than ${formatBytes(limit)}`, status);
      try {
        const target = new URL(url);
        const secure = target.protocol === 'https:';
        req = (secure ? httpsRequest : httpRequest)(
          target,
          { method: spec.method, headers: spec.headers, agent: secure ? this.https : this.http },
          (res: IncomingMessage) => {
            const status = res.statusCode ?? 0;
            // A HEAD, 204 or 304 answer declares the length of a body it does not send.
            const bodiless = spec.method === 'HEAD' || status === 204 || status === 304;
            if (!bodiless && Number(res.headers['content-length']) > limit) return tooLarge(status);
            const parts: Buffer[] = [];
            let size = 0;
            res.on('data', (d: Buffer) => {
              size += d.length;
              if (size > limit) return tooLarge(status);
              parts.push(d);
            });
            res.on('error', (err) => fail(failureKind(err), serverText(err.message), status));
            res.on('end', () => done(judge(spec, status, parts)));
          },
        );
        req.on('error', (err) => fail(failureKind(err), serverText(err.message)));
        req.end();
      } catch (err) {
        // Node refuses some requests before sending them (a header it will not write): a failed
        // probe with Node's reason, never a rejected promise that would end the whole run.
        fail('other', serverText((err as Error).message));
      }
    });
  }
}

/** What the complete answer shows against the expectations. */
function judge(spec: ProbeSpec, status: number, parts: Buffer[]): Omit<ProbeResult, 'url' | 'latencyMs' | 'at'> {
  if (!spec.expectStatus(status)) return { ok: false, status, failure: { kind: 'status', detail: `status ${status}` } };
  if (!spec.expectBody && !spec.expectJson?.length) return { ok: true, status };
  const body = Buffer.concat(parts).toString('utf8');
  if (spec.expectBody && !spec.expectBody.test(body))
    return {
      ok: false,
      status,
      failure: { kind: 'body', detail: `body does not match /${redactText(spec.expectBody.source)}/` },
    };
  if (spec.expectJson?.length) {
    let doc: unknown;
    try {
      doc = JSON.parse(body);
    } catch {
      return { ok: false, status, failure: { kind: 'json', detail: 'body is not JSON' } };
    }
    const failed = failedAssertions(doc, spec.expectJson);
    if (failed.length) return { ok: false, status, failure: { kind: 'json', detail: serverText(failed.join('; ')) } };
  }
  return { ok: true, status };
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 && n % (1024 * 1024) === 0
    ? `${n / (1024 * 1024)} MiB`
    : n >= 1024 && n % 1024 === 0
      ? `${n / 1024} KiB`
      : `${n} bytes`;
}
