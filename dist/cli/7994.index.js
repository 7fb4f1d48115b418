export const id = 7994;
export const ids = [7994];
export const modules = {

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
