export const id = 357;
export const ids = [357];
export const modules = {

/***/ 9357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createCommandRouter: () => (/* binding */ createCommandRouter)
});

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/valibot/dist/index.mjs
var dist = __webpack_require__(77934);
// EXTERNAL MODULE: ./packages/deploy/src/ledger.ts
var ledger = __webpack_require__(26328);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/command/memo.ts
// What the command router last asked the platform for, kept beside the ledger. A promotion and an
// abort reach a router as the same call (one release, no canary), and a run that resumes a paused
// canary promotes with a router that never saw it: the memo tells the two apart across runs.





const id = dist/* optional */.lqM(dist/* pipe */.FsL(dist/* string */.YjP(), dist/* maxLength */.Ru6(200)));
const memoSchema = dist/* object */.Ikc({
    /** The canary of the last weight change (cleared once it is promoted or aborted). */
    canary: id,
    /** The release taking the rest (or all) of the traffic. */
    stable: id,
    /** The last release `deploy-command` ran for, so a resumed run does not deploy it twice. */
    deployed: id,
});
/** Where an environment's memo lives. */
function memoPath(stateDir, environment) {
    return (0,external_node_path_.join)((0,ledger/* environmentDir */.Fw)(stateDir, environment), 'command-router.json');
}
/** The memo; an absent or unreadable one is empty (the router then treats a lone release as an abort). */
async function readMemo(path) {
    try {
        const parsed = dist/* safeParse */.xLC(memoSchema, JSON.parse(await (0,promises_.readFile)(path, 'utf8')));
        return parsed.success ? parsed.output : {};
    }
    catch {
        return {};
    }
}
/** Replaces the memo in one step, so a crash leaves the old one or the new one. */
async function writeMemo(path, memo) {
    await (0,lite/* writeFileAtomic */.Zf)(path, `${JSON.stringify(memo, null, 2)}\n`);
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/command/run.ts
// Runs one of the user's provider commands through the shell, turning its failure into a UserError
// on the input that holds it: the exit code and the end of what it printed, with credentials hidden.

/** How much of a failing command's output the error quotes: enough for a cloud CLI's last complaint. */
const TAIL_CHARS = 300;
/** Enough for a status answer with latencies; what runs past it is cut from the front (and then fails to parse). */
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
/** Runs the command; resolves with its stdout, throws a UserError naming the input when it fails or times out. */
async function runCommand(r) {
    let result;
    try {
        result = await r.exec('/bin/sh', ['-c', r.command], {
            env: r.env,
            timeoutMs: r.timeoutMs,
            maxOutputBytes: MAX_OUTPUT_BYTES,
            // A platform CLI's output is not ours: it must not be able to act as a workflow command.
            untrustedOutput: true,
            ignoreReturnCode: true,
            ...(r.silent ? { silent: true } : {}),
        });
    }
    catch (err) {
        throw new lite/* UserError */.yo(`could not run: ${err.message}`, { input: r.input });
    }
    if (result.timedOut)
        throw new lite/* UserError */.yo(`did not finish within ${(0,lite/* formatDuration */.a3)(r.timeoutMs)} and was stopped.`, { input: r.input }, 'Raise command-timeout, or make the command return once the change is made.');
    if (result.exitCode !== 0) {
        const tail = outputTail(result.stderr) || outputTail(result.stdout);
        throw new lite/* UserError */.yo(`exited with code ${result.exitCode}${tail ? `: ${tail}` : ' and printed nothing.'}`, {
            input: r.input,
        });
    }
    return result.stdout;
}
/** The last characters of a command's output on one line, credentials in URLs shown as `***`. */
function outputTail(text) {
    const flat = text.trim().replace(/\s*\n\s*/g, ' | ');
    // Redacted before cutting, so that a cut cannot leave a credential's tail without the URL that marks it.
    const redacted = (0,lite/* redactCredentials */.UY)(flat);
    return redacted.length > TAIL_CHARS ? `…${redacted.slice(-TAIL_CHARS)}` : redacted;
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/command/status.ts
// What `status-command` prints: live traffic per release since its previous run, as JSON
// `{ "<release id>": { "requests": 120, "errors": 1, "latenciesMs": [12, 30] } }`.

const count = dist/* pipe */.FsL(dist/* number */.aig(), dist/* integer */.ndf(), dist/* minValue */.Wwf(0));
const answerSchema = dist/* record */.g1P(dist/* pipe */.FsL(dist/* string */.YjP(), dist/* minLength */.BpQ(1), dist/* maxLength */.Ru6(200)), dist/* object */.Ikc({
    requests: count,
    errors: count,
    latenciesMs: dist/* optional */.lqM(dist/* array */.YOg(dist/* pipe */.FsL(dist/* number */.aig(), dist/* finite */.E2x(), dist/* minValue */.Wwf(0)))),
}));
/** The traffic in a status answer, or why the answer cannot be used (a line for the warning). */
function parseStatus(stdout) {
    let json;
    try {
        json = JSON.parse(stdout);
    }
    catch (err) {
        const text = stdout.trim();
        return { problem: text === '' ? 'it printed nothing' : `it did not print JSON (${err.message})` };
    }
    const parsed = dist/* safeParse */.xLC(answerSchema, json);
    if (!parsed.success) {
        const issue = parsed.issues[0];
        const where = dist/* getDotPath */.BuJ(issue);
        return { problem: `${where ? `${where.slice(0, 200)}: ` : ''}${issue.message}` };
    }
    return new Map(Object.entries(parsed.output).map(([id, s]) => [
        id,
        { requests: s.requests, errors: s.errors, latenciesMs: s.latenciesMs ?? [] },
    ]));
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/command/router.ts
// The `command` traffic router: the user's own shell commands move traffic on any platform slipway
// has no router for (Cloud Run traffic splits, an ALB's weighted target groups, an in-house script).
//
// Every command runs through `/bin/sh -c` with the runner's environment (without its internal
// credentials) and these variables, which always read "send SLIPWAY_WEIGHT percent of traffic to
// SLIPWAY_RELEASE and the rest to SLIPWAY_PREVIOUS_RELEASE":
//
//   SLIPWAY_OPERATION         deploy | set-weight | promote | abort
//   SLIPWAY_RELEASE           the canary; on promote and abort the release that takes all traffic
//   SLIPWAY_VERSION           SLIPWAY_RELEASE's version
//   SLIPWAY_WEIGHT            SLIPWAY_RELEASE's share, percent (100 on promote and abort)
//   SLIPWAY_PREVIOUS_RELEASE  the stable while a canary runs; on promote the stable it replaces, on
//                             abort the canary withdrawn ('' when there is none or it is not known)
//   SLIPWAY_ENVIRONMENT, SLIPWAY_STABLE_URL, SLIPWAY_CANARY_URL
//
// docs/command-provider.md has the whole contract and worked examples.




const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;
/** The runner's log without @actions/core (domain packages do not load it): the lines it would write. */
const stdoutLogger = {
    debug: () => { },
    info: (message) => void process.stdout.write(`${(0,lite/* commandSafe */.JV)((0,lite/* redactCredentials */.UY)(message))}\n`),
    warning: (message) => void process.stdout.write(`::warning::${(0,lite/* escapeCommandData */.V9)((0,lite/* redactCredentials */.UY)(message))}\n`),
    error: (message) => void process.stdout.write(`::error::${(0,lite/* escapeCommandData */.V9)((0,lite/* redactCredentials */.UY)(message))}\n`),
};
/** A setting's command, or undefined when the input is empty. */
function commandOf(settings, input) {
    return settings[input]?.trim() || undefined;
}
function parseTimeout(text) {
    if (!text?.trim())
        return DEFAULT_TIMEOUT_MS;
    const ms = (0,lite/* parseDuration */.E9)(text);
    if (ms === undefined || ms <= 0)
        throw new lite/* UserError */.yo(`'${text.slice(0, 40)}' is not a duration.`, { input: 'command-timeout' }, 'Write 90s, 5m or 1h.');
    return ms;
}
/** The SLIPWAY_* variables of one command. */
function variables(o) {
    return {
        SLIPWAY_OPERATION: o.operation,
        SLIPWAY_ENVIRONMENT: o.environment,
        SLIPWAY_RELEASE: o.release.id,
        SLIPWAY_VERSION: o.release.version,
        SLIPWAY_WEIGHT: String(o.weight),
        SLIPWAY_PREVIOUS_RELEASE: o.previous ?? '',
        SLIPWAY_STABLE_URL: o.stable?.upstream ?? '',
        SLIPWAY_CANARY_URL: o.canary?.upstream ?? '',
    };
}
/** Builds the command router; `set-weight-command` is the one command it cannot do without. */
async function createCommandRouter(context) {
    const { settings, environment } = context;
    const setWeight = commandOf(settings, 'set-weight-command');
    if (!setWeight)
        throw new lite/* UserError */.yo('is required by the command provider.', { input: 'set-weight-command' }, 'Give a command that sends SLIPWAY_WEIGHT percent of traffic to SLIPWAY_RELEASE (see docs/command-provider.md).');
    const deploy = commandOf(settings, 'deploy-command');
    const promote = commandOf(settings, 'promote-command');
    const abort = commandOf(settings, 'abort-command');
    const status = commandOf(settings, 'status-command');
    const timeoutMs = parseTimeout(settings['command-timeout']);
    const exec = context.exec ?? lite/* actionsExec */.dw;
    const logger = context.logger ?? stdoutLogger;
    const memoFile = memoPath(context.stateDir, environment);
    const inherited = (0,lite/* withoutRunnerCredentials */.DV)({ ...(context.env ?? process.env) });
    // The status command sees the routing it reports on: the variables of the last change.
    let statusVars = { SLIPWAY_ENVIRONMENT: environment };
    let warnedStatus = false;
    const run = (input, command, vars, silent = false) => runCommand({ input, command, env: { ...inherited, ...vars }, timeoutMs, exec, silent });
    return {
        name: 'command',
        frontDoor: settings['front-door-url']?.trim() || 'command provider',
        async setWeights(stable, canary, canaryWeight) {
            if (!Number.isInteger(canaryWeight) || canaryWeight < 0 || canaryWeight > 100)
                throw new Error(`canary weight ${canaryWeight} is not a whole percentage`);
            const memo = await readMemo(memoFile);
            if (canary) {
                const vars = (operation) => variables({
                    operation,
                    environment,
                    release: canary,
                    weight: canaryWeight,
                    previous: stable?.id,
                    stable,
                    canary,
                });
                if (deploy && memo.deployed !== canary.id) {
                    await run('deploy-command', deploy, vars('deploy'));
                    memo.deployed = canary.id;
                }
                // Noted before traffic moves: if the command fails half-way, the abort that follows names this canary.
                await writeMemo(memoFile, { canary: canary.id, stable: stable?.id, deployed: memo.deployed });
                statusVars = vars('set-weight');
                await run('set-weight-command', setWeight, statusVars);
                return;
            }
            // One release and no canary: all traffic to it. The controller asks this both to promote the
            // canary it last routed and to abort one (or restore an older release): the memo tells which.
            if (!stable)
                return;
            const promoting = memo.canary === stable.id;
            const operation = promoting ? 'promote' : 'abort';
            // Taken out of traffic: the stable a promotion replaces, the canary an abort withdraws, or
            // (a rollback to an older release, with no canary) the release that was live.
            const replaced = promoting ? memo.stable : (memo.canary ?? memo.stable);
            const previous = replaced !== stable.id ? replaced : undefined;
            const own = promoting ? promote : abort;
            statusVars = variables({ operation, environment, release: stable, weight: 100, previous, stable, canary });
            await run(own ? `${operation}-command` : 'set-weight-command', own ?? setWeight, statusVars);
            // Written once done, so that a failed promotion is still told apart from the abort that follows it.
            await writeMemo(memoFile, { stable: stable.id, deployed: memo.deployed });
        },
        async readTraffic() {
            if (!status)
                return undefined;
            let problem;
            try {
                const parsed = parseStatus(await run('status-command', status, statusVars, true));
                if (parsed instanceof Map)
                    return parsed;
                problem = `input 'status-command': its answer cannot be used: ${parsed.problem}`;
            }
            catch (err) {
                if (!(0,lite/* isUserError */.iU)(err))
                    throw err;
                problem = err.describe();
            }
            // Read every few seconds: one warning says it, later ones would only repeat it.
            const line = `${problem}; steps are judged on health probes alone until it answers`;
            if (warnedStatus)
                logger.debug(line);
            else
                logger.warning(line);
            warnedStatus = true;
            return undefined;
        },
        async close() {
            // Nothing stays open: every command was its own process.
        },
    };
}


/***/ })

};
