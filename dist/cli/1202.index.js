export const id = 1202;
export const ids = [1202];
export const modules = {

/***/ 29935:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ compileUserPattern)
/* harmony export */ });
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2856);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48826);
// Its own entry point (`@slipway/action-kit/pattern`), so that only the actions that take user
// patterns load the RE2 engine (a quarter of a megabyte of JavaScript) at start-up.


/**
 * Compiles a regular expression from user input (gitleaks rules, expect-body) with RE2's syntax
 * and linear-time matching, as gitleaks does with Go's regexp. Lookarounds and backreferences,
 * which need backtracking, are refused with a UserError naming the subject.
 */
function compileUserPattern(source, options) {
    // RE2 reads inline flags such as (?i) itself.
    let flags = 0;
    if (options.caseInsensitive)
        flags |= re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JS */ .L3.CASE_INSENSITIVE;
    if (options.multiline)
        flags |= re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JS */ .L3.MULTILINE;
    if (options.dotAll)
        flags |= re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JS */ .L3.DOTALL;
    let re;
    try {
        re = re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JS */ .L3.compile(source, flags);
    }
    catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the regular expression ${JSON.stringify(source)} is not valid RE2 syntax (${why}).`, options.subject, 'Patterns run on a linear-time engine: lookarounds and backreferences are not supported.');
    }
    return {
        source,
        test: (text) => re.matcher(text).find(),
        exec(text, from = 0) {
            const m = re.matcher(text);
            if (!m.find(from))
                return null;
            const groups = [];
            for (let g = 0; g <= m.groupCount(); g++)
                groups.push(m.group(g) ?? undefined);
            return { index: m.start(), end: m.end(), groups };
        },
    };
}


/***/ }),

/***/ 61202:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yr: () => (/* reexport */ LiveJudge),
  JC: () => (/* reexport */ Prober),
  Rl: () => (/* reexport */ checkLoad),
  jj: () => (/* reexport */ checkSubject),
  Qy: () => (/* reexport */ displayUrl),
  gY: () => (/* reexport */ evaluateQuery),
  R$: () => (/* reexport */ parseBodyRegex),
  ji: () => (/* reexport */ parseJsonAssertions),
  S0: () => (/* reexport */ parseQueries),
  C2: () => (/* reexport */ parseStatusRanges),
  verifyHealth: () => (/* reexport */ verifyHealth)
});

// UNUSED EXPORTS: DEFAULT_COMPARE, MAX_BODY_BYTES, MAX_TOTAL_RATE, MAX_URLS, SequentialJudge, alphaSpent, describeEvaluation, failedAssertions, failureKind, mannWhitney, normalSf, percentiles, quantile, serverText, twoProportion

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: ./packages/action-kit/src/pattern.ts
var pattern = __webpack_require__(29935);
;// CONCATENATED MODULE: ./packages/health/src/display.ts

/**
 * A URL as it may be shown in a reason, log line, report or summary: its password (or a lone
 * username, which is often a token) replaced by `***`. Parsing first normalises the URL, so a
 * password holding `@` or `/` is percent-encoded and cannot leave a piece of itself behind.
 */
function displayUrl(url) {
    if (!url.includes('@'))
        return url;
    let normalised;
    try {
        normalised = new URL(url).href;
    }
    catch {
        // Not a URL: hide everything between the scheme and the last `@` of what would be the authority.
        return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@');
    }
    return redactText(normalised);
}
/** Several URLs for a sentence: `a, b`. */
function displayUrls(urls) {
    return urls.map(displayUrl).join(', ');
}
/** Every URL's credentials in a text shown as `user:***@` (the kit's redaction, linear in the text). */
const redactText = lite/* redactCredentials */.UY;
// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
/**
 * Text a server chose (an error message, a certificate name) made fit for a one-line reason: control
 * characters and line breaks become one space, so no line of it can start a workflow command in any
 * log, and it is cut to `max` characters so that a server cannot fill the log or the outputs. A URL
 * it echoes (a client error quoting the request) loses its credentials.
 */
function serverText(text, max = 300) {
    const flat = redactText(text.replace(CONTROL, ' ')).trim();
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

;// CONCATENATED MODULE: ./packages/health/src/expect.ts



/** A status expectation: `200-399`, `200,204`, `2xx`. */
function parseStatusRanges(text, input = 'expect-status') {
    const ranges = [];
    for (const raw of text.split(/[,\s]+/).filter(Boolean)) {
        let m = /^([1-5])xx$/i.exec(raw);
        if (m) {
            ranges.push([Number(m[1]) * 100, Number(m[1]) * 100 + 99]);
            continue;
        }
        m = /^(\d{3})(?:-(\d{3}))?$/.exec(raw);
        if (!m)
            throw new lite/* UserError */.yo(`'${raw}' is not a status code or range.`, { input }, 'Use codes and ranges such as 200, 200-299 or 2xx, separated by commas.');
        const lo = Number(m[1]);
        const hi = m[2] ? Number(m[2]) : lo;
        if (lo < 100 || hi > 599 || lo > hi)
            throw new lite/* UserError */.yo(`'${raw}' is not a valid range of HTTP status codes.`, { input }, 'Codes run from 100 to 599, low to high.');
        ranges.push([lo, hi]);
    }
    if (ranges.length === 0)
        throw new lite/* UserError */.yo('names no status code.', { input }, 'Use codes and ranges such as 200-399.');
    return (status) => ranges.some(([lo, hi]) => status >= lo && status <= hi);
}
/**
 * A body pattern, compiled for RE2's linear-time engine: a server's body can be large and a
 * pattern such as `(a+)+$` would backtrack for ever in JavaScript's engine. A pattern RE2 refuses
 * (lookarounds, backreferences) is a UserError naming the input.
 */
function parseBodyRegex(text, input = 'expect-body') {
    if (!text)
        return undefined;
    try {
        return (0,pattern/* compileUserPattern */.b)(text, { subject: { input } });
    }
    catch (err) {
        if (!(0,lite/* isUserError */.iU)(err))
            throw err;
        // compileUserPattern says why inside `is not valid RE2 syntax (…).`; keep only the why.
        const marker = ' is not valid RE2 syntax (';
        const at = err.message.indexOf(marker);
        const why = at >= 0 ? err.message.slice(at + marker.length).replace(/\)\.$/, '') : err.message;
        throw new lite/* UserError */.yo(`'${text}' is not a valid regular expression for RE2 (${why}).`, { input }, err.hint);
    }
}
/** Parses assertion lines; each is `<path> <op> <JSON value>`, the path dotted with [n] for arrays. */
function parseJsonAssertions(text, input = 'expect-json') {
    return text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'))
        .map((line) => {
        const m = /^([A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*|\[\d+\])*)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(line);
        if (!m)
            throw new lite/* UserError */.yo(`'${redactText(line)}' is not an assertion.`, { input }, 'Write one per line as path op value, such as status == "ok" or checks.db.latency_ms < 50.');
        let value;
        try {
            value = JSON.parse(m[3]);
        }
        catch {
            throw new lite/* UserError */.yo(`'${redactText(m[3])}' in '${redactText(line)}' is not a JSON value.`, { input }, 'Quote strings ("ok"); numbers, true, false and null go bare.');
        }
        const path = m[1].match(/[^.[\]]+/g) ?? [];
        return { text: line, path, op: m[2], value };
    });
}
/** The assertions a JSON document fails, as one sentence each. */
function failedAssertions(doc, assertions) {
    const out = [];
    for (const a of assertions) {
        let v = doc;
        for (const key of a.path)
            v = v !== null && typeof v === 'object' ? v[key] : undefined;
        const ok = a.op === '=='
            ? JSON.stringify(v) === JSON.stringify(a.value)
            : a.op === '!='
                ? JSON.stringify(v) !== JSON.stringify(a.value)
                : typeof v === 'number' &&
                    typeof a.value === 'number' &&
                    (a.op === '<' ? v < a.value : a.op === '<=' ? v <= a.value : a.op === '>' ? v > a.value : v >= a.value);
        if (!ok)
            out.push(`${a.path.join('.')} is ${v === undefined ? 'missing' : JSON.stringify(v)}, expected ${a.op} ${JSON.stringify(a.value)}`);
    }
    return out;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
;// CONCATENATED MODULE: ./packages/health/src/limits.ts

/** The most bytes of a body a probe reads: plenty for a health document, and a hostile server cannot make it more. */
const MAX_BODY_BYTES = 1024 * 1024;
/** The most requests per second one run may send, all URLs and baselines together. */
const MAX_TOTAL_RATE = 5000;
/** The most URLs one run may probe, candidates and baselines together. */
const MAX_URLS = 100;
/**
 * The most probes one soak may send: every sample is kept for the final percentiles, so this
 * bounds the runner's memory (a few hundred MB) and the time to judge.
 */
const MAX_PROBES = 2_000_000;
/**
 * Refuses a run that would flood its targets or the runner: a total rate (URLs × rate, baselines
 * included) above MAX_TOTAL_RATE, more than MAX_URLS URLs, or a soak of more than MAX_PROBES
 * probes. Decided before the first probe, because an open-loop soak schedules every due probe at once.
 */
function checkLoad(load) {
    const all = load.urls + load.baselineUrls;
    // The rate first: it is what floods, and what a user asking for 4,000 URLs at 1,000/s should hear about.
    const total = all * load.rate;
    if (!(total <= MAX_TOTAL_RATE))
        throw new lite/* UserError */.yo(`${load.rate} per second for each of ${all} URLs is ${total} requests per second, more than the ceiling of ${MAX_TOTAL_RATE}.`, { input: 'rate' }, all > MAX_URLS
            ? `Probe at most ${MAX_URLS} URLs, at a rate whose total stays within ${MAX_TOTAL_RATE}.`
            : `Lower rate to at most ${Math.max(1, Math.floor(MAX_TOTAL_RATE / all))}, or probe fewer URLs.`);
    if (load.urls > MAX_URLS)
        throw new lite/* UserError */.yo(`names ${load.urls} URLs, more than ${MAX_URLS}.`, { input: 'url' }, 'Probe a representative few; each URL is probed at the full rate.');
    if (all > MAX_URLS)
        throw new lite/* UserError */.yo(`names ${load.baselineUrls} URLs, more than the ${MAX_URLS - load.urls} left after the ${load.urls} in url.`, { input: 'baseline-url' }, `url and baseline-url together may name at most ${MAX_URLS} URLs.`);
    const probes = Math.ceil((total * load.durationMs) / 1000);
    if (probes > MAX_PROBES)
        throw new lite/* UserError */.yo(`at ${total} requests per second would send ${probes} probes, more than ${MAX_PROBES}.`, { input: 'duration' }, `Shorten duration to at most ${Math.floor(MAX_PROBES / total)}s or lower rate: a health soak needs thousands of samples, not millions.`);
}
/** The most bytes of a Prometheus answer read: thousands of series, yet a bounded cost. */
const MAX_PROMETHEUS_BYTES = 8 * 1024 * 1024;

;// CONCATENATED MODULE: ./packages/health/src/probe.ts





const NETWORK_KINDS = [
    [/ENOTFOUND|EAI_AGAIN|EAI_NONAME/, 'dns'],
    [/ECONNREFUSED/, 'refused'],
    [/ECONNRESET|EPIPE|socket hang up|ECONNABORTED/, 'reset'],
    [/ETIMEDOUT|timeout/i, 'timeout'],
    [/CERT|SSL|TLS|self[- ]signed|unable to verify/i, 'tls'],
];
/** Classifies a network error by its code and message. */
function failureKind(err) {
    const text = `${err.code ?? ''} ${err.message ?? ''}`;
    return NETWORK_KINDS.find(([re]) => re.test(text))?.[1] ?? 'other';
}
/**
 * Sends probes over keep-alive connections with node's own HTTP client: the latency is the
 * time to the last byte of the body, measured with the monotonic clock, and nothing else is
 * in the way (no retries, no redirects followed).
 */
class Prober {
    spec;
    http = new external_node_http_.Agent({ keepAlive: true, maxSockets: 64 });
    https;
    constructor(spec) {
        this.spec = spec;
        this.https = new external_node_https_.Agent({ keepAlive: true, maxSockets: 64, rejectUnauthorized: !spec.insecureTls });
    }
    /** Closes idle connections. */
    close() {
        this.http.destroy();
        this.https.destroy();
    }
    /** One probe of one URL; never rejects: every problem is a failed probe of some kind. */
    probe(url, now) {
        const spec = this.spec;
        const limit = spec.maxBodyBytes ?? MAX_BODY_BYTES;
        const start = performance.now();
        return new Promise((resolve) => {
            let settled = false;
            let req;
            const done = (r) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                resolve({ url, latencyMs: Math.round((performance.now() - start) * 100) / 100, at: now, ...r });
            };
            const fail = (kind, detail, status) => {
                done({ ok: false, ...(status !== undefined ? { status } : {}), failure: { kind, detail } });
                // Stop reading whatever is still coming: a failed probe takes nothing more from the server.
                req?.destroy();
            };
            // The timer covers the whole answer, body included, so headers followed by silence are a timeout.
            const timer = setTimeout(() => fail('timeout', `no complete answer within ${spec.timeoutMs} ms`), spec.timeoutMs);
            const tooLarge = (status) => fail('too-large', `body larger than ${formatBytes(limit)}`, status);
            try {
                const target = new URL(url);
                const secure = target.protocol === 'https:';
                req = (secure ? external_node_https_.request : external_node_http_.request)(target, { method: spec.method, headers: spec.headers, agent: secure ? this.https : this.http }, (res) => {
                    const status = res.statusCode ?? 0;
                    // A HEAD, 204 or 304 answer declares the length of a body it does not send.
                    const bodiless = spec.method === 'HEAD' || status === 204 || status === 304;
                    if (!bodiless && Number(res.headers['content-length']) > limit)
                        return tooLarge(status);
                    const parts = [];
                    let size = 0;
                    res.on('data', (d) => {
                        size += d.length;
                        if (size > limit)
                            return tooLarge(status);
                        parts.push(d);
                    });
                    res.on('error', (err) => fail(failureKind(err), serverText(err.message), status));
                    res.on('end', () => done(judge(spec, status, parts)));
                });
                req.on('error', (err) => fail(failureKind(err), serverText(err.message)));
                req.end();
            }
            catch (err) {
                // Node refuses some requests before sending them (a header it will not write): a failed
                // probe with Node's reason, never a rejected promise that would end the whole run.
                fail('other', serverText(err.message));
            }
        });
    }
}
/** What the complete answer shows against the expectations. */
function judge(spec, status, parts) {
    if (!spec.expectStatus(status))
        return { ok: false, status, failure: { kind: 'status', detail: `status ${status}` } };
    if (!spec.expectBody && !spec.expectJson?.length)
        return { ok: true, status };
    const body = Buffer.concat(parts).toString('utf8');
    if (spec.expectBody && !spec.expectBody.test(body))
        return {
            ok: false,
            status,
            failure: { kind: 'body', detail: `body does not match /${redactText(spec.expectBody.source)}/` },
        };
    if (spec.expectJson?.length) {
        let doc;
        try {
            doc = JSON.parse(body);
        }
        catch {
            return { ok: false, status, failure: { kind: 'json', detail: 'body is not JSON' } };
        }
        const failed = failedAssertions(doc, spec.expectJson);
        if (failed.length)
            return { ok: false, status, failure: { kind: 'json', detail: serverText(failed.join('; ')) } };
    }
    return { ok: true, status };
}
function formatBytes(n) {
    return n >= 1024 * 1024 && n % (1024 * 1024) === 0
        ? `${n / (1024 * 1024)} MiB`
        : n >= 1024 && n % 1024 === 0
            ? `${n / 1024} KiB`
            : `${n} bytes`;
}

// EXTERNAL MODULE: ./node_modules/valibot/dist/index.mjs
var dist = __webpack_require__(77934);
;// CONCATENATED MODULE: ./packages/health/src/prometheus-answer.ts
// The boundary with Prometheus: its HTTP answer is read with a byte cap and checked against the
// documented shape of /api/v1/query before anything of it is used, so that `null`, an HTML error
// page or JSON of another shape becomes a sentence about the answer, never an internal error.


/** One sample: [unix time, value as a string ("0.5", "NaN", "+Inf")]. */
const Sample = dist/* tuple */.PVZ([dist/* number */.aig(), dist/* string */.YjP()]);
const QueryAnswer = dist/* variant */.Oxt('status', [
    dist/* object */.Ikc({
        status: dist/* literal */.euz('success'),
        data: dist/* variant */.Oxt('resultType', [
            dist/* object */.Ikc({ resultType: dist/* literal */.euz('vector'), result: dist/* array */.YOg(dist/* object */.Ikc({ value: Sample })) }),
            dist/* object */.Ikc({ resultType: dist/* literal */.euz('scalar'), result: Sample }),
            dist/* object */.Ikc({ resultType: dist/* literal */.euz('matrix'), result: dist/* array */.YOg(dist/* unknown */.L5J()) }),
            dist/* object */.Ikc({ resultType: dist/* literal */.euz('string'), result: dist/* unknown */.L5J() }),
        ]),
    }),
    dist/* object */.Ikc({ status: dist/* literal */.euz('error'), errorType: dist/* optional */.lqM(dist/* string */.YjP()), error: dist/* optional */.lqM(dist/* string */.YjP()) }),
]);
/** Reads at most `max` bytes of a body; undefined when it is longer (the rest is left unread). */
async function readCapped(res, max) {
    if (Number(res.headers.get('content-length')) > max) {
        await res.body?.cancel().catch(() => { });
        return undefined;
    }
    if (!res.body)
        return '';
    const reader = res.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > max) {
            await reader.cancel().catch(() => { });
            return undefined;
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/** Makes sense of one HTTP answer of /api/v1/query: its values, or the problem named. */
function readAnswer(status, body) {
    let doc;
    try {
        doc = JSON.parse(body);
    }
    catch {
        return { note: `Prometheus answered HTTP ${status} with a body that is not JSON` };
    }
    const parsed = dist/* safeParse */.xLC(QueryAnswer, doc);
    if (!parsed.success) {
        const issue = parsed.issues[0];
        const where = dist/* getDotPath */.BuJ(issue);
        const what = doc === null
            ? 'null'
            : Array.isArray(doc)
                ? 'an array'
                : typeof doc === 'object'
                    ? 'an object'
                    : `a ${typeof doc}`;
        return {
            note: serverText(`Prometheus answered HTTP ${status} with ${what} that is not a query result (${where ? `${where}: ` : ''}${issue.message})`),
        };
    }
    const answer = parsed.output;
    if (answer.status === 'error')
        return {
            note: `Prometheus error: ${serverText(`${answer.errorType ? `${answer.errorType}: ` : ''}${answer.error ?? 'unknown'}`)}`,
        };
    const data = answer.data;
    switch (data.resultType) {
        case 'vector':
            return { values: data.result.map((r) => Number(r.value[1])).filter((x) => !Number.isNaN(x)) };
        case 'scalar':
            return { values: [Number(data.result[1])].filter((x) => !Number.isNaN(x)) };
        case 'matrix':
            return {
                note: 'the query returned a range vector, not a number per series: drop the [range] selector or wrap it, as in rate(x[1m])',
            };
        case 'string':
            return { note: 'the query returned a string, not a number' };
    }
}

;// CONCATENATED MODULE: ./packages/health/src/prometheus.ts




/** Longer query lines are refused before any pattern runs over them. */
const MAX_QUERY_LINE = 10_000;
/** Parses query lines; the last comparison operator on a line splits the PromQL from the threshold. */
function parseQueries(text, input = 'queries') {
    const names = new Set();
    return text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'))
        .map((line) => {
        if (line.length > MAX_QUERY_LINE)
            throw new lite/* UserError */.yo(`has a line of ${line.length} characters, more than ${MAX_QUERY_LINE}.`, { input }, 'Record long expressions as Prometheus recording rules and query those.');
        const m = /^([A-Za-z][\w-]*)\s*:\s*(.+?)\s*(<=|>=|==|<|>)\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*$/.exec(line);
        if (!m)
            throw new lite/* UserError */.yo(`'${redactText(line)}' is not a query line.`, { input }, 'Write name: <PromQL> <op> <threshold>, such as errors: sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m])) < 0.05.');
        const threshold = Number(m[4]);
        if (!Number.isFinite(threshold))
            throw new lite/* UserError */.yo(`the threshold ${m[4]} of '${m[1]}' is not a finite number.`, { input });
        // Evaluations are tracked by name: a second query of the same name would hide the first.
        if (names.has(m[1]))
            throw new lite/* UserError */.yo(`name two queries '${m[1]}'.`, { input }, 'Give each query its own name.');
        names.add(m[1]);
        return { name: m[1], promql: m[2], op: m[3], threshold };
    });
}
function compare(v, op, t) {
    return op === '<' ? v < t : op === '<=' ? v <= t : op === '>' ? v > t : op === '>=' ? v >= t : v === t;
}
/**
 * Evaluates a query through /api/v1/query; an unreachable Prometheus, an error, an empty result
 * and an answer that is not a query result all come back as no-data with a note naming the problem.
 */
async function evaluateQuery(baseUrl, q, http, at, timeoutMs = 10_000) {
    const noData = (note) => ({ name: q.name, at, values: [], passed: 'no-data', note });
    const shown = displayUrl(baseUrl);
    let reading;
    try {
        const target = withoutCredentials(baseUrl);
        const url = `${target.url.replace(/\/+$/, '')}/api/v1/query?query=${encodeURIComponent(q.promql)}`;
        const res = await http(url, { headers: target.headers, signal: AbortSignal.timeout(timeoutMs) });
        const body = await readCapped(res, MAX_PROMETHEUS_BYTES);
        if (body === undefined)
            return noData(`Prometheus at ${shown} answered with more than ${MAX_PROMETHEUS_BYTES / 1024 / 1024} MiB`);
        reading = readAnswer(res.status, body);
    }
    catch (err) {
        if (err.name === 'TimeoutError')
            return noData(`Prometheus at ${shown} did not answer within ${timeoutMs} ms`);
        const cause = err.cause?.code;
        return noData(`Prometheus at ${shown} unreachable (${serverText(cause ?? err.message)})`);
    }
    if ('note' in reading)
        return noData(reading.note);
    if (reading.values.length === 0)
        return noData('the query returned no data');
    return {
        name: q.name,
        at,
        values: reading.values,
        passed: reading.values.every((v) => compare(v, q.op, q.threshold)),
    };
}
/**
 * The URL without its user information, which goes into an Authorization header instead: fetch
 * refuses a URL with credentials, and its error would quote the URL, password and all.
 */
function withoutCredentials(baseUrl) {
    const u = new URL(baseUrl);
    if (u.username === '' && u.password === '')
        return { url: u.href, headers: {} };
    const basic = Buffer.from(`${decodeSafe(u.username)}:${decodeSafe(u.password)}`).toString('base64');
    u.username = '';
    u.password = '';
    return { url: u.href, headers: { authorization: `Basic ${basic}` } };
}
function decodeSafe(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/** The sentence for a failed evaluation: `errors: 0.2 is not < 0.05`. */
function describeEvaluation(q, e) {
    if (e.passed === 'no-data')
        return `${q.name}: ${e.note}`;
    const bad = e.values.find((v) => !compare(v, q.op, q.threshold)) ?? e.values[0];
    return `${q.name}: ${Number(bad.toPrecision(6))} is not ${q.op} ${q.threshold}`;
}
/** The sentence for a held evaluation, with the value nearest its threshold: `errors: 0.01 < 0.05`. */
function describeHeld(q, e) {
    if (e.passed === 'no-data')
        return `${q.name}: ${e.note} (no-data: pass)`;
    const nearest = e.values.reduce((a, v) => (Math.abs(v - q.threshold) < Math.abs(a - q.threshold) ? v : a));
    return `${q.name}: ${Number(nearest.toPrecision(6))} ${q.op} ${q.threshold}`;
}

;// CONCATENATED MODULE: ./packages/health/src/query-tracker.ts

/** Evaluates the PromQL thresholds and remembers enough to decide: sustained breaches fail, no-data follows its policy. */
class QueryTracker {
    p;
    limit;
    evaluations = [];
    streak = new Map();
    last = new Map();
    everPassed = new Set();
    constructor(p, limit) {
        this.p = p;
        this.limit = limit;
    }
    /** One evaluation of every query. */
    async evaluate(at) {
        const results = await Promise.all(this.p.queries.map((q) => evaluateQuery(this.p.url, q, this.p.http, Math.round(at))));
        for (const e of results) {
            this.evaluations.push(e);
            this.last.set(e.name, e);
            const breach = e.passed === false || (e.passed === 'no-data' && this.p.noData === 'fail');
            this.streak.set(e.name, breach ? (this.streak.get(e.name) ?? 0) + 1 : 0);
            if (e.passed === true || (e.passed === 'no-data' && this.p.noData === 'pass'))
                this.everPassed.add(e.name);
        }
    }
    /** A verdict when the queries force one: early on a sustained breach, at the end on what was last seen. */
    decide(final) {
        for (const q of this.p.queries) {
            const e = this.last.get(q.name);
            if (!e)
                continue;
            const streak = this.streak.get(q.name) ?? 0;
            if (streak >= this.limit || (final && streak > 0 && !this.everPassed.has(q.name))) {
                return {
                    verdict: 'fail',
                    reason: `query ${describeEvaluation(q, e)}${streak > 1 ? ` for ${streak} evaluations in a row` : ''}`,
                };
            }
        }
        if (final) {
            for (const q of this.p.queries) {
                const e = this.last.get(q.name);
                if (e?.passed === 'no-data' && this.p.noData === 'inconclusive')
                    return { verdict: 'inconclusive', reason: `query ${describeEvaluation(q, e)} (no-data: inconclusive)` };
            }
        }
        return undefined;
    }
    /** Rows for the checks table. */
    checks() {
        return this.p.queries.map((q) => {
            const e = this.last.get(q.name);
            const observed = !e
                ? 'not evaluated'
                : e.passed === 'no-data'
                    ? `no data (${e.note})`
                    : e.values.map((v) => Number(v.toPrecision(6))).join(', ');
            return {
                name: `query ${q.name}`,
                observed,
                threshold: `${q.op} ${q.threshold}`,
                passed: e ? e.passed === true || (e.passed === 'no-data' && this.p.noData === 'pass') : false,
            };
        });
    }
}

;// CONCATENATED MODULE: ./packages/health/src/stats.ts
/** The q-quantile (0–1) of sorted values, by linear interpolation between closest ranks. */
function quantile(sorted, q) {
    if (sorted.length === 0)
        return NaN;
    const pos = (sorted.length - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
/** Latency percentiles of a set of samples, rounded to 0.1 ms. */
function percentiles(latencies) {
    const sorted = [...latencies].sort((a, b) => a - b);
    const r = (q) => Math.round(quantile(sorted, q) * 10 + 1e-9) / 10;
    return { p50: r(0.5), p95: r(0.95), p99: r(0.99) };
}

;// CONCATENATED MODULE: ./packages/health/src/compare.ts
// Candidate-against-baseline judgement: a one-sided two-proportion test on error rates and a
// one-sided Mann-Whitney U test on latencies, looked at once per window. The overall false-alarm
// probability stays at or below alpha despite the repeated looks through alpha spending: the
// error budget alpha(t) = alpha * ln(1 + (e - 1) t) (a Pocock-type spending function, which
// spends early so that a clearly bad candidate is caught at the first looks) is handed out in
// increments, one per look; each look tests at its increment, and by the union bound the chance of
// any false alarm over all looks is at most alpha. Splitting alpha evenly between the two tests
// keeps the bound for the pair. A minimum effect size keeps a significant but negligible
// difference from failing a release.
/** Upper-tail probability of the standard normal, accurate far into the tail. */
function normalSf(z) {
    if (z < 0)
        return 1 - normalSf(-z);
    // erfc by the Chebyshev fit of Numerical Recipes (fractional error < 1.2e-7 everywhere).
    const x = z / Math.SQRT2;
    const t = 1 / (1 + 0.5 * x);
    const erfc = t *
        Math.exp(-x * x -
            1.26551223 +
            t *
                (1.00002368 +
                    t *
                        (0.37409196 +
                            t *
                                (0.09678418 +
                                    t *
                                        (-0.18628806 +
                                            t *
                                                (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return erfc / 2;
}
/** The cumulative alpha spent by information fraction t (0–1). */
function alphaSpent(alpha, t) {
    const f = Math.min(1, Math.max(0, t));
    return alpha * Math.log(1 + (Math.E - 1) * f);
}
/** One-sided test that the candidate's error proportion is higher than the baseline's. */
function twoProportion(candErrors, candN, baseErrors, baseN) {
    if (candN === 0 || baseN === 0)
        return { z: 0, p: 1 };
    const pooled = (candErrors + baseErrors) / (candN + baseN);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / candN + 1 / baseN));
    if (se === 0)
        return { z: 0, p: 1 };
    const z = (candErrors / candN - baseErrors / baseN) / se;
    return { z, p: normalSf(z) };
}
/** One-sided Mann-Whitney U test that candidate values tend to be larger, with the tie correction. */
function mannWhitney(candidate, baseline) {
    const n1 = candidate.length;
    const n2 = baseline.length;
    if (n1 === 0 || n2 === 0)
        return { u: 0, z: 0, p: 1 };
    const all = [...candidate.map((v) => ({ v, c: true })), ...baseline.map((v) => ({ v, c: false }))].sort((a, b) => a.v - b.v);
    let rankSum = 0;
    let tieTerm = 0;
    for (let i = 0; i < all.length;) {
        let j = i;
        while (j < all.length && all[j].v === all[i].v)
            j++;
        const rank = (i + 1 + j) / 2;
        const t = j - i;
        tieTerm += t * t * t - t;
        for (let k = i; k < j; k++)
            if (all[k].c)
                rankSum += rank;
        i = j;
    }
    const u = rankSum - (n1 * (n1 + 1)) / 2;
    const n = n1 + n2;
    const sd = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
    if (sd === 0)
        return { u, z: 0, p: 1 };
    const z = (u - (n1 * n2) / 2 - 0.5) / sd;
    return { u, z, p: normalSf(z) };
}
/** Median of values. */
function median(values) {
    const s = [...values].sort((a, b) => a - b);
    if (s.length === 0)
        return NaN;
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** The settings verify-health judges with: a 1% false-alarm bound, and differences worth failing a release over. */
const DEFAULT_COMPARE = {
    alpha: 0.01,
    minErrorIncrease: 0.005,
    minLatencyIncreaseMs: 10,
    minLatencyIncreaseRatio: 0.1,
    minSamples: 50,
};
/** Looks at the evidence once per window and fails as soon as it is decisive. */
class SequentialJudge {
    config;
    labels;
    spent = 0;
    looks = [];
    /** `labels` name the two sides in a failing look's reason (a live canary is judged against `stable`). */
    constructor(config = DEFAULT_COMPARE, labels = { candidate: 'candidate', baseline: 'baseline' }) {
        this.config = config;
        this.labels = labels;
    }
    /** A look at information fraction t (elapsed / planned duration). */
    look(t, candidate, baseline) {
        const c = this.config;
        if (candidate.n < c.minSamples || baseline.n < c.minSamples)
            return undefined;
        const total = alphaSpent(c.alpha, t);
        const nominal = Math.max(0, total - this.spent) / 2; // half for each test
        // Alpha once spent stays spent: a caller whose t falls back (a window it extended) gets none back to spend twice.
        this.spent = Math.max(this.spent, total);
        const err = twoProportion(candidate.errors, candidate.n, baseline.errors, baseline.n);
        const cm = median(candidate.latencies);
        const bm = median(baseline.latencies);
        const mw = mannWhitney(candidate.latencies, baseline.latencies);
        const look = {
            t,
            nominalAlpha: nominal,
            error: { candidate: candidate.errors / candidate.n, baseline: baseline.errors / baseline.n, z: err.z, p: err.p },
            latency: { candidateMedian: cm, baselineMedian: bm, z: mw.z, p: mw.p },
        };
        const errIncrease = look.error.candidate - look.error.baseline;
        const latIncrease = cm - bm;
        const pct = (x) => `${(x * 100).toFixed(x < 0.01 ? 2 : 1)}%`;
        if (err.p < nominal && errIncrease >= c.minErrorIncrease) {
            look.fail = `${this.labels.candidate} error rate ${pct(look.error.candidate)} vs ${this.labels.baseline} ${pct(look.error.baseline)} (z ${err.z.toFixed(1)}, p ${err.p.toExponential(1)} < ${nominal.toExponential(1)})`;
        }
        else if (mw.p < nominal && latIncrease >= Math.max(c.minLatencyIncreaseMs, c.minLatencyIncreaseRatio * bm)) {
            look.fail = `${this.labels.candidate} median latency ${cm.toFixed(1)} ms vs ${this.labels.baseline} ${bm.toFixed(1)} ms (Mann-Whitney z ${mw.z.toFixed(1)}, p ${mw.p.toExponential(1)} < ${nominal.toExponential(1)})`;
        }
        this.looks.push(look);
        return look;
    }
}

;// CONCATENATED MODULE: ./packages/health/src/query-soak.ts
// Judgement on PromQL thresholds alone: the analysis of a Kubernetes canary often has no URL to
// probe, only metrics. There is then no readiness phase and no probe statistics; the queries are
// evaluated every interval for the duration (once when it is 0) and decide the verdict.



/** Refuses a run with nothing to judge, naming `url`: no URL and no queries, or a baseline with no candidate. */
function checkSubject(s) {
    if (s.urls > 0)
        return;
    if (s.baselineUrls > 0)
        throw new lite/* UserError */.yo('is empty, but baseline-url is set: the baseline is compared with the probes of url.', { input: 'url' }, 'Give url, the candidate to compare with the baseline, or leave baseline-url empty.');
    if (s.queries === 0)
        throw new lite/* UserError */.yo('is required unless prometheus-url and queries are given.', { input: 'url' }, 'Give the URL of the health endpoint, such as https://app.example.com/healthz, or prometheus-url and queries to judge on metrics alone.');
}
/** Why a run without URLs has no readiness phase, for the log, the report and the summary. */
const READINESS_SKIPPED = 'no url to probe: the verdict comes from the Prometheus queries alone';
/**
 * Evaluates the queries at the end of each interval of the duration (the last one possibly
 * shorter; once, at once, when the duration is 0). A query breaching for `failureLimit`
 * evaluations in a row fails early, as in a probed soak; at the end the tracker decides on what
 * it saw last, no-data following its policy.
 */
async function verifyByQueries(o, prometheus, seams) {
    const { clock, logger } = seams;
    const soak = o.durationMs > 0;
    const limit = o.failureLimit ?? 3;
    // Without a soak the single evaluation is the whole evidence: one breach fails, as after readiness.
    const tracker = new QueryTracker(prometheus, soak ? limit : 1);
    const count = soak ? Math.ceil(o.durationMs / o.intervalMs) : 1;
    const n = prometheus.queries.length;
    logger.info(`verify-health: readiness skipped (${READINESS_SKIPPED}); ${n} quer${n > 1 ? 'ies' : 'y'} ${soak ? `every ${o.intervalMs} ms for ${o.durationMs} ms` : 'evaluated once'}`);
    const start = clock.monotonic();
    let early;
    let evaluated = 0;
    let lastProgress = 0;
    while (evaluated < count && !early) {
        const due = soak ? Math.min((evaluated + 1) * o.intervalMs, o.durationMs) : 0;
        await clock.sleep(Math.max(0, due - (clock.monotonic() - start)));
        await tracker.evaluate(clock.monotonic() - start);
        evaluated++;
        early = tracker.decide(false);
        const now = clock.monotonic() - start;
        if (soak && now - lastProgress >= 5000) {
            lastProgress = now;
            const breaching = tracker.checks().filter((c) => !c.passed).length;
            logger.info(`verify-health: ${Math.round(now / 1000)}/${Math.round(o.durationMs / 1000)} s, ${evaluated} of ${count} evaluations, ${breaching} of ${n} queries breaching`);
        }
    }
    const evidence = {
        errorRate: NaN,
        p50: NaN,
        p95: NaN,
        p99: NaN,
        samples: 0,
        failures: {},
        readiness: { attempts: 0, readyAfterMs: null, skipped: READINESS_SKIPPED },
        windows: [],
        checks: tracker.checks(),
        queries: tracker.evaluations,
    };
    const decided = early ?? tracker.decide(true);
    if (decided)
        return { ...evidence, ...decided };
    return { ...evidence, verdict: 'pass', reason: passReason(tracker, prometheus, soak ? o.durationMs : 0, evaluated) };
}
/** Every query's last value against its threshold; "held" only when every last evaluation held. */
function passReason(tracker, prometheus, durationMs, evaluated) {
    const last = prometheus.queries.map((q) => {
        const e = tracker.evaluations.findLast((x) => x.name === q.name);
        return { q, e, held: e.passed === true || (e.passed === 'no-data' && prometheus.noData === 'pass') };
    });
    const span = durationMs < 1000 ? `${durationMs} ms` : `${Math.round(durationMs / 1000)} s`;
    const over = durationMs > 0 ? ` over ${span} (${evaluated} evaluations)` : '';
    const values = last.map(({ q, e, held }) => (held ? describeHeld(q, e) : describeEvaluation(q, e))).join('; ');
    // A breach shorter than failureLimit is tolerated, as one bad window is: the reason must not call it held.
    return last.every((l) => l.held)
        ? `every query held${over}: ${values}`
        : `no query breached for long enough to fail${over}; last: ${values}`;
}

;// CONCATENATED MODULE: ./packages/health/src/verify.ts







const pct = (x) => `${(x * 100).toFixed(x < 0.01 ? 2 : 1)}%`;
/** A failure in words a person reads first: "connection refused", "status 503". */
function describeFailure(r) {
    const f = r.failure;
    switch (f.kind) {
        case 'refused':
            return 'connection refused';
        case 'dns':
            return 'DNS lookup failed';
        case 'reset':
            return 'connection reset';
        case 'tls':
            return `TLS error (${f.detail})`;
        default:
            return f.detail;
    }
}
function describeFailures(results) {
    const kinds = new Map();
    for (const r of results)
        if (r.failure)
            kinds.set(describeFailure(r), (kinds.get(describeFailure(r)) ?? 0) + 1);
    return [...kinds]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => (kinds.size > 1 ? `${k} (${n})` : k))
        .join(', ');
}
/**
 * Readiness, then soak. Readiness probes every URL until each answers as expected, backing off
 * from retry-delay up to 10 s, until `wait` runs out. The soak probes each URL at `rate` per
 * second, open loop (a slow answer does not delay the next probe, so slowness is not hidden), and
 * judges each `interval`: a window breaches when its error rate or p95 passes the SLO; the soak
 * fails early after `failureLimit` breaching windows in a row, and at its end on the whole sample.
 * URLs appear in reasons with their passwords as `***`; the load is bounded by checkLoad.
 * Without URLs the verdict comes from the Prometheus queries alone (see verifyByQueries).
 */
async function verifyHealth(o, seams) {
    const { clock, logger } = seams;
    checkSubject({
        urls: o.urls.length,
        baselineUrls: o.baselineUrls?.length ?? 0,
        queries: o.prometheus?.queries.length ?? 0,
    });
    if (o.urls.length === 0 && o.prometheus)
        return verifyByQueries(o, o.prometheus, seams);
    checkLoad({ urls: o.urls.length, baselineUrls: o.baselineUrls?.length ?? 0, rate: o.rate, durationMs: o.durationMs });
    const prober = new Prober(o.spec);
    const failures = {};
    const count = (r) => {
        if (r.failure)
            failures[r.failure.kind] = (failures[r.failure.kind] ?? 0) + 1;
    };
    try {
        // Readiness
        const started = clock.monotonic();
        const pending = new Set(o.urls);
        const tried = [];
        let attempts = 0;
        let delay = o.retryDelayMs;
        while (pending.size > 0) {
            const round = await Promise.all([...pending].map((u) => prober.probe(u, clock.monotonic() - started)));
            attempts++;
            for (const r of round) {
                tried.push(r);
                if (r.ok)
                    pending.delete(r.url);
                else
                    count(r);
            }
            if (pending.size === 0)
                break;
            const elapsed = clock.monotonic() - started;
            if (elapsed + delay > o.waitMs) {
                const failed = tried.filter((r) => !r.ok && pending.has(r.url));
                const reason = `${failed.length} of ${tried.filter((r) => pending.has(r.url)).length} probes failed: ${describeFailures(failed)} on ${displayUrls([...pending])}`;
                return empty('fail', reason, failures, {
                    attempts,
                    readyAfterMs: null,
                    lastFailure: failed.at(-1)?.failure?.detail,
                });
            }
            await clock.sleep(delay);
            delay = Math.min(delay * 2, 10_000);
        }
        const readiness = { attempts, readyAfterMs: Math.round(clock.monotonic() - started) };
        logger.info(`verify-health: ready after ${readiness.readyAfterMs} ms (${attempts} attempt${attempts > 1 ? 's' : ''})`);
        if (o.durationMs <= 0) {
            const first = tried.filter((r) => r.ok);
            const p = percentiles(first.map((r) => r.latencyMs));
            const checks = [
                { name: 'readiness', observed: `${readiness.readyAfterMs} ms`, threshold: `≤ ${o.waitMs} ms`, passed: true },
            ];
            const base = { errorRate: 0, ...p, samples: first.length, failures, readiness, windows: [], checks };
            const ready = `ready: ${o.urls.length} URL${o.urls.length > 1 ? 's' : ''} answered as expected`;
            if (o.prometheus) {
                const tracker = new QueryTracker(o.prometheus, 1);
                await tracker.evaluate(clock.monotonic() - started);
                checks.push(...tracker.checks());
                const decided = tracker.decide(true);
                if (decided)
                    return { ...base, queries: tracker.evaluations, ...decided };
                return { ...base, queries: tracker.evaluations, verdict: 'pass', reason: `${ready} and every query held` };
            }
            return { ...base, verdict: 'pass', reason: ready };
        }
        return await soak(o, prober, { clock, logger }, failures, count, readiness);
    }
    finally {
        prober.close();
    }
}
function empty(verdict, reason, failures, readiness) {
    return {
        verdict,
        reason,
        errorRate: 1,
        p50: NaN,
        p95: NaN,
        p99: NaN,
        samples: 0,
        failures,
        readiness,
        windows: [],
        checks: [{ name: 'readiness', observed: 'not ready', threshold: 'ready', passed: false }],
    };
}
async function soak(o, prober, seams, failures, count, readiness) {
    const { clock, logger } = seams;
    const results = [];
    const windows = [];
    const limit = o.failureLimit ?? 3;
    const start = clock.monotonic();
    const period = 1000 / o.rate;
    const inflight = new Set();
    let next = 0;
    let windowStart = 0;
    let consecutive = 0;
    let early;
    let lastProgress = 0;
    const baselineUrls = o.baselineUrls ?? [];
    const judge = baselineUrls.length ? new SequentialJudge(o.compare ?? DEFAULT_COMPARE) : undefined;
    const cand = { n: 0, errors: 0, latencies: [] };
    const base = { n: 0, errors: 0, latencies: [] };
    const baseResults = [];
    const tracker = o.prometheus ? new QueryTracker(o.prometheus, limit) : undefined;
    const evaluations = new Set();
    const add = (side, r) => {
        side.n++;
        if (r.ok)
            side.latencies.push(r.latencyMs);
        else
            side.errors++;
    };
    // Results by the window their probe started in, so judging a window reads that window only
    // rather than every sample of the soak so far.
    const byWindow = new Map();
    const record = (r) => {
        results.push(r);
        const k = Math.floor(r.at / o.intervalMs);
        const bucket = byWindow.get(k);
        if (bucket)
            bucket.push(r);
        else
            byWindow.set(k, [r]);
    };
    const judgeWindow = (from, to) => {
        const inWindow = [];
        for (let k = Math.floor(from / o.intervalMs); k * o.intervalMs < to; k++)
            for (const r of byWindow.get(k) ?? [])
                if (r.at >= from && r.at < to)
                    inWindow.push(r);
        if (inWindow.length === 0)
            return;
        const errors = inWindow.filter((r) => !r.ok).length;
        const p = percentiles(inWindow.filter((r) => r.ok).map((r) => r.latencyMs));
        const breaches = [];
        const errorRate = errors / inWindow.length;
        if (errorRate > o.maxErrorRate)
            breaches.push(`error rate ${pct(errorRate)} > ${pct(o.maxErrorRate)}`);
        if (o.maxP95Ms !== undefined && inWindow.length >= 10 && p.p95 > o.maxP95Ms)
            breaches.push(`p95 ${p.p95} ms > ${o.maxP95Ms} ms`);
        windows.push({
            startMs: Math.round(from),
            samples: inWindow.length,
            errors,
            errorRate,
            p50: p.p50,
            p95: p.p95,
            breaches,
        });
        consecutive = breaches.length ? consecutive + 1 : 0;
        if (consecutive >= limit && !early)
            early = `${breaches[0]} for ${limit} windows in a row (${Math.round(to / 1000)} s into the soak) on ${displayUrls(o.urls)}`;
        const look = judge?.look(Math.min(1, to / o.durationMs), cand, base);
        if (look?.fail && !early)
            early = `${look.fail} after ${Math.round(to / 1000)} s on ${displayUrls(o.urls)} against ${displayUrls(baselineUrls)}`;
    };
    while (!early) {
        const now = clock.monotonic() - start;
        if (now >= o.durationMs)
            break;
        // Launch every probe that is due, so timer granularity never lowers the rate.
        while (now >= next) {
            for (const url of o.urls) {
                const p = prober.probe(url, now).then((r) => {
                    record(r);
                    add(cand, r);
                    count(r);
                });
                inflight.add(p);
                void p.finally(() => inflight.delete(p));
            }
            for (const url of baselineUrls) {
                const p = prober.probe(url, now).then((r) => {
                    baseResults.push(r);
                    add(base, r);
                });
                inflight.add(p);
                void p.finally(() => inflight.delete(p));
            }
            next += period;
        }
        if (now - windowStart >= o.intervalMs) {
            judgeWindow(windowStart, windowStart + o.intervalMs);
            windowStart += o.intervalMs;
            if (tracker) {
                const e = tracker.evaluate(now).then(() => {
                    const d = tracker.decide(false);
                    if (d && !early)
                        early = d.reason;
                });
                evaluations.add(e);
                void e.finally(() => evaluations.delete(e));
            }
        }
        if (now - lastProgress >= 5000) {
            lastProgress = now;
            const errs = results.filter((r) => !r.ok).length;
            const p = percentiles(results.filter((r) => r.ok).map((r) => r.latencyMs));
            logger.info(`verify-health: ${Math.round(now / 1000)}/${Math.round(o.durationMs / 1000)} s, ${results.length} samples, error rate ${results.length ? pct(errs / results.length) : 'n/a'}, p95 ${Number.isNaN(p.p95) ? 'n/a' : `${p.p95} ms`}`);
        }
        await clock.sleep(Math.max(0, Math.min(next, windowStart + o.intervalMs) - (clock.monotonic() - start)));
    }
    await Promise.all([...inflight, ...evaluations]);
    if (!early)
        judgeWindow(windowStart, Math.max(windowStart + 1, clock.monotonic() - start));
    const errors = results.filter((r) => !r.ok);
    const errorRate = results.length ? errors.length / results.length : 1;
    const p = percentiles(results.filter((r) => r.ok).map((r) => r.latencyMs));
    const checks = [
        { name: 'readiness', observed: `${readiness.readyAfterMs} ms`, threshold: `≤ ${o.waitMs} ms`, passed: true },
        {
            name: 'error rate',
            observed: pct(errorRate),
            threshold: `≤ ${pct(o.maxErrorRate)}`,
            passed: errorRate <= o.maxErrorRate,
        },
    ];
    if (o.maxP95Ms !== undefined)
        checks.push({
            name: 'p95',
            observed: `${p.p95} ms`,
            threshold: `≤ ${o.maxP95Ms} ms`,
            passed: !(p.p95 > o.maxP95Ms),
        });
    if (o.maxP99Ms !== undefined)
        checks.push({
            name: 'p99',
            observed: `${p.p99} ms`,
            threshold: `≤ ${o.maxP99Ms} ms`,
            passed: !(p.p99 > o.maxP99Ms),
        });
    const baselineStats = baseResults.length
        ? {
            samples: baseResults.length,
            errorRate: baseResults.filter((r) => !r.ok).length / baseResults.length,
            ...(({ p50, p95 }) => ({ p50, p95 }))(percentiles(base.latencies)),
        }
        : undefined;
    if (tracker)
        checks.push(...tracker.checks());
    const evidence = {
        errorRate,
        ...p,
        samples: results.length,
        failures,
        readiness,
        windows,
        checks,
        ...(judge ? { looks: judge.looks } : {}),
        ...(baselineStats ? { baseline: baselineStats } : {}),
    };
    if (early)
        return { ...evidence, verdict: 'fail', reason: early };
    const decided = tracker?.decide(true);
    if (decided)
        return { ...evidence, ...decided };
    if (judge && base.latencies.length === 0) {
        return {
            ...evidence,
            verdict: 'inconclusive',
            reason: `the baseline ${displayUrls(baselineUrls)} gave no successful sample in ${baseResults.length} probes: a data problem, not a verdict on the candidate`,
        };
    }
    if (results.length < (o.minSamples ?? 20))
        return {
            ...evidence,
            verdict: 'inconclusive',
            reason: `only ${results.length} samples in the soak, fewer than ${o.minSamples ?? 20}: raise duration or rate`,
        };
    const failed = checks.find((c) => !c.passed);
    if (failed) {
        const detail = failed.name === 'error rate'
            ? `error rate ${pct(errorRate)} > ${pct(o.maxErrorRate)} (${errors.length} of ${results.length} probes failed: ${describeFailures(errors)})`
            : `${failed.name} ${failed.observed} > ${failed.threshold.replace('≤ ', '')}`;
        return { ...evidence, verdict: 'fail', reason: `${detail} on ${displayUrls(o.urls)}` };
    }
    return {
        ...evidence,
        verdict: 'pass',
        reason: `healthy for ${Math.round(o.durationMs / 1000)} s: error rate ${pct(errorRate)}, p95 ${p.p95} ms over ${results.length} probes`,
    };
}

;// CONCATENATED MODULE: ./packages/health/src/live.ts
// A canary judged on the live traffic its router saw, by the same sequential judge that compares
// probes with a baseline: deploy-canary hands over each window's counts per release and gets a
// verdict per look, so there is one set of statistics and one false-alarm bound. A window with too
// few requests says nothing about the canary: its look is inconclusive, never a pass, and it
// spends no alpha (the budget passes to the next look), while its requests still count in the totals.

const live_pct = (x) => `${(x * 100).toFixed(x < 0.01 ? 2 : 1)}%`;
/** Judges a canary against the stable release window by window, on the counts a router reports. */
class LiveJudge {
    judge;
    minWindow;
    minTotal;
    canary = { n: 0, errors: 0, latencies: [] };
    stable = { n: 0, errors: 0, latencies: [] };
    constructor(options = {}) {
        const compare = options.compare ?? DEFAULT_COMPARE;
        this.judge = new SequentialJudge(compare, { candidate: 'canary', baseline: 'stable' });
        this.minTotal = compare.minSamples;
        this.minWindow = options.minWindowRequests ?? 20;
    }
    /** Every look taken so far, for the report. */
    get looks() {
        return this.judge.looks;
    }
    /**
     * Adds one window's traffic of each side (counted since the previous call, as a router's
     * readTraffic returns it) to the totals, then looks at the totals at information fraction `t`:
     * the share of the planned analysis done, growing to 1 at the last look (a look that does not
     * advance t has no alpha left to fail with). Throws a RangeError on counts that cannot be.
     */
    look(t, canary, stable) {
        // Both checked before either is added, so that a refused call leaves the totals as they were.
        check(canary, 'canary');
        check(stable, 'stable');
        add(this.canary, canary);
        add(this.stable, stable);
        const totals = {
            canary: { requests: this.canary.n, errors: this.canary.errors },
            stable: { requests: this.stable.n, errors: this.stable.errors },
        };
        if (canary.requests < this.minWindow || stable.requests < this.minWindow)
            return {
                verdict: 'inconclusive',
                reason: `too thin to compare: the canary served ${canary.requests} and the stable ${stable.requests} requests in this window, fewer than ${this.minWindow} on a side`,
                ...totals,
            };
        const look = this.judge.look(t, this.canary, this.stable);
        if (!look)
            return {
                verdict: 'inconclusive',
                reason: `too thin to compare: the canary served ${this.canary.n} and the stable ${this.stable.n} requests in all, fewer than ${this.minTotal} on a side`,
                ...totals,
            };
        if (look.fail)
            return { verdict: 'fail', reason: look.fail, ...totals, look };
        const { error: e, latency: l } = look;
        const errors = `canary error rate ${live_pct(e.candidate)} vs stable ${live_pct(e.baseline)}`;
        const latency = `median latency ${l.candidateMedian.toFixed(1)} vs ${l.baselineMedian.toFixed(1)} ms`;
        const over = `over ${this.canary.n} and ${this.stable.n} requests`;
        return { verdict: 'pass', reason: `no regression at this look: ${errors}, ${latency}, ${over}`, ...totals, look };
    }
}
/** Refuses counts no router can have seen. */
function check(w, name) {
    const whole = (x) => Number.isSafeInteger(x) && x >= 0;
    if (!whole(w.requests) || !whole(w.errors) || w.errors > w.requests)
        throw new RangeError(`${name}: ${w.errors} errors of ${w.requests} requests is not a count of traffic`);
    // Latencies are of successful answers only: more of them than successes would bias the latency test.
    if (w.latenciesMs.length > w.requests - w.errors || !w.latenciesMs.every((v) => Number.isFinite(v) && v >= 0))
        throw new RangeError(`${name}: ${w.latenciesMs.length} latencies for ${w.requests - w.errors} successful requests, or one that is not a duration`);
}
/** Adds a window to a side's totals. */
function add(side, w) {
    side.n += w.requests;
    side.errors += w.errors;
    for (const v of w.latenciesMs)
        side.latencies.push(v);
}

;// CONCATENATED MODULE: ./packages/health/src/index.ts












/***/ })

};
