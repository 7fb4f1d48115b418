export const id = 174;
export const ids = [174,754];
export const modules = {

/***/ 10577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TL: () => (/* binding */ parseInputs),
/* harmony export */   fj: () => (/* binding */ parseHealthPath),
/* harmony export */   hu: () => (/* binding */ parseTarget)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36740);
/* harmony import */ var _slipway_deploy__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(85014);
// deploy-canary's inputs, read once into a typed plan. Path inputs take what people write:
// an absolute path (`${{ runner.temp }}/app.tar.gz`), `~/…`, or a path inside the workspace.



const HOUR = 60 * 60 * 1000;
/** A command line for /bin/sh: one line of printable text (a newline would hide a second command in the log). */
function command(inputs, name) {
    const value = inputs.optional(name);
    if (value === undefined)
        return undefined;
    if (/[\0\r]/.test(value))
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('holds a NUL or carriage-return character.', { input: name }, 'Give a plain shell command.');
    if (value.length > 8192)
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`is ${value.length} characters long; at most 8192.`, { input: name });
    return value;
}
/** The run this deploy belongs to, for the ledger and the lock (`<run id>-<attempt>`, or local). */
function runIdentity(env) {
    const id = env.GITHUB_RUN_ID
        ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT || '1'}`
        : `local-${process.pid}-${Date.now()}`;
    const where = env.GITHUB_REPOSITORY ? `${env.GITHUB_REPOSITORY} run ${env.GITHUB_RUN_ID}` : `pid ${process.pid}`;
    return { runId: id, owner: `deploy-canary (${where}${env.GITHUB_JOB ? `, job ${env.GITHUB_JOB}` : ''})` };
}
/** The inputs deploy-canary and rollback share: provider, environment, state-dir and the provider's own. */
function parseTarget(inputs, env) {
    const workspace = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(env.GITHUB_WORKSPACE || process.cwd());
    const provider = inputs.raw('provider');
    if (!(0,_slipway_deploy__WEBPACK_IMPORTED_MODULE_2__/* .routerNames */ .sF)().includes(provider))
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`'${provider.slice(0, 40)}' is not a provider.`, { input: 'provider' }, `Use one of: ${(0,_slipway_deploy__WEBPACK_IMPORTED_MODULE_2__/* .routerNames */ .sF)().join(', ')}.`);
    const environment = inputs.raw('environment');
    const stateDir = (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__/* .userPath */ .rZ)('state-dir', inputs.required('state-dir'), workspace, env.HOME, 'folder');
    (0,_slipway_deploy__WEBPACK_IMPORTED_MODULE_2__/* .environmentDir */ .Fw)(stateDir, environment);
    const settings = {};
    for (const name of _slipway_deploy__WEBPACK_IMPORTED_MODULE_2__/* .PROVIDER_SETTINGS */ .eu) {
        if (!inputs.declares(name))
            continue;
        const value = inputs.raw(name);
        settings[name] =
            value && _slipway_deploy__WEBPACK_IMPORTED_MODULE_2__/* .PROVIDER_PATH_SETTINGS */ .g0.includes(name) ? (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__/* .userPath */ .rZ)(name, value, workspace, env.HOME, 'file') : value;
    }
    return { provider, environment, stateDir, workspace, settings };
}
/** A path such as /healthz. */
function parseHealthPath(inputs) {
    const healthPath = inputs.raw('health-path');
    if (!/^\/[\x21-\x7e]*$/.test(healthPath) || healthPath.length > 2048)
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`'${healthPath.slice(0, 80)}' is not a path.`, { input: 'health-path' }, 'Write a path starting with /, such as /healthz.');
    return healthPath;
}
/** Every input, checked, as the controller's plan. */
function parseInputs(inputs, env) {
    const { provider, environment, stateDir, workspace, settings } = parseTarget(inputs, env);
    const artifact = (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__/* .userPath */ .rZ)('artifact', inputs.required('artifact'), workspace, env.HOME);
    const healthPath = parseHealthPath(inputs);
    const frontDoorUrl = inputs.raw('front-door-url');
    if (frontDoorUrl && !URL.canParse(frontDoorUrl))
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('is not a URL.', { input: 'front-door-url' }, 'Write the address users reach, such as https://app.example.com.');
    const version = inputs.raw('version');
    if (version && !/^[A-Za-z0-9._+-]{1,64}$/.test(version))
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`'${version.slice(0, 80)}' is not a version.`, { input: 'version' }, 'Use 1 to 64 letters, digits, dots, dashes, plus signs or underscores.');
    const hooks = {
        preDeploy: command(inputs, 'pre-deploy-command'),
        confirmPromotion: command(inputs, 'confirm-promotion-command'),
        postPromote: command(inputs, 'post-promote-command'),
        onRollback: command(inputs, 'on-rollback-command'),
    };
    return {
        provider,
        environment,
        stateDir,
        workspace,
        artifact,
        version,
        startCommand: command(inputs, 'start-command') ?? '',
        healthPath,
        steps: (0,_slipway_deploy__WEBPACK_IMPORTED_MODULE_2__/* .parseSteps */ .$i)(inputs.raw('steps')),
        stepAnalysisMs: inputs.duration('step-analysis', { min: 1000, max: 6 * HOUR }),
        minRequests: inputs.integer('min-requests', { min: 0, max: 10_000_000 }),
        maxErrorRate: inputs.rate('max-error-rate'),
        autoPromote: inputs.boolean('auto-promote'),
        drainMs: inputs.duration('drain', { min: 0, max: HOUR }),
        readyTimeoutMs: inputs.duration('ready-timeout', { min: 1000, max: HOUR }),
        hooks: Object.fromEntries(Object.entries(hooks).filter(([, v]) => v !== undefined)),
        hookTimeoutMs: inputs.duration('hook-timeout', { min: 1000, max: 6 * HOUR }),
        confirmTimeoutMs: inputs.duration('confirm-timeout', { min: 0, max: 6 * HOUR }),
        settings,
        frontDoorUrl,
        ...runIdentity(env),
        gitRef: env.GITHUB_SHA || '',
        audit: {
            ...(env.GITHUB_ACTOR ? { actor: env.GITHUB_ACTOR } : {}),
            ...(env.GITHUB_SHA ? { commit: env.GITHUB_SHA } : {}),
        },
    };
}


/***/ }),

/***/ 76316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ parseReporting)
/* harmony export */ });
/* harmony import */ var _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(36740);
/* harmony import */ var _slipway_deploy__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85014);
// Who else hears about a rollout: GitHub's Deployments API and the alert webhook. Shared by
// deploy-canary and rollback; both are optional and neither can fail the step.


/** Reads github-token and notify-webhook (masking both before anything can log them). */
function parseReporting(inputs, env, logger, mask) {
    // Outside a runner (the CLI, a local run) the default `${{ github.token }}` arrives unexpanded: no token.
    const given = inputs.raw('github-token');
    const token = /^\$\{\{[^}]*\}\}$/.test(given) ? '' : given;
    const webhook = inputs.raw('notify-webhook');
    if (token)
        mask(token);
    if (webhook)
        mask(webhook);
    if (webhook && !/^https?:\/\/[^\s]+$/.test(webhook))
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('is not an http(s) URL (it is not shown: it is a secret).', { input: 'notify-webhook' }, 'Give the incoming webhook URL your chat service issued.');
    if (/\s/.test(token))
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('holds whitespace (it is not shown: it is a secret).', { input: 'github-token' }, 'Pass the token alone, such as ${{ github.token }}.');
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const runUrl = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : '';
    const deployments = token && env.GITHUB_REPOSITORY
        ? (0,_slipway_deploy__WEBPACK_IMPORTED_MODULE_1__/* .githubDeployments */ .Sv)({
            token,
            repository: env.GITHUB_REPOSITORY,
            apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
            logger,
            ...(runUrl ? { runUrl } : {}),
        })
        : (0,_slipway_deploy__WEBPACK_IMPORTED_MODULE_1__/* .noDeployments */ .w6)(logger, token
            ? 'GITHUB_REPOSITORY is not set: deployments are recorded in the ledger only'
            : 'no github-token: deployments are recorded in the ledger only');
    return {
        deployments,
        runUrl,
        alert: async (message) => webhook ? (0,_slipway_deploy__WEBPACK_IMPORTED_MODULE_1__/* .notifyWebhook */ .he)(webhook, { ...message, ...(runUrl ? { runUrl } : {}) }, { logger }) : false,
    };
}


/***/ }),

/***/ 62174:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: ./actions/deploy-canary/src/inputs.ts
var src_inputs = __webpack_require__(10577);
// EXTERNAL MODULE: ./actions/deploy-canary/src/reporting.ts
var src_reporting = __webpack_require__(76316);
// EXTERNAL MODULE: ./packages/deploy/src/index.ts + 34 modules
var src = __webpack_require__(85014);
// EXTERNAL MODULE: ./actions/rollback/src/metadata.generated.ts
var metadata_generated = __webpack_require__(46754);
;// CONCATENATED MODULE: ./actions/rollback/src/summary.ts

const ICON = { 'rolled-back': '↩️', noop: '➖', failed: '❌' };
/** The result and reason first, then what replaced what, how fast, and whether it answers. */
function rollbackSummary(environment, o, verified) {
    return new lite/* SummaryBuilder */.CF()
        .heading(`rollback: ${environment}`)
        .text(`${ICON[o.result]} **${o.result}**: ${(0,lite/* escapeHtml */.ZD)(o.reason)}`)
        .table(['restored', 'replaced', 'took', 'readiness'], [
        [
            o.restoredRelease || '–',
            o.replacedRelease || '–',
            `${o.durationMs} ms`,
            (0,lite/* escapeHtml */.ZD)(verified || 'not checked'),
        ],
    ]);
}

;// CONCATENATED MODULE: ./actions/rollback/src/main.ts






/** Rolls back; `failed` (or a restored release that does not answer) fails the step after every output is set. */
async function run({ env, logger, setOutput, mask }) {
    const out = new lite/* OutputWriter */.PO(metadata_generated.metadata, setOutput);
    let outcome;
    try {
        const inputs = new lite/* InputReader */.i_(metadata_generated.metadata, env);
        const reporting = (0,src_reporting/* parseReporting */.u)(inputs, env, logger, mask);
        const target = (0,src_inputs/* parseTarget */.hu)(inputs, env);
        const to = inputs.raw('to');
        if (!/^[A-Za-z0-9._+-]{1,128}$/.test(to))
            throw new lite/* UserError */.yo(`'${to.slice(0, 80)}' is not a release id.`, { input: 'to' }, 'Use previous or a release id from the ledger (slipway status lists them).');
        const reason = inputs.raw('reason');
        if (reason.length > 1000)
            throw new lite/* UserError */.yo(`is ${reason.length} characters long; at most 1000.`, { input: 'reason' });
        const healthPath = (0,src_inputs/* parseHealthPath */.fj)(inputs);
        const readyTimeoutMs = inputs.duration('ready-timeout', { min: 1000, max: 60 * 60 * 1000 });
        const verify = inputs.boolean('verify');
        const drainMs = inputs.duration('drain', { min: 0, max: 60 * 60 * 1000 });
        const runId = env.GITHUB_RUN_ID
            ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT || '1'}-rollback`
            : `local-rollback-${process.pid}-${Date.now()}`;
        const seams = { clock: lite/* systemClock */.ml, logger, exec: lite/* actionsExec */.dw, env, selfCommand: (0,src/* selfCommand */.ee)(env) };
        outcome = await (0,src/* rollback */.dU)({
            ...target,
            to,
            reason: reason.replace(/[\r\n]+/g, ' '),
            runId,
            owner: `rollback (${env.GITHUB_REPOSITORY ? `${env.GITHUB_REPOSITORY} run ${env.GITHUB_RUN_ID}` : `pid ${process.pid}`})`,
            healthPath,
            readyTimeoutMs,
            drainMs,
            audit: {
                ...(env.GITHUB_ACTOR ? { actor: env.GITHUB_ACTOR } : {}),
                ...(env.GITHUB_SHA ? { commit: env.GITHUB_SHA } : {}),
            },
        }, seams);
        let verified = '';
        if (verify && outcome.result !== 'failed' && outcome.restoredUpstream) {
            const { verifyHealth } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 61202));
            const check = await verifyHealth({
                urls: [`${outcome.restoredUpstream}${healthPath}`],
                spec: {
                    method: 'GET',
                    headers: {},
                    timeoutMs: 5000,
                    expectStatus: (s) => s >= 200 && s < 400,
                    insecureTls: false,
                },
                waitMs: readyTimeoutMs,
                retryDelayMs: 500,
                durationMs: 0,
                rate: 1,
                maxErrorRate: 0.01,
                intervalMs: 1000,
            }, { clock: lite/* systemClock */.ml, logger });
            verified = check.verdict === 'pass' ? 'verified' : `NOT VERIFIED: ${check.reason}`;
            if (check.verdict !== 'pass')
                outcome = {
                    ...outcome,
                    result: 'failed',
                    reason: `${outcome.reason}; the restored release does not answer: ${check.reason}`,
                };
        }
        out.set('result', outcome.result);
        out.set('restored-release', outcome.restoredRelease);
        out.set('replaced-release', outcome.replacedRelease);
        out.set('duration-ms', outcome.durationMs);
        out.set('reason', outcome.reason);
        await rollbackSummary(target.environment, outcome, verified).write(env);
        if (outcome.result !== 'noop') {
            // A rollback is a deployment of the restored release, on GitHub as in the ledger.
            const d = reporting.deployments;
            if (outcome.restoredRelease)
                await d.start({
                    ref: env.GITHUB_SHA || outcome.restoredRelease,
                    environment: target.environment,
                    releaseId: outcome.restoredRelease,
                    version: outcome.restoredRelease,
                    description: `rollback to ${outcome.restoredRelease}`,
                });
            if (outcome.result === 'rolled-back')
                await d.succeeded(inputs.raw('front-door-url') || '', outcome.reason);
            else
                await d.failed(outcome.reason);
            await reporting.alert({
                kind: outcome.result,
                environment: target.environment,
                release: outcome.replacedRelease,
                previousRelease: outcome.restoredRelease,
                reason: outcome.reason,
            });
        }
        logger.info(`rollback: ${outcome.result} in ${outcome.durationMs} ms: ${outcome.reason}`);
    }
    catch (err) {
        out.set('result', 'failed');
        out.set('reason', (0,lite/* isUserError */.iU)(err) ? err.describe() : `internal error: ${(0,lite/* errorMessage */.gJ)(err)}`);
        throw err;
    }
    if (outcome.result === 'failed')
        throw new lite/* UserError */.yo(`failed: ${outcome.reason}.`);
}


/***/ }),

/***/ 46754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   metadata: () => (/* binding */ metadata)
/* harmony export */ });
/** rollback's inputs and outputs as declared in action.yml. */
const metadata = {
    "name": "rollback",
    "description": "Restores the last known-good release of an environment in seconds: aborts a canary in flight, or switches traffic back to a release the host still keeps (starting it again from its folder when its process is gone), records the rollback in the ledger and checks the restored release answers.",
    "inputs": {
        "provider": {
            "description": "Traffic router, as deploy-canary: local, haproxy, nginx or command.",
            "required": false,
            "default": "local"
        },
        "environment": {
            "description": "Environment name, as deploy-canary.",
            "required": false,
            "default": "production"
        },
        "state-dir": {
            "description": "deploy-canary's state folder (ledger, locks, releases). Absolute, ~/…, or relative to the workspace.",
            "required": false,
            "default": "~/.slipway"
        },
        "to": {
            "description": "previous (the newest release that was stable before the current one; a canary in flight is aborted instead), or a release id from the ledger.",
            "required": false,
            "default": "previous"
        },
        "reason": {
            "description": "Why: recorded in the ledger and the summary.",
            "required": false,
            "default": ""
        },
        "verify": {
            "description": "After switching, probe the restored release's health-path until it answers (verify-health's readiness check); a failure fails the step loudly.",
            "required": false,
            "default": "true"
        },
        "health-path": {
            "description": "Path probed on the restored release.",
            "required": false,
            "default": "/healthz"
        },
        "ready-timeout": {
            "description": "How long a restored release (started again, or checked by verify) has to answer health-path.",
            "required": false,
            "default": "60s"
        },
        "drain": {
            "description": "How long the replaced release keeps serving in-flight requests before it is stopped.",
            "required": false,
            "default": "5s"
        },
        "listen": {
            "description": "The local provider's front door, host:port, as deploy-canary.",
            "required": false,
            "default": "127.0.0.1:8080"
        },
        "front-door-url": {
            "description": "The URL users reach the service at, shown on GitHub's deployment and in alerts.",
            "required": false,
            "default": ""
        },
        "haproxy-socket": {
            "description": "HAProxy's runtime API socket (haproxy provider).",
            "required": false,
            "default": ""
        },
        "haproxy-backend": {
            "description": "The HAProxy backend holding the servers named stable and canary (haproxy provider).",
            "required": false,
            "default": ""
        },
        "nginx-upstream-file": {
            "description": "The upstream file slipway owns (nginx provider). Absolute, ~/…, or relative to the workspace.",
            "required": false,
            "default": ""
        },
        "nginx-reload-command": {
            "description": "How to reload nginx (nginx provider).",
            "required": false,
            "default": "nginx -s reload"
        },
        "nginx-test-command": {
            "description": "How to test nginx's configuration before each reload; empty runs nginx -t with the reload command's -c and -p options.",
            "required": false,
            "default": ""
        },
        "deploy-command": {
            "description": "command provider: run once before a canary's first weight change, to put the release on the platform. Runs through /bin/sh with SLIPWAY_RELEASE, SLIPWAY_VERSION, SLIPWAY_WEIGHT, SLIPWAY_ENVIRONMENT, SLIPWAY_PREVIOUS_RELEASE and SLIPWAY_OPERATION.",
            "required": false,
            "default": ""
        },
        "set-weight-command": {
            "description": "command provider (required with it): send SLIPWAY_WEIGHT percent of traffic to SLIPWAY_RELEASE and the rest to SLIPWAY_PREVIOUS_RELEASE.",
            "required": false,
            "default": ""
        },
        "promote-command": {
            "description": "command provider: make the canary the only release; empty runs set-weight-command with weight 100.",
            "required": false,
            "default": ""
        },
        "abort-command": {
            "description": "command provider: send all traffic back to stable; empty runs set-weight-command.",
            "required": false,
            "default": ""
        },
        "status-command": {
            "description": "command provider: print live traffic per release as JSON ({\"<release>\": {\"requests\": n, \"errors\": n}}) for the analysis; empty judges on health probes alone.",
            "required": false,
            "default": ""
        },
        "command-timeout": {
            "description": "command provider: time allowed to each of its commands, such as 5m.",
            "required": false,
            "default": "5m"
        },
        "github-token": {
            "description": "Token for GitHub's Deployments API (the job needs permissions: deployments: write); the rollout shows on the repository's Environments page. Empty records in the ledger only. Masked.",
            "required": false,
            "default": "${{ github.token }}"
        },
        "notify-webhook": {
            "description": "A Slack-compatible incoming webhook URL (Slack, or the Slack-compatible endpoints of Teams and Discord): one message on a rollback or a failed deploy. Masked; a failed delivery is a warning and never blocks the rollback.",
            "required": false,
            "default": ""
        }
    },
    "outputs": {
        "result": {
            "description": "`rolled-back`, `noop` (the target is already live) or `failed`; failed fails the step."
        },
        "restored-release": {
            "description": "The release now taking all traffic."
        },
        "replaced-release": {
            "description": "The release it replaced (a canary aborted, or the previous stable)."
        },
        "duration-ms": {
            "description": "Milliseconds from the start of the rollback to all traffic on the restored release."
        },
        "reason": {
            "description": "One sentence: what was rolled back to what, and why."
        }
    }
};


/***/ })

};
