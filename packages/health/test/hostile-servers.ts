// Real local servers that misbehave the way hostile or broken services do: bodies that never end,
// answers that stop after the headers, Prometheus answers of the wrong shape, a demand for credentials.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** A running server: its base URL (no path), how it was used, and its end. */
export interface HostileServer {
  url: string;
  port: number;
  /** Requests received so far. */
  requests: number;
  /** Bytes of body written to clients so far (for the endless body). */
  bytesSent: number;
  /** Authorization headers received, in order. */
  authorizations: (string | undefined)[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, state: HostileServer) => void;

/** Serves `handler` on a free loopback port. */
export async function serve(handler: Handler): Promise<HostileServer> {
  const state: HostileServer = {
    url: '',
    port: 0,
    requests: 0,
    bytesSent: 0,
    authorizations: [],
    close: async () => {},
  };
  const server = createServer((req, res) => {
    state.requests++;
    state.authorizations.push(req.headers.authorization);
    req.resume();
    handler(req, res, state);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.port = (server.address() as { port: number }).port;
  state.url = `http://127.0.0.1:${state.port}`;
  state.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return state;
}

/** A fixed answer. */
export function answer(status: number, body: string, contentType = 'application/json'): Handler {
  return (_req, res) => res.writeHead(status, { 'content-type': contentType }).end(body);
}

/**
 * A body that never ends: 64 KiB chunks for as long as the client reads. It stops when the client
 * goes away, so a client that stops reading is seen in `bytesSent`.
 */
export function endlessBody(status = 200): Handler {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return (_req, res, state) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    let open = true;
    res.on('close', () => (open = false));
    const pump = (): void => {
      while (open && !res.writableEnded) {
        state.bytesSent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
    };
    pump();
  };
}

/** Declares a huge body in Content-Length, then sends it slowly: only the header should be needed to refuse it. */
export function declaredHugeBody(bytes: number): Handler {
  return (_req, res, state) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(bytes) });
    res.flushHeaders(); // a HEAD answer writes nothing more, so its headers go now
    const timer = setInterval(() => {
      state.bytesSent += 1024;
      res.write(Buffer.alloc(1024, 'a'));
    }, 50);
    res.on('close', () => clearInterval(timer));
  };
}

/** Sends the status line and headers, then nothing at all. */
export function headersThenSilence(): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.flushHeaders();
  };
}

/** Answers 401 unless the request carries Basic credentials for `user:password`. */
export function basicAuth(user: string, password: string, then: Handler): Handler {
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return (req, res, state) => {
    if (req.headers.authorization !== expected) return void res.writeHead(401).end('{"error":"unauthorized"}');
    then(req, res, state);
  };
}

/**
 * The workflow commands a runner would act on in a step's output: it reads `::name …::` at the
 * start of a line, and nothing between `::stop-commands::<token>` and `::<token>::`.
 */
export function workflowCommands(output: string): string[] {
  const commands: string[] = [];
  let stopped: string | undefined;
  for (const line of output.split(/\r?\n/)) {
    const text = line.trimStart();
    if (stopped !== undefined) {
      if (text === `::${stopped}::`) stopped = undefined;
      continue;
    }
    const m = /^::([A-Za-z-]+)(?:\s[^:]*)?::(.*)$/.exec(text);
    if (!m) continue;
    if (m[1] === 'stop-commands') stopped = m[2];
    else commands.push(text);
  }
  return commands;
}
