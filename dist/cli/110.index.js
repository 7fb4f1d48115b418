export const id = 110;
export const ids = [110,5514];
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

/***/ 20110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  post: () => (/* binding */ post),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: ./packages/deploy/src/index.ts + 40 modules
var src = __webpack_require__(60493);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./actions/deploy-canary/src/commit-time.ts
// The committer time of the commit being deployed, for DORA's lead time. The checkout has it (a
// shallow one too); a deploy job that only downloaded the build (slipway-deploy.yml) has the
// manifest build-artifact wrote beside the archive, which records the commit and its time.



/** The commit's time as ISO 8601, from git in `workspace`, else from the artifact's manifest; undefined when neither knows it. */
async function commitTimeOf(commit, workspace, artifact) {
    const shown = await (0,lite/* actionsExec */.dw)('git', ['-C', workspace, 'show', '-s', '--format=%cI', commit], {
        silent: true,
        ignoreReturnCode: true,
        timeoutMs: 10_000,
    }).catch(() => undefined);
    const time = shown?.exitCode === 0 ? Date.parse(shown.stdout.trim()) : NaN;
    if (Number.isFinite(time))
        return new Date(time).toISOString();
    // Missing or not JSON: no time, and the deploy goes on without one.
    let manifest;
    for (const path of (0,src/* manifestCandidates */.ql)(artifact)) {
        manifest = await (0,promises_.readFile)(path, 'utf8')
            .then((text) => JSON.parse(text))
            .catch(() => undefined);
        if (manifest !== undefined)
            break;
    }
    // Only the manifest of this very commit: a build of another one says nothing about it.
    if (manifest?.commit !== commit || typeof manifest.commitTime !== 'string')
        return undefined;
    const fromManifest = Date.parse(manifest.commitTime);
    return Number.isFinite(fromManifest) ? new Date(fromManifest).toISOString() : undefined;
}

// EXTERNAL MODULE: ./actions/deploy-canary/src/inputs.ts
var src_inputs = __webpack_require__(10577);
// EXTERNAL MODULE: ./actions/deploy-canary/src/reporting.ts
var src_reporting = __webpack_require__(76316);
// EXTERNAL MODULE: ./actions/deploy-canary/src/metadata.generated.ts
var metadata_generated = __webpack_require__(5514);
// EXTERNAL MODULE: ./actions/deploy-canary/src/remote.ts
var remote = __webpack_require__(24770);
;// CONCATENATED MODULE: ./actions/deploy-canary/src/summary.ts

const ICON = {
    promoted: '✅',
    paused: '⏸️',
    'rolled-back': '↩️',
    failed: '❌',
};
/** The summary: the result and its reason first, then the step timeline as a table and a chart. */
function deploySummary(r) {
    const s = new lite/* SummaryBuilder */.CF()
        .heading(`deploy-canary: ${r.environment}`)
        .text(`${ICON[r.result]} **${r.result}**: ${(0,lite/* escapeHtml */.ZD)(r.reason)}`);
    const release = `\`${r.release.id}\``;
    s.table(['release', 'previous', 'provider', 'front door', 'final weight'], [
        [
            release,
            r.previousReleaseId ? `\`${r.previousReleaseId}\`` : '(first release)',
            r.provider,
            (0,lite/* escapeHtml */.ZD)(r.url),
            `${r.weight}%`,
        ],
    ]);
    if (r.steps.length) {
        s.table([
            'step',
            'weight',
            'canary share',
            'canary requests (5xx)',
            'stable requests (5xx)',
            'probes ok',
            'evidence',
            'verdict',
        ], r.steps.map((st) => [
            String(st.index + 1),
            `${st.weight}%`,
            st.canaryShare === undefined ? '–' : `${st.canaryShare}%`,
            `${st.canary.requests} (${st.canary.errors})`,
            `${st.stable.requests} (${st.stable.errors})`,
            `${st.probes.sent - st.probes.failed}/${st.probes.sent}`,
            st.evidence,
            st.verdict,
        ]));
        s.mermaid(timeline(r));
    }
    s.details('transitions', r.transitions
        .map((t) => `- ${t.at} ${t.from} → ${t.to} at ${t.weight}%${t.note ? `: ${(0,lite/* escapeHtml */.ZD)(t.note)}` : ''}`)
        .join('\n'));
    return s;
}
/** The canary's weight over the run, each point a recorded transition. */
function timeline(r) {
    const points = r.transitions.slice(-40);
    const t0 = Date.parse(points[0]?.at ?? r.startedAt);
    return [
        'xychart-beta',
        '  title "canary weight (%)"',
        `  x-axis "seconds since start" [${points.map((p) => Math.round((Date.parse(p.at) - t0) / 1000)).join(', ')}]`,
        '  y-axis "weight" 0 --> 100',
        `  line [${points.map((p) => p.weight).join(', ')}]`,
    ].join('\n');
}

;// CONCATENATED MODULE: ./actions/deploy-canary/src/main.ts








/** Deploys a canary; rolled-back and failed fail the step with the reason, after every output is set. */
async function run(seams) {
    // With `host` set, the deploy runs on that host, over SSH.
    if ((0,remote/* hostGiven */._Y)(seams.env))
        return (0,remote/* runRemotely */.Jl)(metadata_generated.metadata, seams);
    try {
        await deploy(seams);
    }
    catch (err) {
        if (err instanceof DeployEnded)
            throw err;
        // Outputs are set on every path, so that `if: failure()` steps can read why.
        const out = new lite/* OutputWriter */.PO(metadata_generated.metadata, seams.setOutput);
        out.set('result', 'failed');
        out.set('reason', (0,lite/* isUserError */.iU)(err) ? err.describe() : `internal error: ${(0,lite/* errorMessage */.gJ)(err)}`);
        throw err;
    }
}
async function deploy({ env, logger, setOutput, saveState, mask }) {
    const inputs = new lite/* InputReader */.i_(metadata_generated.metadata, env);
    const reporting = (0,src_reporting/* parseReporting */.u)(inputs, env, logger, mask);
    const plan = (0,src_inputs/* parseInputs */.TL)(inputs, env);
    // Lead time needs the commit's own time.
    if (plan.audit?.commit) {
        const commitTime = await commitTimeOf(plan.audit.commit, plan.workspace, plan.artifact);
        if (commitTime)
            plan.audit = { ...plan.audit, commitTime };
    }
    // The post step finishes what a killed main leaves behind: it needs to know where to look.
    saveState?.('state-dir', plan.stateDir);
    saveState?.('environment', plan.environment);
    saveState?.('run-id', plan.runId);
    saveState?.('provider', plan.provider);
    saveState?.('settings', JSON.stringify(plan.settings));
    // The runner cancels a job with SIGINT, then SIGTERM: either rolls the canary back before exit.
    const cancel = new AbortController();
    const onSignal = (signal) => {
        logger.warning(`received ${signal}: rolling the canary back`);
        cancel.abort();
    };
    process.on('SIGTERM', onSignal).on('SIGINT', onSignal);
    let outcome;
    try {
        outcome = await (0,src/* deployCanary */.SB)(plan, {
            clock: lite/* systemClock */.ml,
            logger,
            exec: lite/* actionsExec */.dw,
            env,
            signal: cancel.signal,
            selfCommand: (0,src/* selfCommand */.ee)(env),
            deployments: reporting.deployments,
            ...(0,src_reporting/* knownGoodSeam */.D)(reporting, plan.environment),
        });
    }
    finally {
        process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
    }
    const out = new lite/* OutputWriter */.PO(metadata_generated.metadata, setOutput);
    out.set('result', outcome.result);
    out.set('url', outcome.url);
    out.set('release-id', outcome.releaseId);
    out.set('previous-release-id', outcome.previousReleaseId);
    out.set('weight', outcome.weight);
    out.set('reason', outcome.reason);
    out.set('report', outcome.report);
    await deploySummary(outcome.report).write(env);
    logger.info(`deploy-canary: ${outcome.result}: ${outcome.reason}`);
    if (outcome.result === 'rolled-back' || outcome.result === 'failed')
        await reporting.alert({
            kind: outcome.result,
            environment: plan.environment,
            release: outcome.releaseId,
            previousRelease: outcome.previousReleaseId,
            reason: outcome.reason,
        });
    if (outcome.result === 'rolled-back' || outcome.result === 'failed')
        throw new DeployEnded(outcome);
}
/** A deploy that ended rolled back or failed: its outputs are set already. */
class DeployEnded extends lite/* UserError */.yo {
    outcome;
    constructor(outcome) {
        super(`${outcome.result}: ${outcome.reason}.`);
        this.outcome = outcome;
    }
}
/** The post step: a canary that main left unfinished (killed, crashed) is rolled back. */
async function post({ env, logger }) {
    const stateDir = env['STATE_state-dir'];
    const environment = env.STATE_environment;
    const runId = env['STATE_run-id'];
    if (!stateDir || !environment || !runId)
        return;
    const rolledBack = await (0,src/* recoverCanary */.qX)({
        stateDir,
        environment,
        runId,
        provider: env.STATE_provider || 'local',
        settings: JSON.parse(env.STATE_settings || '{}'),
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
    }, { clock: lite/* systemClock */.ml, logger, exec: lite/* actionsExec */.dw, env, selfCommand: (0,src/* selfCommand */.ee)(env) });
    if (rolledBack)
        logger.warning(`post: ${rolledBack}`);
}


/***/ }),

/***/ 5514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   metadata: () => (/* binding */ metadata)
/* harmony export */ });
/** deploy-canary's inputs and outputs as declared in action.yml. */
const metadata = {
    "name": "deploy-canary",
    "description": "Ships a release to a small share of traffic, widens it step by step while live traffic and health probes are judged against the stable release, promotes it when it holds and puts all traffic back on stable the moment it does not.",
    "inputs": {
        "provider": {
            "description": "Traffic router: local (an embedded proxy, nothing to install), haproxy (runtime API, no reload), nginx (an upstream file, tested with nginx -t before each reload), kubernetes (a canary Deployment beside yours, traffic by pod count, Gateway API, ingress-nginx or Istio) or command (your own shell commands, for any platform).",
            "required": false,
            "default": "local"
        },
        "environment": {
            "description": "Environment name (letters, digits, dots, dashes, underscores); each has its own release ledger, lock and front door.",
            "required": false,
            "default": "production"
        },
        "artifact": {
            "description": "The release: a .tar.gz from build-artifact (its manifest beside it; verified and extracted before anything runs) or a folder. Absolute, ~/…, or relative to the workspace. Required, except with the kubernetes provider, whose release is image.",
            "required": false,
            "default": ""
        },
        "version": {
            "description": "Release version; empty takes the artifact manifest's version (or package.json's, or the folder name). The release id is the version plus a short digest.",
            "required": false,
            "default": ""
        },
        "start-command": {
            "description": "How to run the release, through /bin/sh in its folder, with PORT (and HOST=127.0.0.1) in the environment; empty takes the start command detect-stack finds in the release.",
            "required": false,
            "default": ""
        },
        "health-path": {
            "description": "Path probed on the new release until it answers 2xx or 3xx, before any traffic reaches it; also probed throughout every analysis window.",
            "required": false,
            "default": "/healthz"
        },
        "ready-timeout": {
            "description": "How long a new release has to answer health-path, such as 60s.",
            "required": false,
            "default": "60s"
        },
        "steps": {
            "description": "Canary traffic percentages, rising, separated by commas; a step may carry a pause before its analysis (25:2m).",
            "required": false,
            "default": "10,25,50,100"
        },
        "step-analysis": {
            "description": "Analysis window of each step, such as 30s; a clear regression ends it early.",
            "required": false,
            "default": "30s"
        },
        "min-requests": {
            "description": "Live requests the canary must serve in a step before the step can pass; with fewer the window is extended up to three times, then the canary is rolled back. 0 lets health probes alone decide when traffic is thin.",
            "required": false,
            "default": "0"
        },
        "max-error-rate": {
            "description": "Share of failed health probes of the canary a window tolerates (and, at 100%, of its 5xx answers), as a percentage (1%) or a fraction (0.01).",
            "required": false,
            "default": "1%"
        },
        "auto-promote": {
            "description": "false holds the canary before its last step with result paused; a later run with the same artifact resumes and promotes it.",
            "required": false,
            "default": "true"
        },
        "drain": {
            "description": "How long the old stable release keeps serving in-flight requests after promotion before it is stopped, such as 30s.",
            "required": false,
            "default": "30s"
        },
        "state-dir": {
            "description": "Where the release ledger, the locks, the releases and the local proxy's admin token live. Absolute, ~/…, or relative to the workspace; on a self-hosted runner keep it outside the workspace.",
            "required": false,
            "default": "~/.slipway"
        },
        "listen": {
            "description": "The local provider's front door, host:port: where users and load balancers send traffic.",
            "required": false,
            "default": "127.0.0.1:8080"
        },
        "front-door-url": {
            "description": "The URL users reach the service at, shown in the url output and the summary; empty takes the local provider's own address (haproxy and nginx cannot tell it).",
            "required": false,
            "default": ""
        },
        "haproxy-socket": {
            "description": "HAProxy's runtime API: a unix socket path or host:port at level admin (haproxy provider).",
            "required": false,
            "default": ""
        },
        "haproxy-backend": {
            "description": "The HAProxy backend holding the servers named stable and canary (haproxy provider).",
            "required": false,
            "default": ""
        },
        "nginx-upstream-file": {
            "description": "The upstream file slipway owns and nginx includes in its http block (nginx provider). Absolute, ~/…, or relative to the workspace.",
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
        "pre-deploy-command": {
            "description": "Runs through /bin/sh before anything starts (a backup, a migration); its failure stops the deploy before any traffic moves. SLIPWAY_* variables describe the release.",
            "required": false,
            "default": ""
        },
        "confirm-promotion-command": {
            "description": "A gate run before the last step; while it exits non-zero the canary holds its weight and is still analysed (a regression still rolls back). After confirm-timeout the run ends paused.",
            "required": false,
            "default": ""
        },
        "confirm-timeout": {
            "description": "How long the confirm-promotion-command gate may hold the canary, such as 30m.",
            "required": false,
            "default": "30m"
        },
        "post-promote-command": {
            "description": "Runs after promotion; its failure is reported in reason but does not undo the promotion.",
            "required": false,
            "default": ""
        },
        "on-rollback-command": {
            "description": "Runs after a rollback, with SLIPWAY_REASON set to why.",
            "required": false,
            "default": ""
        },
        "hook-timeout": {
            "description": "Time allowed to each hook command, such as 5m.",
            "required": false,
            "default": "5m"
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
        "image": {
            "description": "kubernetes provider (required with it): the release, an image reference such as ghcr.io/acme/web:1.4.2 or one pinned @sha256:…; it takes the place of artifact. The version is its tag unless version is given.",
            "required": false,
            "default": ""
        },
        "manifest": {
            "description": "kubernetes provider: your Deployment's YAML (and its Service of the same name), as you would kubectl apply it. The canary is derived from it, so a change to it ships with the release and is judged with it; promotion applies it with the release's image, and a first deploy creates it. Absolute, ~/…, or relative to the workspace; empty derives the canary from the Deployment the cluster runs.",
            "required": false,
            "default": ""
        },
        "replicas": {
            "description": "kubernetes provider: the stable Deployment's full size, restored before a canary goes; empty keeps its own (1 for one slipway creates).",
            "required": false,
            "default": ""
        },
        "container-port": {
            "description": "kubernetes provider: the port the container listens on, for the Deployment and the Service slipway creates on a first deploy.",
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
        "canary-url": {
            "description": "kubernetes provider (required with it): where the runner reaches the canary's pods (a port-forward, an internal load balancer or the canary Service's address); probed at health-path until ready and through every analysis window.",
            "required": false,
            "default": ""
        },
        "prometheus-url": {
            "description": "kubernetes provider: Prometheus, such as http://prometheus.monitoring:9090, to count each release's live traffic with requests-query and errors-query; every step is then judged on it as well as on canary-url (which becomes optional). Empty: canary-url's probes alone.",
            "required": false,
            "default": ""
        },
        "requests-query": {
            "description": "With prometheus-url: a PromQL counter of the requests a Deployment served, $deployment standing for its name (the stable or <deployment>-canary), such as sum(http_requests_total{namespace=\"shop\", pod=~\"$deployment-[a-z0-9]+-[a-z0-9]+\"}).",
            "required": false,
            "default": ""
        },
        "errors-query": {
            "description": "With prometheus-url: the same counter for its 5xx answers, such as sum(http_requests_total{namespace=\"shop\", pod=~\"$deployment-[a-z0-9]+-[a-z0-9]+\", code=~\"5..\"}).",
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
            "description": "Deploy on this host over SSH instead of where the job runs: user@host or user@host:port (IPv6 in brackets, user@[2001:db8::1]:22). The action copies itself and the artifact there (each copy checked by sha256 on both sides) and runs there, so the provider acts on the host; the host needs Node.js 20 or later on the PATH of a non-interactive login. Relative paths such as state-dir resolve in ~/slipway on the host. Empty deploys where the job runs.",
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
            "description": "`promoted`, `rolled-back`, `paused` or `failed`; rolled-back and failed fail the step."
        },
        "url": {
            "description": "The front door: where traffic reaches the environment."
        },
        "release-id": {
            "description": "The id of the release deployed (version plus short digest)."
        },
        "previous-release-id": {
            "description": "The stable release before this deploy; empty for an environment's first release."
        },
        "weight": {
            "description": "The canary's share of traffic when the run ended, percent (100 once promoted, 0 after a rollback)."
        },
        "reason": {
            "description": "One sentence: why the deploy ended as it did, with the numbers of the check that decided."
        },
        "report": {
            "description": "JSON: every ledger transition of this run with timestamps, and each step's analysis (live requests and 5xx per release, canary share, probes, verdict)."
        }
    }
};


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


/***/ })

};
