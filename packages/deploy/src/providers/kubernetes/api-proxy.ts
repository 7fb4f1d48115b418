// Server-side apply as the API server defines it, through kubectl. `kubectl apply --server-side`
// first moves every field kubectl's client-side apply owns to the applying manager and then
// re-applies, which deletes the fields the partial apply leaves out (docs/kubernetes.md shows an
// HTTPRoute losing its hostnames). slipway's changes to the user's objects are partial by design
// (an image, the route's rules), so they go to the API as one PATCH of type apply, through a
// `kubectl proxy` on a private socket that lives for that one request: kubectl still does the
// authentication (client certificates, tokens, the cloud exec plugins) and nothing stays running.
import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Starts a process: node's spawn, or a stand-in. */
export type Spawn = (command: string, args: string[], options: { env: Record<string, string> }) => ChildProcess;

export const defaultSpawn: Spawn = (command, args, options) =>
  nodeSpawn(command, args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });

/** Where the API serves a kind: the path of its collection in a namespace. */
export function collectionPath(apiVersion: string, kind: string, namespace: string): string {
  const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  return `${base}/namespaces/${encodeURIComponent(namespace)}/${plural(kind)}`;
}

/** The resource name of a kind (the API's plural): Ingress → ingresses, Policy → policies. */
export function plural(kind: string): string {
  const k = kind.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(k)) return `${k}es`;
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  return `${k}s`;
}

/** What one request through the proxy answered. */
export interface ProxyAnswer {
  status: number;
  body: string;
}

/** What a proxied request needs. */
export interface ProxyRequest {
  spawn: Spawn;
  /** kubectl and its global arguments (`--context`). */
  binary: string;
  globalArgs: string[];
  env: Record<string, string>;
  method: 'PATCH' | 'GET' | 'DELETE';
  path: string;
  contentType?: string;
  body?: string;
  timeoutMs: number;
}

/** A proxy that could not start: kubectl's own words (an unknown context, a broken kubeconfig). */
export class ProxyStartError extends Error {}

/** Sends one request to the API server through a kubectl proxy started for it, and stops the proxy. */
export async function viaProxy(r: ProxyRequest): Promise<ProxyAnswer> {
  const dir = await mkdtemp(join(tmpdir(), 'slipway-kube-'));
  const socket = join(dir, 'api.sock');
  const child = r.spawn(r.binary, [...r.globalArgs, 'proxy', `--unix-socket=${socket}`, '--api-prefix=/'], {
    env: r.env,
  });
  try {
    await serving(child, r.timeoutMs);
    return await send(socket, r);
  } finally {
    child.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
}

/** Resolves once the proxy says it serves; rejects with its stderr when it exits first. */
function serving(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => finish(new ProxyStartError(`kubectl proxy did not start within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      child.stdout?.removeAllListeners('data');
      child.removeAllListeners('exit');
      child.removeAllListeners('error');
      if (error) reject(error);
      else resolve();
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Starting to serve')) finish();
    });
    child.stderr?.on('data', (chunk: Buffer) => void (err += chunk.toString()));
    child.on('error', (e) => finish(e));
    child.on('exit', () => finish(new ProxyStartError(err.trim() || out.trim() || 'kubectl proxy exited')));
  });
}

function send(socket: string, r: ProxyRequest): Promise<ProxyAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath: socket,
        method: r.method,
        path: r.path,
        // The proxy accepts local host names only.
        headers: {
          host: 'localhost',
          accept: 'application/json',
          ...(r.contentType ? { 'content-type': r.contentType } : {}),
        },
        timeout: r.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`the API server did not answer within ${r.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(r.body);
  });
}

/** A Status the API server sent, said the way kubectl says it (`Error from server (Conflict): …`). */
export function statusText(answer: ProxyAnswer): string {
  try {
    const s = JSON.parse(answer.body) as { reason?: string; message?: string };
    if (s.message) return `Error from server (${s.reason ?? answer.status}): ${s.message}`;
  } catch {
    // The proxy's own answer (the API server unreachable) is plain text.
  }
  return answer.body.trim() || `HTTP ${answer.status}`;
}
