export const id = 748;
export const ids = [748];
export const modules = {

/***/ 748:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runLocalProxyDaemon: () => (/* binding */ runLocalProxyDaemon)
});

// UNUSED EXPORTS: LOCAL_PROXY_DAEMON, maybeRunDaemon

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 12 modules
var lite = __webpack_require__(3436);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./node_modules/valibot/dist/index.mjs
var dist = __webpack_require__(7934);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/local/admin.ts
// The daemon's admin API: how deploy steps, later runs and `slipway status` drive the local proxy.
// It listens on loopback only, and every request must carry the token from the proxy file, which
// only the daemon's user can read.



/** Request bodies larger than this are refused: a weights change is a few hundred bytes. */
const MAX_BODY_BYTES = 64 * 1024;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);
/** An upstream the proxy may be pointed at: plain HTTP to a loopback port, nothing else. */
function isLoopbackUpstream(text) {
    try {
        const url = new URL(text);
        return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && url.port !== '' && url.pathname === '/';
    }
    catch {
        return false;
    }
}
const releaseSchema = dist/* object */.Ikc({
    id: dist/* pipe */.FsL(dist/* string */.YjP(), dist/* minLength */.BpQ(1), dist/* maxLength */.Ru6(200)),
    version: dist/* pipe */.FsL(dist/* string */.YjP(), dist/* maxLength */.Ru6(200)),
    upstream: dist/* pipe */.FsL(dist/* string */.YjP(), dist/* check */.z6Y(isLoopbackUpstream, 'upstream must be http://127.0.0.1:<port>, http://[::1]:<port> or http://localhost:<port>')),
});
const weightsSchema = dist/* pipe */.FsL(dist/* object */.Ikc({
    stable: dist/* nullish */.cl6(releaseSchema),
    canary: dist/* nullish */.cl6(releaseSchema),
    weight: dist/* pipe */.FsL(dist/* number */.aig(), dist/* integer */.ndf('weight must be a whole number'), dist/* minValue */.Wwf(0), dist/* maxValue */.cGV(100)),
}), dist/* check */.z6Y((w) => !w.stable || !w.canary || w.stable.id !== w.canary.id, 'stable and canary must differ'));
/** A request the API refuses, with the status to answer. */
class Refusal extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
/** Starts the admin API on 127.0.0.1 at a free port. */
async function startAdminServer(token, handlers) {
    const expected = digest(`Bearer ${token}`);
    const server = (0,external_node_http_.createServer)({ requestTimeout: 30_000 }, (req, res) => {
        // Both sides hashed to the same length, so timingSafeEqual may compare them.
        if (!(0,external_node_crypto_.timingSafeEqual)(digest(req.headers.authorization ?? ''), expected)) {
            req.resume();
            return reply(res, 401, { error: 'unauthorized' });
        }
        route(req, res, handlers).catch((error) => {
            req.resume();
            if (error instanceof Refusal)
                return reply(res, error.status, { error: error.message });
            reply(res, 500, { error: error instanceof Error ? error.message : String(error) });
        });
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
        });
    });
    const { port } = server.address();
    return {
        url: `http://127.0.0.1:${port}`,
        close: () => {
            const closed = new Promise((resolve) => server.close(() => resolve()));
            server.closeAllConnections();
            return closed;
        },
    };
}
async function route(req, res, handlers) {
    const path = (req.url ?? '').split('?')[0];
    const key = `${req.method} ${path}`;
    if (key === 'GET /v1/status')
        return reply(res, 200, handlers.status());
    if (key === 'PUT /v1/weights') {
        const parsed = dist/* safeParse */.xLC(weightsSchema, await readJson(req));
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
async function readJson(req) {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES)
        throw new Refusal(413, 'body too large');
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
        size += chunk.length;
        if (size > MAX_BODY_BYTES)
            throw new Refusal(413, 'body too large');
        chunks.push(chunk);
    }
    try {
        return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    }
    catch {
        throw new Refusal(400, 'body is not JSON');
    }
}
function reply(res, status, body) {
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
function digest(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest();
}

// EXTERNAL MODULE: ./packages/deploy/src/providers/local/listen.ts
var local_listen = __webpack_require__(7021);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/local/balancer.ts
/** Where a release is reached; only plain HTTP, since the releases listen on loopback ports. */
function upstreamOf(release, role) {
    const url = new URL(release.upstream);
    if (url.protocol !== 'http:' || url.port === '')
        throw new Error(`release ${release.id}: upstream ${release.upstream} is not http://host:port`);
    // URL keeps IPv6 literals in brackets; sockets want them bare.
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    return { id: release.id, role, origin: url.origin, host, port: Number(url.port) };
}
/**
 * One immutable routing table. Picks by smooth weighted round-robin (nginx's): deterministic, so
 * over any run of 100 picks each upstream gets exactly its weight, spread out rather than in bursts.
 * Upstreams with weight 0 are not in the table at all, so they cannot be picked.
 */
class RoutingTable {
    slots;
    total;
    /** A table for the given weights; entries with weight 0 are dropped. */
    constructor(entries) {
        this.slots = entries.filter((e) => e.weight > 0).map((e) => ({ ...e, current: 0 }));
        this.total = this.slots.reduce((sum, s) => sum + s.weight, 0);
    }
    /** The upstream for the next request, or undefined when nothing is routed. */
    pick() {
        let best;
        for (const slot of this.slots) {
            slot.current += slot.weight;
            if (!best || slot.current > best.current)
                best = slot;
        }
        if (best)
            best.current -= this.total;
        return best?.upstream;
    }
    /** The routed upstream playing `role`, if it has a weight above 0. */
    routed(role) {
        return this.slots.find((s) => s.upstream.role === role)?.upstream;
    }
    /** Every upstream in the table. */
    upstreams() {
        return this.slots.map((s) => s.upstream);
    }
}
/**
 * The table for a rollout step: `canaryWeight` percent to the canary, the rest to the stable. A
 * missing release's share goes to the other one (the first release of an environment has no
 * stable), except that a canary at 0 never gets traffic, even with no stable to take it.
 */
function tableFor(stable, canary, canaryWeight) {
    if (!Number.isInteger(canaryWeight) || canaryWeight < 0 || canaryWeight > 100)
        throw new Error(`canary weight ${canaryWeight} is not a whole percentage 0–100`);
    if (stable && canary && stable.id === canary.id)
        throw new Error(`release ${stable.id} cannot be both the stable and the canary`);
    return new RoutingTable([
        ...(stable ? [{ upstream: upstreamOf(stable, 'stable'), weight: canary ? 100 - canaryWeight : 100 }] : []),
        ...(canary
            ? [{ upstream: upstreamOf(canary, 'canary'), weight: stable || canaryWeight === 0 ? canaryWeight : 100 }]
            : []),
    ]);
}

// EXTERNAL MODULE: ./packages/deploy/node_modules/undici/index.js
var undici = __webpack_require__(8142);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/local/headers.ts
const HOP_BY_HOP = new Set([
    'connection',
    'keep-alive',
    'proxy-connection',
    'proxy-authenticate',
    'proxy-authorization',
    'te',
    'trailer',
    'transfer-encoding',
    'upgrade',
    'http2-settings',
]);
/** The hop-by-hop names for one message: the fixed set plus whatever its Connection header lists. */
function hopByHop(connection) {
    const listed = [connection ?? []]
        .flat()
        .flatMap((v) => v.split(','))
        .map((v) => v.trim().toLowerCase())
        .filter((v) => v !== '');
    return listed.length === 0 ? HOP_BY_HOP : new Set([...HOP_BY_HOP, ...listed]);
}
/**
 * The request's headers for the upstream as a flat name/value list (repeated headers stay
 * repeated, names keep their case), with X-Forwarded-For extended by the client's address. For an
 * Upgrade, `Connection: Upgrade` and `Upgrade` are kept: they are what asks the upstream to switch.
 */
function upstreamRequestHeaders(req, upgrade = false) {
    const drop = hopByHop(req.headers.connection);
    const out = [];
    const raw = req.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) {
        const name = raw[i].toLowerCase();
        if (drop.has(name) || name === 'x-forwarded-for' || name === 'expect')
            continue;
        out.push(raw[i], raw[i + 1]);
    }
    const client = req.socket.remoteAddress ?? '';
    const before = req.headers['x-forwarded-for'];
    out.push('X-Forwarded-For', before ? `${before}, ${client}` : client);
    // A load balancer in front that terminated TLS knows the scheme better than this hop does.
    if (req.headers['x-forwarded-proto'] === undefined)
        out.push('X-Forwarded-Proto', 'http');
    if (upgrade)
        out.push('Connection', 'Upgrade', 'Upgrade', String(req.headers.upgrade));
    return out;
}
/** The upstream response's headers for the client, hop-by-hop ones removed. */
function clientResponseHeaders(headers) {
    const drop = hopByHop(headers.connection);
    const out = {};
    for (const [name, value] of Object.entries(headers))
        if (!drop.has(name))
            out[name] = value;
    return out;
}
/** True when a request carries no body, so it can be sent again to another upstream. */
function hasNoBody(req) {
    return req.headers['transfer-encoding'] === undefined && Number(req.headers['content-length'] ?? 0) === 0;
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/local/forward.ts


/** Errors meaning the upstream was never reached. */
const UNREACHABLE = new Set([
    'ECONNREFUSED',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EADDRNOTAVAIL',
    'UND_ERR_CONNECT_TIMEOUT',
]);
/** Relays one undici response into the client's response, with backpressure both ways. */
class Relay {
    res;
    done;
    controller;
    status = 0;
    settled = false;
    constructor(res, done) {
        this.res = res;
        this.done = done;
        // A client that goes away must not leave the upstream request running.
        res.once('close', () => {
            if (!res.writableFinished)
                this.settle({ kind: 'abandoned' }, new Error('client went away'));
        });
    }
    onRequestStart(controller) {
        this.controller = controller;
        if (this.settled)
            controller.abort(new Error('client went away'));
    }
    onResponseStart(controller, status, headers, statusMessage) {
        if (status < 200 || this.settled)
            return; // 1xx are for this hop only
        this.status = status;
        this.res.writeHead(status, statusMessage, clientResponseHeaders(headers));
        // A body of unknown length may be a slow stream: its client learns at once that it is coming.
        // Otherwise the head goes out with the first chunk, in one write.
        if (headers['content-length'] === undefined)
            this.res.flushHeaders();
    }
    onResponseData(controller, chunk) {
        if (this.settled)
            return;
        if (!this.res.write(chunk)) {
            controller.pause();
            this.res.once('drain', () => controller.resume());
        }
    }
    onResponseEnd() {
        if (this.settled)
            return;
        this.res.end();
        this.settle({ kind: 'answered', status: this.status });
    }
    onResponseError(_controller, error) {
        const code = error.code ?? '';
        const reached = this.controller !== undefined || !UNREACHABLE.has(code);
        this.settle(reached ? { kind: 'broken', error } : { kind: 'unreachable', error });
    }
    settle(outcome, abort) {
        if (this.settled)
            return;
        this.settled = true;
        if (abort)
            this.controller?.abort(abort);
        this.done(outcome);
    }
}
/** Forwards through undici, one connection pool per upstream. */
class UndiciForwarder {
    pools = new Map();
    /** @inheritdoc */
    forward(forwarding) {
        const { req, res, headers, upstream, body } = forwarding;
        return new Promise((resolve) => {
            const relay = new Relay(res, resolve);
            try {
                this.pool(upstream.origin).dispatch({ path: req.url ?? '/', method: req.method, headers, body }, relay);
            }
            catch (error) {
                // undici refuses some requests outright (a header it will not send); the client gets a 502.
                relay.onResponseError(undefined, error);
            }
        });
    }
    /** @inheritdoc */
    keepOnly(origins) {
        for (const [origin, pool] of this.pools)
            if (!origins.has(origin)) {
                this.pools.delete(origin);
                void pool.close(); // waits for the requests still running on it
            }
    }
    /** @inheritdoc */
    async close() {
        const pools = [...this.pools.values()];
        this.pools.clear();
        await Promise.all(pools.map((p) => p.destroy()));
    }
    pool(origin) {
        let pool = this.pools.get(origin);
        if (!pool) {
            pool = new undici.Pool(origin);
            this.pools.set(origin, pool);
        }
        return pool;
    }
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/local/tunnel.ts


/** Opens a tunnel from the client's socket to the upstream; resolves once the upstream's status is known. */
function openTunnel(req, client, head, upstream) {
    return new Promise((resolve) => {
        const server = (0,external_node_net_.connect)(upstream.port, upstream.host);
        let connected = false;
        let settled = false;
        const settle = (outcome) => {
            if (settled)
                return;
            settled = true;
            resolve(outcome);
        };
        server.once('connect', () => {
            connected = true;
            const headers = upstreamRequestHeaders(req, true);
            const lines = [`${req.method} ${req.url} HTTP/1.1`];
            for (let i = 0; i < headers.length; i += 2)
                lines.push(`${headers[i]}: ${headers[i + 1]}`);
            server.write(`${lines.join('\r\n')}\r\n\r\n`);
            if (head.length > 0)
                server.write(head);
            server.pipe(client);
            client.pipe(server);
        });
        server.once('data', (chunk) => {
            const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(chunk.toString('latin1', 0, 16))?.[1] ?? 502);
            settle({ kind: 'answered', status });
        });
        server.on('error', (error) => {
            if (!connected)
                return settle({ kind: 'unreachable', error });
            settle({ kind: 'broken', error });
            client.destroy();
        });
        client.on('error', () => server.destroy());
        client.on('close', () => {
            server.destroy();
            settle({ kind: 'abandoned' });
        });
        server.on('close', () => {
            if (connected)
                client.destroy();
            settle({ kind: 'broken', error: new Error('upstream closed before answering') });
        });
    });
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/local/proxy.ts
// The local traffic router's data path: an HTTP reverse proxy that splits new requests between the
// stable and the canary release by weight, and counts what each one served for the judge.





/** Methods a client may send again without effect (RFC 9110 §9.2.1): the only ones the proxy resends. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** A weighted reverse proxy in front of the stable and canary releases. */
class WeightedProxy {
    server;
    forwarder;
    table = new RoutingTable([]);
    samples = new Map();
    constructor(server, forwarder) {
        this.server = server;
        this.forwarder = forwarder;
        server.on('request', (req, res) => this.onRequest(req, res));
        server.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
    }
    /** Starts a proxy listening on host:port; rejects with the listen error (EADDRINUSE…). */
    static async listen(options) {
        // No request timeout: a long upload or stream through the proxy is the upstream's to end.
        const server = (0,external_node_http_.createServer)({ requestTimeout: 0, keepAliveTimeout: 65_000 });
        await new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen(options.port, options.host, () => {
                server.off('error', reject);
                resolve();
            });
        });
        return new WeightedProxy(server, options.forwarder ?? new UndiciForwarder());
    }
    /** The address the proxy is bound to. */
    get address() {
        const a = this.server.address();
        return { host: a.address, port: a.port };
    }
    /**
     * Routes `canaryWeight` percent of new requests to the canary, the rest to the stable. One
     * synchronous swap: every request that arrives after it returns is routed by the new table, and
     * requests already on their way to an upstream finish there.
     */
    setWeights(stable, canary, canaryWeight) {
        this.table = tableFor(stable, canary, canaryWeight);
        const routed = this.table.upstreams();
        for (const u of routed)
            if (!this.samples.has(u.id))
                this.samples.set(u.id, emptySample());
        this.forwarder.keepOnly(new Set(routed.map((u) => u.origin)));
    }
    /** What each release served since the previous call (completed requests only); starts a new window. */
    takeSamples() {
        const taken = this.samples;
        this.samples = new Map(this.table.upstreams().map((u) => [u.id, emptySample()]));
        return taken;
    }
    /** Stops accepting connections and closes every connection, to clients and to upstreams. */
    async close() {
        const closed = new Promise((resolve) => this.server.close(() => resolve()));
        this.server.closeAllConnections();
        await Promise.all([closed, this.forwarder.close()]);
    }
    onRequest(req, res) {
        const table = this.table;
        const upstream = table.pick();
        if (!upstream)
            return void res.writeHead(503, { 'content-type': 'text/plain' }).end('No release is routed.\n');
        const bodyless = hasNoBody(req);
        const headers = upstreamRequestHeaders(req);
        const send = async (to) => {
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
            if ((outcome.kind === 'unreachable' || outcome.kind === 'broken') &&
                !res.headersSent &&
                this.table !== table &&
                bodyless &&
                SAFE_METHODS.has(req.method ?? '')) {
                const now = this.table.pick();
                if (now && now.origin !== upstream.origin)
                    outcome = await send(now);
            }
            if (outcome.kind === 'unreachable' || outcome.kind === 'broken') {
                if (!res.headersSent)
                    res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad gateway.\n');
                else
                    res.destroy();
            }
        })();
    }
    onUpgrade(req, socket, head) {
        const table = this.table;
        const upstream = table.pick();
        if (!upstream)
            return void socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
        const send = async (to) => {
            const started = performance.now();
            const outcome = await openTunnel(req, socket, head, to);
            this.record(to.id, outcome, performance.now() - started);
            return outcome;
        };
        void (async () => {
            let outcome = await send(upstream);
            const stable = table.routed('stable');
            if (outcome.kind === 'unreachable' && upstream.role === 'canary' && stable)
                outcome = await send(stable);
            if (outcome.kind === 'unreachable')
                socket.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n');
        })();
    }
    record(id, outcome, ms) {
        let sample = this.samples.get(id);
        if (!sample)
            this.samples.set(id, (sample = emptySample()));
        sample.requests++;
        if (outcome.kind === 'unreachable' || outcome.kind === 'broken')
            sample.errors++;
        else if (outcome.kind === 'answered' && outcome.status >= 500)
            sample.errors++;
        else if (outcome.kind === 'answered')
            sample.latenciesMs.push(ms);
    }
}
function emptySample() {
    return { requests: 0, errors: 0, latenciesMs: [] };
}

// EXTERNAL MODULE: ./packages/deploy/src/providers/local/proxy-file.ts
var proxy_file = __webpack_require__(3247);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/local/traffic.ts
/** The most latencies kept per release per window. */
const MAX_LATENCIES = 10_000;
/** Per-release traffic since the last take, plus totals since the start. */
class TrafficLedger {
    cap;
    random;
    window = new Map();
    totals = new Map();
    constructor(cap = MAX_LATENCIES, random = Math.random) {
        this.cap = cap;
        this.random = random;
    }
    /** Adds what the proxy counted since its previous sample. */
    add(samples) {
        for (const [id, sample] of samples) {
            let w = this.window.get(id);
            if (!w)
                this.window.set(id, (w = { requests: 0, errors: 0, latenciesMs: [], seen: 0 }));
            w.requests += sample.requests;
            w.errors += sample.errors;
            for (const ms of sample.latenciesMs) {
                w.seen++;
                if (w.latenciesMs.length < this.cap)
                    w.latenciesMs.push(ms);
                else {
                    const slot = Math.floor(this.random() * w.seen);
                    if (slot < this.cap)
                        w.latenciesMs[slot] = ms;
                }
            }
            const total = this.totals.get(id) ?? { requests: 0, errors: 0 };
            total.requests += sample.requests;
            total.errors += sample.errors;
            this.totals.set(id, total);
        }
    }
    /** The window since the previous take; starts a new one. */
    take() {
        const taken = this.window;
        this.window = new Map();
        return new Map([...taken].map(([id, w]) => [id, { requests: w.requests, errors: w.errors, latenciesMs: w.latenciesMs }]));
    }
    /** Requests and errors per release since the daemon started. */
    cumulative() {
        return Object.fromEntries([...this.totals].map(([id, t]) => [id, { ...t }]));
    }
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/local/daemon.ts
// The local proxy as a background daemon: started detached by spawn.ts, it outlives the job that
// started it, so that traffic keeps flowing between steps and runs, and a later deploy drives the
// same proxy through the admin API with the token from the proxy file.











/** How often the proxy's own samples move into the reservoir, so they never pile up between readings. */
const DRAIN_INTERVAL_MS = 1000;
/** Runs the daemon when this process was started as one; true when it did (the caller then does nothing else). */
async function maybeRunDaemon(env = process.env) {
    if (env.SLIPWAY_DAEMON !== LOCAL_PROXY_DAEMON)
        return false;
    await runLocalProxyDaemon(env);
    return true;
}
function setting(env, name) {
    const value = env[name];
    if (!value)
        throw new Error(`the local proxy daemon needs ${name}`);
    return value;
}
/** The daemon's main: serves until SIGTERM, SIGINT or an admin shutdown, then removes its proxy file. */
async function runLocalProxyDaemon(env) {
    const handshakeFile = env.SLIPWAY_HANDSHAKE_FILE;
    const handshake = async (h) => {
        if (handshakeFile)
            await (0,lite/* writeFileAtomic */.Zf)(handshakeFile, JSON.stringify(h));
    };
    let proxy;
    let admin;
    let stateFile;
    let environment;
    try {
        stateFile = setting(env, 'SLIPWAY_STATE_FILE');
        environment = setting(env, 'SLIPWAY_ENVIRONMENT');
        const listen = (0,local_listen/* parseListen */.JZ)(setting(env, 'SLIPWAY_LISTEN'));
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(stateFile), { recursive: true, mode: 0o700 });
        proxy = await WeightedProxy.listen(listen);
    }
    catch (error) {
        const e = error;
        process.stderr.write(`${new Date().toISOString()} local proxy: cannot start: ${e.message}\n`);
        await handshake({ error: { code: e.code ?? 'ESTART', message: e.message } });
        process.exitCode = 1;
        return;
    }
    const traffic = new TrafficLedger();
    const drain = () => traffic.add(proxy.takeSamples());
    const routing = { weight: 0 };
    const token = (0,external_node_crypto_.randomBytes)(32).toString('hex');
    const bound = (0,local_listen/* formatListen */.Vu)(proxy.address);
    const frontDoor = `http://${bound}`;
    let stopped;
    const done = new Promise((resolve) => (stopped = resolve));
    let stopping;
    const stop = (why) => (stopping ??= (async () => {
        process.stderr.write(`${new Date().toISOString()} local proxy: stopping (${why})\n`);
        clearInterval(drainer);
        await admin?.close();
        await proxy.close();
        await (0,proxy_file/* removeProxyFileOf */.I1)(stateFile, token);
        // Anything still holding the event loop open (a stuck upstream socket) must not keep a stopped daemon alive.
        setTimeout(() => process.exit(), 2000).unref();
        stopped();
    })());
    const drainer = setInterval(drain, DRAIN_INTERVAL_MS);
    drainer.unref();
    try {
        admin = await startAdminServer(token, {
            status: () => {
                drain();
                return { environment, pid: process.pid, frontDoor, ...routing, totals: traffic.cumulative() };
            },
            setWeights: (stable, canary, weight) => {
                proxy.setWeights(stable, canary, weight);
                routing.stable = stable;
                routing.canary = canary;
                routing.weight = weight;
            },
            takeTraffic: () => {
                drain();
                return traffic.take();
            },
            shutdown: () => void stop('admin shutdown'),
        });
        const file = {
            pid: process.pid,
            environment,
            listen: bound,
            frontDoor,
            admin: admin.url,
            token,
            startedAt: new Date().toISOString(),
        };
        await (0,proxy_file/* writePrivateJson */.FO)(stateFile, file);
    }
    catch (error) {
        const e = error;
        await stop(`cannot start: ${e.message}`);
        await handshake({ error: { code: e.code ?? 'ESTART', message: e.message } });
        process.exitCode = 1;
        return;
    }
    // A detached daemon has no terminal, but a stray SIGHUP must not take the front door down.
    process.on('SIGHUP', () => { });
    for (const signal of ['SIGTERM', 'SIGINT'])
        process.once(signal, () => void stop(signal));
    process.stderr.write(`${new Date().toISOString()} local proxy: ${frontDoor} for ${environment}, admin ${admin.url}\n`);
    await handshake({ ok: true });
    await done;
}


/***/ })

};
