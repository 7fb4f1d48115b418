export const id = 571;
export const ids = [571,994];
export const modules = {

/***/ 94571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 13 modules
var lite = __webpack_require__(13468);
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
/** A body regex, with the input named when it does not compile. */
function parseBodyRegex(text, input = 'expect-body') {
    if (!text)
        return undefined;
    try {
        return new RegExp(text);
    }
    catch (err) {
        throw new lite/* UserError */.yo(`'${text}' is not a valid regular expression (${err.message}).`, { input });
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
            throw new lite/* UserError */.yo(`'${line}' is not an assertion.`, { input }, 'Write one per line as path op value, such as status == "ok" or checks.db.latency_ms < 50.');
        let value;
        try {
            value = JSON.parse(m[3]);
        }
        catch {
            throw new lite/* UserError */.yo(`'${m[3]}' in '${line}' is not a JSON value.`, { input }, 'Quote strings ("ok"); numbers, true, false and null go bare.');
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
    /** One probe of one URL. */
    probe(url, now) {
        const spec = this.spec;
        const target = new URL(url);
        const secure = target.protocol === 'https:';
        const start = performance.now();
        return new Promise((resolve) => {
            let settled = false;
            const done = (r) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                resolve({ url, latencyMs: Math.round((performance.now() - start) * 100) / 100, at: now, ...r });
            };
            const req = (secure ? external_node_https_.request : external_node_http_.request)(target, { method: spec.method, headers: spec.headers, agent: secure ? this.https : this.http }, (res) => {
                const parts = [];
                let size = 0;
                const limit = spec.maxBodyBytes ?? 1024 * 1024;
                res.on('data', (d) => {
                    if (size < limit)
                        parts.push(d);
                    size += d.length;
                });
                res.on('error', (err) => done({ ok: false, status: res.statusCode, failure: { kind: failureKind(err), detail: err.message } }));
                res.on('end', () => {
                    const status = res.statusCode ?? 0;
                    if (!spec.expectStatus(status))
                        return done({ ok: false, status, failure: { kind: 'status', detail: `status ${status}` } });
                    if (!spec.expectBody && !spec.expectJson?.length)
                        return done({ ok: true, status });
                    const body = Buffer.concat(parts).toString('utf8');
                    if (spec.expectBody && !spec.expectBody.test(body))
                        return done({
                            ok: false,
                            status,
                            failure: { kind: 'body', detail: `body does not match /${spec.expectBody.source}/` },
                        });
                    if (spec.expectJson?.length) {
                        let doc;
                        try {
                            doc = JSON.parse(body);
                        }
                        catch {
                            return done({ ok: false, status, failure: { kind: 'json', detail: 'body is not JSON' } });
                        }
                        const failed = failedAssertions(doc, spec.expectJson);
                        if (failed.length)
                            return done({ ok: false, status, failure: { kind: 'json', detail: failed.join('; ') } });
                    }
                    done({ ok: true, status });
                });
            });
            const timer = setTimeout(() => {
                done({ ok: false, failure: { kind: 'timeout', detail: `no complete answer within ${spec.timeoutMs} ms` } });
                req.destroy();
            }, spec.timeoutMs);
            req.on('error', (err) => done({ ok: false, failure: { kind: failureKind(err), detail: err.message } }));
            req.end();
        });
    }
}

;// CONCATENATED MODULE: ./packages/health/src/prometheus.ts

/** Parses query lines; the last comparison operator on a line splits the PromQL from the threshold. */
function parseQueries(text, input = 'queries') {
    return text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'))
        .map((line) => {
        const m = /^([A-Za-z][\w-]*)\s*:\s*(.+?)\s*(<=|>=|==|<|>)\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*$/.exec(line);
        if (!m)
            throw new lite/* UserError */.yo(`'${line}' is not a query line.`, { input }, 'Write name: <PromQL> <op> <threshold>, such as errors: sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m])) < 0.05.');
        return { name: m[1], promql: m[2], op: m[3], threshold: Number(m[4]) };
    });
}
function compare(v, op, t) {
    return op === '<' ? v < t : op === '<=' ? v <= t : op === '>' ? v > t : op === '>=' ? v >= t : v === t;
}
/** Evaluates a query through /api/v1/query; errors and empty results come back as no-data with a note. */
async function evaluateQuery(baseUrl, q, http, at, timeoutMs = 10_000) {
    const url = `${baseUrl.replace(/\/+$/, '')}/api/v1/query?query=${encodeURIComponent(q.promql)}`;
    let doc;
    try {
        const res = await http(url, { signal: AbortSignal.timeout(timeoutMs) });
        doc = (await res
            .json()
            .catch(() => ({ status: 'error', error: `HTTP ${res.status} with a body that is not JSON` })));
    }
    catch (err) {
        const cause = err.cause?.code;
        return {
            name: q.name,
            at,
            values: [],
            passed: 'no-data',
            note: `Prometheus at ${baseUrl} unreachable (${cause ?? err.message})`,
        };
    }
    if (doc.status !== 'success')
        return {
            name: q.name,
            at,
            values: [],
            passed: 'no-data',
            note: `Prometheus error: ${doc.errorType ? `${doc.errorType}: ` : ''}${doc.error ?? 'unknown'}`,
        };
    const result = doc.data?.result;
    let values = [];
    if (doc.data?.resultType === 'scalar' && Array.isArray(result))
        values = [Number(result[1])];
    else if (Array.isArray(result))
        values = result.map((r) => Number(r.value?.[1]));
    values = values.filter((v) => !Number.isNaN(v));
    if (values.length === 0)
        return { name: q.name, at, values, passed: 'no-data', note: 'the query returned no data' };
    return { name: q.name, at, values, passed: values.every((v) => compare(v, q.op, q.threshold)) };
}
/** The sentence for a failed evaluation: `errors: 0.2 is not < 0.05`. */
function describeEvaluation(q, e) {
    if (e.passed === 'no-data')
        return `${q.name}: ${e.note}`;
    const bad = e.values.find((v) => !compare(v, q.op, q.threshold)) ?? e.values[0];
    return `${q.name}: ${Number(bad.toPrecision(6))} is not ${q.op} ${q.threshold}`;
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
    spent = 0;
    looks = [];
    constructor(config = DEFAULT_COMPARE) {
        this.config = config;
    }
    /** A look at information fraction t (elapsed / planned duration). */
    look(t, candidate, baseline) {
        const c = this.config;
        if (candidate.n < c.minSamples || baseline.n < c.minSamples)
            return undefined;
        const total = alphaSpent(c.alpha, t);
        const nominal = Math.max(0, total - this.spent) / 2; // half for each test
        this.spent = total;
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
            look.fail = `candidate error rate ${pct(look.error.candidate)} vs baseline ${pct(look.error.baseline)} (z ${err.z.toFixed(1)}, p ${err.p.toExponential(1)} < ${nominal.toExponential(1)})`;
        }
        else if (mw.p < nominal && latIncrease >= Math.max(c.minLatencyIncreaseMs, c.minLatencyIncreaseRatio * bm)) {
            look.fail = `candidate median latency ${cm.toFixed(1)} ms vs baseline ${bm.toFixed(1)} ms (Mann-Whitney z ${mw.z.toFixed(1)}, p ${mw.p.toExponential(1)} < ${nominal.toExponential(1)})`;
        }
        this.looks.push(look);
        return look;
    }
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
 */
async function verifyHealth(o, seams) {
    const { clock, logger } = seams;
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
                const reason = `${failed.length} of ${tried.filter((r) => pending.has(r.url)).length} probes failed: ${describeFailures(failed)} on ${[...pending].join(', ')}`;
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
    const judgeWindow = (from, to) => {
        const inWindow = results.filter((r) => r.at >= from && r.at < to);
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
            early = `${breaches[0]} for ${limit} windows in a row (${Math.round(to / 1000)} s into the soak) on ${o.urls.join(', ')}`;
        const look = judge?.look(Math.min(1, to / o.durationMs), cand, base);
        if (look?.fail && !early)
            early = `${look.fail} after ${Math.round(to / 1000)} s on ${o.urls.join(', ')} against ${baselineUrls.join(', ')}`;
    };
    while (!early) {
        const now = clock.monotonic() - start;
        if (now >= o.durationMs)
            break;
        // Launch every probe that is due, so timer granularity never lowers the rate.
        while (now >= next) {
            for (const url of o.urls) {
                const p = prober.probe(url, now).then((r) => {
                    results.push(r);
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
            reason: `the baseline ${baselineUrls.join(', ')} gave no successful sample in ${baseResults.length} probes: a data problem, not a verdict on the candidate`,
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
        return { ...evidence, verdict: 'fail', reason: `${detail} on ${o.urls.join(', ')}` };
    }
    return {
        ...evidence,
        verdict: 'pass',
        reason: `healthy for ${Math.round(o.durationMs / 1000)} s: error rate ${pct(errorRate)}, p95 ${p.p95} ms over ${results.length} probes`,
    };
}

;// CONCATENATED MODULE: ./packages/health/src/index.ts







;// CONCATENATED MODULE: ./actions/verify-health/src/inputs.ts


const SENSITIVE = /^(authorization|proxy-authorization|cookie|set-cookie)$|-(token|key|secret)$/i;
/** Parses `Name: value` lines, masking the values of credential headers before anything logs them. */
function parseHeaders(text, mask) {
    const headers = {};
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '')
            continue;
        const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
        if (!m)
            throw new lite/* UserError */.yo(`'${line.split(':')[0]}' is not a header line.`, { input: 'headers' }, 'Write one header per line as Name: value.');
        if (SENSITIVE.test(m[1]))
            (0,lite/* maskCredential */.kV)(m[2], mask);
        headers[m[1]] = m[2];
    }
    return headers;
}
/** A percentage (`1%`, `0.5%`) or a fraction (`0.01`), as a fraction. */
function parseRate(text, input) {
    const m = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(text.trim());
    const value = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
    if (!m || !(value >= 0 && value <= 1))
        throw new lite/* UserError */.yo(`'${text}' is not a rate.`, { input }, 'Write a percentage such as 1% or a fraction from 0 to 1 such as 0.01.');
    return value;
}
/** Validates the URLs: http or https only, each parseable. */
function parseUrls(list, input = 'url') {
    if (list.length === 0)
        throw new lite/* UserError */.yo('is required but empty.', { input }, 'Give the URL of the health endpoint, such as https://app.example.com/healthz.');
    return list.map((u) => {
        let parsed;
        try {
            parsed = new URL(u);
        }
        catch {
            throw new lite/* UserError */.yo(`'${u}' is not a URL.`, { input }, 'Write a full URL such as https://app.example.com/healthz.');
        }
        if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
            throw new lite/* UserError */.yo(`'${u}' uses ${parsed.protocol.replace(':', '')}, which is not supported.`, { input }, 'Use http or https.');
        return parsed.toString();
    });
}
/** Reads and validates every input into the options of verifyHealth. */
function parseInputs(reader, mask) {
    const method = reader.raw('method').toUpperCase();
    if (!/^[A-Z]+$/.test(method))
        throw new lite/* UserError */.yo(`'${method}' is not an HTTP method.`, { input: 'method' }, 'Use GET, HEAD or another method name.');
    const optionalDuration = (input) => reader.optional(input) === undefined ? undefined : reader.duration(input, { min: 1 });
    const maxP95Ms = optionalDuration('max-p95');
    const maxP99Ms = optionalDuration('max-p99');
    const expectBody = parseBodyRegex(reader.optional('expect-body'));
    const baseline = reader.list('baseline-url');
    const baselineUrls = baseline.length ? parseUrls(baseline, 'baseline-url') : undefined;
    const queries = parseQueries(reader.raw('queries'));
    const noData = reader.oneOf('no-data', ['fail', 'pass', 'inconclusive']);
    const promUrl = reader.optional('prometheus-url');
    if (queries.length && !promUrl)
        throw new lite/* UserError */.yo('are set but prometheus-url is empty.', { input: 'queries' }, 'Set prometheus-url to the Prometheus server to query.');
    const prometheus = promUrl
        ? { url: parseUrls([promUrl], 'prometheus-url')[0].replace(/\/+$/, ''), queries, noData, http: fetch }
        : undefined;
    if (prometheus && queries.length === 0)
        throw new lite/* UserError */.yo('is set but queries is empty.', { input: 'prometheus-url' }, 'Add queries such as errors: <PromQL> < 0.05.');
    return Object.freeze({
        urls: parseUrls(reader.list('url')),
        spec: {
            method,
            headers: parseHeaders(reader.raw('headers'), mask),
            timeoutMs: reader.duration('timeout', { min: 1, max: 600_000 }),
            expectStatus: parseStatusRanges(reader.raw('expect-status')),
            ...(expectBody ? { expectBody } : {}),
            expectJson: parseJsonAssertions(reader.raw('expect-json')),
            insecureTls: reader.boolean('insecure-tls'),
        },
        waitMs: reader.duration('wait', { max: 6 * 3_600_000 }),
        retryDelayMs: reader.duration('retry-delay', { min: 1, max: 600_000 }),
        durationMs: reader.duration('duration', { max: 6 * 3_600_000 }),
        rate: reader.integer('rate', { min: 1, max: 1000 }),
        maxErrorRate: parseRate(reader.raw('max-error-rate'), 'max-error-rate'),
        ...(maxP95Ms !== undefined ? { maxP95Ms } : {}),
        ...(maxP99Ms !== undefined ? { maxP99Ms } : {}),
        intervalMs: reader.duration('interval', { min: 100, max: 3_600_000 }),
        ...(baselineUrls ? { baselineUrls } : {}),
        ...(prometheus ? { prometheus } : {}),
    });
}

// EXTERNAL MODULE: ./actions/verify-health/src/metadata.generated.ts
var metadata_generated = __webpack_require__(17994);
;// CONCATENATED MODULE: ./actions/verify-health/src/summary.ts

/** The summary: the verdict, a table of checks, and latency and error rate over the soak. */
function healthSummary(r) {
    const icon = r.verdict === 'pass' ? '✅' : r.verdict === 'fail' ? '❌' : '⚠️';
    const s = new lite/* SummaryBuilder */.CF().heading('verify-health').text(`${icon} **${r.verdict}**: ${r.reason}`);
    s.table(['check', 'observed', 'threshold', 'result'], r.checks.map((c) => [c.name, c.observed, c.threshold, c.passed ? 'pass' : 'fail']));
    const failures = Object.entries(r.failures);
    if (failures.length)
        s.text(`Failed probes by kind: ${failures.map(([k, n]) => `${k} ${n}`).join(', ')}.`);
    const w = r.windows.slice(-60);
    if (w.length >= 2) {
        const x = w.map((v) => Math.round(v.startMs / 1000));
        s.mermaid([
            'xychart-beta',
            '  title "p95 latency per window (ms)"',
            `  x-axis "seconds" [${x.join(', ')}]`,
            '  y-axis "ms"',
            `  line [${w.map((v) => (Number.isNaN(v.p95) ? 0 : v.p95)).join(', ')}]`,
        ].join('\n'));
        s.mermaid([
            'xychart-beta',
            '  title "error rate per window (%)"',
            `  x-axis "seconds" [${x.join(', ')}]`,
            '  y-axis "%"',
            `  bar [${w.map((v) => Math.round(v.errorRate * 1000) / 10).join(', ')}]`,
        ].join('\n'));
    }
    return s;
}

;// CONCATENATED MODULE: ./actions/verify-health/src/main.ts





/** Probes, judges and reports; a fail or an inconclusive verdict fails the step with its reason. */
async function run({ env, logger, setOutput, mask }) {
    const options = parseInputs(new lite/* InputReader */.i_(metadata_generated.metadata, env), mask);
    const result = await verifyHealth(options, { clock: lite/* systemClock */.ml, logger });
    const out = new lite/* OutputWriter */.PO(metadata_generated.metadata, setOutput);
    out.set('healthy', result.verdict === 'pass');
    out.set('verdict', result.verdict);
    out.set('reason', result.reason);
    out.set('error-rate', Number.isFinite(result.errorRate) ? Math.round(result.errorRate * 1e6) / 1e6 : '');
    out.set('p50', Number.isNaN(result.p50) ? '' : result.p50);
    out.set('p95', Number.isNaN(result.p95) ? '' : result.p95);
    out.set('p99', Number.isNaN(result.p99) ? '' : result.p99);
    out.set('report', { ...result, windows: result.windows.slice(-2000) });
    await healthSummary(result).write(env);
    logger.info(`verify-health: ${result.verdict}: ${result.reason}`);
    if (result.verdict === 'fail')
        throw new lite/* UserError */.yo(`unhealthy: ${result.reason}.`);
    if (result.verdict === 'inconclusive')
        throw new lite/* UserError */.yo(`inconclusive: ${result.reason}.`, {}, 'Raise duration or rate so there are enough samples to decide.');
}


/***/ }),

/***/ 17994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   metadata: () => (/* binding */ metadata)
/* harmony export */ });
/** verify-health's inputs and outputs as declared in action.yml. */
const metadata = {
    "name": "verify-health",
    "description": "Decides with evidence whether a deployed version is healthy: readiness probes, then a soak judged against error-rate and latency SLOs, with a verdict, a one-sentence reason and a report.",
    "inputs": {
        "url": {
            "description": "One or more http(s) URLs to probe, separated by commas or newlines.",
            "required": true
        },
        "method": {
            "description": "HTTP method of every probe.",
            "required": false,
            "default": "GET"
        },
        "headers": {
            "description": "Request headers, one `Name: value` per line. Values of Authorization, Cookie and *-Token/*-Key headers are masked in the log.",
            "required": false,
            "default": ""
        },
        "expect-status": {
            "description": "Status codes that count as healthy: codes, ranges and classes, such as 200,204 or 200-299 or 2xx.",
            "required": false,
            "default": "200-399"
        },
        "expect-body": {
            "description": "A regular expression the body must match.",
            "required": false,
            "default": ""
        },
        "expect-json": {
            "description": "Assertions on a JSON body, one per line, such as `status == \"ok\"` or `checks.db.healthy == true`.",
            "required": false,
            "default": ""
        },
        "timeout": {
            "description": "Time allowed for one probe to receive its whole answer, such as 5s.",
            "required": false,
            "default": "5s"
        },
        "wait": {
            "description": "Readiness phase: keep probing until every URL answers as expected, or until this runs out.",
            "required": false,
            "default": "60s"
        },
        "retry-delay": {
            "description": "Pause between readiness attempts; it doubles after each, up to 10s.",
            "required": false,
            "default": "1s"
        },
        "duration": {
            "description": "Soak phase after readiness: keep measuring for this long (0 means one good answer is enough).",
            "required": false,
            "default": "0s"
        },
        "rate": {
            "description": "Probes per second per URL during the soak, 1 to 1000.",
            "required": false,
            "default": "5"
        },
        "max-error-rate": {
            "description": "Error-rate SLO over the soak, as a percentage (1%) or a fraction (0.01).",
            "required": false,
            "default": "1%"
        },
        "max-p95": {
            "description": "p95 latency SLO over the soak, such as 300ms; empty means none.",
            "required": false,
            "default": ""
        },
        "max-p99": {
            "description": "p99 latency SLO over the soak, such as 800ms; empty means none.",
            "required": false,
            "default": ""
        },
        "interval": {
            "description": "Length of one judgement window during the soak; three breaching windows in a row fail the soak early.",
            "required": false,
            "default": "5s"
        },
        "baseline-url": {
            "description": "The same service at the known-good version, one or more URLs: during the soak the candidate is also judged against it (two-proportion test on errors, Mann-Whitney U on latency, sequential with a 1% overall false-alarm bound and a minimum effect size).",
            "required": false,
            "default": ""
        },
        "prometheus-url": {
            "description": "Prometheus server to query, such as http://prometheus:9090.",
            "required": false,
            "default": ""
        },
        "queries": {
            "description": "PromQL thresholds, one per line as `name: <PromQL> <op> <threshold>` with op <, <=, >, >= or ==; evaluated through /api/v1/query every interval during the soak (once without one). Every series must hold.",
            "required": false,
            "default": ""
        },
        "no-data": {
            "description": "What an empty query result or an unreachable Prometheus means: fail, pass or inconclusive.",
            "required": false,
            "default": "fail"
        },
        "insecure-tls": {
            "description": "Accept self-signed or otherwise unverifiable certificates.",
            "required": false,
            "default": "false"
        }
    },
    "outputs": {
        "healthy": {
            "description": "`true` when the verdict is pass, else `false`."
        },
        "verdict": {
            "description": "`pass`, `fail` or `inconclusive` (too few samples to decide; never a pass)."
        },
        "reason": {
            "description": "One sentence naming the check that decided, with the numbers."
        },
        "error-rate": {
            "description": "Error rate over the soak, as a fraction."
        },
        "p50": {
            "description": "Median latency over the soak, ms."
        },
        "p95": {
            "description": "95th-percentile latency over the soak, ms."
        },
        "p99": {
            "description": "99th-percentile latency over the soak, ms."
        },
        "report": {
            "description": "JSON: every check, the readiness attempts, failures by kind, sample counts and the per-window series."
        }
    }
};


/***/ })

};
