import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { failedAssertions, type JsonAssertion } from './expect.js';

/** Why a probe failed: the network kind, or the HTTP answer that was wrong. */
export type FailureKind = 'dns' | 'refused' | 'reset' | 'timeout' | 'tls' | 'status' | 'body' | 'json' | 'other';

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
  expectBody?: RegExp;
  expectJson?: readonly JsonAssertion[];
  insecureTls: boolean;
  /** Bodies larger than this are cut (the expectations see the first part). */
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

  /** One probe of one URL. */
  probe(url: string, now: number): Promise<ProbeResult> {
    const spec = this.spec;
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const start = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      const done = (r: Omit<ProbeResult, 'url' | 'latencyMs' | 'at'>): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ url, latencyMs: Math.round((performance.now() - start) * 100) / 100, at: now, ...r });
      };
      const req = (secure ? httpsRequest : httpRequest)(
        target,
        { method: spec.method, headers: spec.headers, agent: secure ? this.https : this.http },
        (res: IncomingMessage) => {
          const parts: Buffer[] = [];
          let size = 0;
          const limit = spec.maxBodyBytes ?? 1024 * 1024;
          res.on('data', (d: Buffer) => {
            if (size < limit) parts.push(d);
            size += d.length;
          });
          res.on('error', (err) =>
            done({ ok: false, status: res.statusCode, failure: { kind: failureKind(err), detail: err.message } }),
          );
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (!spec.expectStatus(status))
              return done({ ok: false, status, failure: { kind: 'status', detail: `status ${status}` } });
            if (!spec.expectBody && !spec.expectJson?.length) return done({ ok: true, status });
            const body = Buffer.concat(parts).toString('utf8');
            if (spec.expectBody && !spec.expectBody.test(body))
              return done({
                ok: false,
                status,
                failure: { kind: 'body', detail: `body does not match /${spec.expectBody.source}/` },
              });
            if (spec.expectJson?.length) {
              let doc: unknown;
              try {
                doc = JSON.parse(body);
              } catch {
                return done({ ok: false, status, failure: { kind: 'json', detail: 'body is not JSON' } });
              }
              const failed = failedAssertions(doc, spec.expectJson);
              if (failed.length)
                return done({ ok: false, status, failure: { kind: 'json', detail: failed.join('; ') } });
            }
            done({ ok: true, status });
          });
        },
      );
      const timer = setTimeout(() => {
        done({ ok: false, failure: { kind: 'timeout', detail: `no complete answer within ${spec.timeoutMs} ms` } });
        req.destroy();
      }, spec.timeoutMs);
      req.on('error', (err) =>
        done({ ok: false, failure: { kind: failureKind(err), detail: (err as Error).message } }),
      );
      req.end();
    });
  }
}
