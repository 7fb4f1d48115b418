export const id = 7124;
export const ids = [7124];
export const modules = {

/***/ 97124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   metadata: () => (/* binding */ metadata)
/* harmony export */ });
/** security-scan's inputs and outputs as declared in action.yml. */
const metadata = {
    "name": "security-scan",
    "description": "Scans a repository or a built artifact for leaked secrets, vulnerable dependencies (OSV) and risky GitHub Actions workflows; writes SARIF 2.1.0 for code scanning and fails by a severity policy.",
    "inputs": {
        "path": {
            "description": "What to scan: a folder, or a .tar.gz built by build-artifact (scanned without extracting it); relative to the workspace, absolute, or ~/….",
            "required": false,
            "default": "."
        },
        "scanners": {
            "description": "Scanners to run, separated by commas or newlines: secrets, secrets-history, dependencies, workflows.",
            "required": false,
            "default": "secrets,dependencies,workflows"
        },
        "fail-on": {
            "description": "Lowest severity that fails the step: critical, high, medium, low, or none to never fail.",
            "required": false,
            "default": "high"
        },
        "baseline": {
            "description": "JSON file of accepted findings (by fingerprint): they are reported but never fail the step. Relative to the workspace, absolute, or ~/….",
            "required": false,
            "default": ""
        },
        "write-baseline": {
            "description": "Write a baseline of the current findings to this path: relative to the workspace, absolute, or ~/… (into the workspace, never through a link that leads out of it).",
            "required": false,
            "default": ""
        },
        "config": {
            "description": "Extra secret rules and allow-lists in the gitleaks TOML format (at most 1 MiB). Patterns use RE2 syntax, as in gitleaks: no lookarounds or backreferences. Relative to the workspace, absolute, or ~/….",
            "required": false,
            "default": ""
        },
        "osv-db": {
            "description": "Offline OSV data: a folder of OSV JSON records and/or per-ecosystem all.zip files (the GitHub Actions one lets the workflow scanner find known-vulnerable actions); one that holds no record fails the step. Relative to the workspace, absolute, or ~/…. Empty means querying the OSV API.",
            "required": false,
            "default": ""
        },
        "osv-api-url": {
            "description": "Base URL of the OSV API, used when osv-db is empty. User information in it (https://user:password@mirror) is sent as Basic authentication and masked in the log.",
            "required": false,
            "default": "https://api.osv.dev"
        },
        "history-since": {
            "description": "For secrets-history: a git revision; only lines added after it are scanned. Empty means the whole history.",
            "required": false,
            "default": ""
        },
        "sarif": {
            "description": "Where to write the SARIF file: relative to the workspace, absolute (a file in RUNNER_TEMP, say), or ~/… (into the workspace, never through a link that leads out of it); the JSON report goes beside it.",
            "required": false,
            "default": "slipway-security.sarif"
        }
    },
    "outputs": {
        "sarif-path": {
            "description": "Path of the SARIF file: relative to the workspace, or absolute when it lies outside it."
        },
        "report-path": {
            "description": "Path of the JSON report of every finding: relative to the workspace, or absolute when it lies outside it."
        },
        "findings": {
            "description": "Number of findings not accepted by the baseline."
        },
        "critical": {
            "description": "Critical findings not accepted by the baseline."
        },
        "high": {
            "description": "High findings not accepted by the baseline."
        },
        "medium": {
            "description": "Medium findings not accepted by the baseline."
        },
        "low": {
            "description": "Low findings not accepted by the baseline."
        },
        "new-findings": {
            "description": "Findings that are not in the baseline (all of them when there is no baseline)."
        },
        "passed": {
            "description": "`true` when no finding at or above fail-on is left after the baseline, else `false`."
        },
        "reason": {
            "description": "One sentence saying why the gate failed, or that it passed."
        }
    }
};


/***/ })

};
