// The daemon's admin API: how deploy steps, later runs and `slipway status` drive the local proxy.
// It listens on loopback only, and every request must carry the token from the proxy file, which
// only the daemon's user can read.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as v from 'valibot';
import type { Release, TrafficSample } from '../../types.js';

/** Request bodies larger than this are refused: a weights change is a few hundred bytes. */
const MAX_BODY_BYTES = 64 * 1024;

/** What `GET /v1/status` answers. */
export interface LocalProxyStatus {
  environment: string;
  pid: number;
  frontDoor: string;
  stable?: Release;
  canary?: Release;
  weight: number;
  /** Per release id, since the daemon started. */
  totals: Record<string, { requests: number; errors: number }>;
}

/** What the admin API does, provided by the daemon. */
export interface AdminHandlers {
  status(): LocalProxyStatus;
  /** Routes new requests by these weights; in effect when it returns. */
  setWeights(stable: Release | undefined, canary: Release | undefined, weight: number): void;
  takeTraffic(): Map<string, TrafficSample>;
  /** Called once the shutdown request has been answered. */
  shutdown(): void;
}

/** The running admin server. */
export interface AdminServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** An upstream the proxy may be pointed at: plain HTTP to a loopback port, nothing else. */
function isLoopbackUpstream(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && url.port !== '' && url.pathname === '/';
  } catch {
    return false;
  }
}

const releaseSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  version: v.pipe(v.string(), v.maxLength(200)),
  upstream: v.pipe(
    v.string(),
    v.check(
      isLoopbackUpstream,
      'upstream must be http://127.0.0.1:<port>, http://[::1]:<port> or http://localhost:<port>',
    ),
  ),
});

const weightsSchema = v.pipe(
  v.object({
    stable: v.nullish(releaseSchema),
    canary: v.nullish(releaseSchema),
    weight: v.pipe(v.number(), v.integer('weight must be a whole number'), v.minValue(0), v.maxValue(100)),
  }),
  v.check((w) => !w.stable || !w.canary || w.stable.id !== w.canary.id, 'stable and canary must differ'),
);

/** A request the API refuses, with the status to answer. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Starts the admin API on 127.0.0.1 at a free port. */
export async function startAdminServer(token: string, handlers: AdminHandlers): Promise<AdminServer> {
  const expected = digest(`Bearer ${token}`);
  const server: Server = createServer({ requestTimeout: 30_000 }, (req, res) => {
    // Both sides hashed to the same length, so timingSafeEqual may compare them.
    if (!timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      req.resume();
      return reply(res, 401, { error: 'unauthorized' });
    }
    route(req, res, handlers).catch((error: unknown) => {
      req.resume();
      if (error instanceof Refusal) return reply(res, error.status, { error: error.message });
      reply(res, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}

async function route(req: IncomingMessage, res: ServerResponse, handlers: AdminHandlers): Promise<void> {
  const path = (req.url ?? '').split('?')[0];
  const key = `${req.method} ${path}`;
  if (key === 'GET /v1/status') return reply(res, 200, handlers.status());
  if (key === 'PUT /v1/weights') {
    const parsed = v.safeParse(weightsSchema, await readJson(req));
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const where = issue.path?.map((p) => String(p.key)).join('.');
      throw new Refusal(400, where ? `${where}: ${issue.message}` : issue.message);
    }
    const { stable, canary, weight } = parsed.output;
    handlers.setWeights(stable ?? undefined, canary ?? undefined, weight);
    return reply(res, 200, { ok: true });
  }
  if (key === 'POST /v1/traffic') {
    req.resume();
    return reply(res, 200, Object.fromEntries(handlers.takeTraffic()));
  }
  if (key === 'POST /v1/shutdown') {
    req.resume();
    res.once('finish', () => handlers.shutdown());
    return reply(res, 200, { ok: true });
  }
  throw new Refusal(404, `no ${key}`);
}

/** The request body as JSON, refusing more than MAX_BODY_BYTES without reading it all. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw new Refusal(413, 'body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Refusal(413, 'body too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new Refusal(400, 'body is not JSON');
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  // A refused request may have left its body unread; closing is simpler than draining it.
  const close = status === 413 || status === 401;
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(text);
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
