export const id = 7900;
export const ids = [7900,6754];
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
/* harmony import */ var _slipway_deploy__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(60493);
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
    // On Kubernetes the release is the image input; an artifact, if given, is not used.
    const artifact = provider === 'kubernetes' ? '' : (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__/* .userPath */ .rZ)('artifact', inputs.required('artifact'), workspace, env.HOME);
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

/***/ 24770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jl: () => (/* binding */ runRemotely),
/* harmony export */   _Y: () => (/* binding */ hostGiven)
/* harmony export */ });
/* unused harmony export removeRemoteSession */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(36740);
/* harmony import */ var _slipway_deploy__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(60493);
// With `host` set, deploy-canary and rollback do not act where the job runs: they copy themselves
// (and the artifact) to that host over SSH and run there, relaying the log, the outputs and the
// summary. Shared by both actions; the work is @slipway/deploy's runOnHost.






/** The state entry that tells the post step which folder holds the session's key. */
const SESSION_STATE = 'remote-session';
const SESSION_PREFIX = 'slipway-remote-';
/** The socket ssh makes two folders down must fit in a unix socket path (see ssh-files.ts). */
const MAX_BASE_LENGTH = 100 - '/slipway-remote-XXXXXX/slipway-ssh-XXXXXX/control'.length;
/** True when the `host` input is set: the action runs on that host. */
function hostGiven(env) {
    return (env[(0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_4__/* .inputEnvName */ .d_)('host')] ?? '').trim() !== '';
}
/**
 * Runs the action on the host named by `host`, with `ssh-key` and `known-hosts`. The key is masked
 * before anything else. Outputs and summary come back from the host; a run that failed there
 * fails the step with the host's exit code and its own error line. Failures before the host ran
 * anything set result `failed` and reason, as a local run does.
 */
async function runRemotely(metadata, seams, exit = (code) => void (process.exitCode = code)) {
    const { env, logger, mask, saveState } = seams;
    const inputs = new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_4__/* .InputReader */ .i_(metadata, env);
    const sshKey = inputs.raw('ssh-key');
    maskKey(sshKey, mask);
    for (const name of ['github-token', 'notify-webhook']) {
        const value = inputs.raw(name);
        // Outside a runner the default `${{ github.token }}` arrives unexpanded: not a secret.
        if (!/^\$\{\{[^}]*\}\}$/.test(value))
            (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_4__/* .maskCredential */ .kV)(value, mask);
    }
    let relayed = false;
    const tempDir = sessionFolder(env);
    saveState?.(SESSION_STATE, tempDir);
    // The runner cancels a job with SIGINT, then SIGTERM: the run on the host is sent SIGTERM.
    const cancel = new AbortController();
    const onSignal = (signal) => {
        logger.warning(`received ${signal}: stopping the run on the host (a canary in flight is rolled back there)`);
        cancel.abort();
    };
    process.on('SIGTERM', onSignal).on('SIGINT', onSignal);
    try {
        const workspace = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(env.GITHUB_WORKSPACE || process.cwd());
        const outcome = await (0,_slipway_deploy__WEBPACK_IMPORTED_MODULE_5__/* .runOnHost */ .l6)({
            action: metadata.name,
            host: inputs.raw('host'),
            sshKey,
            knownHosts: inputs.raw('known-hosts'),
            bundleDir: ownBundle,
            // The kubernetes provider's release is an image: no artifact to copy.
            ...(inputs.declares('artifact') && inputs.raw('provider') !== 'kubernetes'
                ? { artifact: (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_4__/* .userPath */ .rZ)('artifact', inputs.required('artifact'), workspace, env.HOME) }
                : {}),
            outputs: Object.keys(metadata.outputs),
            tempDir,
        }, {
            env,
            exec: _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_4__/* .actionsExec */ .dw,
            logger,
            stdout: (line) => process.stdout.write(`${line}\n`),
            stderr: (line) => process.stderr.write(`${line}\n`),
            setOutput: (name, value) => {
                relayed = true;
                seams.setOutput(name, value);
            },
            appendSummary: async (markdown) => {
                if (env.GITHUB_STEP_SUMMARY)
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.appendFile)(env.GITHUB_STEP_SUMMARY, markdown, 'utf8');
            },
            signal: cancel.signal,
        });
        if (outcome.exitCode === 0)
            return;
        if (!outcome.errorReported)
            throw new Error(`${metadata.name} ended on the host with exit code ${outcome.exitCode} and no error line`);
        // The host's own ::error:: line, relayed above, says why: a second one here would only repeat it.
        exit(outcome.exitCode);
    }
    catch (err) {
        if (!relayed) {
            const out = new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_4__/* .OutputWriter */ .PO(metadata, seams.setOutput);
            out.set('result', 'failed');
            out.set('reason', (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_4__/* .isUserError */ .iU)(err) ? err.describe() : `internal error: ${(0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err)}`);
        }
        throw err;
    }
    finally {
        process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(tempDir, { recursive: true, force: true });
    }
}
/** The post step's part: removes the session folder (with the key) that a killed main left. */
function removeRemoteSession({ env }) {
    const dir = env[`STATE_${SESSION_STATE}`];
    if (dir && basename(dir).startsWith(SESSION_PREFIX))
        rmSync(dir, { recursive: true, force: true });
}
/** Masks the key whole and line by line: the runner masks line by line, so a multi-line secret needs both. */
function maskKey(key, mask) {
    if (key === '')
        return;
    mask(key);
    for (const line of key.split(/\r?\n|\\n/))
        if (line.trim().length >= 8 && !line.includes('-----'))
            mask(line.trim());
}
/** A folder of this run's own under the runner's temp folder, for the key; the post step removes it if main cannot. */
function sessionFolder(env) {
    const runnerTemp = env.RUNNER_TEMP;
    const base = runnerTemp && runnerTemp.length <= MAX_BASE_LENGTH ? runnerTemp : (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)();
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(base, SESSION_PREFIX));
}
/** The folder of the running bundle (dist/<action>), which is what the host runs. */
function ownBundle() {
    const entry = process.argv[1] ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(process.argv[1]) : '';
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(entry);
    if (!entry.endsWith('index.js') || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'package.json')))
        throw new Error(`cannot find the action's own bundle to copy to the host (started as ${entry || 'no script'})`);
    return dir;
}


/***/ }),

/***/ 76316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ knownGoodSeam),
/* harmony export */   u: () => (/* binding */ parseReporting)
/* harmony export */ });
/* harmony import */ var _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(36740);
/* harmony import */ var _slipway_deploy__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60493);
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
        knownGood: (environment) => token && env.GITHUB_REPOSITORY
            ? (count) => (0,_slipway_deploy__WEBPACK_IMPORTED_MODULE_1__/* .knownGoodReleases */ .Zz)({
                token,
                repository: env.GITHUB_REPOSITORY,
                apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
                logger,
            }, environment, count)
            : undefined,
        alert: async (message) => webhook ? (0,_slipway_deploy__WEBPACK_IMPORTED_MODULE_1__/* .notifyWebhook */ .he)(webhook, { ...message, ...(runUrl ? { runUrl } : {}) }, { logger }) : false,
    };
}
/** The `knownGood` seam of the controller, when GitHub can be asked (a spread: nothing without a token). */
function knownGoodSeam(reporting, environment) {
    const source = reporting.knownGood(environment);
    return source ? { knownGood: source } : {};
}


/***/ }),

/***/ 17900:
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
// EXTERNAL MODULE: ./packages/deploy/src/index.ts + 40 modules
var src = __webpack_require__(60493);
// EXTERNAL MODULE: ./actions/rollback/src/metadata.generated.ts
var metadata_generated = __webpack_require__(46754);
// EXTERNAL MODULE: ./actions/deploy-canary/src/remote.ts
var remote = __webpack_require__(24770);
;// CONCATENATED MODULE: ./actions/rollback/src/remote.ts



/** Runs the rollback on the host the `host` input names. */
function rollbackOnHost(seams) {
    return (0,remote/* runRemotely */.Jl)(metadata_generated.metadata, seams);
}

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
async function run({ env, logger, setOutput, mask, saveState }) {
    // With `host` set, the rollback runs on that host, over SSH.
    if ((0,remote/* hostGiven */._Y)(env))
        return rollbackOnHost({ env, logger, setOutput, mask, saveState });
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
        const seams = {
            clock: lite/* systemClock */.ml,
            logger,
            exec: lite/* actionsExec */.dw,
            env,
            selfCommand: (0,src/* selfCommand */.ee)(env),
            ...(0,src_reporting/* knownGoodSeam */.D)(reporting, target.environment),
        };
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
        if (verify && outcome.result === 'rolled-back' && !outcome.restoredUpstream) {
            // A platform's release that printed no URL of its own: there is nothing to probe, and that is said.
            verified = 'not verified: the restored release has no URL of its own to probe';
            logger.warning(`verify: ${outcome.restoredRelease} has no URL of its own, so its health was not checked`);
        }
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
                    version: outcome.restoredVersion || outcome.restoredRelease,
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
            "description": "Traffic router, as deploy-canary: local, haproxy, nginx, kubernetes or command.",
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
            "description": "command provider: put the release on the platform with no traffic, printing its own URL (which slipway probes) as the last line; runs once per release through /bin/sh with SLIPWAY_RELEASE, SLIPWAY_VERSION, SLIPWAY_WEIGHT, SLIPWAY_ENVIRONMENT, SLIPWAY_PREVIOUS_RELEASE and SLIPWAY_OPERATION. Empty: slipway runs the release on the runner itself.",
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
            "description": "command provider: time allowed to each of its commands; kubernetes provider: to each kubectl call; such as 5m.",
            "required": false,
            "default": "5m"
        },
        "namespace": {
            "description": "kubernetes provider: the namespace of the Deployment.",
            "required": false,
            "default": "default"
        },
        "deployment": {
            "description": "kubernetes provider (required with it): the stable Deployment, served by the Service of the same name, or the name of the one slipway creates on a first deploy; the canary is <deployment>-canary.",
            "required": false,
            "default": ""
        },
        "replicas": {
            "description": "kubernetes provider: the stable Deployment's full size, restored before a canary goes; empty keeps its own (1 for one slipway creates).",
            "required": false,
            "default": ""
        },
        "router": {
            "description": "kubernetes provider: how traffic moves: replicas (pod counts behind the one Service, no mesh), gateway-api (an HTTPRoute's weights), ingress-nginx (a canary Ingress beside yours) or istio (a VirtualService's weights).",
            "required": false,
            "default": "replicas"
        },
        "route": {
            "description": "kubernetes provider, with every router but replicas: the HTTPRoute, Ingress or VirtualService that sends traffic to the stable Service.",
            "required": false,
            "default": ""
        },
        "kube-context": {
            "description": "kubernetes provider: the context of the job's kubeconfig (KUBECONFIG, as azure/k8s-set-context, aws eks update-kubeconfig or google-github-actions/get-gke-credentials leave it); empty uses its current context.",
            "required": false,
            "default": ""
        },
        "stable-url": {
            "description": "kubernetes provider: where the runner reaches the stable pods; the url output, and what rollback's verify probes.",
            "required": false,
            "default": ""
        },
        "kubectl": {
            "description": "kubernetes provider: the kubectl program (GitHub-hosted runners have it).",
            "required": false,
            "default": "kubectl"
        },
        "container": {
            "description": "kubernetes provider: the container whose image the release sets; empty takes the first.",
            "required": false,
            "default": ""
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
        },
        "host": {
            "description": "Roll back on this host over SSH instead of where the job runs: user@host or user@host:port (IPv6 in brackets, user@[2001:db8::1]:22). The action copies itself there (checked by sha256 on both sides) and runs there, so the provider acts on the host; the host needs Node.js 20 or later on the PATH of a non-interactive login. Relative paths such as state-dir resolve in ~/slipway on the host. Empty rolls back where the job runs.",
            "required": false,
            "default": ""
        },
        "ssh-key": {
            "description": "With host: the private key to log in with (OpenSSH or PEM, without a passphrase), from a secret. Masked; written to a 0600 file in the runner temp folder and removed when the step ends (by the post step if main was killed).",
            "required": false,
            "default": ""
        },
        "known-hosts": {
            "description": "Required when host is set: the host's known_hosts lines ([host]:port on a port other than 22). Host keys are always checked and never accepted on first use. ssh-keyscan -p <port> <host> prints such lines, but check their fingerprints against the server's own before you trust them.",
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
