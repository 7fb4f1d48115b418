export const id = 136;
export const ids = [136,7994];
export const modules = {

/***/ 60136:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: ./packages/health/src/index.ts + 12 modules
var src = __webpack_require__(61202);
;// CONCATENATED MODULE: ./actions/verify-health/src/inputs.ts


const SENSITIVE = /^(authorization|proxy-authorization|cookie|set-cookie)$|-(token|key|secret)$/i;
/** What Node will write in a header value: tab and Latin-1 text without control characters. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const MAX_HEADER_LINE = 16 * 1024;
/** Longer URLs are refused unread: no server takes them, and they are never quoted. */
const MAX_URL_LENGTH = 8192;
/**
 * Parses `Name: value` lines, masking the values of credential headers before anything logs them.
 * Errors name the line by number and never quote it: a line without its colon may be a credential.
 */
function parseHeaders(text, mask) {
    const headers = {};
    const lines = text.split(/\r?\n/);
    for (const [i, raw] of lines.entries()) {
        const line = raw.trim();
        if (line === '')
            continue;
        // Servers refuse far shorter headers; the cap also bounds the credential scan below.
        if (line.length > MAX_HEADER_LINE)
            throw new lite/* UserError */.yo(`line ${i + 1} is ${line.length} characters long, more than ${MAX_HEADER_LINE}.`, { input: 'headers' }, 'Send large values in the request body of a dedicated health endpoint instead.');
        // The value runs to the end of the line, a stray carriage return included, so that the check below sees it.
        const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*([\s\S]*)$/.exec(line);
        if (!m) {
            // `Authorization Bearer tok_…` lost its colon: its token is still a secret.
            for (const part of (0,lite/* credentialParts */.YY)(line))
                mask(part);
            throw new lite/* UserError */.yo(`line ${i + 1} is not a header line (it is not shown, as it may hold a credential).`, { input: 'headers' }, 'Write one header per line as Name: value, the name made of letters, digits and -.');
        }
        const name = m[1];
        const value = m[2];
        if (SENSITIVE.test(name))
            (0,lite/* maskCredential */.kV)(value, mask);
        if (!HEADER_VALUE.test(value))
            throw new lite/* UserError */.yo(`line ${i + 1}: the value of ${name} holds a character an HTTP header cannot carry.`, { input: 'headers' }, 'Header values are Latin-1 text without control characters; percent-encode or base64 anything else, as the server expects.');
        headers[name] = value;
    }
    return headers;
}
/**
 * Masks the credentials a URL carries (`https://user:pass@host`) before anything can print it:
 * the URL as written and normalised, and its password (or lone username) encoded and decoded.
 * Pieces shorter than 3 characters are left alone, as maskCredential does: masking `x` would hide
 * every x in the log. They are still never shown, as every URL is printed redacted.
 */
function maskUrlCredentials(text, mask) {
    const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(text);
    if (!userinfo)
        return;
    const info = userinfo[1];
    const secret = info.includes(':') ? info.slice(info.indexOf(':') + 1) : info;
    const pieces = new Set([text, secret, decodeSafe(secret)]);
    try {
        const href = new URL(text).href;
        pieces.add(href);
        for (const part of (0,lite/* credentialParts */.YY)(href))
            pieces.add(part);
    }
    catch {
        // not a URL: the pieces above are all there is
    }
    for (const piece of pieces)
        if (piece.length >= 3)
            mask(piece);
}
function decodeSafe(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/** Validates the URLs: http or https only, each parseable; credentials in them are masked first. */
function parseUrls(list, input, mask) {
    if (list.length === 0)
        throw new lite/* UserError */.yo('is required but empty.', { input }, 'Give the URL of the health endpoint, such as https://app.example.com/healthz.');
    for (const u of list)
        if (u.length > MAX_URL_LENGTH)
            throw new lite/* UserError */.yo(`names a URL of ${u.length} characters, more than ${MAX_URL_LENGTH}.`, { input }, 'Give the URL of a health endpoint.');
    for (const u of list)
        maskUrlCredentials(u, mask);
    return list.map((u) => {
        let parsed;
        try {
            parsed = new URL(u);
        }
        catch {
            throw new lite/* UserError */.yo(`'${(0,src/* displayUrl */.Qy)(u)}' is not a URL.`, { input }, 'Write a full URL such as https://app.example.com/healthz.');
        }
        if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
            throw new lite/* UserError */.yo(`'${(0,src/* displayUrl */.Qy)(u)}' uses ${parsed.protocol.replace(':', '')}, which is not supported.`, { input }, 'Use http or https.');
        return parsed.toString();
    });
}
/** The Prometheus base URL: no query or fragment, which the API path would land inside. */
function prometheusBase(url) {
    const parsed = new URL(url);
    if (parsed.search || parsed.hash)
        throw new lite/* UserError */.yo(`'${(0,src/* displayUrl */.Qy)(url)}' has a query or fragment.`, { input: 'prometheus-url' }, 'Give the server only, such as http://prometheus:9090 or https://example.com/prometheus.');
    return url.replace(/\/+$/, '');
}
/** Reads and validates every input into the options of verifyHealth. */
function parseInputs(reader, mask) {
    // URLs first: their credentials are masked before any other input's error can be printed.
    // url may be empty when queries judge alone; checkSubject below says what is missing.
    const urlList = reader.list('url');
    const urls = urlList.length ? parseUrls(urlList, 'url', mask) : [];
    const baseline = reader.list('baseline-url');
    const baselineUrls = baseline.length ? parseUrls(baseline, 'baseline-url', mask) : undefined;
    const promUrl = reader.optional('prometheus-url');
    const promBase = promUrl ? prometheusBase(parseUrls([promUrl], 'prometheus-url', mask)[0]) : undefined;
    const method = reader.raw('method').toUpperCase();
    if (!/^[A-Z]+$/.test(method))
        throw new lite/* UserError */.yo(`'${method}' is not an HTTP method.`, { input: 'method' }, 'Use GET, HEAD or another method name.');
    // CONNECT answers with a tunnel, not a response: every probe would wait for its timeout.
    if (method === 'CONNECT')
        throw new lite/* UserError */.yo('CONNECT opens a tunnel and gets no answer to judge.', { input: 'method' }, 'Use GET or HEAD.');
    const optionalDuration = (input) => reader.optional(input) === undefined ? undefined : reader.duration(input, { min: 1 });
    const maxP95Ms = optionalDuration('max-p95');
    const maxP99Ms = optionalDuration('max-p99');
    const expectBody = (0,src/* parseBodyRegex */.R$)(reader.optional('expect-body'));
    const expectJson = (0,src/* parseJsonAssertions */.ji)(reader.raw('expect-json'));
    const queries = (0,src/* parseQueries */.S0)(reader.raw('queries'));
    const noData = reader.oneOf('no-data', ['fail', 'pass', 'inconclusive']);
    if (queries.length && !promBase)
        throw new lite/* UserError */.yo('are set but prometheus-url is empty.', { input: 'queries' }, 'Set prometheus-url to the Prometheus server to query.');
    const prometheus = promBase ? { url: promBase, queries, noData, http: fetch } : undefined;
    if (prometheus && queries.length === 0)
        throw new lite/* UserError */.yo('is set but queries is empty.', { input: 'prometheus-url' }, 'Add queries such as errors: <PromQL> < 0.05.');
    (0,src/* checkSubject */.jj)({ urls: urls.length, baselineUrls: baselineUrls?.length ?? 0, queries: queries.length });
    const rate = reader.integer('rate', { min: 1, max: 1000 });
    const durationMs = reader.duration('duration', { max: 6 * 3_600_000 });
    (0,src/* checkLoad */.Rl)({ urls: urls.length, baselineUrls: baselineUrls?.length ?? 0, rate, durationMs });
    return Object.freeze({
        urls,
        spec: {
            method,
            headers: parseHeaders(reader.raw('headers'), mask),
            timeoutMs: reader.duration('timeout', { min: 1, max: 600_000 }),
            expectStatus: (0,src/* parseStatusRanges */.C2)(reader.raw('expect-status')),
            ...(expectBody ? { expectBody } : {}),
            expectJson,
            insecureTls: reader.boolean('insecure-tls'),
        },
        waitMs: reader.duration('wait', { max: 6 * 3_600_000 }),
        retryDelayMs: reader.duration('retry-delay', { min: 1, max: 600_000 }),
        durationMs,
        rate,
        maxErrorRate: reader.rate('max-error-rate'),
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

/** The summary: the verdict, a table of checks, and latency and error rate over the soak (when there were probes). */
function healthSummary(r) {
    const icon = r.verdict === 'pass' ? '✅' : r.verdict === 'fail' ? '❌' : '⚠️';
    // The reason and the observations can quote a server (Prometheus' error text): as HTML they must stay text.
    const s = new lite/* SummaryBuilder */.CF().heading('verify-health').text(`${icon} **${r.verdict}**: ${(0,lite/* escapeHtml */.ZD)(r.reason)}`);
    // Said outright, so that a reader does not look for the probes that a metrics-only run never sent.
    if (r.readiness.skipped)
        s.text(`Readiness skipped: ${r.readiness.skipped}.`);
    s.table(['check', 'observed', 'threshold', 'result'], r.checks.map((c) => [c.name, (0,lite/* escapeHtml */.ZD)(c.observed), (0,lite/* escapeHtml */.ZD)(c.threshold), c.passed ? 'pass' : 'fail']));
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
    const result = await (0,src.verifyHealth)(options, { clock: lite/* systemClock */.ml, logger });
    const out = new lite/* OutputWriter */.PO(metadata_generated.metadata, setOutput);
    out.set('healthy', result.verdict === 'pass');
    out.set('verdict', result.verdict);
    out.set('reason', result.reason);
    out.set('error-rate', Number.isFinite(result.errorRate) ? Math.round(result.errorRate * 1e6) / 1e6 : '');
    out.set('p50', Number.isNaN(result.p50) ? '' : result.p50);
    out.set('p95', Number.isNaN(result.p95) ? '' : result.p95);
    out.set('p99', Number.isNaN(result.p99) ? '' : result.p99);
    // A long soak at a short interval has thousands of windows and evaluations: the last ones keep
    // the report within an output's limits.
    const queries = result.queries?.slice(-2000);
    out.set('report', { ...result, windows: result.windows.slice(-2000), ...(queries ? { queries } : {}) });
    await healthSummary(result).write(env);
    logger.info(`verify-health: ${result.verdict}: ${result.reason}`);
    if (result.verdict === 'fail')
        throw new lite/* UserError */.yo(`unhealthy: ${result.reason}.`);
    if (result.verdict === 'inconclusive')
        throw new lite/* UserError */.yo(`inconclusive: ${result.reason}.`, {}, 
        // Without probes, only a query's missing data can leave the verdict open.
        result.readiness.skipped
            ? 'Check that each query returns data (its PromQL, and that Prometheus scrapes the service), or set no-data.'
            : 'Raise duration or rate so there are enough samples to decide.');
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
            "description": "One or more http(s) URLs to probe, separated by commas or newlines; at most 100 together with baseline-url. A password in a URL (https://user:pass@host) is masked and shown as ***. May be empty when prometheus-url and queries are given: readiness is then skipped and the verdict comes from the queries alone.",
            "required": false,
            "default": ""
        },
        "method": {
            "description": "HTTP method of every probe.",
            "required": false,
            "default": "GET"
        },
        "headers": {
            "description": "Request headers, one `Name: value` per line, values in Latin-1. Values of Authorization, Cookie and *-Token/*-Key headers are masked in the log.",
            "required": false,
            "default": ""
        },
        "expect-status": {
            "description": "Status codes that count as healthy: codes, ranges and classes, such as 200,204 or 200-299 or 2xx.",
            "required": false,
            "default": "200-399"
        },
        "expect-body": {
            "description": "A regular expression the body must match, in RE2 syntax (linear time: no lookarounds or backreferences). At most the first 1 MiB of a body is read; a longer body fails the probe as too-large.",
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
            "description": "Soak phase after readiness: keep measuring for this long (0 means one good answer is enough); at most 6h, and at most 2,000,000 probes in all (URLs × rate × duration). Without url, how long the queries are evaluated (once when 0).",
            "required": false,
            "default": "0s"
        },
        "rate": {
            "description": "Probes per second per URL during the soak, 1 to 1000. All URLs together, baselines included, may send at most 5000 requests per second (URLs × rate ≤ 5000).",
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
            "description": "Length of one judgement window during the soak, and the time between query evaluations; three breaching windows (or evaluations of one query) in a row fail the soak early.",
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
            "description": "Error rate over the soak, as a fraction; empty without url."
        },
        "p50": {
            "description": "Median latency over the soak, ms; empty without url."
        },
        "p95": {
            "description": "95th-percentile latency over the soak, ms; empty without url."
        },
        "p99": {
            "description": "99th-percentile latency over the soak, ms; empty without url."
        },
        "report": {
            "description": "JSON: every check, the readiness attempts (or why readiness was skipped), failures by kind, sample counts, the per-window series and every query evaluation."
        }
    }
};


/***/ })

};
