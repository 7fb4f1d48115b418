export const id = 5812;
export const ids = [5812];
export const modules = {

/***/ 35812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPipeline: () => (/* reexport */ runPipeline)
});

// UNUSED EXPORTS: ArtifactService, STAND_INS, condition, evaluateExpression, expandMatrix, interpolate, jobLevels, loadWorkflow, standInFor, truthy, typedInputs

// EXTERNAL MODULE: ./node_modules/@actions/expressions/dist/index.js + 29 modules
var dist = __webpack_require__(30438);
// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
;// CONCATENATED MODULE: ./packages/pipeline/src/expressions.ts
// GitHub's expressions, evaluated by GitHub's own evaluator (@actions/expressions): `${{ … }}` in
// `with:`, `env:` and outputs, and the `if:` conditions of jobs and steps, with the status
// functions (success(), failure(), always(), cancelled()) answered from the run's state.


const STATUS_FUNCTIONS = ['success', 'failure', 'always', 'cancelled'];
function toData(contexts) {
    return JSON.parse(JSON.stringify(contexts), dist/* data.reviver */.p.eD);
}
function fromData(value) {
    return JSON.parse(JSON.stringify(value, dist/* data.replacer */.p.$U));
}
function evaluate(expression, contexts, where, status) {
    const functions = new Map(STATUS_FUNCTIONS.map((name) => [
        name,
        {
            name,
            description: name,
            minArgs: 0,
            maxArgs: 0,
            call: () => new dist/* data.BooleanData */.p.bo(name === 'always'
                ? true
                : name === 'cancelled'
                    ? !!status?.cancelled
                    : name === 'failure'
                        ? !!status?.failed && !status.cancelled
                        : !status?.failed && !status?.cancelled),
        },
    ]));
    const lexed = new dist/* Lexer */.JG(expression).lex();
    const parser = new dist/* Parser */.iX(lexed.tokens, Object.keys(contexts), STATUS_FUNCTIONS.map((name) => ({ name, description: name, minArgs: 0, maxArgs: 0 })));
    let tree;
    try {
        tree = parser.parse();
    }
    catch (err) {
        throw new lite/* UserError */.yo(`has an expression GitHub would refuse: ${expression.slice(0, 120)}: ${err.message}.`, { file: where });
    }
    return fromData(new dist/* Evaluator */.oi(tree, toData(contexts), functions).evaluate());
}
/** The value of one expression (the text between `${{` and `}}`). */
function evaluateExpression(expression, contexts, where = 'workflow') {
    return evaluate(expression, contexts, where);
}
/** GitHub's string form of a value: objects and arrays as JSON, null as ''. */
function asString(value) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'object')
        return JSON.stringify(value);
    return String(value);
}
/**
 * A value of a workflow with its `${{ … }}` evaluated: a string that is one whole expression keeps
 * the expression's type (as `strategy.matrix: ${{ fromJSON(…) }}` needs); any other string has
 * each expression replaced by its string form; other values are returned as they are.
 */
function interpolate(value, contexts, where = 'workflow') {
    if (typeof value !== 'string' || !value.includes('${{'))
        return value;
    const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value);
    if (whole && !whole[1].includes('}}'))
        return evaluate(whole[1], contexts, where);
    return value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, e) => asString(evaluate(e, contexts, where)));
}
/**
 * Whether a job or step with this `if:` runs. As on GitHub: no condition means `success()`, and a
 * condition that calls no status function is `success() && (condition)`. `${{ }}` around it is optional.
 */
function condition(text, contexts, status, where = 'workflow') {
    const success = !status.failed && !status.cancelled && !status.skipped;
    if (text === undefined || text === null || text === '')
        return success;
    if (typeof text === 'boolean')
        return text && success;
    let expression = String(text).trim();
    const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(expression);
    if (wrapped)
        expression = wrapped[1].trim();
    const callsStatus = STATUS_FUNCTIONS.some((f) => new RegExp(`\\b${f}\\s*\\(`).test(expression));
    const full = callsStatus ? expression : `success() && (${expression})`;
    return truthy(evaluate(full, contexts, where, status));
}
/** GitHub's truthiness: false, 0, '', null are false; everything else true. */
function truthy(value) {
    return !(value === false ||
        value === 0 ||
        value === '' ||
        value === null ||
        value === undefined ||
        Number.isNaN(value));
}

;// CONCATENATED MODULE: ./packages/pipeline/src/graph.ts
// A workflow's jobs in the order their `needs:` define, as GitHub runs them: each level after the
// jobs it needs, jobs of one level independent of each other.

/** Job ids by level: every job of level n needs only jobs of levels before it. */
function jobLevels(jobs, where = 'workflow') {
    const needs = new Map(Object.entries(jobs).map(([id, job]) => [
        id,
        job.needs === undefined ? [] : typeof job.needs === 'string' ? [job.needs] : [...job.needs],
    ]));
    for (const [id, list] of needs)
        for (const n of list)
            if (!needs.has(n))
                throw new lite/* UserError */.yo(`job ${id} needs ${n}, which is not a job of the workflow.`, { file: where }, `Its jobs: ${[...needs.keys()].join(', ')}.`);
    const levels = [];
    const placed = new Set();
    while (placed.size < needs.size) {
        const level = [...needs.keys()].filter((id) => !placed.has(id) && needs.get(id).every((n) => placed.has(n)));
        if (level.length === 0) {
            const left = [...needs.keys()].filter((id) => !placed.has(id));
            throw new lite/* UserError */.yo(`its jobs need each other in a cycle: ${left.join(', ')}.`, { file: where }, 'Remove one of the needs: between them.');
        }
        level.forEach((id) => placed.add(id));
        levels.push(level);
    }
    return levels;
}

;// CONCATENATED MODULE: ./packages/pipeline/src/matrix.ts
// A job's `strategy.matrix`, expanded as GitHub expands it: the product of its lists, less the
// `exclude` entries, then each `include` entry added to every combination it does not contradict
// (a new combination when it fits none, or extends none without overwriting an original value).

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
/** The combinations of a matrix (already evaluated: `${{ fromJSON(…) }}` gives the object). */
function expandMatrix(matrix, where = 'workflow') {
    if (matrix === undefined || matrix === null)
        return [{}];
    if (typeof matrix !== 'object' || Array.isArray(matrix))
        throw new lite/* UserError */.yo('has a strategy.matrix that is not a mapping.', { file: where });
    const { include, exclude, ...lists } = matrix;
    for (const [key, values] of Object.entries(lists))
        if (!Array.isArray(values))
            throw new lite/* UserError */.yo(`has a matrix key ${key} that is not a list.`, { file: where });
    const keys = Object.keys(lists);
    let combos = keys.length ? [{}] : [];
    for (const key of keys)
        combos = combos.flatMap((c) => lists[key].map((v) => ({ ...c, [key]: v })));
    const excludes = (Array.isArray(exclude) ? exclude : []);
    combos = combos.filter((c) => !excludes.some((e) => Object.entries(e).every(([k, v]) => same(c[k], v))));
    const originals = combos.map((c) => ({ ...c }));
    for (const entry of (Array.isArray(include) ? include : [])) {
        let matched = false;
        // Only the matrix's own combinations are extended; one an include added stays as it was added.
        originals.forEach((original, i) => {
            const c = combos[i];
            // It may add keys, and overwrite keys it added, but never an original value.
            const fits = Object.entries(entry).every(([k, v]) => !(k in original) || same(original[k], v));
            if (fits) {
                Object.assign(c, entry);
                matched = true;
            }
        });
        if (!matched)
            combos.push({ ...entry });
    }
    return combos;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(46466);
;// CONCATENATED MODULE: ./packages/pipeline/src/artifact-service.ts
// The run's artifact service, on 127.0.0.1: the parts of GitHub's artifact service (v4, Twirp over
// JSON) and of Azure Blob storage that @actions/artifact speaks, so that build-artifact's real
// upload runs unchanged and download-artifact's stand-in finds the build by its id. Nothing leaves
// the machine; artifacts live in the run's folder and go with it.





const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/';
const CACHE = '/twirp/github.actions.results.api.v1.CacheService/';
/** The artifact store and the service in front of it. */
class ArtifactService {
    dir;
    runBackendId;
    server;
    base = '';
    nextId = 1;
    artifacts = [];
    pending = new Map();
    /** Cache entries of this run (cache service v2): key and version to the blob holding the archive. */
    cache = [];
    /** The bearer token the service accepts, as the job's ACTIONS_RUNTIME_TOKEN. */
    token;
    constructor(dir, runBackendId = `run-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`) {
        this.dir = dir;
        this.runBackendId = runBackendId;
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(dir, 'blobs'), { recursive: true });
        const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
        // The client reads its run and job from the token's scope; the signature is never checked client-side.
        this.token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
            scp: `Actions.GenericRead:${this.runBackendId} Actions.Results:${this.runBackendId}:job-1`,
        })}.${(0,external_node_crypto_.randomBytes)(16).toString('base64url')}`;
    }
    /** Starts listening on a free port of 127.0.0.1; returns the ACTIONS_RESULTS_URL. */
    async start() {
        this.server = (0,external_node_http_.createServer)((req, res) => {
            this.handle(req, res).catch((err) => {
                if (!res.headersSent)
                    res.writeHead(500, { 'content-type': 'application/json' });
                res.end(JSON.stringify({ code: 'internal', msg: err.message }));
            });
        });
        await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
        const { port } = this.server.address();
        this.base = `http://127.0.0.1:${port}`;
        return `${this.base}/`;
    }
    async stop() {
        if (!this.server)
            return;
        this.server.closeAllConnections();
        await new Promise((resolve) => this.server.close(() => resolve()));
        this.server = undefined;
    }
    /** Every finished artifact, oldest first. */
    list() {
        return this.artifacts;
    }
    async handle(req, res) {
        const url = new URL(req.url ?? '/', this.base);
        if (url.pathname.startsWith('/blob/'))
            return this.blob(req, res, url);
        if (req.method !== 'POST' || !(url.pathname.startsWith(TWIRP) || url.pathname.startsWith(CACHE)))
            return twirpError(res, 404, 'not_found', 'no such method');
        if (req.headers.authorization !== `Bearer ${this.token}`)
            return twirpError(res, 401, 'unauthenticated', 'the runtime token is not this run’s');
        const body = JSON.parse((await readBody(req)).toString('utf8') || '{}');
        if (url.pathname.startsWith(CACHE))
            return this.cacheMethod(url.pathname.slice(CACHE.length), body, res);
        const name = typeof body.name === 'string' ? body.name : '';
        switch (url.pathname.slice(TWIRP.length)) {
            case 'CreateArtifact': {
                if (!name)
                    return twirpError(res, 400, 'invalid_argument', 'name is required');
                if (this.artifacts.some((a) => a.name === name) || [...this.pending.values()].some((p) => p.name === name))
                    return twirpError(res, 409, 'already_exists', `an artifact named ${name} exists already in this run`);
                const key = (0,external_node_crypto_.randomBytes)(12).toString('hex');
                this.pending.set(name, { name, key });
                return json(res, { ok: true, signed_upload_url: `${this.base}/blob/${key}?sig=${key}` });
            }
            case 'FinalizeArtifact': {
                const pending = this.pending.get(name);
                if (!pending)
                    return twirpError(res, 404, 'not_found', `no upload of ${name} was started`);
                const zip = (0,external_node_path_.join)(this.dir, 'blobs', `${pending.key}.zip`);
                const size = (0,external_node_fs_.statSync)(zip, { throwIfNoEntry: false })?.size;
                if (size === undefined)
                    return twirpError(res, 400, 'failed_precondition', 'nothing was uploaded');
                const digest = `sha256:${(0,external_node_crypto_.createHash)('sha256').update((0,external_node_fs_.readFileSync)(zip)).digest('hex')}`;
                if (typeof body.hash === 'string' && body.hash && body.hash !== digest)
                    return twirpError(res, 400, 'data_loss', `the upload is ${digest}, not the ${body.hash} the client sent`);
                this.pending.delete(name);
                const artifact = {
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
                const nameFilter = body.name_filter ?? undefined;
                const idFilter = body.id_filter;
                const found = this.artifacts.filter((a) => (nameFilter === undefined || a.name === nameFilter) &&
                    (idFilter === undefined || String(a.id) === String(idFilter)));
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
                if (!artifact)
                    return twirpError(res, 404, 'not_found', `no artifact named ${name}`);
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
    cacheMethod(method, body, res) {
        const key = String(body.key ?? '');
        const version = String(body.version ?? '');
        switch (method) {
            case 'CreateCacheEntry': {
                if (this.cache.some((c) => c.key === key && c.version === version))
                    return json(res, { ok: false, signed_upload_url: '', message: `cache entry ${key} exists already` });
                const blob = (0,external_node_crypto_.randomBytes)(12).toString('hex');
                this.cache.push({ key, version, blob, done: false });
                return json(res, { ok: true, signed_upload_url: `${this.base}/blob/${blob}?sig=${blob}` });
            }
            case 'FinalizeCacheEntryUpload': {
                const entry = this.cache.find((c) => c.key === key && c.version === version && !c.done);
                if (!entry)
                    return json(res, { ok: false, entry_id: '0', message: `no upload of ${key} was started` });
                entry.done = true;
                return json(res, { ok: true, entry_id: String(this.cache.indexOf(entry) + 1) });
            }
            case 'GetCacheEntryDownloadURL': {
                const done = this.cache.filter((c) => c.done && c.version === version).reverse();
                const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys.map(String) : [];
                const hit = done.find((c) => c.key === key) ??
                    [key, ...restoreKeys].map((k) => done.find((c) => c.key.startsWith(k))).find(Boolean);
                if (!hit)
                    return json(res, { ok: false, signed_download_url: '', matched_key: '' });
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
    async blob(req, res, url) {
        const key = url.pathname.slice('/blob/'.length);
        if (!/^[0-9a-f]{24}$/.test(key) || url.searchParams.get('sig') !== key)
            return blobError(res, 403, 'AuthenticationFailed');
        const zip = (0,external_node_path_.join)(this.dir, 'blobs', `${key}.zip`);
        const blocks = (0,external_node_path_.join)(this.dir, 'blobs', `${key}.blocks`);
        if (req.method === 'GET' || req.method === 'HEAD') {
            const size = (0,external_node_fs_.statSync)(zip, { throwIfNoEntry: false })?.size;
            if (size === undefined)
                return blobError(res, 404, 'BlobNotFound');
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
                if (start > end)
                    return blobError(res, 416, 'InvalidRange');
                res.writeHead(206, {
                    ...headers,
                    'content-length': end - start + 1,
                    'content-range': `bytes ${start}-${end}/${size}`,
                });
                await (0,promises_.pipeline)((0,external_node_fs_.createReadStream)(zip, { start, end }), res);
                return;
            }
            res.writeHead(200, { ...headers, 'content-length': size });
            await (0,promises_.pipeline)((0,external_node_fs_.createReadStream)(zip), res);
            return;
        }
        if (req.method !== 'PUT')
            return blobError(res, 405, 'UnsupportedHttpVerb');
        const comp = url.searchParams.get('comp');
        if (comp === 'block') {
            const id = url.searchParams.get('blockid') ?? '';
            (0,external_node_fs_.mkdirSync)(blocks, { recursive: true });
            await (0,promises_.pipeline)(req, (0,external_node_fs_.createWriteStream)((0,external_node_path_.join)(blocks, Buffer.from(id, 'base64').toString('hex'))));
        }
        else if (comp === 'blocklist') {
            const ids = [
                ...(await readBody(req)).toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g),
            ].map((m) => Buffer.from(m[1], 'base64').toString('hex'));
            const have = new Set((0,external_node_fs_.readdirSync)(blocks, { withFileTypes: true }).map((d) => d.name));
            if (ids.some((id) => !have.has(id)))
                return blobError(res, 400, 'InvalidBlockList');
            // One block (at most the client's chunk size, 8 MiB) in memory at a time.
            (0,external_node_fs_.writeFileSync)(zip, '');
            for (const id of ids)
                (0,external_node_fs_.appendFileSync)(zip, (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(blocks, id)));
            (0,external_node_fs_.rmSync)(blocks, { recursive: true, force: true });
        }
        else if (comp === null) {
            await (0,promises_.pipeline)(req, (0,external_node_fs_.createWriteStream)(zip));
        }
        else {
            return blobError(res, 400, 'InvalidQueryParameterValue');
        }
        res.writeHead(201, {
            etag: `"0x${(0,external_node_crypto_.randomBytes)(8).toString('hex').toUpperCase()}"`,
            'last-modified': new Date().toUTCString(),
            'x-ms-request-id': (0,external_node_crypto_.randomBytes)(16).toString('hex'),
            'x-ms-version': '2024-11-04',
            'x-ms-request-server-encrypted': 'true',
            'content-length': '0',
        });
        res.end();
    }
}
async function readBody(req) {
    const chunks = [];
    for await (const chunk of req)
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
function json(res, body) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
}
function twirpError(res, status, code, msg) {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code, msg }));
}
function blobError(res, status, code) {
    res.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code });
    res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
}

;// CONCATENATED MODULE: ./packages/pipeline/src/stand-ins/attest.ts
// actions/attest: there is no Sigstore or OIDC identity here, so the stand-in writes the in-toto
// statement GitHub would sign (subjects by sha256, a SLSA provenance or the SBOM as predicate) and
// says plainly that it is not signed. slipway verify-artifact checks archives without it.




async function sha256(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
        hash.update(chunk);
    return hash.digest('hex');
}
const attest = {
    uses: 'actions/attest',
    description: 'writes the unsigned in-toto statement (SLSA provenance by default, the SBOM with sbom-path, or predicate-type with predicate or predicate-path) into the run folder; nothing is signed',
    async run({ with: w, workspace, runDir, logger, env }) {
        const subjects = [];
        for (const line of (w['subject-path'] ?? '')
            .split(/[\n,]/)
            .map((s) => s.trim())
            .filter(Boolean)) {
            const path = (0,external_node_path_.resolve)(workspace, line);
            if (!(0,external_node_fs_.existsSync)(path))
                throw new lite/* UserError */.yo(`subject-path ${line} does not exist.`, { input: 'subject-path' }, 'Attest a file the job wrote.');
            subjects.push({ name: (0,external_node_path_.basename)(path), digest: { sha256: await sha256(path) } });
        }
        if (w['subject-digest']) {
            const m = /^sha256:([0-9a-f]{64})$/.exec(w['subject-digest']);
            if (!m || !w['subject-name'])
                throw new lite/* UserError */.yo('needs subject-name and a sha256:<hex> subject-digest together.', {
                    input: 'subject-digest',
                });
            subjects.push({ name: w['subject-name'], digest: { sha256: m[1] } });
        }
        if (w['subject-checksums']) {
            const path = (0,external_node_path_.resolve)(workspace, w['subject-checksums']);
            if (!(0,external_node_fs_.existsSync)(path))
                throw new lite/* UserError */.yo(`subject-checksums ${w['subject-checksums']} does not exist.`, {
                    input: 'subject-checksums',
                });
            for (const line of (0,external_node_fs_.readFileSync)(path, 'utf8')
                .split('\n')
                .filter((l) => l.trim())) {
                const m = /^([0-9a-f]{64})\s+\*?(.+)$/.exec(line.trim());
                if (!m)
                    throw new lite/* UserError */.yo(`subject-checksums has a line that is not '<sha256>  <name>': ${line.slice(0, 80)}`, {
                        input: 'subject-checksums',
                    });
                subjects.push({ name: m[2], digest: { sha256: m[1] } });
            }
        }
        if (subjects.length === 0)
            throw new lite/* UserError */.yo('has no subject.', { input: 'subject-path' }, 'Give subject-path, or subject-name with subject-digest.');
        let predicateType = 'https://slsa.dev/provenance/v1';
        let predicate = {
            buildDefinition: {
                buildType: 'https://slipway.dev/pipeline/local/v1',
                externalParameters: { workflow: env.GITHUB_WORKFLOW_REF ?? '', repository: env.GITHUB_REPOSITORY ?? '' },
                resolvedDependencies: env.GITHUB_SHA
                    ? [{ uri: `git+${env.GITHUB_REPOSITORY}`, digest: { gitCommit: env.GITHUB_SHA } }]
                    : [],
            },
            runDetails: {
                builder: { id: 'slipway pipeline (local run, unsigned)' },
                metadata: { invocationId: env.GITHUB_RUN_ID ?? '' },
            },
        };
        if (w['predicate-type']) {
            predicateType = w['predicate-type'];
            const text = w['predicate-path']
                ? (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(workspace, w['predicate-path']), 'utf8')
                : (w.predicate ?? '');
            try {
                predicate = JSON.parse(text);
            }
            catch (err) {
                throw new lite/* UserError */.yo(`the predicate is not JSON: ${err.message}.`, {
                    input: w['predicate-path'] ? 'predicate-path' : 'predicate',
                });
            }
        }
        else if (w['sbom-path']) {
            const path = (0,external_node_path_.resolve)(workspace, w['sbom-path']);
            let sbom;
            try {
                sbom = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
            }
            catch (err) {
                throw new lite/* UserError */.yo(`sbom-path ${w['sbom-path']} is not a JSON SBOM: ${err.message}.`, {
                    input: 'sbom-path',
                });
            }
            predicateType =
                sbom.bomFormat === 'CycloneDX'
                    ? 'https://cyclonedx.org/bom'
                    : sbom.spdxVersion
                        ? 'https://spdx.dev/Document/v2.3'
                        : '';
            if (!predicateType)
                throw new lite/* UserError */.yo(`sbom-path ${w['sbom-path']} is neither CycloneDX nor SPDX JSON.`, { input: 'sbom-path' });
            predicate = sbom;
        }
        const dir = (0,external_node_path_.join)(runDir, 'attestations');
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        const bundlePath = (0,external_node_path_.join)(dir, `${String((0,external_node_fs_.readdirSync)(dir).length + 1).padStart(3, '0')}.intoto.json`);
        await (0,lite/* writeFileAtomic */.Zf)(bundlePath, `${JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: subjects, predicateType, predicate }, null, 2)}\n`);
        logger.warning(`attest (stand-in): ${predicateType} for ${subjects.map((s) => s.name).join(', ')} written to ${bundlePath}, NOT signed (no Sigstore or OIDC identity in a local run)`);
        return { 'bundle-path': bundlePath, 'attestation-id': '', 'attestation-url': '' };
    },
};

;// CONCATENATED MODULE: ./packages/pipeline/src/stand-ins/checkout.ts
const checkout = {
    uses: 'actions/checkout',
    description: 'uses the working tree as it is; nothing is fetched and no credentials are stored',
    async run({ with: w, workspace, logger, exec }) {
        if (w.repository && w.repository !== '')
            logger.warning(`checkout: repository ${w.repository} is not fetched locally; the working tree is used`);
        const head = await exec('git', ['-C', workspace, 'rev-parse', 'HEAD']);
        const commit = head.code === 0 ? head.stdout.trim() : '';
        const ref = await exec('git', ['-C', workspace, 'symbolic-ref', '-q', 'HEAD']);
        logger.info(`checkout (stand-in): the working tree at ${workspace}${commit ? ` (${commit.slice(0, 12)})` : ''} is used as it is`);
        return { ref: ref.code === 0 ? ref.stdout.trim() : '', commit };
    },
};

// EXTERNAL MODULE: ./node_modules/unzip-stream/unzip.js
var unzip = __webpack_require__(33991);
;// CONCATENATED MODULE: ./packages/pipeline/src/stand-ins/download-artifact.ts
// actions/download-artifact: from the run's own artifact service (build-artifact's real upload went
// there), by name or by id, unzipped into path. An entry that would land outside path is refused.





/**
 * Unzips one artifact into a folder, entry by entry, refusing paths that leave it. When it fails
 * half-way, the files it wrote are removed again: nothing half-extracted is left to be deployed.
 */
async function extractZip(zip, into) {
    (0,external_node_fs_.mkdirSync)(into, { recursive: true });
    const written = [];
    const writes = [];
    const parser = unzip.Parse();
    parser.on('entry', (entry) => {
        const target = (0,external_node_path_.resolve)(into, entry.path);
        const rel = (0,external_node_path_.relative)(into, target);
        if (rel === '' || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel)) {
            entry.autodrain();
            parser.destroy(new Error(`the artifact holds ${entry.path}, which would land outside ${into}`));
            return;
        }
        if (entry.isDirectory) {
            (0,external_node_fs_.mkdirSync)(target, { recursive: true });
            entry.autodrain();
            return;
        }
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(target), { recursive: true });
        written.push(target);
        writes.push((0,promises_.pipeline)(entry, (0,external_node_fs_.createWriteStream)(target)));
    });
    try {
        await (0,promises_.pipeline)((0,external_node_fs_.createReadStream)(zip), parser);
        await Promise.all(writes);
    }
    catch (err) {
        await Promise.allSettled(writes);
        for (const file of written)
            (0,external_node_fs_.rmSync)(file, { force: true });
        throw err;
    }
    return written.length;
}
const downloadArtifact = {
    uses: 'actions/download-artifact',
    description: "downloads from the run's local artifact service, by name or artifact-ids, into path",
    async run({ with: w, workspace, artifacts, logger }) {
        const path = (0,external_node_path_.resolve)(workspace, w.path || '.');
        const all = artifacts.list();
        let chosen;
        const ids = (w['artifact-ids'] ?? '')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
        // As actions/download-artifact v4.3: by name into path itself; by ids, or all (or a pattern),
        // each into path/<name> unless merge-multiple.
        if (w.name && ids.length)
            throw new lite/* UserError */.yo('takes name or artifact-ids, not both.', { input: 'artifact-ids' }, 'Give one of them.');
        if (w.name) {
            const found = all.find((a) => a.name === w.name);
            if (!found)
                throw new lite/* UserError */.yo(`no artifact named ${w.name} was uploaded in this run.`, { input: 'name' }, all.length ? `Its artifacts: ${all.map((a) => a.name).join(', ')}.` : 'This run uploaded no artifact.');
            chosen = [found];
        }
        else if (ids.length) {
            for (const id of ids)
                if (!/^\d+$/.test(id))
                    throw new lite/* UserError */.yo(`'${id.slice(0, 40)}' is not an artifact id.`, { input: 'artifact-ids' }, 'Artifact ids are numbers.');
            chosen = all.filter((a) => ids.includes(String(a.id)));
            if (chosen.length === 0)
                throw new lite/* UserError */.yo(`none of the artifact ids ${ids.join(', ')} was uploaded in this run.`, { input: 'artifact-ids' }, all.length
                    ? `Its artifacts: ${all.map((a) => `${a.name} (${a.id})`).join(', ')}.`
                    : 'This run uploaded no artifact.');
            const missing = ids.filter((id) => !chosen.some((a) => String(a.id) === id));
            if (missing.length)
                logger.warning(`download-artifact (stand-in): could not find the artifact ids ${missing.join(', ')}`);
        }
        else {
            chosen = [...all];
            if (w.pattern) {
                const re = new RegExp(`^${w.pattern
                    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                    .replace(/\*/g, '.*')
                    .replace(/\?/g, '.')}$`);
                chosen = chosen.filter((a) => re.test(a.name));
            }
        }
        for (const artifact of chosen) {
            const into = w.name || w['merge-multiple'] === 'true' ? path : (0,external_node_path_.join)(path, artifact.name);
            const files = await extractZip(artifact.zip, into);
            logger.info(`download-artifact (stand-in): ${artifact.name} (id ${artifact.id}, ${artifact.size} bytes, ${files} files) into ${into}`);
        }
        return { 'download-path': path };
    },
};

;// CONCATENATED MODULE: ./packages/pipeline/src/stand-ins/tool-version.ts
// The setup-* stand-ins share this: they install nothing, and check that the runtime already on
// PATH is the one the workflow asks for (a different major version is a warning, none is a failure).



/** The version the step asks for: its version input, else the first line of its version file. */
function askedVersion(context, input, fileInput) {
    const given = context.with[input]?.trim();
    if (given)
        return given.split('\n')[0].trim();
    const file = context.with[fileInput]?.trim();
    if (!file)
        return '';
    const path = (0,external_node_path_.join)(context.workspace, file);
    if (!(0,external_node_fs_.existsSync)(path))
        return '';
    const text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    const go = /^go\s+(\S+)/m.exec(text);
    if (go)
        return go[1];
    return text.split('\n')[0].replace(/^v/, '').trim();
}
/** Runs `tool args`, reads its version with the pattern, and compares it with what was asked. */
async function checkTool(context, action, tool, args, pattern, asked) {
    const ran = await context.exec(tool, args).catch(() => ({ code: 127, stdout: '', stderr: '' }));
    const found = pattern.exec(`${ran.stdout}\n${ran.stderr}`)?.[1];
    if (ran.code !== 0 || !found)
        throw new lite/* UserError */.yo(`${action} (stand-in) installs nothing, and ${tool} is not on PATH.`, {}, `Install ${tool}${asked ? ` ${asked}` : ''} on this machine, then run the workflow again.`);
    const major = (v) => v.replace(/^[^\d]*/, '').split('.')[0];
    const note = asked ? ` (the workflow asks for ${asked})` : '';
    if (asked && /^\d/.test(asked) && major(asked) !== major(found))
        context.logger.warning(`${action} (stand-in): ${tool} ${found} is on PATH${note}; it is used as it is`);
    else
        context.logger.info(`${action} (stand-in): uses ${tool} ${found} from PATH${note}`);
    return found;
}

;// CONCATENATED MODULE: ./packages/pipeline/src/stand-ins/setup-go.ts
// actions/setup-go: uses the go on PATH.

const setupGo = {
    uses: 'actions/setup-go',
    description: 'installs nothing: uses the go on PATH, warning when its version is not the one asked for',
    async run(context) {
        const asked = askedVersion(context, 'go-version', 'go-version-file');
        const found = await checkTool(context, 'setup-go', 'go', ['version'], /go(\d+\.\d+(?:\.\d+)?)/, asked);
        return { 'go-version': found, 'cache-hit': 'false' };
    },
};

;// CONCATENATED MODULE: ./packages/pipeline/src/stand-ins/setup-node.ts
// actions/setup-node: uses the Node.js on PATH.

const setupNode = {
    uses: 'actions/setup-node',
    description: 'installs nothing: uses the node on PATH, warning when its major version is not the one asked for',
    async run(context) {
        const asked = askedVersion(context, 'node-version', 'node-version-file');
        const found = await checkTool(context, 'setup-node', 'node', ['--version'], /v?(\d+\.\d+\.\d+)/, asked);
        return { 'node-version': `v${found}`, 'cache-hit': 'false' };
    },
};

;// CONCATENATED MODULE: ./packages/pipeline/src/stand-ins/setup-python.ts
// actions/setup-python: uses the python3 on PATH.

const setupPython = {
    uses: 'actions/setup-python',
    description: 'installs nothing: uses the python3 on PATH, warning when its version is not the one asked for',
    async run(context) {
        const asked = askedVersion(context, 'python-version', 'python-version-file');
        const found = await checkTool(context, 'setup-python', 'python3', ['--version'], /Python (\d+\.\d+\.\d+)/, asked);
        const which = await context.exec('python3', ['-c', 'import sys; print(sys.executable)']);
        return { 'python-version': found, 'python-path': which.stdout.trim(), 'cache-hit': 'false' };
    },
};

;// CONCATENATED MODULE: ./packages/pipeline/src/stand-ins/upload-sarif.ts
// github/codeql-action/upload-sarif: there is no code scanning here; the stand-in checks that the
// file is SARIF 2.1.0, counts its results, and keeps a copy in the run folder.



const uploadSarif = {
    uses: 'github/codeql-action/upload-sarif',
    description: 'checks the SARIF 2.1.0 file, counts its results and keeps a copy in the run folder; nothing is uploaded',
    async run({ with: w, workspace, runDir, logger }) {
        const given = w.sarif_file || '../results';
        const path = (0,external_node_path_.resolve)(workspace, given);
        if (!(0,external_node_fs_.existsSync)(path))
            throw new lite/* UserError */.yo(`sarif_file ${given} does not exist.`, { input: 'sarif_file' }, 'Upload a file the scan wrote.');
        const files = (0,external_node_fs_.statSync)(path).isDirectory()
            ? (0,external_node_fs_.readdirSync)(path)
                .filter((f) => f.endsWith('.sarif'))
                .map((f) => (0,external_node_path_.join)(path, f))
            : [path];
        const dir = (0,external_node_path_.join)(runDir, 'sarif');
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        let results = 0;
        for (const file of files) {
            let sarif;
            try {
                sarif = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
            }
            catch (err) {
                throw new lite/* UserError */.yo(`${(0,external_node_path_.basename)(file)} is not JSON: ${err.message}.`, { input: 'sarif_file' });
            }
            if (sarif.version !== '2.1.0' || !Array.isArray(sarif.runs))
                throw new lite/* UserError */.yo(`${(0,external_node_path_.basename)(file)} is not SARIF 2.1.0 (version ${String(sarif.version)}).`, {
                    input: 'sarif_file',
                });
            results += sarif.runs.reduce((n, r) => n + (r.results?.length ?? 0), 0);
            (0,external_node_fs_.copyFileSync)(file, (0,external_node_path_.join)(dir, (0,external_node_path_.basename)(file)));
        }
        logger.info(`upload-sarif (stand-in): ${files.length} SARIF file(s), ${results} result(s), kept in ${dir}; nothing is uploaded`);
        return { 'sarif-id': '' };
    },
};

;// CONCATENATED MODULE: ./packages/pipeline/src/stand-ins/index.ts
// The stand-ins by the action they replace. An action with none is refused, naming those there are.








const STAND_INS = [
    checkout,
    setupNode,
    setupPython,
    setupGo,
    downloadArtifact,
    attest,
    uploadSarif,
];
/** The stand-in for `owner/repo[/path]@ref`. */
function standInFor(uses, where) {
    const name = uses.split('@')[0].toLowerCase();
    const found = STAND_INS.find((s) => s.uses === name);
    if (!found)
        throw new lite/* UserError */.yo(`uses ${uses}, which cannot run locally and has no stand-in.`, { file: where }, `Stand-ins exist for: ${STAND_INS.map((s) => s.uses).join(', ')}; slipway's own actions and local actions (./path) run as they are.`);
    return found;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./packages/pipeline/src/workflow.ts
// A workflow file as the executor reads it: its jobs and steps, and the inputs, secrets and outputs
// a call (or a dispatch) declares, with the values given to it checked and typed as GitHub does.



/** Reads a workflow file; a file that is not a workflow is the user's to fix. */
function loadWorkflow(file, shown = file) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (err) {
        throw new lite/* UserError */.yo(`cannot be read: ${err.code ?? err.message}.`, { file: shown }, 'Name a workflow file, such as .github/workflows/slipway-release.yml.');
    }
    let doc;
    try {
        doc = (0,yaml_dist.parse)(text);
    }
    catch (err) {
        throw new lite/* UserError */.yo(`is not valid YAML: ${err.message.split('\n')[0]}`, { file: shown });
    }
    const w = doc;
    if (!w || typeof w !== 'object' || !w.jobs || typeof w.jobs !== 'object' || Array.isArray(w.jobs))
        throw new lite/* UserError */.yo('is not a workflow: it has no jobs: mapping.', { file: shown });
    const on = (w.on ?? w.true);
    const trigger = (name) => on && typeof on === 'object' && !Array.isArray(on) ? (on[name] ?? {}) : {};
    const call = trigger('workflow_call');
    const dispatch = trigger('workflow_dispatch');
    for (const [id, job] of Object.entries(w.jobs))
        if (!job || typeof job !== 'object' || Array.isArray(job))
            throw new lite/* UserError */.yo(`has a job ${id} that is not a mapping.`, { file: shown });
    return {
        file,
        ...(typeof w.name === 'string' ? { name: w.name } : {}),
        ...(w.env && typeof w.env === 'object' ? { env: w.env } : {}),
        jobs: w.jobs,
        inputs: { ...(dispatch.inputs ?? {}), ...(call.inputs ?? {}) },
        secrets: (call.secrets ?? {}),
        outputs: (call.outputs ?? {}),
    };
}
/**
 * The `inputs` context of a run: every declared input, given or defaulted, typed as declared. A
 * value given from the command line is a string and is converted; one given by a calling job has
 * its expression's type and must match. Unknown inputs and missing required ones are refused.
 */
function typedInputs(workflow, given, shown, fromCommandLine) {
    const declared = workflow.inputs;
    for (const name of Object.keys(given))
        if (!(name in declared))
            throw new lite/* UserError */.yo(`has no input '${name}'.`, { file: shown }, Object.keys(declared).length
                ? `Its inputs: ${Object.keys(declared).join(', ')}.`
                : 'It declares no inputs (on.workflow_call.inputs or on.workflow_dispatch.inputs).');
    const out = {};
    for (const [name, spec] of Object.entries(declared)) {
        const type = spec?.type ?? 'string';
        const has = name in given && given[name] !== undefined;
        if (!has && spec?.required && spec.default === undefined)
            throw new lite/* UserError */.yo(`needs input '${name}'${spec.description ? ` (${spec.description.replace(/\.$/, '')})` : ''}.`, { file: shown }, fromCommandLine ? `Pass --input ${name}=VALUE.` : `Give it in the calling job's with:.`);
        let value = has ? given[name] : spec?.default;
        if (value === undefined)
            value = type === 'boolean' ? false : type === 'number' ? 0 : '';
        if (type === 'boolean') {
            if (typeof value === 'string' && (fromCommandLine || !has) && /^(true|false)$/i.test(value))
                value = value.toLowerCase() === 'true';
            if (typeof value !== 'boolean')
                throw new lite/* UserError */.yo(`input '${name}' is a boolean; '${String(value).slice(0, 80)}' is not.`, {
                    file: shown,
                });
        }
        else if (type === 'number') {
            if (typeof value === 'string' && (fromCommandLine || !has) && value.trim() !== '' && Number.isFinite(+value))
                value = Number(value);
            if (typeof value !== 'number' || !Number.isFinite(value))
                throw new lite/* UserError */.yo(`input '${name}' is a number; '${String(value).slice(0, 80)}' is not.`, { file: shown });
        }
        else if (type === 'choice') {
            value = String(value);
            if (Array.isArray(spec.options) && !spec.options.map(String).includes(value))
                throw new lite/* UserError */.yo(`input '${name}' is one of ${spec.options.join(', ')}; '${String(value).slice(0, 80)}' is not.`, {
                    file: shown,
                });
        }
        else if (typeof value === 'object' && value !== null) {
            throw new lite/* UserError */.yo(`input '${name}' is a string; it was given ${JSON.stringify(value).slice(0, 80)}.`, {
                file: shown,
            });
        }
        else {
            value = String(value);
        }
        out[name] = value;
    }
    return out;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./packages/pipeline/src/commands.ts
// What a step tells the runner: the files it writes (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH,
// GITHUB_STATE, as `name=value` lines or `name<<DELIMITER` blocks) and the workflow commands it
// prints (`::add-mask::`, `::error …::`, `::warning …::`, `::group::` …), read as the runner reads them.

/** Reads one of the runner's key-value files; a missing file holds nothing. */
function readKeyValueFile(path) {
    if (!(0,external_node_fs_.existsSync)(path))
        return {};
    const out = {};
    const lines = (0,external_node_fs_.readFileSync)(path, 'utf8').split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line === '')
            continue;
        const eq = line.indexOf('=');
        const heredoc = line.indexOf('<<');
        if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
            const name = line.slice(0, heredoc);
            const delimiter = line.slice(heredoc + 2);
            const value = [];
            for (i++; i < lines.length && lines[i] !== delimiter; i++)
                value.push(lines[i]);
            out[name] = value.join('\n');
        }
        else if (eq > 0) {
            out[line.slice(0, eq)] = line.slice(eq + 1);
        }
    }
    return out;
}
/** The lines of GITHUB_PATH, each a folder to put first on PATH. */
function readPathFile(path) {
    if (!(0,external_node_fs_.existsSync)(path))
        return [];
    return (0,external_node_fs_.readFileSync)(path, 'utf8')
        .split(/\r?\n/)
        .filter((l) => l.trim() !== '');
}
const unescapeData = (s) => s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
const unescapeProperty = (s) => unescapeData(s).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
/** Reads one printed line: a workflow command, or text. */
function readCommand(line) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m)
        return { kind: 'text', text: line };
    const [, command, rawProps = '', data = ''] = m;
    const props = {};
    for (const part of rawProps.split(',')) {
        const eq = part.indexOf('=');
        if (eq > 0)
            props[part.slice(0, eq).trim()] = unescapeProperty(part.slice(eq + 1));
    }
    switch (command) {
        case 'add-mask':
            return { kind: 'mask', value: unescapeData(data) };
        case 'error':
        case 'warning':
        case 'notice': {
            const lineNo = Number(props.line);
            return {
                kind: 'annotation',
                level: command,
                message: unescapeData(data),
                ...(props.file ? { file: props.file } : {}),
                ...(Number.isInteger(lineNo) && lineNo > 0 ? { line: lineNo } : {}),
            };
        }
        case 'debug':
            return { kind: 'debug', message: unescapeData(data) };
        case 'group':
            return { kind: 'group', title: unescapeData(data) };
        case 'endgroup':
            return { kind: 'endgroup' };
        case 'set-output':
            return { kind: 'output', name: props.name ?? '', value: unescapeData(data) };
        default:
            return { kind: 'text', text: line };
    }
}
/** Hides every masked value in text, the longest first so a secret holding another is hidden whole. */
class Masker {
    values = new Set();
    add(value) {
        for (const v of [value, ...value.split(/\r?\n/)])
            if (v.trim().length >= 3)
                this.values.add(v);
    }
    apply(text) {
        let out = text;
        for (const v of [...this.values].sort((a, b) => b.length - a.length))
            out = out.split(v).join('***');
        return out;
    }
}

;// CONCATENATED MODULE: ./packages/pipeline/src/runner.ts
// `slipway pipeline`: runs a workflow's job graph on this machine. Jobs run one at a time in the
// order their needs: define; a job that calls a reusable workflow runs that workflow's graph in
// turn; matrices expand as GitHub expands them; if: conditions, needs.<job>.result and outputs flow
// as on GitHub. Steps run as the runner runs them: `run:` through the shell with GITHUB_OUTPUT,
// GITHUB_ENV, GITHUB_PATH and GITHUB_STEP_SUMMARY files; node actions (slipway's own, and local
// ./ ones) from their action.yml with INPUT_* variables, post steps included; the third-party
// actions that need GitHub by local stand-ins (stand-ins/). build-artifact's upload reaches a
// local artifact service, from which download-artifact's stand-in takes it by id.














const SLIPWAY = 'slipway/slipway/';
const DEFAULT_JOB_TIMEOUT_MINUTES = 360;
/** Everything one run shares across its jobs and called workflows. */
class Run {
    options;
    runDir;
    masker = new Masker();
    jobs = [];
    summaries = [];
    runId = String((0,external_node_crypto_.randomInt)(1_000_000, 9_999_999));
    artifacts;
    resultsUrl = '';
    counter = 0;
    github;
    baseEnv;
    constructor(options, runDir) {
        this.options = options;
        this.runDir = runDir;
        const env = {};
        for (const [k, v] of Object.entries(options.env ?? process.env))
            if (v !== undefined && !/^(INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_)/.test(k))
                env[k] = v;
        this.baseEnv = env;
        for (const value of Object.values(options.secrets ?? {}))
            this.masker.add(value);
        // github.token is empty unless the run is given GITHUB_TOKEN as a secret: a local run posts
        // nothing to GitHub (deployments, statuses) unless asked to.
        const token = options.secrets?.GITHUB_TOKEN ?? '';
        this.github = gitContext(options.workspace, {
            token,
            run_id: this.runId,
            event_name: options.event ?? 'workflow_dispatch',
            api_url: (options.env ?? process.env).GITHUB_API_URL || 'https://api.github.com',
        });
    }
    next() {
        return ++this.counter;
    }
    get aborted() {
        return !!this.options.signal?.aborted;
    }
    log(line) {
        this.options.logger.info(this.masker.apply(line));
    }
}
/** The github context from the working tree's git state (zeros and 'local' when it is not a repository). */
function gitContext(workspace, extra) {
    const git = (...args) => {
        try {
            return readGit(workspace, args);
        }
        catch {
            return '';
        }
    };
    const sha = git('rev-parse', 'HEAD') || '0'.repeat(40);
    const branch = git('symbolic-ref', '-q', '--short', 'HEAD');
    const remote = git('config', '--get', 'remote.origin.url');
    const repository = /[:/]([^/:]+\/[^/]+?)(?:\.git)?$/.exec(remote)?.[1] ?? `local/${(0,external_node_path_.basename)(workspace)}`;
    return {
        workspace,
        repository,
        repository_owner: repository.split('/')[0],
        sha,
        ref: branch ? `refs/heads/${branch}` : '',
        ref_name: branch,
        ref_type: 'branch',
        actor: safeUser(),
        triggering_actor: safeUser(),
        run_number: '1',
        run_attempt: '1',
        server_url: 'https://github.com',
        graphql_url: 'https://api.github.com/graphql',
        workflow: '',
        event: {},
        ...extra,
    };
}
function safeUser() {
    try {
        return (0,external_node_os_.userInfo)().username;
    }
    catch {
        return 'local';
    }
}
function readGit(cwd, args) {
    // A handful of short git reads at the start of the run.
    return (0,external_node_child_process_.execFileSync)('git', ['-C', cwd, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}
/** Runs a workflow's job graph; resolves with its result, outputs, jobs and step summaries. */
async function runPipeline(options) {
    const runDir = options.runDir ?? (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'slipway-pipeline-'));
    (0,external_node_fs_.mkdirSync)(runDir, { recursive: true });
    const run = new Run(options, runDir);
    run.artifacts = new ArtifactService((0,external_node_path_.join)(runDir, 'artifacts'));
    run.resultsUrl = await run.artifacts.start();
    try {
        const file = (0,external_node_path_.resolve)(options.workspace, options.workflow);
        const workflow = loadWorkflow(file, shown(options.workspace, file));
        run.github.workflow = workflow.name ?? shown(options.workspace, file);
        run.github.workflow_ref = shown(options.workspace, file);
        const { result, outputs } = await runWorkflow(run, workflow, options.inputs ?? {}, options.secrets ?? {}, '', true);
        writeRunSummary(run);
        return { result, outputs, jobs: run.jobs, summaries: run.summaries, runDir };
    }
    finally {
        await run.artifacts.stop();
    }
}
function shown(workspace, file) {
    const rel = (0,external_node_path_.relative)(workspace, file);
    return rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel) ? file : rel;
}
/** One workflow's graph (the top one, or one a job calls). */
async function runWorkflow(run, workflow, givenInputs, secrets, prefix, fromCommandLine) {
    const where = shown(run.options.workspace, workflow.file);
    const inputs = typedInputs(workflow, givenInputs, where, fromCommandLine);
    for (const [name, spec] of Object.entries(workflow.secrets))
        if (spec?.required && !secrets[name])
            throw new lite/* UserError */.yo(`needs secret '${name}'.`, { file: where }, fromCommandLine ? `Pass --secret ${name}=VALUE.` : "Pass it in the calling job's secrets:.");
    const base = { github: run.github, inputs, vars: run.options.vars ?? {}, secrets: withToken(run, secrets) };
    const env = evaluateEnv(workflow.env, { ...base, env: {} }, where);
    const results = new Map();
    for (const level of jobLevels(workflow.jobs, where))
        for (const id of level) {
            const job = workflow.jobs[id];
            const needs = listNeeds(job);
            const needsContext = Object.fromEntries(needs.map((n) => [n, results.get(n)]));
            results.set(id, await runJob(run, workflow, id, job, { ...base, needs: needsContext, env }, prefix, secrets));
        }
    const all = [...results.values()].map((r) => r.result);
    const result = run.aborted ? 'cancelled' : all.includes('failure') ? 'failure' : 'success';
    const jobsContext = Object.fromEntries(results);
    const outputs = {};
    for (const [name, spec] of Object.entries(workflow.outputs))
        outputs[name] = asString(interpolate(spec?.value ?? '', { ...base, jobs: jobsContext }, where));
    return { result, outputs };
}
function withToken(run, secrets) {
    return { GITHUB_TOKEN: String(run.github.token ?? ''), ...secrets };
}
function listNeeds(job) {
    return job.needs === undefined ? [] : typeof job.needs === 'string' ? [job.needs] : [...job.needs];
}
function evaluateEnv(env, contexts, where) {
    const out = {};
    for (const [k, v] of Object.entries(env ?? {}))
        out[k] = asString(interpolate(v, { ...contexts, env: { ...contexts.env, ...out } }, where));
    return out;
}
/** The status a job's if: sees: failed when a needed job failed, skipped when one did not succeed otherwise. */
function needsStatus(run, needs) {
    const results = Object.values(needs).map((n) => n.result);
    return {
        failed: results.includes('failure'),
        cancelled: run.aborted,
        skipped: results.some((r) => r !== 'success' && r !== 'failure'),
    };
}
/** One job of a workflow: every matrix combination of it, each a steps job or a call. */
async function runJob(run, workflow, id, job, contexts, prefix, secrets) {
    const where = shown(run.options.workspace, workflow.file);
    const path = prefix ? `${prefix}/${id}` : id;
    const status = needsStatus(run, contexts.needs);
    const jobContexts = { ...contexts, github: { ...run.github, job: id } };
    if (!condition(job.if, jobContexts, status, `${where} (jobs.${id}.if)`)) {
        const result = run.aborted ? 'cancelled' : 'skipped';
        const reason = run.aborted
            ? 'the run was cancelled'
            : job.if === undefined
                ? `a job it needs did not succeed (${describeNeeds(contexts.needs)})`
                : `its if: is false`;
        run.jobs.push({
            path,
            name: jobName(job, id, jobContexts, where),
            result,
            outputs: {},
            steps: [],
            reason,
            durationMs: 0,
        });
        run.log(`○ ${path}: ${result}, ${reason}`);
        return { result, outputs: {} };
    }
    const strategy = job.strategy ?? {};
    const matrixValue = interpolate(strategy.matrix, jobContexts, `${where} (jobs.${id}.strategy.matrix)`);
    const combinations = strategy.matrix === undefined ? [undefined] : expandMatrix(matrixValue, `${where} (jobs.${id}.strategy.matrix)`);
    if (combinations.length === 0) {
        const reason = 'its matrix has no combination';
        run.jobs.push({ path, name: id, result: 'failure', outputs: {}, steps: [], reason, durationMs: 0 });
        run.log(`✗ ${path}: ${reason}`);
        return { result: 'failure', outputs: {} };
    }
    const failFast = strategy['fail-fast'] === undefined ? true : !!interpolate(strategy['fail-fast'], jobContexts, where);
    let result = 'success';
    const outputs = {};
    for (const [index, matrix] of combinations.entries()) {
        const instance = {
            ...jobContexts,
            matrix: matrix ?? {},
            strategy: {
                'fail-fast': failFast,
                'job-index': index,
                'job-total': combinations.length,
                'max-parallel': combinations.length,
            },
        };
        const name = jobName(job, id, instance, where);
        if ((result === 'failure' && failFast) || run.aborted) {
            run.jobs.push({
                path,
                name,
                ...(matrix ? { matrix } : {}),
                result: 'cancelled',
                outputs: {},
                steps: [],
                reason: run.aborted ? 'the run was cancelled' : 'fail-fast: another combination failed',
                durationMs: 0,
            });
            run.log(`○ ${path} (${name}): cancelled`);
            result = run.aborted ? 'cancelled' : result;
            continue;
        }
        const one = job.uses
            ? await runCall(run, workflow, id, job, instance, path, name, secrets, matrix)
            : await runSteps(run, workflow, id, job, instance, path, name, matrix);
        Object.assign(outputs, one.outputs);
        if (one.result === 'failure')
            result = 'failure';
        else if (one.result === 'cancelled' && result !== 'failure')
            result = 'cancelled';
    }
    return { result, outputs };
}
function describeNeeds(needs) {
    return Object.entries((needs ?? {}))
        .map(([n, r]) => `${n}: ${r.result}`)
        .join(', ');
}
function jobName(job, id, contexts, where) {
    if (typeof job.name !== 'string')
        return id;
    try {
        return asString(interpolate(job.name, contexts, where));
    }
    catch {
        return job.name;
    }
}
/** A job that calls a reusable workflow: slipway's own (slipway/slipway/.github/workflows/…) or the repository's (./…). */
async function runCall(run, workflow, id, job, contexts, path, name, parentSecrets, matrix) {
    const where = shown(run.options.workspace, workflow.file);
    const started = Date.now();
    const file = resolveWorkflowCall(run, job.uses, `${where} (jobs.${id}.uses)`);
    const called = loadWorkflow(file, shown(run.options.workspace, file));
    const given = {};
    for (const [k, v] of Object.entries(job.with ?? {}))
        given[k] = interpolate(v, contexts, `${where} (jobs.${id}.with.${k})`);
    let secrets = {};
    if (job.secrets === 'inherit')
        secrets = { ...parentSecrets };
    else
        for (const [k, v] of Object.entries(job.secrets ?? {})) {
            if (!(k in called.secrets))
                throw new lite/* UserError */.yo(`passes secret '${k}' to ${job.uses}, which does not declare it.`, { file: where }, `Its secrets: ${Object.keys(called.secrets).join(', ') || 'none'}.`);
            secrets[k] = asString(interpolate(v, { ...contexts, secrets: withToken(run, parentSecrets) }, where));
        }
    run.log(`▶ ${path}: ${name} calls ${shown(run.options.workspace, file)}`);
    const { result, outputs } = await runWorkflow(run, called, given, secrets, path, false);
    run.jobs.push({
        path,
        name,
        ...(matrix ? { matrix } : {}),
        result,
        outputs,
        steps: [],
        durationMs: Date.now() - started,
    });
    run.log(`${result === 'success' ? '✓' : '✗'} ${path}: ${result}`);
    return { result, outputs };
}
function resolveWorkflowCall(run, uses, where) {
    const [target] = uses.split('@');
    let file;
    if (uses.startsWith('./'))
        file = (0,external_node_path_.resolve)(run.options.workspace, uses);
    else if (target.startsWith(`${SLIPWAY}.github/workflows/`))
        file = (0,external_node_path_.join)(run.options.slipwayRoot, target.slice(SLIPWAY.length));
    if (!file)
        throw new lite/* UserError */.yo(`calls ${uses}, a workflow of another repository, which a local run cannot fetch.`, { file: where }, "Call slipway's workflows (slipway/slipway/.github/workflows/…) or the repository's own (./.github/workflows/…).");
    if (!(0,external_node_fs_.existsSync)(file))
        throw new lite/* UserError */.yo(`calls ${uses}, and ${file} does not exist.`, { file: where });
    return file;
}
/** A job of steps, on this machine. */
async function runSteps(run, workflow, id, job, contexts, path, name, matrix) {
    const where = shown(run.options.workspace, workflow.file);
    const started = Date.now();
    const n = run.next();
    const temp = (0,external_node_path_.join)(run.runDir, 'jobs', `${n}-${id}`, 'temp');
    (0,external_node_fs_.mkdirSync)(temp, { recursive: true });
    const runner = {
        os: 'Linux',
        arch: (0,external_node_os_.arch)() === 'arm64' ? 'ARM64' : 'X64',
        name: 'slipway-local',
        temp,
        tool_cache: (0,external_node_path_.join)(run.runDir, 'tool-cache'),
        environment: 'self-hosted',
    };
    const record = {
        path,
        name,
        ...(matrix ? { matrix } : {}),
        result: 'success',
        outputs: {},
        steps: [],
        durationMs: 0,
    };
    run.jobs.push(record);
    const runsOn = asString(interpolate(job['runs-on'], { ...contexts, runner }, `${where} (jobs.${id}.runs-on)`));
    const environment = job.environment === undefined
        ? undefined
        : interpolate(typeof job.environment === 'object' && job.environment !== null
            ? job.environment.name
            : job.environment, contexts, where);
    run.log(`▶ ${path}: ${name} (runs here; asked for ${runsOn || 'no runner'}${environment ? `; environment ${asString(environment)}, whose GitHub rules a local run does not apply` : ''})`);
    const timeoutMinutes = Number(interpolate(job['timeout-minutes'] ?? DEFAULT_JOB_TIMEOUT_MINUTES, contexts, where));
    const deadline = started +
        (Number.isFinite(timeoutMinutes) && timeoutMinutes > 0 ? timeoutMinutes : DEFAULT_JOB_TIMEOUT_MINUTES) * 60_000;
    let env = { ...contexts.env };
    env = { ...env, ...evaluateEnv(job.env, { ...contexts, runner, env }, where) };
    const defaults = job.defaults?.run ?? {};
    const steps = {};
    const posts = [];
    const paths = [];
    let failed = false;
    const stepContexts = () => ({
        ...contexts,
        runner,
        env,
        steps,
        job: { status: failed ? 'failure' : 'success' },
    });
    for (const [index, step] of (job.steps ?? []).entries()) {
        const stepWhere = `${where} (jobs.${id}.steps[${index}])`;
        const label = stepLabel(step, stepContexts(), stepWhere);
        const status = { failed, cancelled: run.aborted };
        const begun = Date.now();
        const ok = condition(step.if, stepContexts(), status, `${stepWhere}.if`);
        if (!ok) {
            const skipped = {
                name: label,
                ...(step.id ? { id: step.id } : {}),
                outcome: 'skipped',
                conclusion: 'skipped',
                outputs: {},
                kind: step.uses ? 'action' : 'run',
                durationMs: 0,
            };
            record.steps.push(skipped);
            if (step.id)
                steps[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
            continue;
        }
        run.log(`  ─ ${label}`);
        const stepEnv = { ...env, ...evaluateEnv(step.env, stepContexts(), `${stepWhere}.env`) };
        const files = (0,external_node_path_.join)(run.runDir, 'jobs', `${n}-${id}`, 'steps', String(index));
        (0,external_node_fs_.mkdirSync)(files, { recursive: true });
        const fileVars = {
            GITHUB_OUTPUT: (0,external_node_path_.join)(files, 'output'),
            GITHUB_ENV: (0,external_node_path_.join)(files, 'env'),
            GITHUB_PATH: (0,external_node_path_.join)(files, 'path'),
            GITHUB_STATE: (0,external_node_path_.join)(files, 'state'),
            GITHUB_STEP_SUMMARY: (0,external_node_path_.join)(files, 'summary'),
        };
        for (const f of Object.values(fileVars))
            (0,external_node_fs_.writeFileSync)(f, '');
        const processEnv = {
            ...run.baseEnv,
            ...runnerVariables(run, id, temp, runner, step.id ?? `__step${index}`),
            ...fileVars,
            ...stepEnv,
        };
        if (paths.length)
            processEnv.PATH = [...paths, processEnv.PATH ?? ''].join(external_node_path_.delimiter);
        const timeoutMs = Math.min(deadline - Date.now(), step['timeout-minutes'] !== undefined
            ? Number(interpolate(step['timeout-minutes'], stepContexts(), stepWhere)) * 60_000
            : Infinity);
        let outcome;
        let reason;
        let outputs = {};
        let kind = 'run';
        try {
            if (step.run !== undefined) {
                const script = asString(interpolate(step.run, { ...stepContexts(), env: stepEnv }, `${stepWhere}.run`));
                const shell = step.shell ?? defaults.shell;
                const dirText = step['working-directory'] ?? defaults['working-directory'];
                const cwd = dirText
                    ? (0,external_node_path_.resolve)(run.options.workspace, asString(interpolate(dirText, stepContexts(), stepWhere)))
                    : run.options.workspace;
                const ran = await runScript(run, script, shell, cwd, processEnv, temp, timeoutMs);
                outcome = ran.code === 0 ? 'success' : ran.cancelled ? 'cancelled' : 'failure';
                if (outcome !== 'success')
                    reason = ran.reason;
            }
            else if (step.uses) {
                kind = 'action';
                const target = resolveAction(run, step.uses, stepWhere);
                const withValues = {};
                for (const [k, v] of Object.entries(step.with ?? {}))
                    withValues[k] = asString(interpolate(v, { ...stepContexts(), env: stepEnv }, `${stepWhere}.with.${k}`));
                if ('standIn' in target) {
                    kind = 'stand-in';
                    const got = await runStandIn(run, target.standIn, withValues, temp, processEnv);
                    outputs = got.outputs;
                    outcome = got.ok ? 'success' : 'failure';
                    if (!got.ok)
                        reason = got.reason;
                }
                else {
                    kind = 'action';
                    const actionEnv = { ...processEnv, GITHUB_ACTION_PATH: target.dir };
                    for (const [input, spec] of Object.entries(target.inputs))
                        actionEnv[(0,lite/* inputEnvName */.d_)(input)] =
                            spec?.default === undefined
                                ? ''
                                : asString(interpolate(spec.default, stepContexts(), `${target.dir}/action.yml`));
                    for (const [k, v] of Object.entries(withValues)) {
                        if (!(k in target.inputs))
                            run.options.logger.warning(`${label}: unexpected input '${k}'; ${step.uses} takes ${Object.keys(target.inputs).join(', ')}`);
                        actionEnv[(0,lite/* inputEnvName */.d_)(k)] = v;
                    }
                    const ran = await runNode(run, target.main, actionEnv, run.options.workspace, timeoutMs);
                    outcome = ran.code === 0 ? 'success' : ran.cancelled ? 'cancelled' : 'failure';
                    if (outcome !== 'success')
                        reason = ran.reason;
                    outputs = { ...ran.outputs };
                    if (target.post)
                        posts.push({
                            name: label,
                            action: target,
                            env: actionEnv,
                            stateFile: fileVars.GITHUB_STATE,
                            contexts: stepContexts(),
                        });
                }
            }
            else {
                throw new lite/* UserError */.yo('has a step with neither run: nor uses:.', { file: stepWhere });
            }
        }
        catch (err) {
            if (!(err instanceof lite/* UserError */.yo))
                throw err;
            outcome = 'failure';
            reason = `${err.message}${err.hint ? ` ${err.hint}` : ''}`;
            run.options.logger.error(`${label}: ${run.masker.apply(err.message)}`);
        }
        Object.assign(outputs, readKeyValueFile(fileVars.GITHUB_OUTPUT));
        for (const [k, v] of Object.entries(readKeyValueFile(fileVars.GITHUB_ENV)))
            env[k] = v;
        paths.unshift(...readPathFile(fileVars.GITHUB_PATH).reverse());
        collectSummary(run, path, label, fileVars.GITHUB_STEP_SUMMARY);
        const continueOnError = step['continue-on-error'] !== undefined && !!interpolate(step['continue-on-error'], stepContexts(), stepWhere);
        const conclusion = outcome === 'failure' && continueOnError ? 'success' : outcome;
        if (conclusion === 'failure' || conclusion === 'cancelled')
            failed = true;
        if (step.id)
            steps[step.id] = { outputs, outcome, conclusion };
        record.steps.push({
            name: label,
            ...(step.id ? { id: step.id } : {}),
            outcome,
            conclusion,
            outputs,
            kind,
            ...(reason ? { reason } : {}),
            durationMs: Date.now() - begun,
        });
        if (outcome !== 'success')
            run.log(`  ✗ ${label}: ${run.masker.apply(reason ?? outcome)}`);
        if (!record.reason && conclusion === 'failure')
            record.reason = `${label}: ${reason ?? 'failed'}`;
    }
    for (const post of posts.reverse()) {
        const status = { failed, cancelled: run.aborted };
        if (!condition(post.action.postIf, { ...post.contexts, job: { status: failed ? 'failure' : 'success' } }, status, `${post.action.dir}/action.yml (post-if)`))
            continue;
        const begun = Date.now();
        const env2 = { ...post.env };
        for (const [k, v] of Object.entries(readKeyValueFile(post.stateFile)))
            env2[`STATE_${k}`] = v;
        run.log(`  ─ Post ${post.name}`);
        const ran = await runNode(run, post.action.post, env2, run.options.workspace, Math.max(deadline - Date.now(), 60_000));
        const outcome = ran.code === 0 ? 'success' : 'failure';
        if (outcome === 'failure')
            failed = true;
        record.steps.push({
            name: `Post ${post.name}`,
            outcome,
            conclusion: outcome,
            outputs: {},
            kind: 'post',
            ...(ran.reason && outcome !== 'success' ? { reason: ran.reason } : {}),
            durationMs: Date.now() - begun,
        });
    }
    const result = run.aborted ? 'cancelled' : failed ? 'failure' : 'success';
    const outputs = {};
    for (const [k, v] of Object.entries(job.outputs ?? {}))
        outputs[k] = asString(interpolate(v, { ...stepContexts() }, `${where} (jobs.${id}.outputs.${k})`));
    Object.assign(record, { result, outputs, durationMs: Date.now() - started });
    run.log(`${result === 'success' ? '✓' : '✗'} ${path}: ${result}${record.reason && result !== 'success' ? ` (${run.masker.apply(record.reason)})` : ''}`);
    return { result, outputs };
}
function stepLabel(step, contexts, where) {
    if (typeof step.name === 'string') {
        try {
            return asString(interpolate(step.name, contexts, where));
        }
        catch {
            return step.name;
        }
    }
    if (step.uses)
        return `Run ${step.uses.split('@')[0]}`;
    return `Run ${String(step.run ?? '')
        .split('\n')[0]
        .slice(0, 60)}`;
}
function runnerVariables(run, job, temp, runner, action) {
    const g = run.github;
    return {
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: run.options.workspace,
        GITHUB_REPOSITORY: String(g.repository),
        GITHUB_REPOSITORY_OWNER: String(g.repository_owner),
        GITHUB_SHA: String(g.sha),
        GITHUB_REF: String(g.ref),
        GITHUB_REF_NAME: String(g.ref_name),
        GITHUB_RUN_ID: run.runId,
        GITHUB_RUN_NUMBER: '1',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_JOB: job,
        GITHUB_ACTION: action,
        GITHUB_ACTOR: String(g.actor),
        GITHUB_EVENT_NAME: String(g.event_name),
        GITHUB_WORKFLOW: String(g.workflow),
        GITHUB_WORKFLOW_REF: String(g.workflow_ref),
        GITHUB_SERVER_URL: String(g.server_url),
        GITHUB_API_URL: String(g.api_url),
        RUNNER_TEMP: temp,
        RUNNER_OS: runner.os,
        RUNNER_ARCH: runner.arch,
        RUNNER_NAME: runner.name,
        RUNNER_TOOL_CACHE: runner.tool_cache,
        RUNNER_ENVIRONMENT: 'self-hosted',
        ACTIONS_RUNTIME_TOKEN: run.artifacts.token,
        ACTIONS_RESULTS_URL: run.resultsUrl,
        ACTIONS_CACHE_SERVICE_V2: 'true',
        // The runner's token is never handed to steps by environment; actions take github.token as an input.
    };
}
function resolveAction(run, uses, where) {
    let dir;
    if (uses.startsWith('docker://'))
        throw new lite/* UserError */.yo(`uses ${uses}: container actions need Docker, which a local run does not use.`, {
            file: where,
        });
    if (uses.startsWith('./'))
        dir = (0,external_node_path_.resolve)(run.options.workspace, uses);
    else if (uses.startsWith(`${SLIPWAY}actions/`))
        dir = (0,external_node_path_.join)(run.options.slipwayRoot, uses.split('@')[0].slice(SLIPWAY.length));
    if (!dir)
        return { standIn: standInFor(uses, where) };
    const file = ['action.yml', 'action.yaml'].map((f) => (0,external_node_path_.join)(dir, f)).find((f) => (0,external_node_fs_.existsSync)(f));
    if (!file)
        throw new lite/* UserError */.yo(`uses ${uses}, and ${dir} holds no action.yml.`, { file: where });
    const meta = (0,yaml_dist.parse)((0,external_node_fs_.readFileSync)(file, 'utf8'));
    const using = String(meta.runs?.using ?? '');
    if (!/^node\d+$/.test(using) || !meta.runs?.main)
        throw new lite/* UserError */.yo(`uses ${uses}, a ${using || 'malformed'} action; a local run runs node actions only.`, {
            file: where,
        });
    return {
        dir,
        main: (0,external_node_path_.resolve)(dir, meta.runs.main),
        ...(meta.runs.post ? { post: (0,external_node_path_.resolve)(dir, meta.runs.post) } : {}),
        postIf: meta.runs['post-if'] ?? 'always()',
        inputs: meta.inputs ?? {},
    };
}
async function runStandIn(run, standIn, withValues, temp, env) {
    const logger = {
        debug: (m) => run.options.logger.debug(run.masker.apply(m)),
        info: (m) => run.log(`    ${m}`),
        warning: (m) => run.options.logger.warning(run.masker.apply(m)),
        error: (m) => run.options.logger.error(run.masker.apply(m)),
    };
    try {
        const outputs = await standIn.run({
            with: withValues,
            workspace: run.options.workspace,
            temp,
            runDir: run.runDir,
            env,
            logger,
            artifacts: run.artifacts,
            exec: (command, args) => execCapture(command, args, env),
        });
        return { ok: true, outputs };
    }
    catch (err) {
        if (err instanceof lite/* UserError */.yo) {
            const reason = `${standIn.uses}: ${err.message}${err.hint ? ` ${err.hint}` : ''}`;
            logger.error(reason);
            return { ok: false, outputs: {}, reason };
        }
        throw err;
    }
}
function execCapture(command, args, env) {
    return new Promise((resolvePromise) => {
        (0,external_node_child_process_.execFile)(command, args, { env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
            const code = err
                ? typeof err.code === 'number'
                    ? Number(err.code)
                    : 127
                : 0;
            resolvePromise({ code, stdout: String(stdout), stderr: String(stderr) });
        });
    });
}
const SHELLS = {
    bash: 'bash --noprofile --norc -eo pipefail {0}',
    sh: 'sh -e {0}',
    python: 'python3 {0}',
};
async function runScript(run, script, shell, cwd, env, temp, timeoutMs) {
    if (!(0,external_node_fs_.existsSync)(cwd) || !(0,external_node_fs_.statSync)(cwd).isDirectory())
        return { code: 1, cancelled: false, reason: `working-directory ${cwd} does not exist`, outputs: {} };
    const template = shell === undefined ? 'bash -e {0}' : (SHELLS[shell] ?? (shell.includes('{0}') ? shell : `${shell} {0}`));
    const file = (0,external_node_path_.join)(temp, `step-${run.next()}.sh`);
    (0,external_node_fs_.writeFileSync)(file, script);
    const [command, ...args] = template.split(/\s+/).map((part) => (part === '{0}' ? file : part));
    return spawnStep(run, command, args, cwd, env, timeoutMs);
}
function runNode(run, main, env, cwd, timeoutMs) {
    return spawnStep(run, process.execPath, [main], cwd, env, timeoutMs);
}
/** Runs one step's process, reads its workflow commands, stops it on timeout or cancel. */
function spawnStep(run, command, args, cwd, env, timeoutMs) {
    return new Promise((resolvePromise) => {
        const outputs = {};
        const lastError = [];
        // Its own process group, so a cancel stops the step and whatever it runs in the foreground.
        const child = (0,external_node_child_process_.spawn)(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
        let cancelled = false;
        let timedOut = false;
        const stop = () => {
            if (child.exitCode !== null || child.pid === undefined)
                return;
            try {
                process.kill(-child.pid, 'SIGINT');
            }
            catch {
                /* already gone */
            }
            setTimeout(() => {
                try {
                    if (child.exitCode === null)
                        process.kill(-child.pid, 'SIGKILL');
                }
                catch {
                    /* already gone */
                }
            }, 7_500).unref();
        };
        const onAbort = () => {
            cancelled = true;
            stop();
        };
        run.options.signal?.addEventListener('abort', onAbort, { once: true });
        const timer = Number.isFinite(timeoutMs)
            ? setTimeout(() => {
                timedOut = true;
                stop();
            }, Math.max(timeoutMs, 0))
            : undefined;
        const reader = (stream, commands) => {
            let buffer = '';
            stream.setEncoding('utf8');
            stream.on('data', (chunk) => {
                buffer += chunk;
                let nl;
                while ((nl = buffer.indexOf('\n')) >= 0) {
                    line(buffer.slice(0, nl).replace(/\r$/, ''), commands);
                    buffer = buffer.slice(nl + 1);
                }
            });
            stream.on('end', () => buffer && line(buffer, commands));
        };
        let stopToken;
        const line = (text, commands) => {
            // ::stop-commands::TOKEN turns commands off until ::TOKEN:: turns them on again.
            if (stopToken !== undefined) {
                if (text === `::${stopToken}::`)
                    stopToken = undefined;
                else
                    run.log(`    ${text}`);
                return;
            }
            const stopping = commands ? /^::stop-commands::(.+)$/.exec(text) : null;
            if (stopping) {
                stopToken = stopping[1];
                return;
            }
            const c = commands ? readCommand(text) : { kind: 'text', text };
            const logger = run.options.logger;
            switch (c.kind) {
                case 'mask':
                    run.masker.add(c.value);
                    break;
                case 'annotation': {
                    const message = run.masker.apply(c.message);
                    const props = { ...(c.file ? { file: c.file } : {}), ...(c.line ? { startLine: c.line } : {}) };
                    if (c.level === 'error') {
                        lastError.push(message);
                        logger.error(message, props);
                    }
                    else if (c.level === 'warning')
                        logger.warning(message, props);
                    else
                        run.log(`    notice: ${message}`);
                    break;
                }
                case 'debug':
                    logger.debug(run.masker.apply(c.message));
                    break;
                case 'group':
                    run.log(`    ▸ ${c.title}`);
                    break;
                case 'endgroup':
                    break;
                case 'output':
                    outputs[c.name] = c.value;
                    break;
                default:
                    run.log(`    ${c.text}`);
            }
        };
        reader(child.stdout, true);
        reader(child.stderr, true);
        child.on('error', (err) => {
            lastError.push(`${command} could not start: ${err.message}`);
        });
        child.on('close', (code, signal) => {
            if (timer)
                clearTimeout(timer);
            run.options.signal?.removeEventListener('abort', onAbort);
            const exit = code ?? 128;
            const reason = timedOut
                ? 'it ran out of time (timeout-minutes)'
                : cancelled
                    ? 'the run was cancelled'
                    : (lastError.at(-1) ?? `exited with ${code === null ? `signal ${signal}` : `code ${code}`}`);
            resolvePromise({ code: timedOut || cancelled ? exit || 1 : exit, cancelled, reason, outputs });
        });
    });
}
function collectSummary(run, job, step, file) {
    const text = (0,external_node_fs_.existsSync)(file) ? (0,external_node_fs_.readFileSync)(file, 'utf8') : '';
    if (text.trim())
        run.summaries.push({ job, step, markdown: run.masker.apply(text) });
}
/** summary.md in the run folder: a table of the jobs, then every step summary under its job and step. */
function writeRunSummary(run) {
    const rows = run.jobs.map((j) => `| ${j.path} | ${j.name.replace(/\|/g, '\\|')} | ${j.result} | ${(j.durationMs / 1000).toFixed(1)} s | ${(j.reason ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
    const parts = [
        '# slipway pipeline',
        '',
        '| job | name | result | time | reason |',
        '|---|---|---|---|---|',
        ...rows,
        '',
    ];
    for (const s of run.summaries)
        parts.push(`## ${s.job} › ${s.step}`, '', s.markdown.trim(), '');
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(run.runDir, 'summary.md'), run.masker.apply(parts.join('\n')));
}

;// CONCATENATED MODULE: ./packages/pipeline/src/index.ts









/***/ })

};
