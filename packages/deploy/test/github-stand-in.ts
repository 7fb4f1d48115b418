// A local stand-in for GitHub's REST API, just the deployment endpoints: it answers with bodies
// and headers shaped like GitHub's, keeps every request for assertions, and fails on cue (5xx,
// a hang, a 403 without permission, a secondary rate limit) so failure paths run in milliseconds.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/** One request as the stand-in received it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
}

/** A way to answer wrong: a status with a GitHub-shaped error body, or never answering at all. */
export type Fault =
  | { kind: 'status'; status: number; message?: string }
  | { kind: 'hang' }
  | { kind: 'forbidden' }
  | { kind: 'secondary-rate-limit' };

/** A deployment as GitHub returns it (the fields slipway reads, and a few it does not). */
export interface StandInDeployment {
  id: number;
  node_id: string;
  url: string;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  environment: string;
  description: string | null;
  production_environment: boolean;
  transient_environment: boolean;
  created_at: string;
  updated_at: string;
}

/** A deployment status as GitHub returns it. */
export interface StandInStatus {
  id: number;
  state: string;
  description: string;
  environment_url: string;
  log_url: string;
  created_at: string;
}

const DOCS = 'https://docs.github.com/rest/deployments/deployments';

/** The stand-in server; `url` is what tests pass as `apiUrl`. */
export class GithubStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly deployments: StandInDeployment[] = [];
  readonly statuses = new Map<number, StandInStatus[]>();
  private readonly faults: Fault[] = [];
  private always: Fault | undefined;
  private nextId = 1000;
  private tick = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    /** The one repository that exists; any other is a 404. */
    readonly repository: string,
  ) {}

  /** Listens on 127.0.0.1 on a free port. */
  static async start(repository = 'acme/shop'): Promise<GithubStandIn> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const standIn = new GithubStandIn(server, `http://127.0.0.1:${port}`, repository);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void standIn.handle(req, res));
    return standIn;
  }

  /** The next `times` requests meet `fault`. */
  failNext(times: number, fault: Fault): this {
    for (let i = 0; i < times; i++) this.faults.push(fault);
    return this;
  }

  /** Every request meets `fault` until `heal()`. */
  failAlways(fault: Fault): this {
    this.always = fault;
    return this;
  }

  /** Answers normally again. */
  heal(): void {
    this.always = undefined;
    this.faults.length = 0;
  }

  /** Adds a deployment (newer than the ones before it) with its statuses, oldest status first. */
  seed(d: { ref: string; environment: string; payload: unknown; states: string[] }): StandInDeployment {
    const deployment = this.createDeployment(d);
    for (const state of d.states) this.createStatus(deployment.id, { state, description: state });
    return deployment;
  }

  /** Requests other than `GET`s of lists, in order: what a recorder wrote. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  /** Stops listening and drops every connection, hung ones included. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const text = await readBody(req);
    const body: unknown = text ? JSON.parse(text) : undefined;
    this.requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: req.headers.authorization,
    });
    const fault = this.faults.shift() ?? this.always;
    if (fault) return this.fail(res, fault);
    const m = /^\/repos\/([^/]+\/[^/]+)\/deployments(?:\/(\d+)\/statuses)?$/.exec(url.pathname);
    if (!m || m[1] !== this.repository) return this.send(res, 404, { message: 'Not Found', documentation_url: DOCS });
    const id = m[2] === undefined ? undefined : Number(m[2]);
    if (id !== undefined && !this.statuses.has(id))
      return this.send(res, 404, { message: 'Not Found', documentation_url: DOCS });
    if (req.method === 'POST' && id === undefined) return this.send(res, 201, this.createDeployment(body as never));
    if (req.method === 'POST') return this.send(res, 201, this.createStatus(id!, body as never));
    if (req.method !== 'GET') return this.send(res, 404, { message: 'Not Found', documentation_url: DOCS });
    const newestFirst =
      id === undefined
        ? this.deployments.filter(
            (d) => !url.searchParams.has('environment') || d.environment === url.searchParams.get('environment'),
          )
        : this.statuses.get(id)!;
    return this.sendPage(res, url, [...newestFirst].reverse());
  }

  private createDeployment(b: {
    ref: string;
    environment?: string;
    payload?: unknown;
    description?: string;
    production_environment?: boolean;
    transient_environment?: boolean;
  }): StandInDeployment {
    const id = this.nextId++;
    const at = this.now();
    const deployment: StandInDeployment = {
      id,
      node_id: `DE_${id}`,
      url: `${this.url}/repos/${this.repository}/deployments/${id}`,
      // GitHub resolves the ref to a commit; a stand-in derives one.
      sha: /^[0-9a-f]{40}$/.test(b.ref) ? b.ref : createHash('sha1').update(b.ref).digest('hex'),
      ref: b.ref,
      task: 'deploy',
      payload: b.payload ?? {},
      environment: b.environment ?? 'production',
      description: b.description ?? null,
      production_environment: b.production_environment ?? b.environment === 'production',
      transient_environment: b.transient_environment ?? false,
      created_at: at,
      updated_at: at,
    };
    this.deployments.push(deployment);
    this.statuses.set(id, []);
    return deployment;
  }

  private createStatus(
    id: number,
    b: { state: string; description?: string; environment_url?: string; log_url?: string },
  ): StandInStatus {
    const status: StandInStatus = {
      id: this.nextId++,
      state: b.state,
      description: b.description ?? '',
      environment_url: b.environment_url ?? '',
      log_url: b.log_url ?? '',
      created_at: this.now(),
    };
    this.statuses.get(id)!.push(status);
    return status;
  }

  private sendPage(res: ServerResponse, url: URL, items: unknown[]): void {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string) => {
      const to = new URL(url);
      to.searchParams.set('page', String(n));
      return `<${to.href}>; rel="${rel}"`;
    };
    const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
    if (page > 1) links.unshift(link(page - 1, 'prev'), link(1, 'first'));
    const headers: Record<string, string> = links.length ? { link: links.join(', ') } : {};
    this.send(res, 200, items.slice((page - 1) * perPage, page * perPage), headers);
  }

  private fail(res: ServerResponse, fault: Fault): void {
    switch (fault.kind) {
      case 'hang':
        return; // the socket stays open until the client gives up or close() drops it
      case 'forbidden':
        return this.send(res, 403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
          status: '403',
        });
      case 'secondary-rate-limit':
        return this.send(
          res,
          429,
          {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
            documentation_url:
              'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
            status: '429',
          },
          { 'retry-after': '1' },
        );
      case 'status':
        return this.send(res, fault.status, { message: fault.message ?? 'Server Error', documentation_url: DOCS });
    }
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': `STANDIN:${this.requests.length}`,
      ...headers,
    });
    res.end(text);
  }

  // Whole seconds, one apart, as GitHub's timestamps are: order never depends on the wall clock.
  private now(): string {
    return new Date(Date.UTC(2025, 0, 1) + 1000 * this.tick++).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
