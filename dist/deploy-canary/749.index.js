export const id = 749;
export const ids = [749];
export const modules = {

/***/ 9749:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createNginxRouter: () => (/* binding */ createNginxRouter)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:dns/promises"
var external_node_dns_promises_ = __webpack_require__(1553);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 12 modules
var lite = __webpack_require__(3436);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/nginx/access-log.ts
// Live traffic from nginx's access log, in the format config.ts defines: read from where the
// previous reading stopped, following rotation (a new file at the path) and truncation.

/** The most read in one reading; a log growing faster than this between readings is skipped ahead. */
const MAX_READ_BYTES = 64 * 1024 * 1024;
/** The last of a comma- or colon-separated list nginx writes when it tried several servers. */
function lastAttempt(field) {
    const value = field
        .split(/\s*[,:]\s+/)
        .at(-1)
        ?.trim();
    return value === undefined || value === '' || value === '-' ? undefined : value;
}
/** Parses one line; undefined for a line slipway did not write (another format, a torn line). */
function parseLine(line) {
    const m = /^\d+\.\d+ (\d{3}) "([^"]*)" "([^"]*)" "([^"]*)"$/.exec(line.trim());
    if (!m)
        return undefined;
    const upstreamStatus = Number(lastAttempt(m[3]));
    const responseS = Number(lastAttempt(m[4]));
    return {
        status: Number(m[1]),
        upstreamAddr: lastAttempt(m[2]),
        upstreamStatus: Number.isFinite(upstreamStatus) && upstreamStatus > 0 ? upstreamStatus : undefined,
        responseMs: Number.isFinite(responseS) && lastAttempt(m[4]) !== undefined ? responseS * 1000 : undefined,
    };
}
/** Follows one access log; `read` returns the lines written since the previous call. */
class AccessLogTail {
    path;
    handle;
    ino = -1;
    offset = 0;
    partial = '';
    constructor(path) {
        this.path = path;
    }
    /** Starts at the log's current end, so traffic from before this deploy is not counted. */
    static async at(path) {
        const tail = new AccessLogTail(path);
        await tail.reopen(true);
        return tail;
    }
    /** Opens the file now at the path; from its end when `fromEnd`, else from its start (a rotated-in file). */
    async reopen(fromEnd) {
        await this.handle?.close();
        this.handle = undefined;
        this.partial = '';
        try {
            this.handle = await (0,promises_.open)(this.path, 'r');
        }
        catch {
            this.ino = -1;
            this.offset = 0;
            return;
        }
        const st = await this.handle.stat();
        this.ino = st.ino;
        this.offset = fromEnd ? st.size : 0;
    }
    /** Reads what the open file gained since the last reading. */
    async drain(lines) {
        if (!this.handle)
            return;
        const size = (await this.handle.stat()).size;
        // Truncated in place (copytruncate): start again from the top.
        if (size < this.offset) {
            this.offset = 0;
            this.partial = '';
        }
        if (size - this.offset > MAX_READ_BYTES)
            this.offset = size - MAX_READ_BYTES;
        const buf = Buffer.alloc(size - this.offset);
        const { bytesRead } = await this.handle.read(buf, 0, buf.length, this.offset);
        this.offset += bytesRead;
        const text = this.partial + buf.subarray(0, bytesRead).toString('utf8');
        const cut = text.lastIndexOf('\n');
        // A line nginx is still writing waits for the next reading.
        this.partial = text.slice(cut + 1);
        if (cut >= 0)
            lines.push(...text.slice(0, cut).split('\n'));
    }
    /** The complete lines written since the previous call, across a rotation. */
    async read() {
        const lines = [];
        await this.drain(lines);
        let current = -1;
        try {
            current = (await (0,promises_.stat)(this.path)).ino;
        }
        catch {
            current = -1;
        }
        // Rotated: the rest of the old file was read above; the new one is read from its start.
        if (current !== -1 && current !== this.ino) {
            await this.reopen(false);
            await this.drain(lines);
        }
        return lines;
    }
    /** Closes the file. */
    async close() {
        await this.handle?.close();
        this.handle = undefined;
    }
}
/** An empty sample. */
function emptySample() {
    return { requests: 0, errors: 0, latenciesMs: [] };
}
/**
 * Adds logged lines to per-release samples. `releaseAt` maps nginx's `$upstream_addr` to a
 * release id; `blamed` takes a 502 or 504 that reached no known server (no live upstream), so
 * that such failures during a canary count against the canary, the side whose error rolls it back.
 */
function countRequests(lines, releaseAt, blamed, samples) {
    for (const line of lines) {
        const req = parseLine(line);
        if (!req)
            continue;
        let id = req.upstreamAddr === undefined ? undefined : releaseAt(req.upstreamAddr);
        if (id === undefined && (req.status === 502 || req.status === 504))
            id = blamed;
        if (id === undefined)
            continue;
        const sample = samples.get(id) ?? emptySample();
        samples.set(id, sample);
        sample.requests++;
        const status = req.upstreamStatus ?? req.status;
        // 502 and 504 with no upstream status are nginx giving up on the server (refused, timed out).
        if (status >= 500 || (req.upstreamStatus === undefined && (req.status === 502 || req.status === 504)))
            sample.errors++;
        else if (req.responseMs !== undefined)
            sample.latenciesMs.push(req.responseMs);
    }
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/nginx/command.ts
// The nginx commands a user configures (`nginx -s reload`, `sudo nginx -t`, `docker exec web nginx
// -t`), run without a shell so that no input is ever interpreted twice.

/** How long reloading or testing may take before it counts as hung. */
const COMMAND_TIMEOUT_MS = 60_000;
/** Splits a command into words: blanks separate them, and single or double quotes keep blanks inside one. */
function parseCommand(text, input) {
    const argv = [];
    const word = /"([^"]*)"|'([^']*)'|([^\s"']+)|(\S)/g;
    let current;
    let last = 0;
    for (let m = word.exec(text); m; m = word.exec(text)) {
        if (m[4] !== undefined)
            throw new lite/* UserError */.yo(`'${text}' has an unclosed quote.`, { input });
        // Adjacent pieces without a blank between them are one word (`-g'daemon off;'`).
        if (current !== undefined && m.index !== last) {
            argv.push(current);
            current = undefined;
        }
        current = (current ?? '') + (m[1] ?? m[2] ?? m[3] ?? '');
        last = word.lastIndex;
    }
    if (current !== undefined)
        argv.push(current);
    if (argv.length === 0)
        throw new lite/* UserError */.yo('is empty.', { input }, 'Give a command such as: nginx -s reload');
    return { argv, input };
}
/**
 * Runs a command and returns nginx's own words on failure (stderr, else stdout), or undefined when
 * it succeeded. A program that is not there, or one that hangs, is the configuring input's mistake.
 */
async function runCommand(exec, command) {
    const [program, ...args] = command.argv;
    let result;
    try {
        result = await exec(program, args, { silent: true, ignoreReturnCode: true, timeoutMs: COMMAND_TIMEOUT_MS });
    }
    catch (err) {
        if (err.code === 'ENOENT')
            throw new lite/* UserError */.yo(`runs '${program}', which is not installed or not on PATH.`, { input: command.input }, 'Install nginx on the runner, or give the full command (for example: sudo /usr/sbin/nginx -s reload).');
        throw err;
    }
    if (result.timedOut)
        throw new lite/* UserError */.yo(`'${command.argv.join(' ')}' did not finish within ${COMMAND_TIMEOUT_MS / 1000} s.`, {
            input: command.input,
        });
    if (result.exitCode === 0)
        return undefined;
    const said = (result.stderr.trim() || result.stdout.trim()).slice(-2000);
    return said || `it exited with code ${result.exitCode}`;
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/nginx/config.ts
// The nginx configuration slipway owns: the upstream file (rewritten on every weight change) and
// the access-log snippet (written once), so a deploy never edits a file the user wrote.

/** The name shared by the upstream block and the log format: `slipway_<environment>`, made a safe nginx word. */
function upstreamName(environment) {
    return `slipway_${environment.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}
/**
 * The `host:port` nginx reaches a release at. Only a scheme, a host and a port are accepted: the
 * address is written into nginx's configuration, so anything that could end a directive is refused.
 */
function serverAddress(release) {
    const text = release.upstream.trim();
    let url;
    try {
        url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `http://${text}`);
    }
    catch {
        url = undefined;
    }
    const plain = url && (url.protocol === 'http:' || url.protocol === 'https:') && (url.pathname === '/' || url.pathname === '');
    if (!url || !plain || url.search || url.hash || url.username || !/^[A-Za-z0-9.:[\]-]+$/.test(url.host))
        throw new lite/* UserError */.yo(`release ${release.id} has the upstream '${text.slice(0, 80)}', which nginx cannot use as a server.`, { input: 'nginx-upstream-file' }, 'Give each release an address such as http://127.0.0.1:8080 (scheme, host and port only).');
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return `${url.hostname}:${port}`;
}
/** One server line; nginx weights are 1 or more, so a share of 0 is written as `down` (kept for the reader). */
function serverLine(release, share) {
    const state = share > 0 ? `weight=${share}` : 'down';
    return `    server ${serverAddress(release)} ${state}; # ${release.id.replace(/[\r\n]/g, ' ')}\n`;
}
/**
 * The upstream file: the weighted block, and the log format the access-log snippet uses (a
 * `log_format` is only allowed in `http`, which is where this file is included).
 */
function renderUpstream(environment, stable, canary, canaryWeight) {
    // With one release absent, the other is the only place traffic can go, whatever the split;
    // but a canary at 0 stays down even then, as setWeights promises.
    const lines = [
        stable ? serverLine(stable, canary ? 100 - canaryWeight : 100) : '',
        canary ? serverLine(canary, canaryWeight > 0 ? (stable ? canaryWeight : 100) : 0) : '',
    ];
    const name = upstreamName(environment);
    return (`# Written by slipway (deploy-canary); every weight change replaces this file.\n` +
        `upstream ${name} {\n${lines.join('')}    keepalive 32;\n}\n` +
        `log_format ${name} '$msec $status "$upstream_addr" "$upstream_status" "$upstream_response_time"';\n`);
}
/** The snippet users include in the `server` or `location` that proxies to the upstream. */
function renderAccessLog(environment, logPath) {
    return (`# Written by slipway (deploy-canary): include this in the server or location that proxies to\n` +
        `# http://${upstreamName(environment)}, so the canary is judged on live traffic.\n` +
        `access_log ${logPath} ${upstreamName(environment)};\n`);
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/nginx/router.ts
// The nginx router: weights live in an upstream file slipway owns and the user's nginx includes;
// a change is written atomically, checked with `nginx -t`, and applied with a graceful reload.








/**
 * `nginx -s reload` returns once the master has the signal; the master then starts new workers
 * and, 100 ms later, tells the old ones to stop accepting. Waiting this long makes "weight 0 means
 * no new request reaches the canary" hold once setWeights resolves.
 */
const RELOAD_SETTLE_MS = 1000;
/** True when `program` can be run: a path that is executable, or a name found on PATH. */
async function runnable(program) {
    const candidates = program.includes('/')
        ? [program]
        : (process.env.PATH ?? '').split(external_node_path_.delimiter).map((dir) => (0,external_node_path_.join)(dir || '.', program));
    for (const candidate of candidates) {
        try {
            await (0,promises_.access)(candidate, external_node_fs_.constants.X_OK);
            return true;
        }
        catch {
            // not here
        }
    }
    return false;
}
/** The test command: the user's, or the reload command with `-s reload` turned into `-t` (same binary, prefix, sudo). */
function testCommand(settings, reload) {
    const given = settings['nginx-test-command']?.trim();
    if (given)
        return parseCommand(given, 'nginx-test-command');
    const [s, verb] = reload.argv.slice(-2);
    if (s === '-s' && verb === 'reload')
        return { argv: [...reload.argv.slice(0, -2), '-t'], input: reload.input };
    return { argv: ['nginx', '-t'], input: reload.input };
}
/** Every `$upstream_addr` nginx may log for a release: its address, and what its host name resolves to. */
async function loggedAddresses(release) {
    const address = serverAddress(release);
    const port = address.slice(address.lastIndexOf(':') + 1);
    const host = address.slice(0, address.lastIndexOf(':'));
    if (/^[\d.]+$/.test(host) || host.startsWith('['))
        return [address];
    const found = await (0,external_node_dns_promises_.lookup)(host, { all: true }).catch(() => []);
    return [address, ...found.map((a) => (a.family === 6 ? `[${a.address}]:${port}` : `${a.address}:${port}`))];
}
/** The `nginx` router; README.md beside this file shows the lines users add to their nginx configuration. */
const createNginxRouter = async (context) => {
    const { settings, environment } = context;
    const fileSetting = settings['nginx-upstream-file']?.trim();
    if (!fileSetting)
        throw new lite/* UserError */.yo('is required for the nginx provider.', { input: 'nginx-upstream-file' }, 'Name the file slipway writes the upstream block into, and include it in the http block of nginx.conf.');
    // The runner starts actions in the workspace; GITHUB_WORKSPACE says so explicitly when set.
    const workspace = context.workspace || process.env.GITHUB_WORKSPACE || process.cwd();
    const upstreamFile = (0,lite/* outputPath */.XC)('nginx-upstream-file', fileSetting, workspace);
    const reload = parseCommand(settings['nginx-reload-command']?.trim() || 'nginx -s reload', 'nginx-reload-command');
    const test = testCommand(settings, reload);
    for (const command of [reload, test])
        if (!(await runnable(command.argv[0])))
            throw new lite/* UserError */.yo(`runs '${command.argv[0]}', which is not installed or not on PATH.`, { input: command.input }, 'Install nginx on the runner, or give the full command (for example: sudo /usr/sbin/nginx -s reload).');
    const logDir = (0,external_node_path_.join)(context.stateDir, 'nginx', upstreamName(environment));
    const logPath = (0,external_node_path_.join)(logDir, 'access.log');
    // The path is written into nginx's configuration: nothing in it may end or expand a word there.
    if (/["'\\$;{}\s]/.test(logPath))
        throw new Error(`the state folder ${context.stateDir} cannot be named to nginx`);
    await (0,promises_.mkdir)(logDir, { recursive: true });
    const snippet = (0,external_node_path_.join)((0,external_node_path_.dirname)(upstreamFile), `${(0,external_node_path_.basename)(upstreamFile, (0,external_node_path_.extname)(upstreamFile))}.access.inc`);
    await (0,lite/* writeFileAtomic */.Zf)(snippet, renderAccessLog(environment, logPath));
    const tail = await AccessLogTail.at(logPath);
    const releaseAt = new Map();
    let current = [];
    let blamed;
    /** Puts the upstream file back as it was (or removes it, if there was none). */
    const restore = async (previous) => {
        if (previous === undefined)
            await (0,promises_.rm)(upstreamFile, { force: true });
        else
            await (0,lite/* writeFileAtomic */.Zf)(upstreamFile, previous);
    };
    const router = {
        name: 'nginx',
        frontDoor: `nginx upstream ${upstreamName(environment)}`,
        // The upstream file may have been put back (a config deploy, a restore): it is written again.
        reassert: (stable) => router.setWeights(stable, undefined, 0),
        async setWeights(stable, canary, canaryWeight) {
            if (!stable && !canary)
                throw new Error('setWeights needs a stable or a canary release');
            if (!Number.isInteger(canaryWeight) || canaryWeight < 0 || canaryWeight > 100)
                throw new Error(`canary weight ${canaryWeight} is not a whole percentage`);
            const text = renderUpstream(environment, stable, canary, canaryWeight);
            const previous = await (0,promises_.readFile)(upstreamFile).catch((err) => {
                if (err.code === 'ENOENT')
                    return undefined;
                throw err;
            });
            await (0,lite/* writeFileAtomic */.Zf)(upstreamFile, text);
            let problem;
            try {
                const refused = await runCommand(lite/* actionsExec */.dw, test);
                const failed = refused === undefined ? await runCommand(lite/* actionsExec */.dw, reload) : undefined;
                if (refused !== undefined)
                    problem = new lite/* UserError */.yo(`nginx refused the new upstream file ${upstreamFile}: ${refused}`, { input: 'nginx-upstream-file' }, 'The previous file was put back and nginx was not reloaded.');
                // nginx still runs the old configuration: the file goes back to match it.
                else if (failed !== undefined)
                    problem = new lite/* UserError */.yo(`nginx did not reload: ${failed}`, { input: reload.input });
            }
            catch (err) {
                await restore(previous);
                throw err;
            }
            if (problem) {
                await restore(previous);
                throw problem;
            }
            for (const release of [stable, canary])
                if (release)
                    for (const addr of await loggedAddresses(release))
                        releaseAt.set(addr, release.id);
            current = [stable?.id, canary?.id].filter((id) => id !== undefined);
            blamed = canary && canaryWeight > 0 ? canary.id : (stable?.id ?? canary?.id);
            await lite/* systemClock */.ml.sleep(RELOAD_SETTLE_MS);
        },
        async readTraffic() {
            const samples = new Map(current.map((id) => [id, emptySample()]));
            countRequests(await tail.read(), (addr) => releaseAt.get(addr), blamed, samples);
            return samples;
        },
        async close() {
            await tail.close();
        },
    };
    return router;
};


/***/ })

};
