// The run's artifact service, on 127.0.0.1: the parts of GitHub's artifact service (v4, Twirp over
// JSON) and of Azure Blob storage that @actions/artifact speaks, so that build-artifact's real
// upload runs unchanged and download-artifact's stand-in finds the build by its id. Nothing leaves
// the machine; artifacts live in the run's folder and go with it.
import { createHash, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  createReadStream,
  createWriteStream,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** One finished artifact. */
export interface StoredArtifact {
  id: number;
  name: string;
  size: number;
  /** sha256:<hex> of the zip. */
  digest: string;
  /** The zip on disk. */
  zip: string;
  createdAt: string;
}

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/';
const CACHE = '/twirp/github.actions.results.api.v1.CacheService/';

/** The artifact store and the service in front of it. */
export class ArtifactService {
  private server: Server | undefined;
  private base = '';
  private nextId = 1;
  private readonly artifacts: StoredArtifact[] = [];
  private readonly pending = new Map<string, { name: string; key: string }>();
  /** Cache entries of this run (cache service v2): key and version to the blob holding the archive. */
  private readonly cache: { key: string; version: string; blob: string; done: boolean }[] = [];
  /** The bearer token the service accepts, as the job's ACTIONS_RUNTIME_TOKEN. */
  readonly token: string;

  constructor(
    private readonly dir: string,
    readonly runBackendId = `run-${randomBytes(6).toString('hex')}`,
  ) {
    mkdirSync(join(dir, 'blobs'), { recursive: true });
    const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    // The client reads its run and job from the token's scope; the signature is never checked client-side.
    this.token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
      scp: `Actions.GenericRead:${this.runBackendId} Actions.Results:${this.runBackendId}:job-1`,
    })}.${randomBytes(16).toString('base64url')}`;
  }

  /** Starts listening on a free port of 127.0.0.1; returns the ACTIONS_RESULTS_URL. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'internal', msg: (err as Error).message }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as { port: number };
    this.base = `http://127.0.0.1:${port}`;
    return `${this.base}/`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** Every finished artifact, oldest first. */
  list(): readonly StoredArtifact[] {
    return this.artifacts;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    if (url.pathname.startsWith('/blob/')) return this.blob(req, res, url);
    if (req.method !== 'POST' || !(url.pathname.startsWith(TWIRP) || url.pathname.startsWith(CACHE)))
      return twirpError(res, 404, 'not_found', 'no such method');
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return twirpError(res, 401, 'unauthenticated', 'the runtime token is not this run’s');
    const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Record<string, unknown>;
    if (url.pathname.startsWith(CACHE)) return this.cacheMethod(url.pathname.slice(CACHE.length), body, res);
    const name = typeof body.name === 'string' ? body.name : '';
    switch (url.pathname.slice(TWIRP.length)) {
      case 'CreateArtifact': {
        if (!name) return twirpError(res, 400, 'invalid_argument', 'name is required');
        if (this.artifacts.some((a) => a.name === name) || [...this.pending.values()].some((p) => p.name === name))
          return twirpError(res, 409, 'already_exists', `an artifact named ${name} exists already in this run`);
        const key = randomBytes(12).toString('hex');
        this.pending.set(name, { name, key });
        return json(res, { ok: true, signed_upload_url: `${this.base}/blob/${key}?sig=${key}` });
      }
      case 'FinalizeArtifact': {
        const pending = this.pending.get(name);
        if (!pending) return twirpError(res, 404, 'not_found', `no upload of ${name} was started`);
        const zip = join(this.dir, 'blobs', `${pending.key}.zip`);
        const size = statSync(zip, { throwIfNoEntry: false })?.size;
        if (size === undefined) return twirpError(res, 400, 'failed_precondition', 'nothing was uploaded');
        const digest = `sha256:${createHash('sha256').update(readFileSync(zip)).digest('hex')}`;
        if (typeof body.hash === 'string' && body.hash && body.hash !== digest)
          return twirpError(res, 400, 'data_loss', `the upload is ${digest}, not the ${body.hash} the client sent`);
        this.pending.delete(name);
        const artifact: StoredArtifact = {
          id: this.nextId++,
          name,
          size,
          digest,
          zip,
          createdAt: new Date().toISOString(),
        };
        this.artifacts.push(artifact);
        return json(res, { ok: true, artifact_id: String(artifact.id) });
      }
      case 'ListArtifacts': {
        const nameFilter = (body.name_filter as string | undefined) ?? undefined;
        const idFilter = body.id_filter as string | number | undefined;
        const found = this.artifacts.filter(
          (a) =>
            (nameFilter === undefined || a.name === nameFilter) &&
            (idFilter === undefined || String(a.id) === String(idFilter)),
        );
        return json(res, {
          artifacts: found.map((a) => ({
            workflow_run_backend_id: this.runBackendId,
            workflow_job_run_backend_id: 'job-1',
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt,
          })),
        });
      }
      case 'GetSignedArtifactURL': {
        const artifact = this.artifacts.find((a) => a.name === name);
        if (!artifact) return twirpError(res, 404, 'not_found', `no artifact named ${name}`);
        const key = artifact.zip.slice(artifact.zip.lastIndexOf('/') + 1, -'.zip'.length);
        return json(res, { signed_url: `${this.base}/blob/${key}?sig=${key}` });
      }
      case 'DeleteArtifact':
        return twirpError(res, 501, 'unimplemented', 'artifacts of a local run are deleted with the run');
      default:
        return twirpError(res, 404, 'bad_route', `no such method ${url.pathname}`);
    }
  }

  /**
   * The cache service (v2) @actions/cache speaks: entries last as long as the run, so a later job
   * of the same run restores what an earlier one saved. Lookup is GitHub's: the key exactly, then
   * each restore key as a prefix, newest first, always for the same version.
   */
  private cacheMethod(method: string, body: Record<string, unknown>, res: ServerResponse): void {
    const key = String(body.key ?? '');
    const version = String(body.version ?? '');
    switch (method) {
      case 'CreateCacheEntry': {
        if (this.cache.some((c) => c.key === key && c.version === version))
          return json(res, { ok: false, signed_upload_url: '', message: `cache entry ${key} exists already` });
        const blob = randomBytes(12).toString('hex');
        this.cache.push({ key, version, blob, done: false });
        return json(res, { ok: true, signed_upload_url: `${this.base}/blob/${blob}?sig=${blob}` });
      }
      case 'FinalizeCacheEntryUpload': {
        const entry = this.cache.find((c) => c.key === key && c.version === version && !c.done);
        if (!entry) return json(res, { ok: false, entry_id: '0', message: `no upload of ${key} was started` });
        entry.done = true;
        return json(res, { ok: true, entry_id: String(this.cache.indexOf(entry) + 1) });
      }
      case 'GetCacheEntryDownloadURL': {
        const done = this.cache.filter((c) => c.done && c.version === version).reverse();
        const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys.map(String) : [];
        const hit =
          done.find((c) => c.key === key) ??
          [key, ...restoreKeys].map((k) => done.find((c) => c.key.startsWith(k))).find(Boolean);
        if (!hit) return json(res, { ok: false, signed_download_url: '', matched_key: '' });
        return json(res, {
          ok: true,
          signed_download_url: `${this.base}/blob/${hit.blob}?sig=${hit.blob}`,
          matched_key: hit.key,
        });
      }
      default:
        return twirpError(res, 404, 'bad_route', `no such method ${method}`);
    }
  }

  /** Azure Blob storage's Put Block, Put Block List, Put Blob and Get Blob, for one signed URL. */
  private async blob(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const key = url.pathname.slice('/blob/'.length);
    if (!/^[0-9a-f]{24}$/.test(key) || url.searchParams.get('sig') !== key)
      return blobError(res, 403, 'AuthenticationFailed');
    const zip = join(this.dir, 'blobs', `${key}.zip`);
    const blocks = join(this.dir, 'blobs', `${key}.blocks`);
    if (req.method === 'GET' || req.method === 'HEAD') {
      const size = statSync(zip, { throwIfNoEntry: false })?.size;
      if (size === undefined) return blobError(res, 404, 'BlobNotFound');
      const headers = {
        'content-type': 'application/octet-stream',
        'x-ms-blob-type': 'BlockBlob',
        'accept-ranges': 'bytes',
      };
      // Azure's SDK reads a blob in ranges (x-ms-range), after a HEAD for its length.
      const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers['x-ms-range'] ?? req.headers.range ?? ''));
      if (req.method === 'HEAD') {
        res.writeHead(200, { ...headers, 'content-length': size });
        res.end();
        return;
      }
      if (range) {
        const start = Number(range[1]);
        const end = Math.min(range[2] ? Number(range[2]) : size - 1, size - 1);
        if (start > end) return blobError(res, 416, 'InvalidRange');
        res.writeHead(206, {
          ...headers,
          'content-length': end - start + 1,
          'content-range': `bytes ${start}-${end}/${size}`,
        });
        await pipeline(createReadStream(zip, { start, end }), res);
        return;
      }
      res.writeHead(200, { ...headers, 'content-length': size });
      await pipeline(createReadStream(zip), res);
      return;
    }
    if (req.method !== 'PUT') return blobError(res, 405, 'UnsupportedHttpVerb');
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      const id = url.searchParams.get('blockid') ?? '';
      mkdirSync(blocks, { recursive: true });
      await pipeline(req, createWriteStream(join(blocks, Buffer.from(id, 'base64').toString('hex'))));
    } else if (comp === 'blocklist') {
      const ids = [
        ...(await readBody(req)).toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g),
      ].map((m) => Buffer.from(m[1]!, 'base64').toString('hex'));
      const have = new Set(readdirSync(blocks, { withFileTypes: true }).map((d) => d.name));
      if (ids.some((id) => !have.has(id))) return blobError(res, 400, 'InvalidBlockList');
      // One block (at most the client's chunk size, 8 MiB) in memory at a time.
      writeFileSync(zip, '');
      for (const id of ids) appendFileSync(zip, readFileSync(join(blocks, id)));
      rmSync(blocks, { recursive: true, force: true });
    } else if (comp === null) {
      await pipeline(req, createWriteStream(zip));
    } else {
      return blobError(res, 400, 'InvalidQueryParameterValue');
    }
    res.writeHead(201, {
      etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
      'last-modified': new Date().toUTCString(),
      'x-ms-request-id': randomBytes(16).toString('hex'),
      'x-ms-version': '2024-11-04',
      'x-ms-request-server-encrypted': 'true',
      'content-length': '0',
    });
    res.end();
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function json(res: ServerResponse, body: object): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function twirpError(res: ServerResponse, status: number, code: string, msg: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ code, msg }));
}

function blobError(res: ServerResponse, status: number, code: string): void {
  res.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code });
  res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
}
