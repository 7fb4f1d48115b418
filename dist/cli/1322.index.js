export const id = 1322;
export const ids = [1322,7124];
export const modules = {

/***/ 71322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: ./packages/security/src/index.ts + 58 modules
var src = __webpack_require__(56166);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./actions/security-scan/src/inputs.ts




const SCANNERS = ['secrets', 'secrets-history', 'dependencies', 'workflows'];
const FAIL_ON = ['critical', 'high', 'medium', 'low', 'none'];
/**
 * A path this action reads (a .tar.gz, the baseline, the config, the OSV data): `~/x` under HOME,
 * an absolute path as given, a relative one in the workspace that must not climb out of it. What
 * is there is checked when it is read (a regular file of bounded size, never a device or a pipe).
 */
function readPath(input, value, workspace, home) {
    if (value === '~' || value.startsWith('~/')) {
        if (!home)
            throw new lite/* UserError */.yo(`'${value}' starts with ~ but HOME is not set.`, { input }, 'Give an absolute path.');
        return (0,external_node_path_.join)(home, value.slice(1));
    }
    if ((0,external_node_path_.isAbsolute)(value))
        return (0,external_node_path_.resolve)(value);
    const abs = (0,external_node_path_.resolve)(workspace, value);
    const rel = (0,external_node_path_.relative)(workspace, abs);
    if (rel === '..' || rel.startsWith(`..${external_node_path_.sep}`))
        throw new lite/* UserError */.yo(`'${value}' points outside the workspace.`, { input }, 'Give a path inside the repository, or an absolute path.');
    return abs;
}
/** True when a regular file is there; a path that cannot even be looked at (too long, under a file) is not one. */
function isFile(path) {
    try {
        return (0,external_node_fs_.statSync)(path, { throwIfNoEntry: false })?.isFile() ?? false;
    }
    catch {
        return false;
    }
}
/**
 * Reads and validates every input. Each path may be relative to the workspace, absolute, or
 * under `~` (HOME); the files written (SARIF, report, baseline) never go through a link out of
 * the workspace when they are in it.
 */
function parseInputs(reader, workspace, home = (0,external_node_os_.homedir)()) {
    const rawPath = reader.raw('path') || '.';
    let target;
    if (/\.(tar\.gz|tgz)$/.test(rawPath)) {
        target = readPath('path', rawPath, workspace, home);
        if (!isFile(target))
            throw new lite/* UserError */.yo(`'${rawPath}' does not exist.`, { input: 'path' }, 'Give the artifact-path output of build-artifact, or a folder.');
    }
    else
        target = (0,lite/* workspaceFolder */.ih)('path', rawPath, workspace, { home }).abs;
    const scanners = reader.list('scanners');
    if (scanners.length === 0)
        throw new lite/* UserError */.yo('names no scanner.', { input: 'scanners' }, `Use one or more of: ${SCANNERS.join(', ')}.`);
    for (const s of scanners)
        if (!SCANNERS.includes(s))
            throw new lite/* UserError */.yo(`'${s}' is not a scanner.`, { input: 'scanners' }, `Use one or more of: ${SCANNERS.join(', ')}.`);
    const sarifValue = reader.raw('sarif') || 'slipway-security.sarif';
    const sarif = (0,lite/* userPath */.rZ)('sarif', sarifValue, workspace, home, 'file');
    const optionalRead = (input) => {
        const v = reader.optional(input);
        return v === undefined ? undefined : readPath(input, v, workspace, home);
    };
    const writeBaseline = reader.optional('write-baseline');
    const url = reader.raw('osv-api-url');
    if (url.length > 2048)
        throw new lite/* UserError */.yo(`is ${url.length} characters long, too long for a URL.`, { input: 'osv-api-url' });
    if (!/^https?:\/\/[^\s]+$/.test(url) || !URL.canParse(url))
        throw new lite/* UserError */.yo(`'${(0,lite/* redactCredentials */.UY)(url)}' is not an http(s) URL.`, { input: 'osv-api-url' }, 'Use https://api.osv.dev or your mirror.');
    const since = reader.optional('history-since');
    // A revision starting with '-' would reach git as an option (`-p`, `--output=…`).
    if (since !== undefined && (!/^[\w./~^@{}-]+$/.test(since) || since.startsWith('-')))
        throw new lite/* UserError */.yo(`'${since}' is not a git revision.`, { input: 'history-since' }, 'Use a commit SHA, tag or branch name.');
    return Object.freeze({
        target,
        scanners: Object.freeze([...new Set(scanners)]),
        failOn: reader.oneOf('fail-on', FAIL_ON),
        baseline: optionalRead('baseline'),
        writeBaseline: writeBaseline === undefined ? undefined : (0,lite/* userPath */.rZ)('write-baseline', writeBaseline, workspace, home, 'file'),
        config: optionalRead('config'),
        osvDb: optionalRead('osv-db'),
        osvApiUrl: url,
        historySince: since,
        sarif,
        // The report goes beside the SARIF file, so it must pass the same checks.
        report: (0,lite/* userPath */.rZ)('sarif', sarifValue.replace(/(\.sarif)?$/, '.report.json'), workspace, home, 'file'),
    });
}

// EXTERNAL MODULE: ./actions/security-scan/src/metadata.generated.ts
var metadata_generated = __webpack_require__(97124);
;// CONCATENATED MODULE: ./actions/security-scan/src/summary.ts


/** The job summary: the verdict, counts by scanner and severity, and the most severe findings. */
function scanSummary(result, stats, scanners) {
    const s = new lite/* SummaryBuilder */.CF().heading('security-scan');
    s.text(`${result.passed ? '✅ **passed**' : '❌ **failed**'}: ${result.reason}`);
    s.table(['scanner', ...src/* SEVERITIES */.oC, 'scanned'], scanners.map((sc) => [
        sc,
        ...src/* SEVERITIES */.oC.map((sev) => String(result.active.filter((f) => f.scanner === sc && f.severity === sev).length)),
        sc === 'secrets'
            ? `${stats.files} files, ${(stats.bytes / 1048576).toFixed(1)} MiB`
            : sc === 'dependencies'
                ? `${stats.packages} packages in ${stats.lockfiles} lockfiles${stats.osvRecords !== undefined ? `, ${stats.osvRecords} OSV records` : ''}${stats.osvApi ? `, OSV API at ${stats.osvApi}` : ''}`
                : sc === 'workflows'
                    ? `${stats.workflows} files`
                    : `${stats.commits} commits`,
    ]));
    const total = src/* SEVERITIES */.oC.reduce((n, sev) => n + result.counts[sev], 0);
    if (total > 0)
        s.mermaid([
            'pie showData title Findings by severity',
            ...src/* SEVERITIES */.oC.filter((sev) => result.counts[sev] > 0).map((sev) => `  "${sev}" : ${result.counts[sev]}`),
        ].join('\n'));
    const top = result.active.slice(0, 50);
    if (top.length)
        s.heading('Findings', 3).table(['severity', 'rule', 'where', 'finding'], top.map((f) => [f.severity, f.rule.id, `${f.file}:${f.line}`, f.message]));
    if (result.baselined)
        s.text(`${result.baselined} finding(s) accepted by the baseline are not counted.`);
    return s;
}

;// CONCATENATED MODULE: ./actions/security-scan/src/main.ts





/** How many annotations a run shows (most severe first); the rest are in SARIF and the report. */
const MAX_ANNOTATIONS = 50;
const WRITE_FAILURES = {
    EACCES: 'cannot be written (permission denied)',
    EPERM: 'cannot be written (permission denied)',
    EROFS: 'is on a read-only file system',
    EISDIR: 'is a folder',
    ENOTDIR: 'is under something that is not a folder',
    ENAMETOOLONG: 'has a name that is too long',
    ENOSPC: 'cannot be written: the disk is full',
    EEXIST: 'is under something that is not a folder',
};
/** Writes a file the user named; a failure the user can fix names the input. */
async function writeFor(input, path, write) {
    try {
        await write();
    }
    catch (err) {
        const why = WRITE_FAILURES[err.code ?? ''];
        if (!why)
            throw err;
        throw new lite/* UserError */.yo(`${path} ${why}.`, { input }, 'Give a path the job can write, inside the workspace.');
    }
}
/**
 * A mirror's URL may hold a password, and a careless value of any input may hold one too: the
 * runner hides them from every line printed after this, before anything is printed.
 */
function maskInputs(reader, mask) {
    for (const name of Object.keys(metadata_generated.metadata.inputs)) {
        const value = reader.raw(name);
        // Credentials live in URLs' user information; without '://' there is none to find, and the
        // search costs time on a long value.
        if (!value.includes('://'))
            continue;
        if (name === 'osv-api-url')
            (0,lite/* maskCredential */.kV)(value, mask);
        else
            for (const part of (0,lite/* credentialParts */.YY)(value))
                mask(part);
    }
}
/** Scans, writes SARIF and the report, annotates, summarises, and fails by the severity policy. */
async function run({ env, logger, setOutput, mask }, seams = {}) {
    const reader = new lite/* InputReader */.i_(metadata_generated.metadata, env);
    maskInputs(reader, mask);
    const workspace = (0,lite/* realWorkspace */.id)(env.GITHUB_WORKSPACE || process.cwd());
    const inputs = parseInputs(reader, workspace, env.HOME);
    // Relative to the workspace when inside it, else absolute (sarif in RUNNER_TEMP).
    const rel = (abs) => (0,lite/* shownPath */.pS)(abs, workspace);
    const custom = inputs.config ? (0,src/* loadGitleaksConfig */.Xw)(inputs.config) : undefined;
    const baseline = inputs.baseline ? (0,src/* readBaseline */.mF)(inputs.baseline) : undefined;
    const osv = inputs.osvDb
        ? { kind: 'offline', path: inputs.osvDb }
        : {
            kind: 'api',
            baseUrl: inputs.osvApiUrl,
            http: seams.http ?? fetch,
            clock: seams.clock ?? lite/* systemClock */.ml,
            ...(seams.osvTimeoutMs !== undefined ? { timeoutMs: seams.osvTimeoutMs } : {}),
        };
    const { findings, stats } = await (0,src/* scan */.SQ)({
        target: inputs.target,
        scanners: inputs.scanners,
        ...(custom ? { extraRules: custom.rules, allow: custom.allow } : {}),
        osv,
        ...(inputs.historySince ? { historySince: inputs.historySince } : {}),
    }, { exec: lite/* actionsExec */.dw, logger });
    findings.sort((a, b) => (0,src/* severityRank */.qs)(a.severity) - (0,src/* severityRank */.qs)(b.severity) ||
        (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    const result = (0,src/* gate */.Gj)(findings, baseline, inputs.failOn);
    let dropped = 0;
    await writeFor('sarif', inputs.sarif, async () => {
        dropped = await (0,src/* writeSarif */.lg)(inputs.sarif, result.active, inputs.scanners, '0.1.0');
    });
    if (dropped)
        logger.warning(`security-scan: ${dropped} low-severity results were left out of the SARIF file to stay within GitHub's limits; the report has them all.`);
    const reportPath = inputs.report;
    await writeFor('sarif', reportPath, () => (0,lite/* writeFileAtomic */.Zf)(reportPath, `${JSON.stringify({ version: 1, target: rel(inputs.target), scanners: inputs.scanners, stats, counts: result.counts, passed: result.passed, reason: result.reason, findings: findings.map((f) => ({ scanner: f.scanner, rule: f.rule.id, severity: f.severity, message: f.message, file: f.file, line: f.line, fingerprint: f.fingerprint, baselined: baseline?.has(f.fingerprint) ?? false })) }, null, 2)}\n`));
    const baselinePath = inputs.writeBaseline;
    if (baselinePath)
        await writeFor('write-baseline', baselinePath, () => (0,src/* writeBaseline */.B9)(baselinePath, findings));
    const annotated = inputs.target === workspace ? '' : `${rel(inputs.target)}/`;
    for (const f of result.active.slice(0, MAX_ANNOTATIONS)) {
        const props = {
            file: f.file.includes('!/') ? rel(inputs.target) : annotated + f.file,
            startLine: f.line,
            title: `${f.severity}: ${f.rule.name}`,
        };
        if ((0,src/* severityRank */.qs)(f.severity) <= 1)
            logger.error(f.message, props);
        else
            logger.warning(f.message, props);
    }
    if (result.active.length > MAX_ANNOTATIONS)
        logger.info(`security-scan: ${result.active.length - MAX_ANNOTATIONS} more findings are in the SARIF file and the report.`);
    const out = new lite/* OutputWriter */.PO(metadata_generated.metadata, setOutput);
    out.set('sarif-path', rel(inputs.sarif));
    out.set('report-path', rel(reportPath));
    out.set('findings', result.active.length);
    out.set('critical', result.counts.critical);
    out.set('high', result.counts.high);
    out.set('medium', result.counts.medium);
    out.set('low', result.counts.low);
    out.set('new-findings', result.newFindings);
    out.set('passed', result.passed);
    out.set('reason', result.reason);
    await scanSummary(result, stats, inputs.scanners).write(env);
    logger.info(`security-scan: ${result.reason}`);
    if (!result.passed)
        throw new lite/* UserError */.yo(result.reason, { input: 'fail-on' }, 'Fix the findings, or accept them in a baseline.');
}


/***/ }),

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
