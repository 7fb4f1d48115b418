export const id = 3873;
export const ids = [3873];
export const modules = {

/***/ 60493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g0: () => (/* reexport */ PROVIDER_PATH_SETTINGS),
  eu: () => (/* reexport */ PROVIDER_SETTINGS),
  auditEntries: () => (/* reexport */ auditEntries),
  deliveryMetrics: () => (/* reexport */ deliveryMetrics),
  SB: () => (/* reexport */ deployCanary),
  downEnvironment: () => (/* reexport */ downEnvironment),
  Fw: () => (/* reexport */ src_ledger/* environmentDir */.Fw),
  environmentStatus: () => (/* reexport */ environmentStatus),
  Sv: () => (/* reexport */ githubDeployments),
  Zz: () => (/* reexport */ knownGoodReleases),
  ql: () => (/* reexport */ manifestCandidates),
  maybeRunDaemon: () => (/* reexport */ maybeRunDaemon),
  metricsMarkdown: () => (/* reexport */ metricsMarkdown),
  w6: () => (/* reexport */ noDeployments),
  he: () => (/* reexport */ notifyWebhook),
  $i: () => (/* reexport */ parseSteps),
  qX: () => (/* reexport */ recoverCanary),
  dU: () => (/* reexport */ rollback),
  sF: () => (/* reexport */ routerNames),
  l6: () => (/* reexport */ runOnHost),
  ee: () => (/* reexport */ selfCommand)
});

// UNUSED EXPORTS: Ledger, abortCanary, acquireLock, ensureLocalProxy, hookVariables, lastKnownGood, localProxyStatus, openSsh, parseHost, prepareRelease, pruneReleases, registerRouter, releaseAlive, routerFor, runHook, seedFromGithub, startRelease, stopLocalProxy, stopRelease, targetLabel, waitReady

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
;// CONCATENATED MODULE: ./packages/deploy/src/registry.ts

/**
 * The inputs that configure a provider, handed to every router in RouterContext.settings; an action
 * passes those it declares (path inputs resolved). One list, so that a new router's inputs are added once.
 */
const PROVIDER_SETTINGS = [
    'listen',
    'front-door-url',
    'haproxy-socket',
    'haproxy-backend',
    'nginx-upstream-file',
    'nginx-reload-command',
    'nginx-test-command',
    'deploy-command',
    'set-weight-command',
    'promote-command',
    'abort-command',
    'status-command',
    'command-timeout',
    'namespace',
    'deployment',
    'image',
    'replicas',
    'container-port',
    'router',
    'route',
    'kube-context',
    'canary-url',
    'stable-url',
    'kubectl',
    'container',
    'manifest',
    'prometheus-url',
    'requests-query',
    'errors-query',
];
/** Provider settings that name a file, resolved like every path input. */
const PROVIDER_PATH_SETTINGS = ['nginx-upstream-file', 'manifest'];
const factories = new Map();
/** Adds a router under its name; each router's own file calls this once (loaded lazily by name). */
function registerRouter(name, load) {
    factories.set(name, load);
}
/** The names of the routers, for errors and docs. */
function routerNames() {
    return [...factories.keys()].sort();
}
/** The router called `name`; an unknown name is the `provider` input's mistake, listing the known ones. */
async function routerFor(name, context) {
    const load = factories.get(name);
    if (!load)
        throw new lite/* UserError */.yo(`'${name}' is not a provider.`, { input: 'provider' }, `Use one of: ${routerNames().join(', ')}.`);
    return (await load())(context);
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers.ts
// The registry's entries: one line per router, each loaded only when a deploy asks for it.

registerRouter('local', async () => (await __webpack_require__.e(/* import() */ 447).then(__webpack_require__.bind(__webpack_require__, 10447))).createLocalRouter);
registerRouter('haproxy', async () => (await __webpack_require__.e(/* import() */ 5379).then(__webpack_require__.bind(__webpack_require__, 55379))).createHaproxyRouter);
registerRouter('nginx', async () => (await __webpack_require__.e(/* import() */ 9749).then(__webpack_require__.bind(__webpack_require__, 99749))).createNginxRouter);
registerRouter('command', async () => (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 54068))).createCommandRouter);
registerRouter('kubernetes', async () => (await __webpack_require__.e(/* import() */ 5186).then(__webpack_require__.bind(__webpack_require__, 55186))).createKubernetesRouter);

;// CONCATENATED MODULE: ./packages/deploy/src/steps.ts

/** The longest pause a step may hold (a job runs for at most 6 hours on GitHub-hosted runners). */
const MAX_PAUSE_MS = 6 * 60 * 60 * 1000;
/**
 * Parses `steps`: canary percentages separated by commas, each optionally followed by a pause
 * (`10,25:2m,50,100`). Weights rise strictly from 1 to 100; the last step need not be 100, since
 * promotion sends all traffic to the canary anyway.
 */
function parseSteps(text, input = 'steps') {
    const parts = text
        .split(/[,\n]/)
        .map((p) => p.trim())
        .filter((p) => p !== '');
    if (parts.length === 0)
        throw new lite/* UserError */.yo('names no step.', { input }, 'Give canary percentages such as 10,25,50,100.');
    if (parts.length > 100)
        throw new lite/* UserError */.yo(`has ${parts.length} steps; at most 100.`, { input });
    const steps = [];
    for (const part of parts) {
        const m = /^(\d{1,3})(?:\s*%)?(?:\s*:\s*(.+))?$/.exec(part);
        if (!m)
            throw new lite/* UserError */.yo(`'${part.slice(0, 40)}' is not a step.`, { input }, 'Write a percentage, optionally with a pause: 25 or 25:2m.');
        const weight = Number(m[1]);
        if (weight < 1 || weight > 100)
            throw new lite/* UserError */.yo(`'${part}' asks for ${weight}% of the traffic; a step takes 1 to 100.`, { input });
        const previous = steps.at(-1);
        if (previous && weight <= previous.weight)
            throw new lite/* UserError */.yo(`'${part}' does not rise above the step before it (${previous.weight}%).`, { input }, 'Give the percentages in increasing order, such as 10,25,50,100.');
        let pauseMs = 0;
        if (m[2] !== undefined) {
            const pause = (0,lite/* parseDuration */.E9)(m[2]);
            if (pause === undefined || pause > MAX_PAUSE_MS)
                throw new lite/* UserError */.yo(`'${part}' has a pause that is not a duration up to 6h.`, { input }, 'Write the pause as a duration, such as 30s, 2m or 1h.');
            pauseMs = pause;
        }
        steps.push({ weight, pauseMs });
    }
    return steps;
}

// EXTERNAL MODULE: ./packages/deploy/src/ledger.ts
var src_ledger = __webpack_require__(26328);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/valibot/dist/index.mjs
var dist = __webpack_require__(77934);
;// CONCATENATED MODULE: ./packages/deploy/src/lock.ts
// One run at a time per environment. The lock is a file created whole or not at all (written
// under a temporary name, then hard-linked into place, which fails if a lock exists). A stale
// lock (expired, or its process gone) is replaced only by whoever first creates a claim file
// named after that lock's token, so two runs taking over the same stale lock cannot both win;
// refresh and release take the same claim, so they never undo a takeover either.







/** This run's lock was taken over (by a rollback) or removed: the run must stop acting at once. */
class LockLostError extends lite/* UserError */.yo {
    lockLost = true;
}
/** True for the error a refresh throws once another run took the lock over. */
function isLockLost(err) {
    return err instanceof LockLostError || err?.lockLost === true;
}
const lockSchema = dist/* object */.Ikc({
    owner: dist/* string */.YjP(),
    runId: dist/* string */.YjP(),
    pid: dist/* pipe */.FsL(dist/* number */.aig(), dist/* integer */.ndf()),
    host: dist/* string */.YjP(),
    acquiredAt: dist/* string */.YjP(),
    expiresAt: dist/* string */.YjP(),
    token: dist/* pipe */.FsL(dist/* string */.YjP(), dist/* regex */.yGV(/^[0-9a-f]{32}$/)),
});
const lostSchema = dist/* object */.Ikc({ by: dist/* string */.YjP(), reason: dist/* string */.YjP(), expiresAt: dist/* optional */.lqM(dist/* string */.YjP()) });
const claimSchema = dist/* object */.Ikc({ pid: dist/* number */.aig(), host: dist/* string */.YjP(), at: dist/* number */.aig() });
/** A takeover holds its claim for milliseconds; one older than this was left by a process that stalled or died. */
const CLAIM_TTL_MS = 60_000;
/** Claims on one lock, each taken when the one before it was abandoned. */
const MAX_CLAIM_GENERATIONS = 20;
/** Rounds of "someone else is mid-takeover, look again" before giving up. */
const MAX_ATTEMPTS = 50;
const RETRY_MS = 20;
const ACT_HINT = 'Wait for that run to finish or cancel it; once it ends (or its lock expires) the next run takes the lock over.';
/** Takes the lock of one environment, or fails at once with a UserError naming who holds it. */
async function acquire(options) {
    const dir = (0,src_ledger/* environmentDir */.Fw)(options.stateDir, options.environment);
    const lockPath = (0,external_node_path_.join)(dir, 'lock');
    await (0,promises_.mkdir)(dir, { recursive: true });
    let contender;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const now = options.clock.now();
        const record = {
            owner: options.owner,
            runId: options.runId,
            pid: process.pid,
            host: (0,external_node_os_.hostname)(),
            acquiredAt: new Date(now).toISOString(),
            expiresAt: new Date(now + options.ttlMs).toISOString(),
            token: (0,external_node_crypto_.randomBytes)(16).toString('hex'),
        };
        const raw = serialize(record);
        const temp = await writeTemp(dir, raw);
        try {
            if (await linkNew(temp, lockPath)) {
                await sweepLostNotes(dir, now);
                return new Handle(options, dir, lockPath, record, raw, undefined, false);
            }
            const current = await readLock(lockPath, options.environment);
            if (!current)
                continue; // released between our link and our read
            const stale = staleness(current.record, now);
            const forced = !stale && options.takeOver !== undefined;
            if (!stale && !forced)
                throw heldError(options.environment, current.record);
            const claim = await takeClaim(dir, current.record.token, options.clock);
            if (typeof claim === 'string') {
                // Another run is taking this stale lock over; look again once it has.
                contender = claim;
                await options.clock.sleep(RETRY_MS);
                continue;
            }
            try {
                // Under the claim nobody else can change the lock, so what we judged stale is still what we replace.
                if ((await readRaw(lockPath)) !== current.raw)
                    continue;
                // The holder finds who took its lock and why here, even when this run has finished by then.
                if (forced)
                    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, `lock.lost.${current.record.token}`), JSON.stringify({
                        by: describeHolder(record),
                        reason: options.takeOver,
                        expiresAt: current.record.expiresAt,
                    })).catch(() => { });
                await (0,promises_.rename)(temp, lockPath);
                const tookOver = stale
                    ? `${describeHolder(current.record)}, whose lock was stale: ${stale}`
                    : `${describeHolder(current.record)}, still running: ${options.takeOver}`;
                return new Handle(options, dir, lockPath, record, raw, tookOver, forced);
            }
            finally {
                await claim.release();
            }
        }
        finally {
            await (0,promises_.rm)(temp, { force: true });
        }
    }
    throw new lite/* UserError */.yo(`environment '${options.environment}': could not take the lock${contender ? `; ${contender} kept taking it over` : ''}.`, { input: 'environment' }, 'Run again; if this repeats, look for runs deploying to this environment at the same time.');
}
class Handle {
    options;
    dir;
    lockPath;
    record;
    raw;
    tookOver;
    forced;
    queue = Promise.resolve();
    constructor(options, dir, lockPath, record, raw, tookOver, forced) {
        this.options = options;
        this.dir = dir;
        this.lockPath = lockPath;
        this.record = record;
        this.raw = raw;
        this.tookOver = tookOver;
        this.forced = forced;
    }
    async refresh() {
        const ours = await this.whileOurs(async () => {
            const expiresAt = new Date(this.options.clock.now() + this.options.ttlMs).toISOString();
            const record = { ...this.record, expiresAt };
            const raw = serialize(record);
            const temp = await writeTemp(this.dir, raw);
            try {
                await (0,promises_.rename)(temp, this.lockPath);
            }
            finally {
                await (0,promises_.rm)(temp, { force: true });
            }
            this.record = record;
            this.raw = raw;
        });
        if (ours)
            return;
        const notePath = (0,external_node_path_.join)(this.dir, `lock.lost.${this.record.token}`);
        const note = dist/* safeParse */.xLC(lostSchema, parseJson((await readRaw(notePath).catch(() => undefined)) ?? ''));
        await (0,promises_.rm)(notePath, { force: true }).catch(() => { });
        const holder = await readLock(this.lockPath, this.options.environment).catch(() => undefined);
        const by = note.success ? `${note.output.by} (${note.output.reason})` : holder && describeHolder(holder.record);
        throw new LockLostError(`environment '${this.options.environment}': this run's lock ${by ? `was taken over by ${by}` : 'is gone'}; stopping so that two runs do not deploy at once.`, { input: 'environment' }, by
            ? 'That run now owns the environment and finishes what this one started (a rollback aborts its canary); see its log.'
            : 'Something removed the lock file while this run held it; run again.');
    }
    async release() {
        const ours = await this.whileOurs(() => (0,promises_.rm)(this.lockPath));
        // Taken over: the note saying by whom was for this run, which is done with it.
        if (!ours)
            await (0,promises_.rm)((0,external_node_path_.join)(this.dir, `lock.lost.${this.record.token}`), { force: true }).catch(() => { });
        return ours;
    }
    /** Runs `change` holding the claim on our own token, if the lock is still ours; false otherwise. */
    whileOurs(change) {
        // One at a time: a refresh timer firing during release would otherwise meet our own claim.
        const next = this.queue.then(async () => {
            const claim = await takeClaim(this.dir, this.record.token, this.options.clock);
            if (typeof claim === 'string')
                return false; // a takeover of our expired lock is under way: it is theirs
            try {
                if ((await readRaw(this.lockPath)) !== this.raw)
                    return false;
                await change();
                return true;
            }
            finally {
                await claim.release();
            }
        });
        this.queue = next.catch(() => undefined);
        return next;
    }
}
/** A note without the holder's expiry (written before it was recorded) is swept a day after it was written. */
const OLD_NOTE_MS = 24 * 3_600_000;
/**
 * Removes the notes of takeovers whose holder's lock has expired since: a holder still running
 * refreshes before its lock expires, and reads and removes its note then (or when it releases), so
 * once the expiry has passed, the holder has died. Without this, a killed holder's note stays for good.
 */
async function sweepLostNotes(dir, now) {
    const names = await (0,promises_.readdir)(dir).catch(() => []);
    for (const name of names.filter((n) => n.startsWith('lock.lost.'))) {
        const path = (0,external_node_path_.join)(dir, name);
        const note = dist/* safeParse */.xLC(lostSchema, parseJson((await readRaw(path).catch(() => undefined)) ?? ''));
        const expiry = note.success && note.output.expiresAt ? Date.parse(note.output.expiresAt) : NaN;
        const old = Number.isFinite(expiry)
            ? now > expiry
            : ((await (0,promises_.stat)(path).catch(() => undefined))?.mtimeMs ?? now) < now - OLD_NOTE_MS;
        if (old)
            await (0,promises_.rm)(path, { force: true }).catch(() => { });
    }
}
function serialize(record) {
    return `${JSON.stringify(record, null, 2)}\n`;
}
/** Writes and fsyncs a file under a fresh temporary name, so that it is whole before anyone can see it. */
async function writeTemp(dir, text) {
    const temp = (0,external_node_path_.join)(dir, `.lock.${(0,external_node_crypto_.randomBytes)(8).toString('hex')}.tmp`);
    const fh = await (0,promises_.open)(temp, 'wx', 0o644);
    try {
        await fh.writeFile(text);
        await fh.sync();
    }
    finally {
        await fh.close();
    }
    return temp;
}
/** Links `temp` to `path` unless something is there already: the one atomic "create if absent" for a whole file. */
async function linkNew(temp, path) {
    try {
        await (0,promises_.link)(temp, path);
        return true;
    }
    catch (err) {
        if (err.code === 'EEXIST')
            return false;
        throw err;
    }
}
async function readRaw(path) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw err;
    }
}
async function readLock(path, environment) {
    const raw = await readRaw(path);
    if (raw === undefined)
        return undefined;
    const result = dist/* safeParse */.xLC(lockSchema, parseJson(raw));
    // Locks are linked in whole, so a damaged one was written by something else: never guess it is stale.
    if (!result.success)
        throw new lite/* UserError */.yo(`environment '${environment}': the lock file ${path} is not a slipway lock.`, { input: 'environment', file: path }, 'Remove it if no run is deploying to this environment.');
    return { raw, record: result.output };
}
/** Who holds an environment's lock, if anyone, and why the lock no longer protects them when it does not. */
async function lockHolder(stateDir, environment, clock) {
    const found = await readLock((0,external_node_path_.join)((0,src_ledger/* environmentDir */.Fw)(stateDir, environment), 'lock'), environment);
    if (!found)
        return undefined;
    const { owner, runId, pid, host, acquiredAt, expiresAt } = found.record;
    const stale = staleness(found.record, clock.now());
    return { owner, runId, pid, host, acquiredAt, expiresAt, ...(stale ? { stale } : {}) };
}
/** Why a lock no longer protects anyone, or undefined while its holder may still be working. */
function staleness(record, now) {
    const expires = Date.parse(record.expiresAt);
    if (!(expires > now))
        return `it expired at ${record.expiresAt}`;
    if (record.host === (0,external_node_os_.hostname)() && !processExists(record.pid))
        return `process ${record.pid} is gone`;
    return undefined;
}
function processExists(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        // EPERM: it exists, it is just not ours to signal.
        return err.code === 'EPERM';
    }
}
function describeHolder(record) {
    return `${record.owner} (run ${record.runId}, process ${record.pid} on ${record.host})`;
}
function heldError(environment, record) {
    return new lite/* UserError */.yo(`environment '${environment}' is locked by ${describeHolder(record)} since ${record.acquiredAt}, until ${record.expiresAt}.`, { input: 'environment' }, ACT_HINT);
}
/**
 * Takes the claim on the lock with `token`: the first to create `lock.claim.<token>.0` has it.
 * A claim left by a dead or stalled process is skipped for the next generation, which is again
 * created exclusively, so one claimant still wins. Only a holder removes its own claim file (an
 * abandoned one stays, so nobody can create it afresh while someone holds the next generation).
 * Returns who holds the claim when that is not us.
 */
async function takeClaim(dir, token, clock) {
    const body = JSON.stringify({ pid: process.pid, host: (0,external_node_os_.hostname)(), at: clock.now() });
    const temp = await writeTemp(dir, body);
    try {
        let generation = 0;
        for (let tries = 0; generation < MAX_CLAIM_GENERATIONS && tries < MAX_ATTEMPTS; tries++) {
            const path = (0,external_node_path_.join)(dir, `lock.claim.${token}.${generation}`);
            if (await linkNew(temp, path))
                return { release: () => (0,promises_.rm)(path, { force: true }) };
            const raw = await readRaw(path);
            if (raw === undefined)
                continue; // its holder just let go: try the same generation again
            const claim = dist/* safeParse */.xLC(claimSchema, parseJson(raw));
            // Claims are linked in whole, so a damaged one was never a live claimant's.
            if (claim.success) {
                const { pid, host, at } = claim.output;
                const abandoned = clock.now() - at > CLAIM_TTL_MS || (host === (0,external_node_os_.hostname)() && !processExists(pid));
                if (!abandoned)
                    return `process ${pid} on ${host}`;
            }
            generation++;
        }
        return 'abandoned claims';
    }
    finally {
        await (0,promises_.rm)(temp, { force: true });
    }
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./packages/artifact/src/verify.ts + 1 modules
var verify = __webpack_require__(6476);
// EXTERNAL MODULE: ./packages/artifact/src/manifest.ts
var src_manifest = __webpack_require__(70251);
// EXTERNAL MODULE: ./packages/artifact/src/collect.ts
var collect = __webpack_require__(86906);
;// CONCATENATED MODULE: ./packages/artifact/src/verifier.ts
// The light entry point: what a deploy needs to check and unpack an archive, without the build,
// cache and upload machinery (and their dependencies) that the main entry brings.




// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./packages/deploy/src/release/folder.ts
// A release given as a folder: its digest, and a copy of it that cannot change under the running
// release. Both read the same walk in the same order, so the copy can prove it holds exactly the
// files the digest describes, even when the folder is being written to meanwhile.






/** Only permission bits count and are copied: setuid, setgid and sticky bits never reach a release. */
const PERMISSION_BITS = 0o777;
/** Folders stay writable by us while the copy fills them; their own modes are applied at the end. */
const WORKING_DIR_MODE = 0o700;
/** `sha256:<hex>` over the folder's sorted paths, kinds, modes and contents (link targets for links), without `.git`. */
async function folderDigest(root) {
    return digestOf(root, await walk(root));
}
/**
 * Copies the folder into `into` (which must not exist) and returns the digest of what was copied;
 * the caller compares it with the digest it named the release by.
 */
async function copyFolder(root, into) {
    const entries = await walk(root);
    await (0,promises_.mkdir)(into, { mode: WORKING_DIR_MODE });
    const digest = await digestOf(root, entries, async (entry) => {
        const dest = (0,external_node_path_.join)(into, entry.path);
        if (entry.kind === 'file')
            return (0,promises_.open)(dest, 'wx', 0o600);
        if (entry.kind === 'dir')
            await (0,promises_.mkdir)(dest, { mode: WORKING_DIR_MODE });
        else
            await (0,promises_.symlink)(entry.target, dest);
        return undefined;
    });
    const rootMode = (await (0,promises_.lstat)(root)).mode & PERMISSION_BITS;
    // Deepest first, so that a read-only folder is closed only after everything inside it is written.
    const dirs = entries.filter((e) => e.kind === 'dir').reverse();
    for (const dir of dirs)
        await (0,promises_.chmod)((0,external_node_path_.join)(into, dir.path), dir.mode);
    await (0,promises_.chmod)(into, rootMode);
    return digest;
}
async function digestOf(root, entries, copy) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for (const entry of entries) {
        const source = (0,external_node_path_.join)(root, entry.path);
        const sink = await copy?.(entry);
        // Each line is self-delimiting (NUL-separated, contents by their own hash), so no two trees share a digest input.
        hash.update(`${entry.kind}\0${entry.mode.toString(8).padStart(4, '0')}\0${entry.path}\0`);
        if (entry.kind === 'symlink')
            hash.update(`${entry.target}\0`);
        if (entry.kind === 'file')
            hash.update(`${await fileHash(source, sink, entry.mode)}\0`);
    }
    return `sha256:${hash.digest('hex')}`;
}
/** Streams a file once: hashes it, and writes it to `sink` (then gives it its mode) when copying. */
async function fileHash(path, sink, mode) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    try {
        for await (const chunk of (0,external_node_fs_.createReadStream)(path)) {
            hash.update(chunk);
            if (sink)
                await sink.write(chunk);
        }
        await sink?.chmod(mode);
    }
    finally {
        await sink?.close();
    }
    return hash.digest('hex');
}
/** Every entry under `root` in byte order of its path, never following links; refuses links that lead out. */
async function walk(root) {
    const entries = [];
    const visit = async (rel) => {
        const names = await (0,promises_.readdir)(rel ? (0,external_node_path_.join)(root, rel) : root);
        for (const name of names) {
            // A checkout's history is not part of the release, and can be most of its size.
            if (name === '.git')
                continue;
            const path = rel ? external_node_path_.posix.join(rel, name) : name;
            const st = await (0,promises_.lstat)((0,external_node_path_.join)(root, path));
            const mode = st.mode & PERMISSION_BITS;
            if (st.isDirectory()) {
                entries.push({ path, kind: 'dir', mode });
                await visit(path);
            }
            else if (st.isFile()) {
                entries.push({ path, kind: 'file', mode });
            }
            else if (st.isSymbolicLink()) {
                const raw = await (0,promises_.readlink)((0,external_node_path_.join)(root, path));
                const target = (0,collect/* linkStaysInside */.tA)(path, raw);
                // Copied as is, it would point at files outside the release, which may change or vanish under it.
                if (target === undefined)
                    throw new lite/* UserError */.yo(`the folder ${root} holds a link '${path}' to '${raw}', outside the folder.`, { input: 'artifact' }, 'Replace the link with the files it points to, or make it a relative link inside the folder.');
                entries.push({ path, kind: 'symlink', mode: 0o777, target });
            }
            // Sockets, FIFOs and devices are left out: they are never part of what a release runs.
        }
    };
    await visit('');
    return entries.sort((a, b) => (0,collect/* byteOrder */.Tz)(a.path, b.path));
}

;// CONCATENATED MODULE: ./packages/deploy/src/release/prepare.ts
// Turns the `artifact` input into a release folder under the state folder: verified, named by
// version and digest, and complete before it has its name, so that the release keeps running
// from it after the workspace is cleaned, and a re-deploy of the same release reuses it.






const VERSION = /^[A-Za-z0-9._+-]{1,64}$/;
const ARCHIVE = /\.(tar\.gz|tgz)$/;
const SHA256 = /^(?:sha256:)?([0-9a-f]{64})$/;
/** A manifest lists every file of a release; even a huge one stays far below this. */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;
const ARTIFACT_HINT = 'Name the .tar.gz that build-artifact wrote (with its .manifest.json beside it) or the folder of the built app, as an absolute path or relative to the workspace.';
/** Verifies the artifact and copies or extracts it into `<stateDir>/<environment>/releases/<id>/app`. */
async function prepareRelease(o) {
    if (!(0,external_node_path_.isAbsolute)(o.artifact))
        throw new Error(`prepareRelease: artifact must be an absolute path, not ${o.artifact}`);
    const releases = (0,external_node_path_.join)((0,src_ledger/* environmentDir */.Fw)(o.stateDir, o.environment), 'releases');
    const st = await (0,promises_.stat)(o.artifact).catch((err) => {
        if (err.code === 'ENOENT' || err.code === 'ENOTDIR')
            return undefined;
        throw err;
    });
    if (!st)
        throw new lite/* UserError */.yo(`${o.artifact} does not exist.`, { input: 'artifact' }, 'Build it earlier in the job. ' + ARTIFACT_HINT);
    if (st.isDirectory())
        return prepareFolder(o, releases);
    if (st.isFile() && ARCHIVE.test(o.artifact))
        return prepareArchive(o, releases);
    throw new lite/* UserError */.yo(`${o.artifact} is ${st.isFile() ? 'a file but not a .tar.gz or .tgz archive' : 'neither a file nor a folder'}.`, { input: 'artifact' }, ARTIFACT_HINT);
}
async function prepareFolder(o, releases) {
    const version = chooseVersion(o.version, undefined, await packageVersion(o.artifact), (0,external_node_path_.basename)(o.artifact));
    const digest = await folderDigest(o.artifact);
    return place(releases, version, digest, async (app) => {
        const copied = await copyFolder(o.artifact, app);
        // The digest names the release, so the copy must be exactly what was hashed.
        if (copied !== digest)
            throw new lite/* UserError */.yo(`${o.artifact} changed while it was being copied.`, { input: 'artifact' }, 'Deploy once whatever writes to the folder has finished.');
    });
}
async function prepareArchive(o, releases) {
    const archive = o.artifact;
    const manifestPath = await findManifest(archive);
    const manifest = (0,src_manifest/* parseManifest */.N)((0,lite/* readUserFile */.E1)(manifestPath, {
        maxBytes: MAX_MANIFEST_BYTES,
        subject: { file: manifestPath },
        what: 'the manifest',
    }).toString('utf8'), manifestPath);
    const hex = SHA256.exec(manifest.archive.sha256)?.[1];
    // The digest becomes part of a folder name: anything but hex could lead out of the releases folder.
    if (!hex)
        throw new lite/* UserError */.yo(`archive.sha256 is '${manifest.archive.sha256.slice(0, 80)}', not a SHA-256 in hex.`, { file: manifestPath }, 'Pass the .manifest.json that build-artifact wrote beside the archive.');
    const version = chooseVersion(o.version, manifest.version, undefined, (0,external_node_path_.basename)(archive).replace(ARCHIVE, ''));
    const prepared = await place(releases, version, `sha256:${hex}`, async (app) => void (await (0,verify/* verifyArtifact */.o)({ archive, manifest: manifestPath, into: app })), 
    // Reusing the folder still checks the archive: a tampered one is refused even when it is not unpacked.
    async () => void (await (0,verify/* verifyArtifact */.o)({ archive, manifest: manifestPath })));
    // Kept beside the releases so that a rollback can redeploy it once its folder is gone.
    await keepArtifact((0,external_node_path_.join)((0,external_node_path_.dirname)(releases), 'artifacts', prepared.id), archive, manifestPath);
    return prepared;
}
/** The archive and manifest kept for a release: `<environment>/artifacts/<id>/`. */
function keptArtifact(stateDir, environment, id) {
    const dir = (0,external_node_path_.join)((0,src_ledger/* environmentDir */.Fw)(stateDir, environment), 'artifacts', id);
    return { archive: (0,external_node_path_.join)(dir, 'release.tar.gz'), manifest: (0,external_node_path_.join)(dir, 'release.manifest.json') };
}
/** Copies archive and manifest into `dir`, complete before the folder has its name; a kept copy is left as it is. */
async function keepArtifact(dir, archive, manifest) {
    if (await isDirectory(dir))
        return;
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(dir), { recursive: true });
    const staging = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_path_.dirname)(dir), `.${(0,external_node_path_.basename)(dir)}.partial-`));
    try {
        await copyFileSynced(archive, (0,external_node_path_.join)(staging, 'release.tar.gz'));
        await copyFileSynced(manifest, (0,external_node_path_.join)(staging, 'release.manifest.json'));
        await (0,promises_.rename)(staging, dir);
    }
    catch (err) {
        await (0,promises_.rm)(staging, { recursive: true, force: true });
        // Another run kept the same release meanwhile: theirs is as good as ours.
        if (await isDirectory(dir))
            return;
        throw err;
    }
}
async function copyFileSynced(from, to) {
    await (0,promises_.copyFile)(from, to);
    const fh = await (0,promises_.open)(to, 'r');
    try {
        await fh.sync();
    }
    finally {
        await fh.close();
    }
}
/** Where an archive's manifest may be, in order: `<archive minus .tar.gz>.manifest.json` beside it, else `manifest.json` in its folder. */
function manifestCandidates(archive) {
    if (!ARCHIVE.test(archive))
        return [];
    return [
        (0,external_node_path_.join)((0,external_node_path_.dirname)(archive), `${(0,external_node_path_.basename)(archive).replace(ARCHIVE, '')}.manifest.json`),
        (0,external_node_path_.join)((0,external_node_path_.dirname)(archive), 'manifest.json'),
    ];
}
async function findManifest(archive) {
    const candidates = manifestCandidates(archive);
    for (const candidate of candidates)
        if (await isFile(candidate))
            return candidate;
    throw new lite/* UserError */.yo(`found no manifest for ${archive}: neither ${candidates[0]} nor ${candidates[1]} exists.`, { input: 'artifact' }, 'Without its manifest an archive cannot be verified: keep the .manifest.json that build-artifact wrote beside the archive (download both when they come from another job).');
}
/**
 * Puts a release into `releases/<id>/app` through `fill`, which writes into a folder that must
 * not exist yet. The whole `<id>` folder is filled under a temporary name and renamed into place,
 * so an `<id>` folder with an `app` inside is always complete, and is reused as it is.
 */
async function place(releases, version, digest, fill, beforeReuse) {
    const id = `${version}-${digest.slice('sha256:'.length, 'sha256:'.length + 12)}`;
    const final = (0,external_node_path_.join)(releases, id);
    const prepared = { id, version, digest, dir: (0,external_node_path_.join)(final, 'app') };
    if (await isDirectory(prepared.dir)) {
        await beforeReuse?.();
        return prepared;
    }
    await (0,promises_.mkdir)(releases, { recursive: true });
    const staging = await (0,promises_.mkdtemp)((0,external_node_path_.join)(releases, `.${id}.partial-`));
    try {
        await fill((0,external_node_path_.join)(staging, 'app'));
        // Only a leftover without `app` can be here (the check above found none): it holds nothing to keep.
        await (0,promises_.rm)(final, { recursive: true, force: true });
        await (0,promises_.rename)(staging, final);
    }
    catch (err) {
        await (0,promises_.rm)(staging, { recursive: true, force: true });
        // A refused first release leaves no empty `releases` folder behind either.
        await (0,promises_.rmdir)(releases).catch(() => undefined);
        throw err;
    }
    return prepared;
}
/** The first of: the `version` input, the manifest's, `package.json`'s, the artifact's name; checked. */
function chooseVersion(input, manifest, packageJson, name) {
    const version = [input?.trim(), manifest, packageJson, name].find((v) => v !== undefined && v !== '');
    if (!VERSION.test(version))
        throw new lite/* UserError */.yo(`'${version.slice(0, 80)}'${input?.trim() ? '' : ' (taken from the artifact)'} is not a release version.`, { input: 'version' }, 'Use 1 to 64 letters, digits, dots, dashes, underscores or plus signs, such as 1.4.2 or 2024.11.30+build.7.');
    return version;
}
/** The `version` of the folder's package.json, when it has one. */
async function packageVersion(folder) {
    let text;
    try {
        text = await (0,promises_.readFile)((0,external_node_path_.join)(folder, 'package.json'), 'utf8');
    }
    catch {
        return undefined;
    }
    try {
        const version = JSON.parse(text)?.version;
        return typeof version === 'string' ? version : undefined;
    }
    catch {
        // Not ours to judge: the release's own tools will say what is wrong with it.
        return undefined;
    }
}
async function isFile(path) {
    return (0,promises_.stat)(path).then((s) => s.isFile(), () => false);
}
async function isDirectory(path) {
    return (0,promises_.stat)(path).then((s) => s.isDirectory(), () => false);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./packages/deploy/src/release/log-tail.ts
// The end of a release's log, for the messages that say why it did not start: what it printed
// last is nearly always the reason.


/** Lines enough for a stack trace's top, few enough to read in an annotation. */
const TAIL_LINES = 20;
/** Read no more than this from the end: a chatty release can write gigabytes. */
const TAIL_BYTES = 16 * 1024;
/** The log's last lines, credentials in URLs masked, as ` Its log ends with:\n…` (or says it is empty). */
async function logTail(logFile) {
    let text = '';
    try {
        const fh = await (0,promises_.open)(logFile, 'r');
        try {
            const { size } = await fh.stat();
            const length = Math.min(size, TAIL_BYTES);
            const { buffer, bytesRead } = await fh.read(Buffer.alloc(length), 0, length, size - length);
            text = buffer.subarray(0, bytesRead).toString('utf8');
        }
        finally {
            await fh.close();
        }
    }
    catch {
        return ` Its log ${logFile} cannot be read.`;
    }
    const lines = text.replace(/\s+$/, '').split('\n').slice(-TAIL_LINES);
    if (lines.join('') === '')
        return ` Its log ${logFile} is empty.`;
    return ` Its log ${logFile} ends with:\n${(0,lite/* redactCredentials */.UY)(lines.join('\n'))}`;
}

;// CONCATENATED MODULE: ./packages/deploy/src/release/process.ts
// Release processes: started in a process group of their own, so that they outlive the job that
// started them and can be stopped whole (with whatever they started) by a later run that knows
// only their pid.







/** A start-command still running after this long has at least not failed at once. */
const EARLY_EXIT_MS = 300;
const POLL_MS = 50;
/** After SIGKILL a group is gone within milliseconds; this only bounds the wait should the kernel take longer. */
const AFTER_KILL_MS = 2000;
/** How a release this process started ended, by pid; a release started by an earlier run is not here. */
const exits = new Map();
/** How the release with this pid ended, when this process started it and it has ended. */
function releaseExit(pid) {
    return exits.get(pid);
}
/** Pids this process started: their exit is reported here, if a moment after the process is gone. */
const startedHere = new Set();
/**
 * How a release ended, waiting up to `waitMs` for the exit to be reported when this process
 * started it: on a busy machine the process can be seen gone before its exit event is handled.
 */
async function settledExit(pid, waitMs) {
    const end = performance.now() + waitMs;
    while (!exits.has(pid) && startedHere.has(pid) && performance.now() < end)
        await new Promise((r) => setTimeout(r, 20));
    return exits.get(pid);
}
/** Starts the release in its own process group with its output appended to `release.log`; a UserError if it exits at once. */
async function startRelease(o) {
    const port = o.port || (await freePort());
    const logFile = (0,external_node_path_.join)((0,external_node_path_.dirname)(o.release.dir), 'release.log');
    const env = (0,lite/* withoutRunnerCredentials */.DV)(o.env);
    // A self-hosted runner kills every process carrying its tracking id when the job ends.
    delete env.RUNNER_TRACKING_ID;
    Object.assign(env, {
        PORT: String(port),
        HOST: '127.0.0.1',
        SLIPWAY_RELEASE_ID: o.release.id,
        SLIPWAY_RELEASE_VERSION: o.release.version,
    });
    const log = await (0,promises_.open)(logFile, 'a', 0o600);
    let child;
    let exited;
    try {
        child = (0,external_node_child_process_.spawn)('/bin/sh', ['-c', o.command], {
            cwd: o.release.dir,
            env,
            detached: true,
            stdio: ['ignore', log.fd, log.fd],
        });
        // The pid of a release that ended long ago may have been given to this one.
        if (child.pid) {
            exits.delete(child.pid);
            startedHere.add(child.pid);
        }
        // Listening from the start: a command that fails at once may be gone before `spawn` is seen.
        exited = new Promise((resolve) => child.once('exit', (code, signal) => {
            exits.set(child.pid, { code, signal });
            resolve();
        }));
        await new Promise((resolve, reject) => {
            child.once('spawn', resolve);
            child.once('error', (err) => reject(new Error(`Cannot start the release in ${o.release.dir}: ${err.message}`)));
        });
    }
    finally {
        // The child holds its own copy of the descriptor.
        await log.close();
    }
    const pid = child.pid;
    child.unref();
    let timer;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, EARLY_EXIT_MS)))]);
    clearTimeout(timer);
    const early = exits.get(pid);
    if (early) {
        // What it started in the background would otherwise run on, unknown to any ledger.
        await stopRelease(pid, 0);
        throw new lite/* UserError */.yo(`the release exited at once with ${describeExit(early)} instead of serving on port ${port}.${await logTail(logFile)}`, { input: 'start-command' }, 'The command must keep running in the foreground (use `exec`, not `&` or a daemon mode) and listen on $PORT.');
    }
    return { pid, port, upstream: `http://127.0.0.1:${port}`, logFile };
}
/** Stops the release's whole process group: SIGTERM, then SIGKILL after `graceMs`; resolves once it is gone. */
async function stopRelease(pid, graceMs) {
    if (!signalGroup(pid, 'SIGTERM'))
        return;
    const killAt = performance.now() + graceMs;
    while (groupAlive(pid)) {
        if (performance.now() >= killAt) {
            signalGroup(pid, 'SIGKILL');
            const giveUpAt = performance.now() + AFTER_KILL_MS;
            while (groupAlive(pid) && performance.now() < giveUpAt)
                await pause(POLL_MS);
            return;
        }
        await pause(POLL_MS);
    }
}
/** True while the process exists (and is not a zombie waiting to be reaped). */
function releaseAlive(pid) {
    try {
        process.kill(pid, 0);
    }
    catch (err) {
        // EPERM: it exists, it is just not ours to signal.
        if (err.code !== 'EPERM')
            return false;
    }
    return !isZombie(pid);
}
/** How a process ended, as `code 3` or `signal SIGKILL`. */
function describeExit(exit) {
    return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}
/** Signals the process group; false when there is no such group (nothing left to stop). */
function signalGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
        return true;
    }
    catch (err) {
        if (err.code === 'ESRCH')
            return false;
        throw new Error(`Cannot send ${signal} to release process group ${pid}: ${err.message}`);
    }
}
/** True while any process of the group lives; zombies, which no signal can end, do not count. */
function groupAlive(pid) {
    try {
        process.kill(-pid, 0);
    }
    catch (err) {
        if (err.code !== 'EPERM')
            return false;
    }
    // Without /proc (not Linux) the signal's answer is all we know.
    if (readProc('/proc/self/stat') === undefined)
        return true;
    return procStats().some((s) => s.pgid === pid && s.state !== 'Z');
}
/** True for a process that has ended but is not yet reaped (Linux state Z); elsewhere we cannot tell, and say no. */
function isZombie(pid) {
    return parseStat(readProc(`/proc/${pid}/stat`))?.state === 'Z';
}
function procStats() {
    let pids;
    try {
        pids = (0,external_node_fs_.readdirSync)('/proc').filter((d) => /^\d+$/.test(d));
    }
    catch {
        return [];
    }
    return pids.flatMap((pid) => parseStat(readProc(`/proc/${pid}/stat`)) ?? []);
}
function parseStat(text) {
    if (text === undefined)
        return undefined;
    // The command name may hold spaces and parentheses: the fields follow the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], pgid: Number(fields[2]) };
}
function readProc(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch {
        return undefined;
    }
}
/** A loopback port nothing listens on right now. */
async function freePort() {
    const server = (0,external_node_net_.createServer)();
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
    });
    const { port } = server.address();
    await new Promise((resolve) => server.close(() => resolve()));
    return port;
}
function pause(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
;// CONCATENATED MODULE: ./packages/deploy/src/release/ready.ts
// Is a release ready for traffic? It is once it answers its health path; it never will be once
// its process has ended, and there is no point waiting for the timeout to say so.





/** How long a gone release's exit code may take to be reported. */
const EXIT_REPORT_MS = 2000;
/** One probe waits no longer than this: a release that takes longer to answer is not ready. */
const ATTEMPT_MS = 2000;
const MIN_ATTEMPT_MS = 500;
const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 1000;
/** Probes `upstream + healthPath` until a 2xx/3xx answer, the process ends, time runs out, or `signal` aborts; never throws for a failed release. */
function waitReady(running, o) {
    return waitUntilAnswers({
        url: new URL(o.healthPath, running.upstream),
        shown: o.healthPath,
        async gone() {
            let exit = releaseExit(running.pid);
            if (!exit && releaseAlive(running.pid))
                return undefined;
            exit ??= await settledExit(running.pid, EXIT_REPORT_MS);
            return `the release ${exit ? `exited with ${describeExit(exit)}` : 'exited'} before answering ${o.healthPath}.${await logTail(running.logFile)}`;
        },
        context: () => logTail(running.logFile),
    }, o);
}
/**
 * Probes a URL until a 2xx/3xx answer, the target is gone, time runs out, or `signal` aborts,
 * backing off from 100 ms to 1 s between probes; never throws for a release that fails.
 */
async function waitUntilAnswers(target, o) {
    const started = o.clock.monotonic();
    let delay = FIRST_DELAY_MS;
    let attempts = 0;
    const cancelled = () => ({
        ready: false,
        reason: `the run was cancelled while waiting for ${target.shown}.`,
        attempts,
    });
    for (;;) {
        if (o.signal?.aborted)
            return cancelled();
        const remaining = o.timeoutMs - (o.clock.monotonic() - started);
        attempts++;
        // Near the deadline a probe still gets long enough to mean something.
        const last = await probe(target.url, Math.min(ATTEMPT_MS, Math.max(MIN_ATTEMPT_MS, remaining)), o.signal);
        if (last === undefined)
            return { ready: true, attempts };
        if (o.signal?.aborted)
            return cancelled();
        const gone = await target.gone?.();
        if (gone !== undefined)
            return { ready: false, reason: gone, attempts };
        const left = o.timeoutMs - (o.clock.monotonic() - started);
        if (left <= 0)
            return {
                ready: false,
                reason: `the release did not answer ${target.shown} with 2xx/3xx within ${(0,lite/* formatDuration */.a3)(o.timeoutMs)}; last: ${last}.${(await target.context?.()) ?? ''}`,
                attempts,
            };
        await sleep(o, Math.min(delay, left));
        delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
}
/** The clock's sleep, cut short by the signal. */
async function sleep(o, ms) {
    const signal = o.signal;
    if (!signal)
        return o.clock.sleep(ms);
    let onAbort = () => undefined;
    const aborted = new Promise((resolve) => (onAbort = () => resolve()));
    signal.addEventListener('abort', onAbort, { once: true });
    try {
        await Promise.race([o.clock.sleep(ms), aborted]);
    }
    finally {
        signal.removeEventListener('abort', onAbort);
    }
}
/** One GET on a fresh connection (http or https): undefined when the answer is 2xx/3xx, else what went wrong, in a few words. */
function probe(url, timeoutMs, signal) {
    const request = url.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
    return new Promise((resolve) => {
        const req = request(url, { method: 'GET', agent: false, headers: { connection: 'close' }, signal }, (res) => {
            const status = res.statusCode ?? 0;
            // Only the status matters; the body is dropped so the socket can close.
            res.resume();
            res.on('error', () => undefined);
            clearTimeout(timer);
            resolve(status >= 200 && status < 400 ? undefined : `HTTP ${status}`);
            req.destroy();
        });
        const timer = setTimeout(() => {
            resolve(`no answer within ${(0,lite/* formatDuration */.a3)(timeoutMs)}`);
            req.destroy();
        }, timeoutMs);
        req.on('error', (err) => {
            clearTimeout(timer);
            resolve(err.code ?? err.message);
        });
        req.end();
    });
}

;// CONCATENATED MODULE: ./packages/deploy/src/release/index.ts
// Releases as processes on this host: prepare the files, start, wait until ready, stop.




;// CONCATENATED MODULE: ./packages/deploy/src/controller/abort.ts

/** Time in-flight requests of an aborted canary get before it is stopped; shorter when the run is being cancelled. */
const IN_FLIGHT_GRACE_MS = 5000;
const CANCELLED_GRACE_MS = 1000;
/** Time a release gets to exit on SIGTERM before its process group is killed. */
const STOP_GRACE_MS = 5000;
/**
 * Sends all traffic back to stable and stops the canary. `outcome` is `rolled-back` when the
 * canary had traffic (or may have had it), `failed` when it never got any (readiness, a hook).
 */
async function abortCanary(c, reason, outcome = 'rolled-back') {
    const canary = c.ledger.unfinished();
    if (!canary)
        return;
    const stable = c.ledger.document.stable;
    const hadTraffic = canary.weight > 0 || canary.phase === 'promoting' || canary.phase === 'aborting';
    // Recorded first, so that a run dying here is finished by the next. When it cannot be recorded (a
    // full disk), traffic still goes back to stable: the ledger's canary stays unfinished, and the
    // next run aborts it again, which changes nothing more.
    let unrecorded;
    try {
        await c.ledger.transition({ to: 'aborting', weight: 0, note: reason }, c.runId);
    }
    catch (err) {
        // A rollback that took the environment over owns the canary now: touch nothing.
        if (isLockLost(err))
            throw err;
        unrecorded = err;
        c.logger.warning(`could not record the abort (${err.message}); moving all traffic to stable all the same`);
    }
    if (stable) {
        // One operation: the canary's weight to 0 and stable to its whole share.
        await (await c.router()).setWeights(plain(stable), undefined, 0);
        c.logger.info(`abort: all traffic on ${stable.id}; no new request reaches ${canary.release.id}`);
    }
    c.onSwitched?.();
    if (unrecorded !== undefined)
        throw unrecorded;
    if (canary.release.pid !== undefined && c.host.alive(canary.release.pid)) {
        if (hadTraffic)
            await c.clock.sleep(Math.min(c.drainMs, c.cancelled ? CANCELLED_GRACE_MS : IN_FLIGHT_GRACE_MS));
        await c.host.stop(canary.release.pid, c.cancelled ? CANCELLED_GRACE_MS : STOP_GRACE_MS);
    }
    if (outcome === 'failed')
        await c.ledger.transition({ to: 'failed', note: reason }, c.runId);
    else
        await c.ledger.abort(c.runId, reason);
}
/** A ledger record as the router takes it. */
function plain(r) {
    return { id: r.id, version: r.version, upstream: r.upstream, ...(r.dir !== undefined ? { dir: r.dir } : {}) };
}

// EXTERNAL MODULE: ./packages/health/src/index.ts + 12 modules
var src = __webpack_require__(61202);
;// CONCATENATED MODULE: ./packages/deploy/src/controller/analysis.ts

const EMPTY = { requests: 0, errors: 0, latenciesMs: [] };
/** Probes of the canary per second during a window. */
const PROBE_EVERY_MS = 500;
/** Consecutive failed probes that fail the step at once, whatever the rate. */
const FAILED_IN_A_ROW = 3;
/** A thin window (min-requests unmet) is extended to at most this many times its length, then fails safe. */
const MAX_EXTENSION = 3;
const PROGRESS_EVERY_MS = 5000;
/** Runs one step's analysis window and returns its judgement. */
async function analyseStep(o) {
    const { clock } = o;
    const startedAt = new Date(clock.now()).toISOString();
    const t0 = clock.monotonic();
    // Ten looks per window, none shorter than a second: enough requests per look at modest traffic.
    const lookMs = Math.max(1000, Math.round(o.windowMs / 10));
    const judge = new src/* LiveJudge */.yr();
    const totals = { canary: { requests: 0, errors: 0 }, stable: { requests: 0, errors: 0 } };
    const probes = { sent: 0, failed: 0, inARow: 0, last: '' };
    let looks = 0;
    let livePassed = false;
    let lastProgress = t0;
    const prober = new src/* Prober */.JC({
        method: 'GET',
        headers: {},
        timeoutMs: 2000,
        expectStatus: (s) => s >= 200 && s < 400,
        insecureTls: false,
    });
    const finish = (verdict, reason, evidence) => {
        const all = totals.canary.requests + totals.stable.requests;
        return {
            index: o.index,
            weight: o.weight,
            verdict,
            reason,
            evidence,
            startedAt,
            endedAt: new Date(clock.now()).toISOString(),
            canary: { ...totals.canary },
            stable: { ...totals.stable },
            ...(all > 0 ? { canaryShare: Math.round((totals.canary.requests / all) * 1000) / 10 } : {}),
            probes: { sent: probes.sent, failed: probes.failed },
            looks,
        };
    };
    // Counts from before this step belong to the step before it.
    await o.router.readTraffic();
    try {
        let limitMs = o.windowMs;
        // The alpha budget is planned over the longest the window can run (extensions included), so t never falls back.
        const horizonMs = o.windowMs * (o.minRequests > 0 ? MAX_EXTENSION : 1);
        for (;;) {
            const lookEnd = Math.min(clock.monotonic() + lookMs, t0 + limitMs);
            while (clock.monotonic() < lookEnd) {
                if (o.signal?.aborted)
                    return finish('cancelled', 'the run was cancelled', 'probes only');
                if (!o.healthUrl) {
                    await clock.sleep(Math.max(0, Math.min(PROBE_EVERY_MS, lookEnd - clock.monotonic())));
                    continue;
                }
                const r = await prober.probe(o.healthUrl, clock.now());
                probes.sent++;
                if (r.ok)
                    probes.inARow = 0;
                else {
                    probes.failed++;
                    probes.inARow++;
                    probes.last = r.failure ? `${r.failure.kind}: ${r.failure.detail}` : `status ${r.status}`;
                }
                if (!o.canaryAlive())
                    return finish('fail', 'the canary process exited during the analysis', 'probes only');
                if (probes.inARow >= FAILED_IN_A_ROW)
                    return finish('fail', `health probes of the canary failed ${probes.inARow} times in a row (last: ${probes.last})`, 'probes only');
                await clock.sleep(Math.max(0, Math.min(PROBE_EVERY_MS, lookEnd - clock.monotonic())));
            }
            looks++;
            await o.onLook?.();
            const traffic = (await o.router.readTraffic()) ?? new Map();
            const c = traffic.get(o.canary.id) ?? EMPTY;
            const s = (o.stable && traffic.get(o.stable.id)) || EMPTY;
            totals.canary.requests += c.requests;
            totals.canary.errors += c.errors;
            totals.stable.requests += s.requests;
            totals.stable.errors += s.errors;
            const elapsed = clock.monotonic() - t0;
            if (o.stable) {
                const look = judge.look(Math.min(1, elapsed / horizonMs), c, s);
                if (look.verdict === 'fail')
                    return finish('fail', `live traffic: ${look.reason}`, 'live traffic');
                if (look.verdict === 'pass')
                    livePassed = true;
            }
            if (clock.monotonic() - lastProgress >= PROGRESS_EVERY_MS) {
                lastProgress = clock.monotonic();
                o.logger.info(`step ${o.index + 1} at ${o.weight}%: ${Math.round(elapsed / 1000)}s of ${Math.round(limitMs / 1000)}s, canary ${totals.canary.requests} requests (${totals.canary.errors} 5xx), stable ${totals.stable.requests} (${totals.stable.errors} 5xx), probes ${probes.sent - probes.failed}/${probes.sent} ok`);
            }
            if (elapsed < limitMs)
                continue;
            const probeRate = probes.sent > 0 ? probes.failed / probes.sent : 0;
            if (probeRate > o.maxErrorRate)
                return finish('fail', `${probes.failed} of ${probes.sent} health probes of the canary failed (${pct(probeRate)}, more than ${pct(o.maxErrorRate)}; last: ${probes.last})`, 'probes only');
            if (!o.stable) {
                // At 100% the canary has no peer: its own error rate against the same bound.
                const rate = totals.canary.requests > 0 ? totals.canary.errors / totals.canary.requests : 0;
                if (rate > o.maxErrorRate)
                    return finish('fail', `the canary answered ${totals.canary.errors} of ${totals.canary.requests} requests with 5xx (${pct(rate)}, more than ${pct(o.maxErrorRate)})`, 'live traffic');
            }
            if (totals.canary.requests < o.minRequests) {
                if (limitMs < o.windowMs * MAX_EXTENSION) {
                    limitMs += o.windowMs;
                    o.logger.info(`step ${o.index + 1}: the canary served ${totals.canary.requests} of the ${o.minRequests} requests min-requests asks for; extending the window to ${Math.round(limitMs / 1000)}s`);
                    continue;
                }
                return finish('inconclusive', `the canary served ${totals.canary.requests} live requests in ${Math.round(limitMs / 1000)}s, fewer than min-requests (${o.minRequests})`, 'live traffic');
            }
            // Without probes, a window whose traffic showed nothing is no evidence either way: it fails safe.
            if (probes.sent === 0 && !livePassed && (o.stable || totals.canary.requests === 0))
                return finish('inconclusive', `the canary has no URL to probe and its live traffic was too thin to judge (canary ${totals.canary.requests}, stable ${totals.stable.requests} requests)`, 'live traffic');
            const probeText = o.healthUrl
                ? `${probes.sent - probes.failed} of ${probes.sent} health probes passed`
                : 'no health probes (the canary has no URL of its own)';
            if (livePassed)
                return finish('pass', `no regression in live traffic (canary ${totals.canary.requests} requests, ${totals.canary.errors} 5xx; stable ${totals.stable.requests}, ${totals.stable.errors} 5xx); ${probeText}`, 'live traffic');
            return finish('pass', o.stable
                ? `live traffic too thin to compare (canary ${totals.canary.requests}, stable ${totals.stable.requests} requests): judged on probes alone; ${probeText}`
                : `${probeText}; the canary answered ${totals.canary.errors} of ${totals.canary.requests} live requests with 5xx`, !o.stable && totals.canary.requests > 0 ? 'live traffic' : 'probes only');
        }
    }
    finally {
        prober.close();
    }
}
const pct = (x) => `${(x * 100).toFixed(x < 0.01 && x > 0 ? 2 : 1)}%`;

;// CONCATENATED MODULE: ./packages/deploy/src/controller/hooks.ts
// The user's commands at the edges of a rollout (like Flagger's webhooks): run through the shell
// with SLIPWAY_* variables, a timeout, their output in the log (as untrusted text: it cannot act
// as a workflow command), and a one-line reason when they fail.

const TAIL_CHARS = 300;
/** The SLIPWAY_* variables of a hook. */
function hookVariables(c) {
    return {
        SLIPWAY_ENVIRONMENT: c.environment,
        SLIPWAY_PROVIDER: c.provider,
        SLIPWAY_RELEASE_ID: c.releaseId,
        SLIPWAY_RELEASE_VERSION: c.version,
        SLIPWAY_PREVIOUS_RELEASE_ID: c.previousReleaseId,
        SLIPWAY_URL: c.frontDoor,
        SLIPWAY_CANARY_URL: c.canaryUpstream,
        SLIPWAY_WEIGHT: String(c.weight),
        ...(c.reason !== undefined ? { SLIPWAY_REASON: c.reason } : {}),
    };
}
/** Runs one hook; never throws for the hook's own failure (exit code, timeout, missing shell), only reports it. */
async function runHook(name, command, context, seams) {
    seams.logger.info(`${name}: running`);
    const env = { ...(0,lite/* withoutRunnerCredentials */.DV)({ ...seams.env }), ...hookVariables(context) };
    try {
        const r = await seams.exec('/bin/sh', ['-c', command], {
            env,
            ignoreReturnCode: true,
            timeoutMs: seams.timeoutMs,
            maxOutputBytes: 64 * 1024,
            untrustedOutput: true,
        });
        if (r.timedOut)
            return { ok: false, reason: `${name} did not finish within ${Math.round(seams.timeoutMs / 1000)}s` };
        if (r.exitCode === 0)
            return { ok: true };
        const last = lastLine(r.stderr) || lastLine(r.stdout);
        return { ok: false, reason: `${name} exited with code ${r.exitCode}${last ? `: ${last}` : ''}` };
    }
    catch (err) {
        return { ok: false, reason: `${name} could not run: ${err.message}` };
    }
}
function lastLine(text) {
    const line = text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .at(-1) ?? '';
    return (0,lite/* redactCredentials */.UY)(line.length > TAIL_CHARS ? `${line.slice(0, TAIL_CHARS)}…` : line);
}

// EXTERNAL MODULE: ./packages/deploy/src/providers/command/memo.ts
var command_memo = __webpack_require__(7470);
// EXTERNAL MODULE: ./packages/deploy/src/providers/command/router.ts + 1 modules
var router = __webpack_require__(54068);
// EXTERNAL MODULE: ./packages/deploy/src/providers/command/run.ts
var run = __webpack_require__(11071);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/command/host.ts
// Releases a platform runs: with a `deploy-command`, the command provider's releases live on the
// platform the command deploys to (a Cloud Run revision, an ECS service, a Fly machine), not on
// the runner. Starting a release is running that command; it may print the release's own URL as
// its last line (a tagged revision URL), which readiness and the analysis then probe. Stopping is
// the platform's business: taking a release out of traffic is what abort-command does.






/** The host of the command provider when `deploy-command` is set. */
function createCommandHost(context) {
    const { settings, environment } = context;
    const deploy = (0,router.commandOf)(settings, 'deploy-command');
    if (!deploy)
        throw new Error('createCommandHost: deploy-command is empty');
    const hasStatus = (0,router.commandOf)(settings, 'status-command') !== undefined;
    const timeoutMs = (0,router.parseTimeout)(settings['command-timeout']);
    const exec = context.exec ?? lite/* actionsExec */.dw;
    const memoFile = (0,command_memo/* memoPath */.OU)(context.stateDir, environment);
    return {
        platform: 'the platform deploy-command deploys to',
        prepare: prepareRelease,
        async start({ release, previousReleaseId }) {
            const memo = await (0,command_memo/* readMemo */.fw)(memoFile);
            const vars = (0,router.variables)({
                operation: 'deploy',
                environment,
                release: { id: release.id, version: release.version, upstream: '' },
                weight: 0,
                previous: previousReleaseId,
                stable: undefined,
                canary: undefined,
            });
            const inherited = (0,lite/* withoutRunnerCredentials */.DV)({ ...(context.env ?? process.env) });
            const out = await (0,run/* runCommand */.d)({
                input: 'deploy-command',
                command: deploy,
                env: { ...inherited, ...vars },
                timeoutMs,
                exec,
            });
            const url = releaseUrl(out);
            if (!url && !hasStatus)
                throw new lite/* UserError */.yo(`printed no URL for ${release.id}, and no status-command reports its traffic: nothing would show whether the canary works.`, { input: 'deploy-command' }, "Make deploy-command print the release's own URL (such as a Cloud Run tagged revision URL) as its last line, or give a status-command.");
            // Deployed, so the router does not deploy it again; the canary, so an abort names it as withdrawn.
            await (0,command_memo/* writeMemo */.cq)(memoFile, { ...memo, canary: release.id, deployed: release.id });
            return { upstream: url ?? '' };
        },
        waitReady: (running, options) => probeReady(running.upstream, options),
        stop: () => Promise.resolve(),
        alive: () => true,
    };
}
/** The last line of the command's output when it is an http(s) URL (without a trailing slash). */
function releaseUrl(stdout) {
    const last = stdout.trim().split('\n').at(-1)?.trim() ?? '';
    if (!/^https?:\/\/\S+$/.test(last))
        return undefined;
    try {
        return new URL(last).href.replace(/\/$/, '');
    }
    catch {
        return undefined;
    }
}
/** Ready once `<url><health path>` answers 2xx or 3xx; a release without a URL is taken as ready (its traffic is judged). */
function probeReady(url, o) {
    if (!url)
        return Promise.resolve({ ready: true, attempts: 0 });
    const target = `${url}${o.healthPath}`;
    // The platform runs it: no process here can be watched, so only the deadline ends the wait.
    return waitUntilAnswers({ url: new URL(target), shown: target }, o);
}

// EXTERNAL MODULE: ./packages/deploy/src/providers/kubernetes/objects.ts
var objects = __webpack_require__(60081);
// EXTERNAL MODULE: ./packages/deploy/src/providers/kubernetes/target.ts + 2 modules
var target = __webpack_require__(2436);
// EXTERNAL MODULE: ./packages/deploy/src/providers/kubernetes/settings.ts
var settings = __webpack_require__(82480);
// EXTERNAL MODULE: ./packages/deploy/src/providers/kubernetes/traffic.ts
var kubernetes_traffic = __webpack_require__(31572);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/kubernetes/host.ts
// The kubernetes provider's releases: images a cluster runs. Starting a release applies the
// canary Deployment (the user's stable Deployment with the release's image and a track label),
// or, when there is no stable Deployment yet, creates it; it is ready once its rollout is, as
// `kubectl rollout status` says, and once canary-url answers. The stable Deployment that runs
// when the ledger knows none is taken as the stable release (ReleaseHost.live).






/** The label a Deployment slipway creates selects its pods by. */
const NAME_LABEL = 'app.kubernetes.io/name';
function createKubernetesHost(context) {
    const t = new target/* KubeTarget */.H7(context);
    const s = t.settings;
    /** The Deployment this run started: the canary, or the stable one on a first deploy. */
    let started = t.canary;
    return {
        platform: `Kubernetes (${t.where})`,
        prepare({ version }) {
            // A deploy needs the release's image and the canary's address: the same checks, required this time.
            (0,settings/* parseKubeSettings */.U)(context.settings, (0,kubernetes_traffic/* trafficNames */.QY)());
            // The manifest too, before anything is deployed.
            t.manifest();
            const v = version || (0,target/* imageVersion */.K9)(s.image);
            return Promise.resolve({
                id: (0,target/* imageReleaseId */.cy)(s.image, v),
                version: v,
                digest: (0,target/* imageDigest */.Wf)(s.image),
                dir: s.image,
            });
        },
        async start({ release, previousReleaseId }) {
            const traffic = await (0,kubernetes_traffic/* trafficFor */.Z2)(t);
            await traffic.check();
            const stable = await t.deployment(t.stable);
            if (!stable && previousReleaseId)
                throw new lite/* UserError */.yo(`Deployment ${t.stable} does not exist in ${t.where}, though the ledger says ${previousReleaseId} runs there.`, { input: 'deployment' }, "Name the Deployment that runs the service; if it was removed on purpose, remove the environment's ledger.json in state-dir, and this deploy creates it as a first release.");
            if (!stable) {
                await createStable(t, release.id, release.dir);
                started = t.stable;
                return { upstream: s.stableUrl || s.canaryUrl };
            }
            t.container(stable);
            // The mesh routers weigh the stable Service against the canary's; with replicas the canary's
            // Service is only its own address (canary-url for a runner in the cluster), made when the stable has one.
            const service = traffic.canaryService ? await stableService(t) : await t.service(t.stable);
            const without = traffic.canaryService ? Object.keys(service?.spec.selector ?? {}) : [];
            // With a manifest, the canary is the manifest's Deployment: its changes ship with the release.
            const canary = (0,objects/* canaryDeployment */.Yw)(t.manifest()?.deployment ?? stable, {
                id: release.id,
                image: release.dir,
                ...(s.container ? { container: s.container } : {}),
                replicas: 1,
                without,
                annotations: { [target/* STABLE_REPLICAS_ANNOTATION */.iX]: String(s.replicas ?? stable.spec.replicas ?? 1) },
            });
            await t.kubectl.apply(canary);
            if (service)
                await t.kubectl.apply(canaryService(service, t.canary, canary.spec.template.metadata.labels));
            started = t.canary;
            return { upstream: s.canaryUrl };
        },
        async waitReady(running, o) {
            const began = t.clock.monotonic();
            const r = await t.waitRollout(started, o.timeoutMs, o.signal);
            if (r.state !== 'ready')
                return { ready: false, reason: r.reason, attempts: 1 };
            if (!running.upstream)
                return { ready: true, attempts: 1 };
            const target = `${running.upstream}${o.healthPath}`;
            const left = Math.max(1000, o.timeoutMs - (t.clock.monotonic() - began));
            return waitUntilAnswers({ url: new URL(target), shown: target }, { ...o, timeoutMs: left });
        },
        // The cluster runs the pods: the routers scale and remove them.
        stop: () => Promise.resolve(),
        alive: () => true,
        async live(count) {
            const d = await t.deployment(t.stable);
            if (!d)
                return [];
            const image = t.container(d).image ?? '';
            const a = d.metadata.annotations ?? {};
            const version = (0,target/* imageVersion */.K9)(image);
            const id = a[target/* IMAGE_ANNOTATION */.sO] === image && a[objects/* RELEASE_ANNOTATION */.y1] ? a[objects/* RELEASE_ANNOTATION */.y1] : (0,target/* imageReleaseId */.cy)(image, version);
            const before = count > 1 ? (await revisionImages(t, d)).filter((i) => i !== image).slice(0, count - 1) : [];
            return [image, ...before].map((img, i) => ({
                id: i === 0 ? id : (0,target/* imageReleaseId */.cy)(img, (0,target/* imageVersion */.K9)(img)),
                version: (0,target/* imageVersion */.K9)(img),
                upstream: s.stableUrl,
                dir: img,
            }));
        },
    };
}
/** The images of a Deployment's revisions, newest first, each once: what `kubectl rollout history` lists. */
async function revisionImages(t, d) {
    const selector = Object.entries(d.spec.selector.matchLabels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
    if (!selector)
        return [];
    const name = t.container(d).name;
    const sets = (await t.kubectl.list('replicasets', selector))
        .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.kind === 'Deployment' && o.name === t.stable))
        .map((rs) => ({
        revision: Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0),
        image: rs.spec.template.spec.containers.find((c) => c.name === name)?.image ?? '',
    }))
        .sort((x, y) => y.revision - x.revision);
    return [...new Set(sets.map((rs) => rs.image).filter(Boolean))];
}
/** The stable Service (named like the stable Deployment), which a mesh router weighs the canary's against. */
async function stableService(t) {
    const service = await t.service(t.stable);
    if (!service)
        throw new lite/* UserError */.yo(`Service ${t.stable} does not exist in ${t.where}: the ${t.settings.router} router sends the stable share of the traffic to the Service named like the Deployment.`, { input: 'deployment' }, `Create Service ${t.stable} for the stable Deployment's pods, or choose the replicas router.`);
    return service;
}
/** The canary's Service: the stable Service's ports, selecting the canary's pods. */
function canaryService(stable, name, podLabels) {
    return {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, labels: { ...stable.metadata.labels, [objects/* TRACK_LABEL */.l8]: 'canary' } },
        spec: {
            selector: podLabels,
            // Server-side apply needs each port's protocol (it is part of the list's key).
            ports: (stable.spec.ports ?? []).map((p) => ({
                ...(p.name ? { name: p.name } : {}),
                port: p.port,
                ...(p.targetPort !== undefined ? { targetPort: p.targetPort } : {}),
                protocol: p.protocol ?? 'TCP',
            })),
        },
    };
}
/** The first release of an environment with no Deployment yet: slipway creates it from the manifest, or (without one) with its Service, given a port. */
async function createStable(t, id, image) {
    const s = t.settings;
    const manifest = t.releaseManifest(id, image, s.replicas);
    if (manifest) {
        await t.kubectl.apply(manifest.deployment);
        if (manifest.service)
            await t.kubectl.apply(manifest.service);
        return;
    }
    const labels = { [NAME_LABEL]: t.stable };
    const deployment = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: t.stable, labels, annotations: { [objects/* RELEASE_ANNOTATION */.y1]: id, [target/* IMAGE_ANNOTATION */.sO]: image } },
        spec: {
            replicas: s.replicas ?? 1,
            selector: { matchLabels: labels },
            template: {
                metadata: { labels },
                spec: {
                    containers: [
                        {
                            name: s.container || 'app',
                            image,
                            ...(s.containerPort ? { ports: [{ containerPort: s.containerPort, protocol: 'TCP' }] } : {}),
                        },
                    ],
                },
            },
        },
    };
    await t.kubectl.apply(deployment);
    if (s.containerPort)
        await t.kubectl.apply({
            apiVersion: 'v1',
            kind: 'Service',
            metadata: { name: t.stable, labels },
            spec: { selector: labels, ports: [{ port: s.containerPort, targetPort: s.containerPort, protocol: 'TCP' }] },
        });
}

;// CONCATENATED MODULE: ./packages/deploy/src/controller/host.ts
// Where releases run: supervised processes of this host, unless a platform runs them (the
// `command` provider with a deploy-command).



/** The real host: releases as detached processes on loopback ports. */
const defaultHost = {
    prepare: prepareRelease,
    start: startRelease,
    // Only this host's own releases reach it: they have their pid and log file.
    waitReady: (running, options) => waitReady(running, options),
    stop: (pid, graceMs) => (pid === undefined ? Promise.resolve() : stopRelease(pid, graceMs)),
    alive: (pid) => pid !== undefined && releaseAlive(pid),
};
/** The host a provider's releases run on: the platform when the command provider deploys them, else this one. */
function releaseHost(provider, context) {
    if (provider === 'kubernetes')
        return createKubernetesHost(context);
    if (provider === 'command' && context.settings['deploy-command']?.trim())
        return createCommandHost(context);
    return defaultHost;
}
/** Where a run acts: what routerFor and releaseHost need, from a plan (or rollback options) and the seams. */
function routerContext(o, seams) {
    return {
        stateDir: o.stateDir,
        environment: o.environment,
        settings: o.settings,
        workspace: o.workspace,
        env: seams.env,
        ...(seams.selfCommand ? { selfCommand: seams.selfCommand } : {}),
    };
}

;// CONCATENATED MODULE: ./packages/deploy/src/controller/known-good.ts
/**
 * When the ledger knows no stable release and no canary, records what the platform says runs
 * (ReleaseHost.live) as stable, and up to `count - 1` releases it ran before as kept for rollback;
 * returns their ids, newest first (empty when there was nothing to do).
 */
async function seedFromPlatform(ledger, host, count, runId, logger, now) {
    const doc = ledger.document;
    if (!host.live || doc.stable || doc.canary)
        return [];
    const found = await host.live(count);
    if (found.length === 0)
        return [];
    const where = host.platform ?? 'the platform';
    // Oldest first, so that each becomes stable in turn and the one running now is stable at the end.
    for (const [i, r] of [...found].reverse().entries())
        await ledger.transition({
            to: 'recovered',
            stable: { ...r, startedAt: now.toISOString() },
            note: i === found.length - 1
                ? `the ledger had no stable release: ${r.id} runs on ${where} and is taken as stable`
                : `the ledger had no stable release: ${r.id} ran on ${where} before, as its history records`,
        }, runId);
    logger.info(`the ledger of ${doc.environment} had no stable release: ${found[0].id} runs on ${where}${found.length > 1
        ? ` (before it: ${found
            .slice(1)
            .map((r) => r.id)
            .join(', ')})`
        : ''}`);
    return found.map((r) => r.id);
}
/**
 * When the ledger has never seen a release, records the ones GitHub says went live (newest as
 * stable, the others kept for rollback); returns them (empty when there was nothing to do).
 */
async function seedFromGithub(ledger, source, count, runId, logger, now) {
    const doc = ledger.document;
    if (!source || doc.stable || doc.canary || doc.releases.length > 0)
        return [];
    const found = await source(count);
    if (found.length === 0)
        return [];
    // Oldest first, so that each becomes stable in turn and the newest is stable at the end.
    for (const r of [...found].reverse())
        await ledger.transition({
            to: 'recovered',
            stable: { id: r.releaseId, version: r.version, upstream: '', startedAt: now.toISOString() },
            note: `the ledger was empty: ${r.releaseId} (commit ${r.sha.slice(0, 12)}) went live, as GitHub's deployment history records`,
        }, runId);
    logger.info(`the ledger of ${doc.environment} was empty: recovered ${found.map((r) => r.releaseId).join(', ')} from GitHub Deployments (newest first); ${found[0].releaseId} is taken as live`);
    return found;
}

;// CONCATENATED MODULE: ./packages/deploy/src/controller/prune.ts
// Release folders the ledger no longer names are removed after a promotion: the stable, the
// canary and the last releases (kept for instant rollback) stay, nothing else piles up.



/** Removes `<environment>/releases/<id>` folders of releases the ledger does not keep. */
async function pruneReleases(stateDir, environment, doc) {
    const keep = new Set([doc.stable?.id, doc.canary?.release.id, ...doc.releases.map((r) => r.id)]);
    const gone = [];
    // The release folders and the artifacts kept to redeploy them go together.
    for (const kind of ['releases', 'artifacts']) {
        const dir = (0,external_node_path_.join)((0,src_ledger/* environmentDir */.Fw)(stateDir, environment), kind);
        const names = await (0,promises_.readdir)(dir).catch((err) => err.code === 'ENOENT' ? [] : Promise.reject(err));
        // Temporary folders of a copy in progress start with a dot; they belong to whoever makes them.
        for (const name of names.filter((n) => !n.startsWith('.') && !keep.has(n))) {
            await (0,promises_.rm)((0,external_node_path_.join)(dir, name), { recursive: true, force: true });
            if (kind === 'releases')
                gone.push(name);
        }
    }
    return gone;
}

;// CONCATENATED MODULE: ./packages/deploy/src/controller/start-command.ts
// An empty start-command takes what detect-stack finds in the release itself (a Procfile's web
// process, package.json's start script, …), so a release carries its own way to run.

/** The start command of the project at the root of `dir`; a UserError on start-command when there is none. */
async function detectStartCommand(dir) {
    const { detectStack } = await Promise.all(/* import() */[__webpack_require__.e(3292), __webpack_require__.e(5940)]).then(__webpack_require__.bind(__webpack_require__, 45940));
    const stack = await detectStack({ root: dir, maxFiles: 20_000 });
    const root = stack.projects.find((p) => p.path === '.') ?? stack.projects[0];
    const start = root?.commands.start;
    if (!start)
        throw new lite/* UserError */.yo('is empty and detect-stack found no start command in the release.', { input: 'start-command' }, 'Give the command that runs the release, such as node server.js; it gets PORT in its environment.');
    return start;
}

;// CONCATENATED MODULE: ./packages/deploy/src/controller/controller.ts
// The canary controller: an explicit state machine over the release ledger. prepare → start →
// readiness → for each step (set weight, analyse) → promote | abort. Every transition is on disk
// before it is acted on, so a run that crashes or is cancelled is finished by the next one (or by
// the action's post step). A deploy holds its environment's lock from start to end.











/** A deploy's lock lives this long without a refresh; every look and pause refreshes it. */
const LOCK_TTL_MS = 10 * 60 * 1000;
/** Pauses and holds wake this often to refresh the lock, watch the canary and notice a cancel. */
const TICK_MS = 1000;
/** Deploys `plan.artifact` as a canary of `plan.environment`; the outcome carries the action's outputs. */
async function deployCanary(plan, seams) {
    const lock = await acquire({
        stateDir: plan.stateDir,
        environment: plan.environment,
        owner: plan.owner,
        runId: plan.runId,
        ttlMs: LOCK_TTL_MS,
        clock: seams.clock,
    });
    if (lock.tookOver)
        seams.logger.warning(`took over a stale lock: ${lock.tookOver}`);
    let router;
    let rollout;
    try {
        // Every write first checks that the lock is still ours: once a rollback has taken it over, this run acts no more.
        const ledger = await src_ledger/* Ledger */.Oc.open(plan.stateDir, plan.environment, seams.clock, {
            audit: plan.audit ?? {},
            guard: () => lock.refresh(),
            logger: seams.logger,
        });
        const context = routerContext(plan, seams);
        const host = seams.host ?? releaseHost(plan.provider, context);
        // The release is verified before anything else starts: a bad archive changes nothing on the host.
        const release = await host.prepare({
            artifact: plan.artifact,
            version: plan.version,
            stateDir: plan.stateDir,
            environment: plan.environment,
        });
        // The router is made on first use, so a release that never starts moves nothing (no proxy started either).
        const getRouter = () => (router ??= routerFor(plan.provider, context));
        // On a platform, releases outlive the runner: a fresh runner's empty ledger learns from GitHub what is live.
        // A platform that can say what runs (a cluster) is asked first; GitHub's history otherwise.
        if (host.live)
            await seedFromPlatform(ledger, host, 2, plan.runId, seams.logger, new Date(seams.clock.now()));
        else if (host.platform)
            await seedFromGithub(ledger, seams.knownGood, 2, plan.runId, seams.logger, new Date(seams.clock.now()));
        // A provider's settings are checked up front all the same, when the router is cheap to check.
        if (plan.provider !== 'local')
            await getRouter();
        rollout = new Rollout(plan, { ...seams, host }, ledger, getRouter, lock, release);
        try {
            return await rollout.run();
        }
        catch (err) {
            rollout.reportFailure((0,lite/* errorMessage */.gJ)(err));
            // A rollback took the environment over: it owns the canary now, and this run touches nothing more.
            if (isLockLost(err))
                throw err;
            // Whatever went wrong, a canary this run started does not stay half-routed.
            const left = ledger.unfinished();
            if (left && left.runId === plan.runId && left.phase !== 'paused')
                await abortCanary(rollout.abortContext(), `the deploy stopped on an error: ${err.message}`).catch((e) => seams.logger.error(`could not roll back after the error: ${e.message}`));
            throw err;
        }
    }
    finally {
        await rollout?.flush();
        await router?.then((r) => r.close()).catch(() => { });
        await lock.release().catch(() => false);
    }
}
/** One run of the state machine. */
class Rollout {
    plan;
    seams;
    ledger;
    router;
    lock;
    prepared;
    host;
    clock;
    steps = [];
    startedAt;
    previousId = '';
    /** Reports to GitHub in flight; awaited once at the end so that a slow API never slows the rollout. */
    reports = [];
    reported = false;
    weight = 0;
    constructor(plan, seams, ledger, router, lock, prepared) {
        this.plan = plan;
        this.seams = seams;
        this.ledger = ledger;
        this.router = router;
        this.lock = lock;
        this.prepared = prepared;
        this.host = seams.host ?? defaultHost;
        this.clock = seams.clock ?? lite/* systemClock */.ml;
        this.startedAt = new Date(this.clock.now()).toISOString();
    }
    frontDoor = '';
    get url() {
        return this.plan.frontDoorUrl || this.frontDoor;
    }
    /** The router, noting its front door for the outputs. */
    async routed() {
        const router = await this.router();
        this.frontDoor = router.frontDoor;
        return router;
    }
    get cancelled() {
        return this.seams.signal?.aborted === true;
    }
    /** Sends a report to the deployment recorder, if there is one and the rollout has started. */
    tell(report) {
        const d = this.seams.deployments;
        if (d && this.reported)
            this.reports.push(report(d).catch(() => { }));
    }
    /** A deploy that ended on an error is a failed deployment on GitHub too. */
    reportFailure(reason) {
        this.tell((d) => d.failed(reason));
    }
    /** Waits for the reports in flight. */
    async flush() {
        await Promise.allSettled(this.reports);
    }
    /** What the shared abort path needs, as of now. */
    abortContext() {
        const { ledger, host, clock } = this;
        const router = () => this.routed();
        const { logger } = this.seams;
        return {
            ledger,
            router,
            host,
            clock,
            logger,
            runId: this.plan.runId,
            drainMs: this.plan.drainMs,
            cancelled: this.cancelled,
        };
    }
    async run() {
        const { plan, ledger } = this;
        const { logger } = this.seams;
        const release = this.prepared;
        logger.info(`release ${release.id} (${release.digest}) ready in ${release.dir}`);
        let resumeAt;
        const left = ledger.unfinished();
        if (left) {
            const alive = this.host.alive(left.release.pid);
            if (left.phase === 'paused' && left.release.id === release.id && alive) {
                resumeAt = left.stepIndex;
                this.weight = left.weight;
                logger.info(`resuming the paused canary ${release.id} at ${left.weight}%`);
            }
            else {
                const why = `run ${left.runId} left canary ${left.release.id} ${left.phase} at ${left.weight}%`;
                logger.warning(`${why}: rolling it back before this deploy`);
                await abortCanary(this.abortContext(), `${why}; rolled back by run ${plan.runId}`);
            }
        }
        let stable = ledger.document.stable;
        // A stable release whose process is gone (slipway down, a reboot) serves nothing to compare against.
        if (resumeAt === undefined && stable?.pid !== undefined && !this.host.alive(stable.pid)) {
            logger.warning(`the stable release ${stable.id} is not running (pid ${stable.pid} is gone): deploying as a first release`);
            stable = undefined;
        }
        this.previousId = ledger.document.stable?.id ?? '';
        if (resumeAt === undefined && stable && stable.id === release.id) {
            // The front door may have lost its routing since (HAProxy restarted from its file, an nginx
            // upstream file put back): where it can, routing it to stable again mends that.
            const router = await this.routed();
            await router.reassert?.(plain(stable));
            return this.end('promoted', `${release.id} is already the stable release of ${plan.environment}; ${router.reassert ? 'its traffic is routed to it again, ' : ''}nothing else to do`);
        }
        if (resumeAt === undefined) {
            const started = await this.startCanary(release);
            if (started)
                return started;
            if (!stable)
                return this.promoteFirst();
        }
        return this.stepThrough(resumeAt ?? 0, resumeAt !== undefined);
    }
    /** Runs the pre-deploy hook, starts the release and waits for it; an outcome when it ends the deploy there. */
    async startCanary(release) {
        const { plan, ledger } = this;
        const { logger } = this.seams;
        this.reported = true;
        this.tell((d) => d.start({
            ref: plan.gitRef || release.version,
            environment: plan.environment,
            releaseId: release.id,
            version: release.version,
            description: `canary of ${release.id}`,
        }));
        if (plan.hooks.preDeploy) {
            const hook = await this.hook('pre-deploy-command', plan.hooks.preDeploy);
            if (!hook.ok)
                return this.end('failed', `${hook.reason}; nothing was deployed`);
        }
        const now = new Date(this.clock.now()).toISOString();
        const record = {
            id: release.id,
            version: release.version,
            upstream: '',
            dir: release.dir,
            startedAt: now,
            digest: release.digest,
        };
        await ledger.transition({ to: 'starting', canary: record, weight: 0, stepIndex: 0 }, plan.runId);
        let running;
        let command;
        try {
            // On a platform, deploy-command starts the release: there is no command of ours to find.
            command = this.host.platform ? '' : plan.startCommand || (await detectStartCommand(release.dir));
            running = await this.host.start({
                release,
                command,
                env: this.seams.env,
                ...(ledger.document.stable ? { previousReleaseId: ledger.document.stable.id } : {}),
            });
        }
        catch (err) {
            await ledger.transition({ to: 'failed', note: err.message }, plan.runId);
            throw err;
        }
        await ledger.transition({
            to: 'starting',
            canary: {
                ...record,
                upstream: running.upstream,
                ...(running.pid !== undefined ? { pid: running.pid } : {}),
                ...(command ? { command } : {}),
            },
        }, plan.runId);
        logger.info(running.pid !== undefined
            ? `started ${release.id} as pid ${running.pid} on ${running.upstream}; waiting for ${plan.healthPath}`
            : `deployed ${release.id} to ${this.host.platform ?? 'its platform'}${running.upstream ? ` at ${running.upstream}; waiting for ${plan.healthPath}` : ' (it printed no URL: its traffic decides)'}`);
        const ready = await this.host.waitReady(running, {
            healthPath: plan.healthPath,
            timeoutMs: plan.readyTimeoutMs,
            clock: this.clock,
            ...(this.seams.signal ? { signal: this.seams.signal } : {}),
        });
        if (!ready.ready) {
            const reason = `${release.id} never became ready: ${ready.reason}; no traffic reached it`;
            await abortCanary(this.abortContext(), reason, 'failed');
            return this.end('failed', reason);
        }
        await ledger.transition({ to: 'ready' }, plan.runId);
        logger.info(`${release.id} answered ${plan.healthPath} after ${ready.attempts} attempt(s)`);
        return undefined;
    }
    /** The first release of an environment: nothing to compare against, so it takes all traffic once ready. */
    async promoteFirst() {
        const canary = this.ledger.unfinished();
        await this.ledger.transition({ to: 'promoting', weight: 100 }, this.plan.runId);
        await (await this.routed()).setWeights(undefined, plain(canary.release), 100);
        this.weight = 100;
        await this.ledger.promote(this.plan.runId, 'first release of the environment');
        return this.afterPromotion(undefined, `first release of ${this.plan.environment}: ready, and now takes all traffic`);
    }
    /** Steps from `from`; `resumed` skips the pause before the last step (this run is the judgement it waited for). */
    async stepThrough(from, resumed) {
        const { plan, ledger } = this;
        const { logger } = this.seams;
        const router = await this.routed();
        const steps = plan.steps;
        const finalIndex = steps.at(-1).weight === 100 ? steps.length - 1 : steps.length;
        const stable = ledger.document.stable;
        const canary = () => ledger.unfinished().release;
        for (let i = from; i <= steps.length; i++) {
            if (i === finalIndex) {
                if (!plan.autoPromote && !resumed) {
                    await ledger.transition({ to: 'paused', stepIndex: i }, plan.runId);
                    return this.end('paused', `holding ${canary().id} at ${this.weight}% (auto-promote is false): run again to promote it`);
                }
                if (plan.hooks.confirmPromotion) {
                    const held = await this.holdForConfirmation(i);
                    if (held)
                        return held;
                }
            }
            if (i === steps.length)
                break;
            const step = steps[i];
            await ledger.transition({ to: 'stepping', weight: step.weight, stepIndex: i }, plan.runId);
            await router.setWeights(plain(stable), plain(canary()), step.weight);
            this.weight = step.weight;
            this.tell((d) => d.progress(step.weight, `${canary().id}: step ${i + 1} of ${steps.length}`));
            logger.info(`step ${i + 1} of ${steps.length}: ${step.weight}% of traffic on ${canary().id}`);
            if (step.pauseMs > 0 && !(await this.wait(step.pauseMs)))
                return this.rollBack(this.cancelled ? 'the run was cancelled' : 'the canary process exited during a pause');
            const report = await this.analyse(i, step.weight);
            logger.info(`step ${i + 1} (${step.weight}%): ${report.verdict}: ${report.reason}`);
            if (report.verdict !== 'pass')
                return this.rollBack(`step ${i + 1} at ${step.weight}%: ${report.reason}`);
        }
        return this.promote();
    }
    async analyse(index, weight) {
        const canary = this.ledger.unfinished().release;
        const report = await analyseStep({
            router: await this.routed(),
            canary: plain(canary),
            stable: weight < 100 ? plain(this.ledger.document.stable) : undefined,
            index,
            weight,
            windowMs: this.plan.stepAnalysisMs,
            minRequests: this.plan.minRequests,
            // A platform's release without a URL of its own is judged on its traffic alone.
            healthUrl: canary.upstream ? `${canary.upstream}${this.plan.healthPath}` : '',
            maxErrorRate: this.plan.maxErrorRate,
            clock: this.clock,
            logger: this.seams.logger,
            ...(this.seams.signal ? { signal: this.seams.signal } : {}),
            canaryAlive: () => canary.pid === undefined || this.host.alive(canary.pid),
            onLook: () => this.lock.refresh(),
        });
        this.steps.push(report);
        return report;
    }
    /** Holds the canary at its weight, analysing, until the gate says yes; ends `paused` when it never does. */
    async holdForConfirmation(index) {
        const { plan, clock } = this;
        const deadline = clock.monotonic() + plan.confirmTimeoutMs;
        for (;;) {
            const gate = await this.hook('confirm-promotion-command', plan.hooks.confirmPromotion);
            if (gate.ok)
                return undefined;
            this.seams.logger.info(`${gate.reason}: holding at ${this.weight}%`);
            if (clock.monotonic() >= deadline) {
                await this.ledger.transition({ to: 'paused', stepIndex: index, note: gate.reason }, plan.runId);
                return this.end('paused', `${gate.reason} for ${(0,lite/* formatDuration */.a3)(plan.confirmTimeoutMs)}: holding at ${this.weight}%; run again to promote`);
            }
            // Holding is no reason to stop watching: a regression still rolls back.
            const report = await this.analyse(Math.max(0, index - 1), this.weight);
            if (report.verdict !== 'pass')
                return this.rollBack(`while waiting for confirmation at ${this.weight}%: ${report.reason}`);
        }
    }
    async promote() {
        const { ledger, plan } = this;
        const previous = ledger.document.stable;
        const canary = ledger.unfinished().release;
        await ledger.transition({ to: 'promoting', weight: 100 }, plan.runId);
        // The canary takes the stable slot with all traffic, in one operation.
        await (await this.routed()).setWeights(plain(canary), undefined, 0);
        this.weight = 100;
        await ledger.promote(plan.runId);
        const passed = this.steps.length;
        return this.afterPromotion(previous, `${canary.id} passed ${passed} step(s) of analysis and takes all traffic`);
    }
    /** Post-promote hook, drain and stop of the old stable, pruning of old releases. */
    async afterPromotion(previous, reason) {
        const { plan } = this;
        let text = reason;
        if (plan.hooks.postPromote) {
            const hook = await this.hook('post-promote-command', plan.hooks.postPromote);
            if (!hook.ok) {
                this.seams.logger.warning(hook.reason);
                text += `; ${hook.reason}`;
            }
        }
        if (previous?.pid !== undefined && this.host.alive(previous.pid)) {
            this.seams.logger.info(`draining ${previous.id} for ${(0,lite/* formatDuration */.a3)(plan.drainMs)}, then stopping it`);
            await this.wait(plan.drainMs, false);
            await this.host.stop(previous.pid, STOP_GRACE_MS);
        }
        await pruneReleases(plan.stateDir, plan.environment, this.ledger.document).catch((err) => this.seams.logger.warning(`could not remove old releases: ${err.message}`));
        return this.end('promoted', text);
    }
    async rollBack(reason) {
        await abortCanary(this.abortContext(), reason);
        this.weight = 0;
        if (this.plan.hooks.onRollback) {
            const hook = await this.hook('on-rollback-command', this.plan.hooks.onRollback, reason);
            if (!hook.ok)
                return this.end('rolled-back', `${reason}; ${hook.reason}`);
        }
        return this.end('rolled-back', reason);
    }
    /**
     * Waits `ms` in ticks, keeping the lock; false when the run is cancelled or (if `watch`) the
     * canary's process is gone, so the caller rolls back instead of waiting on.
     */
    async wait(ms, watch = true) {
        const end = this.clock.monotonic() + ms;
        const canary = this.ledger.unfinished()?.release;
        while (this.clock.monotonic() < end) {
            if (this.cancelled)
                return false;
            if (watch && canary?.pid !== undefined && !this.host.alive(canary.pid))
                return false;
            await this.clock.sleep(Math.min(TICK_MS, end - this.clock.monotonic()));
            await this.lock.refresh();
        }
        return true;
    }
    hook(name, command, reason) {
        const canary = this.ledger.unfinished()?.release ?? this.ledger.document.stable;
        const context = {
            environment: this.plan.environment,
            provider: this.plan.provider,
            releaseId: this.prepared.id,
            version: this.prepared.version,
            previousReleaseId: this.previousId,
            frontDoor: this.url,
            canaryUpstream: canary?.upstream ?? '',
            weight: this.weight,
            ...(reason !== undefined ? { reason } : {}),
        };
        const { exec, logger, env } = this.seams;
        return runHook(name, command, context, { exec, logger, env, timeoutMs: this.plan.hookTimeoutMs });
    }
    end(result, reason) {
        if (result === 'promoted')
            this.tell((d) => d.succeeded(this.url, reason));
        else if (result === 'paused')
            this.tell((d) => d.progress(this.weight, `paused: ${reason}`));
        else
            this.tell((d) => d.failed(reason));
        const release = this.prepared;
        const report = {
            environment: this.plan.environment,
            provider: this.plan.provider,
            result,
            reason,
            release: { id: release.id, version: release.version, digest: release.digest },
            previousReleaseId: this.previousId,
            url: this.url,
            weight: this.weight,
            steps: this.steps,
            transitions: this.ledger.document.transitions.filter((t) => t.runId === this.plan.runId).map((t) => ({ ...t })),
            startedAt: this.startedAt,
            endedAt: new Date(this.clock.now()).toISOString(),
        };
        return {
            result,
            url: this.url,
            releaseId: release.id,
            previousReleaseId: this.previousId,
            weight: this.weight,
            reason,
            report,
        };
    }
}

;// CONCATENATED MODULE: ./packages/deploy/src/controller/recover.ts
// Finishing what a dead run left: the action's post step (after main was killed) and `slipway`
// call this to put an unfinished canary's traffic back on stable through the same abort path.






/**
 * Rolls back a canary left unfinished (not one paused on purpose); returns what it did, or
 * undefined when there was nothing to do. Takes the environment's lock like a deploy does: the
 * dead run's lock is stale (its process is gone) and is taken over.
 */
async function recoverCanary(o, seams) {
    const peek = await src_ledger/* Ledger */.Oc.open(o.stateDir, o.environment, seams.clock, { repair: false });
    const left = peek.unfinished();
    if (!left || left.phase === 'paused' || (o.runId !== undefined && left.runId !== o.runId))
        return undefined;
    const runId = `${o.runId ?? 'recover'}-recover`;
    let lock;
    try {
        lock = await acquire({
            stateDir: o.stateDir,
            environment: o.environment,
            owner: `deploy-canary recovery of run ${left.runId}`,
            runId,
            ttlMs: 5 * 60 * 1000,
            clock: seams.clock,
        });
    }
    catch (err) {
        // A live run holds the environment (a rollback that took this run's lock over): the canary is its to finish.
        if (!(0,lite/* isUserError */.iU)(err))
            throw err;
        seams.logger.info(`${err.message} It finishes canary ${left.release.id}.`);
        return undefined;
    }
    try {
        // Read again under the lock: another run may have finished it meanwhile.
        const ledger = await src_ledger/* Ledger */.Oc.open(o.stateDir, o.environment, seams.clock, { logger: seams.logger });
        const canary = ledger.unfinished();
        if (!canary || canary.phase === 'paused' || canary.release.id !== left.release.id)
            return undefined;
        const context = routerContext(o, seams);
        const router = await routerFor(o.provider, context);
        try {
            const reason = `run ${canary.runId} ended with canary ${canary.release.id} ${canary.phase} at ${canary.weight}%`;
            await abortCanary({
                ledger,
                router: async () => router,
                host: seams.host ?? releaseHost(o.provider, context),
                clock: seams.clock,
                logger: seams.logger,
                runId,
                drainMs: 1000,
                cancelled: true,
            }, `${reason}; rolled back`);
            return `${reason}: rolled back, all traffic on ${ledger.document.stable?.id ?? 'no release'}`;
        }
        finally {
            await router.close().catch(() => { });
        }
    }
    finally {
        await lock.release().catch(() => false);
    }
}

;// CONCATENATED MODULE: ./packages/deploy/src/daemon.ts
// Entry points call this first: started as a daemon (SLIPWAY_DAEMON set), the program runs the
// daemon instead of an action, loading the proxy only then so that actions start fast.
/**
 * How to start this program again as the daemon: its own node and entry script (an action bundle,
 * the CLI); SLIPWAY_DAEMON_COMMAND (a JSON array) names another entry, which the tests use to run
 * the daemon from source.
 */
function selfCommand(env = process.env) {
    const given = env.SLIPWAY_DAEMON_COMMAND;
    if (given) {
        const parsed = JSON.parse(given);
        if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((p) => typeof p === 'string'))
            throw new Error('SLIPWAY_DAEMON_COMMAND must be a JSON array of strings');
        return parsed;
    }
    return [process.execPath, process.argv[1]];
}
/** Runs the daemon named by SLIPWAY_DAEMON and returns true, or returns false at once when it is not set. */
async function maybeRunDaemon(env = process.env) {
    if (env.SLIPWAY_DAEMON !== 'local-proxy')
        return false;
    const { runLocalProxyDaemon } = await Promise.all(/* import() */[__webpack_require__.e(8142), __webpack_require__.e(748)]).then(__webpack_require__.bind(__webpack_require__, 70748));
    await runLocalProxyDaemon(env);
    return true;
}

// EXTERNAL MODULE: ./packages/deploy/src/providers/local/spawn.ts + 2 modules
var spawn = __webpack_require__(99747);
;// CONCATENATED MODULE: ./packages/deploy/src/environment.ts




/** Reads the ledger (and asks the local proxy, if one runs) without changing anything. */
async function environmentStatus(stateDir, environment, clock) {
    // Read-only: a damaged ledger is read from its last good copy, and said so, but not repaired here.
    const ledger = await src_ledger/* Ledger */.Oc.open(stateDir, environment, clock, { repair: false });
    const doc = ledger.document;
    const canary = doc.canary;
    const state = (r, role, weight) => ({
        id: r.id,
        version: r.version,
        role,
        weight,
        upstream: r.upstream,
        ...(r.pid !== undefined ? { pid: r.pid } : {}),
        running: r.pid !== undefined && releaseAlive(r.pid),
    });
    const releases = [];
    if (doc.stable)
        releases.push(state(doc.stable, 'stable', 100 - (canary?.weight ?? 0)));
    if (canary)
        releases.push(state(canary.release, 'canary', canary.weight));
    // The kept releases include the stable and the canary while they run: each is listed once, by its role.
    const listed = new Set(releases.map((r) => r.id));
    for (const r of doc.releases)
        if (!listed.has(r.id))
            releases.push(state(r, 'previous', 0));
    const proxy = await (0,spawn/* localProxyStatus */.cQ)(stateDir, environment);
    const last = doc.transitions.at(-1);
    const lock = await lockHolder(stateDir, environment, clock);
    const verdicts = doc.transitions
        .filter((t) => ['promoted', 'rolled-back', 'failed', 'recovered'].includes(t.to))
        .slice(-5)
        .reverse()
        .map((t) => ({
        at: t.at,
        ...(t.release ? { release: t.release } : {}),
        outcome: t.to,
        ...(t.note ? { reason: t.note } : {}),
    }));
    return {
        environment,
        releases,
        verdicts,
        ...(ledger.recovered ? { ledgerRecovered: ledger.recovered } : {}),
        ...(lock ? { lock } : {}),
        ...(canary ? { canaryPhase: canary.phase } : {}),
        ...(proxy ? { proxy: { frontDoor: proxy.frontDoor, pid: proxy.pid, totals: proxy.totals } } : {}),
        ...(last
            ? {
                lastTransition: `${last.at} ${last.from} → ${last.to} at ${last.weight}%${last.note ? `: ${last.note}` : ''}`,
            }
            : {}),
    };
}
/**
 * Stops an environment: the local proxy daemon (if any) and every release process the ledger
 * knows of. The ledger stays, as the record of what was live; the next deploy finds the stable
 * release stopped and starts over as a first release. Returns what it stopped.
 */
async function downEnvironment(stateDir, environment, clock) {
    const ledger = await src_ledger/* Ledger */.Oc.open(stateDir, environment, clock, { repair: false });
    const doc = ledger.document;
    const stopped = [];
    const proxy = await (0,spawn/* localProxyStatus */.cQ)(stateDir, environment);
    await (0,spawn/* stopLocalProxy */.kf)(stateDir, environment);
    if (proxy)
        stopped.push(`local proxy (pid ${proxy.pid}, ${proxy.frontDoor})`);
    const all = [doc.stable, doc.canary?.release, ...doc.releases].filter((r) => r !== undefined);
    for (const r of all)
        if (r.pid !== undefined && releaseAlive(r.pid)) {
            await stopRelease(r.pid, 5000);
            stopped.push(`release ${r.id} (pid ${r.pid})`);
        }
    return stopped;
}

;// CONCATENATED MODULE: ./packages/deploy/src/controller/rollback.ts
// Rollback: the last known-good release back in front, in seconds. An unfinished canary (mid-run
// of a dead deploy, or paused on purpose) is aborted first through the one abort path, and that is
// the rollback. Otherwise the target is a release the ledger kept: a traffic switch when its
// process still runs, a restart from its release folder when not. Every rollback is a ledger entry.









/** Rolls the environment back; a target the ledger never kept is a UserError on `to`. */
async function rollback(o, seams) {
    const { clock, logger } = seams;
    const context = routerContext(o, seams);
    const host = seams.host ?? releaseHost(o.provider, context);
    const started = clock.monotonic();
    // A rollback never waits: it takes the lock even from a live deploy (mid-analysis, or held at a
    // confirmation gate), which stops acting at its next lock check, and aborts that deploy's canary.
    const lock = await acquire({ ...o, ttlMs: 5 * 60 * 1000, clock, takeOver: `rollback: ${o.reason || 'requested'}` });
    if (lock.tookOver)
        logger.warning(`took over the lock of ${lock.tookOver}`);
    const fromLiveRun = lock.forced;
    let router;
    const getRouter = () => (router ??= routerFor(o.provider, context));
    let upstream = '';
    // Until all traffic is on the restored release: the drain and stop of the replaced one come after.
    let switchedAt;
    let versionOf = (_id) => '';
    const end = (result, restored, replaced, reason) => ({
        result,
        restoredRelease: restored,
        restoredVersion: restored ? versionOf(restored) : '',
        replacedRelease: replaced,
        restoredUpstream: upstream,
        durationMs: Math.round((switchedAt ?? clock.monotonic()) - started),
        reason,
    });
    try {
        const ledger = await src_ledger/* Ledger */.Oc.open(o.stateDir, o.environment, clock, { audit: o.audit ?? {}, logger });
        versionOf = (id) => {
            const doc = ledger.document;
            return [doc.stable, ...doc.releases].find((r) => r?.id === id)?.version ?? '';
        };
        const why = o.reason || 'rollback requested';
        if (host.live) {
            // A fresh runner's empty ledger: what the platform runs and ran before, as it records (a Deployment's revisions).
            await seedFromPlatform(ledger, host, o.to === 'previous' ? 2 : 10, o.runId, logger, new Date(clock.now()));
        }
        else if (host.platform) {
            // A fresh runner's empty ledger: what went live on the platform, from GitHub's deployment history.
            const count = o.to === 'previous' ? 2 : 20;
            await seedFromGithub(ledger, seams.knownGood, count, o.runId, logger, new Date(clock.now()));
        }
        else if (!ledger.document.stable && ledger.document.releases.length === 0 && seams.knownGood) {
            // This host's releases cannot be restored from a history of names; say what GitHub knows.
            const [live, before] = await seams.knownGood(2);
            const wanted = o.to === 'previous' ? before : undefined;
            if (live)
                return end('failed', '', '', `the ledger of ${o.environment} in ${o.stateDir} is empty, so this host keeps no release to restore; GitHub's deployment history says ${live.releaseId} went live last${wanted ? ` and ${wanted.releaseId} (commit ${wanted.sha.slice(0, 12)}) before it: deploy that commit's artifact with deploy-canary` : ''}`);
        }
        const canary = ledger.unfinished();
        // Checked before anything moves: a target the ledger never kept changes nothing.
        const target = canary && o.to === 'previous' ? ledger.document.stable : pick(ledger, o.to);
        const onSwitched = () => (switchedAt = clock.monotonic());
        // A canary in flight is what is being rolled back: aborting it puts stable back in front.
        if (canary) {
            const context = { ledger, router: getRouter, host, clock, logger, runId: o.runId, drainMs: o.drainMs };
            const toStable = target !== undefined && target.id === ledger.document.stable?.id;
            await abortCanary({ ...context, cancelled: false, ...(toStable ? { onSwitched } : {}) }, `rollback: ${why}`);
            const stable = ledger.document.stable;
            // The run whose lock this was may have moved traffic in the instant before it saw the takeover:
            // stable gets all traffic once more, now that the canary is stopped.
            if (fromLiveRun && stable)
                await (await getRouter()).setWeights(plain(stable), undefined, 0);
            if (toStable && stable) {
                upstream = stable.upstream;
                return end('rolled-back', stable.id, canary.release.id, `aborted canary ${canary.release.id}: ${why}`);
            }
            if (!target)
                return end('failed', '', canary.release.id, `aborted canary ${canary.release.id}, but there is no stable release to restore`);
            logger.info(`aborted canary ${canary.release.id}; now restoring ${target.id}`);
        }
        const stable = ledger.document.stable;
        // For the type checker only: without a canary pick() returned a release or threw a UserError,
        // and with one an undefined target ended the rollback above.
        if (!target)
            throw new Error('internal: rollback reached the restore without a target');
        if (stable && target.id === stable.id) {
            upstream = stable.upstream;
            return end('noop', target.id, target.id, `${target.id} is already live`);
        }
        let restored = target;
        if (!host.alive(target.pid)) {
            // Its process is gone: start it again from the folder the ledger kept.
            if (!target.dir || !target.command)
                return end('failed', '', stable?.id ?? '', `${target.id} is not running and its ledger entry does not say how to start it`);
            let release = { id: target.id, version: target.version, digest: target.digest ?? '', dir: target.dir };
            if (await rollback_isDirectory(target.dir))
                logger.info(`${target.id} is not running: starting it from ${target.dir}`);
            else {
                // Its files are gone too: redeploy it from the artifact kept for it, once its digest checks out.
                const redeployed = await redeploy(o, target, host);
                if (typeof redeployed === 'string')
                    return end('failed', '', stable?.id ?? '', redeployed);
                release = redeployed;
            }
            const running = await host.start({ release, command: target.command, env: seams.env });
            const ready = await host.waitReady(running, { healthPath: o.healthPath, timeoutMs: o.readyTimeoutMs, clock });
            if (!ready.ready) {
                await host.stop(running.pid, STOP_GRACE_MS);
                return end('failed', '', stable?.id ?? '', `${target.id} did not become ready again: ${ready.reason}`);
            }
            restored = { ...target, pid: running.pid, upstream: running.upstream };
        }
        // Recorded before traffic moves, as every transition; a crash in between is finished by the next run.
        await ledger.transition({ to: 'rolled-back', stable: structuredClone(restored), note: `rollback: ${why}` }, o.runId);
        await (await getRouter()).setWeights(plain(restored), undefined, 0);
        switchedAt = clock.monotonic();
        logger.info(`rollback: all traffic on ${restored.id}`);
        upstream = restored.upstream;
        if (stable?.pid !== undefined && host.alive(stable.pid)) {
            await clock.sleep(o.drainMs);
            await host.stop(stable.pid, STOP_GRACE_MS);
        }
        return end('rolled-back', restored.id, stable?.id ?? '', `restored ${restored.id} in place of ${stable?.id ?? 'nothing'}: ${why}`);
    }
    finally {
        await router?.then((r) => r.close()).catch(() => { });
        await lock.release().catch(() => false);
    }
}
/** The release `to` names, from the ledger's stable and kept releases. */
function pick(ledger, to) {
    const doc = ledger.document;
    if (to === 'previous') {
        const previous = doc.releases[0];
        if (!previous)
            throw new lite/* UserError */.yo(`is previous, but ${doc.stable ? `${doc.stable.id} is the only release` : 'no release'} the ledger of ${doc.environment} keeps.`, { input: 'to' }, 'Deploy another release first, or name a release id.');
        return previous;
    }
    const found = [doc.stable, ...doc.releases].find((r) => r?.id === to);
    if (!found)
        throw new lite/* UserError */.yo(`'${to.slice(0, 80)}' is not a release the ledger of ${doc.environment} keeps.`, { input: 'to' }, `Use previous or one of: ${[doc.stable, ...doc.releases].flatMap((r) => (r ? [r.id] : [])).join(', ') || '(none)'}.`);
    return found;
}
/**
 * Prepares `target` again from the artifact kept for it (`<environment>/artifacts/<id>`): the
 * archive is verified against its manifest, and the manifest's digest must be the one the ledger
 * recorded. A string says why that is impossible.
 */
async function redeploy(o, target, host) {
    const kept = keptArtifact(o.stateDir, o.environment, target.id);
    if (!(await rollback_isFile(kept.archive)))
        return `${target.id} is not running, its folder ${target.dir ?? ''} is gone and no artifact was kept for it (${kept.archive}); deploy it again with deploy-canary`;
    let prepared;
    try {
        prepared = await host.prepare({
            artifact: kept.archive,
            version: target.version,
            stateDir: o.stateDir,
            environment: o.environment,
        });
    }
    catch (err) {
        return `the artifact kept for ${target.id} failed verification: ${(0,lite/* errorMessage */.gJ)(err)}`;
    }
    if (prepared.id !== target.id || (target.digest !== undefined && prepared.digest !== target.digest))
        return `the artifact kept for ${target.id} is ${prepared.digest}, not the ${target.digest ?? target.id} the ledger recorded; refusing to start it`;
    return prepared;
}
async function rollback_isDirectory(path) {
    return (0,promises_.stat)(path).then((s) => s.isDirectory(), () => false);
}
async function rollback_isFile(path) {
    return (0,promises_.stat)(path).then((s) => s.isFile(), () => false);
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/utils.js + 19 modules
var utils = __webpack_require__(85555);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(63251);
;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
// pkg/dist-src/index.js


// pkg/dist-src/version.js
var dist_bundle_VERSION = "0.0.0-development";

// pkg/dist-src/wrap-request.js
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}

// pkg/dist-src/generated/triggers-notification-paths.js
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];

// pkg/dist-src/route-matcher.js
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}

// pkg/dist-src/index.js
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = light,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = dist_bundle_VERSION;
throttling.triggersNotification = triggersNotification;


;// CONCATENATED MODULE: ./packages/deploy/src/github/client.ts
// The one place slipway builds a GitHub REST client: @actions/github's Octokit with the retry and
// throttling plugins, a per-request timeout, and Octokit's own log routed to our Logger. Also the
// one place a failed call is turned into a sentence the user can act on, without the token in it.





const DEFAULT_API_URL = 'https://api.github.com';
const DEFAULT_RETRIES = 3;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_BASE_MS = 1000;
const DEFAULT_MAX_RATE_WAIT_MS = 60_000;
// The retry plugin's own list plus 429: a rate limit is the throttling plugin's to retry, after the
// `retry-after` GitHub asked for rather than the retry plugin's blind backoff.
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
/** `owner` and `repo` of an `owner/name`, or undefined when it is not one. */
function splitRepository(repository) {
    const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository.trim());
    return m ? { owner: m[1], repo: m[2] } : undefined;
}
/** A client with retries, rate-limit handling and a request timeout; throws only on an empty token. */
function githubClient(o) {
    const retries = o.retries ?? DEFAULT_RETRIES;
    const baseMs = o.retryBaseMs ?? DEFAULT_BASE_MS;
    const maxWaitMs = o.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_WAIT_MS;
    const timeoutMs = o.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    const logger = o.logger;
    const token = o.token;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const retrying = retryCount < retries && retryAfter * baseMs <= maxWaitMs;
        logger.debug(`GitHub ${kind} on ${request.method} ${request.url}: retry-after ${retryAfter}s; ${retrying ? 'retrying' : 'giving up'}`);
        return retrying;
    };
    // Octokit would print deprecations and plugin errors with console; the run keeps one warning.
    const debug = (message) => logger.debug(`octokit: ${scrub(message, token)}`);
    return (0,github/* getOctokit */.Q)(token, {
        baseUrl: (o.apiUrl || DEFAULT_API_URL).replace(/\/+$/, ''),
        // `request` replaces @actions/github's defaults whole, so its proxy-aware fetch is carried over.
        request: { ...utils/* defaults */.NT.request, fetch: withTimeout(utils/* defaults */.NT.request?.fetch ?? globalThis.fetch, timeoutMs) },
        log: { debug, info: debug, warn: debug, error: debug },
        retry: { retries, retryAfterBaseValue: baseMs, doNotRetry: DO_NOT_RETRY },
        throttle: {
            retryAfterBaseValue: baseMs,
            ...(o.writeQueue ? { write: o.writeQueue } : {}),
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit'),
        },
    }, dist_bundle/* retry */.L, throttling);
}
// Octokit has no request timeout of its own; a hung connection would hold the deploy forever.
// The signal also covers reading the body, so a response that stalls halfway times out too.
function withTimeout(fetchFn, ms) {
    return (input, init) => {
        const timeout = AbortSignal.timeout(ms);
        return fetchFn(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
    };
}
/** Why a call to GitHub failed, as one line naming the fix where there is one; never holds the token. */
function describeFailure(error, o) {
    const e = (typeof error === 'object' && error !== null ? error : {});
    const what = scrub(e.response ? (0,lite/* errorMessage */.gJ)(error) : networkFailure(error), o.token);
    const where = e.request?.method && e.request.url ? `${e.request.method} ${pathOf(e.request.url)}: ` : '';
    const rateLimited = e.status === 429 ||
        e.response?.headers?.['x-ratelimit-remaining'] === '0' ||
        /\brate limit\b/i.test(e.message ?? '');
    if (rateLimited)
        return `${where}rate limited by GitHub (${e.status}): ${what}`;
    if (e.status === 401)
        return `${where}the token was refused (401: ${what}); check the github-token input`;
    if (e.status === 403)
        return `${where}the token may not ${o.access} deployments (403: ${what}); add \`permissions: deployments: ${o.access}\` to the job`;
    if (e.status === 404)
        return `${where}repository ${o.repository} not found or not visible to the token (404); check the repository and the token's access`;
    // Octokit reports a network failure (refused, timed out) as a 500 with no response: no status to show.
    return `${where}${what}${e.response && typeof e.status === 'number' ? ` (${e.status})` : ''}`;
}
/** The text with the token, and any credential in a URL, shown as `***`. */
function scrub(text, token) {
    const bare = token.trim();
    return (0,lite/* redactCredentials */.UY)(bare.length >= 3 ? text.split(bare).join('***') : text);
}
// Octokit wraps a failed fetch as "fetch failed" or "Unknown Error"; the cause chain says what happened.
function networkFailure(error) {
    for (let c = error, depth = 0; c && typeof c === 'object' && depth < 4; depth++) {
        const { name, code, message, cause } = c;
        if (name === 'TimeoutError')
            return 'no answer in time (request timed out)';
        if (typeof code === 'string' && typeof message === 'string')
            return message;
        c = cause;
    }
    return (0,lite/* errorMessage */.gJ)(error);
}
function pathOf(url) {
    try {
        return new URL(url).pathname;
    }
    catch {
        return url;
    }
}

;// CONCATENATED MODULE: ./packages/deploy/src/github/deployments.ts

/** GitHub's limit on a deployment's or a status's description. */
const DESCRIPTION_LIMIT = 140;
/** Records deployments through the REST API; after the first failure it warns once and records nothing more. */
function githubDeployments(o) {
    const { logger } = o;
    const unavailable = (why) => logger.warning(`GitHub Deployments unavailable: ${why}; the deploy goes on from the ledger`);
    const target = splitRepository(o.repository);
    if (!target)
        return silent(() => unavailable(`repository '${o.repository}' is not owner/name`));
    let client;
    try {
        client = githubClient(o);
    }
    catch (error) {
        return silent(() => unavailable(describeFailure(error, { ...o, access: 'write' })));
    }
    let off = false;
    let deploymentId;
    // One call at a time, in the order made: GitHub orders statuses by arrival, and a caller that
    // does not await progress() must not see a later status overtaken by an earlier one.
    let queue = Promise.resolve();
    const run = (call) => (queue = queue.then(async () => {
        if (off)
            return;
        try {
            await call();
        }
        catch (error) {
            // The plugins have retried what was worth retrying; more calls would only repeat the wait.
            off = true;
            unavailable(describeFailure(error, { ...o, access: 'write' }));
        }
    }));
    const post = async (state, description, extra = {}) => {
        if (deploymentId === undefined)
            return;
        await client.rest.repos.createDeploymentStatus({
            ...target,
            deployment_id: deploymentId,
            state,
            description: cut(description),
            ...(o.runUrl ? { log_url: o.runUrl } : {}),
            ...extra,
        });
    };
    return {
        start: (info) => run(async () => {
            deploymentId = undefined;
            const created = await client.rest.repos.createDeployment({
                ...target,
                ref: info.ref,
                environment: info.environment,
                description: cut(info.description),
                payload: { releaseId: info.releaseId, version: info.version },
                auto_merge: false,
                // No commit-status checks: the canary's own analysis is the gate.
                required_contexts: [],
                transient_environment: false,
                production_environment: info.environment === 'production',
            });
            // A 202 (a merge instead of a deployment) only happens with auto_merge, but it has no id.
            if (!('id' in created.data))
                throw new Error(`GitHub created no deployment: ${created.data.message ?? ''}`);
            deploymentId = created.data.id;
            logger.debug(`GitHub deployment ${deploymentId} of ${info.releaseId} to ${info.environment}`);
            await post('in_progress', info.description);
        }),
        // The weight leads, so that cutting a long description never loses it.
        progress: (weight, description) => run(() => post('in_progress', `${weight}% of traffic: ${description}`)),
        succeeded: (environmentUrl, description) => run(() => post('success', description, {
            ...(environmentUrl ? { environment_url: environmentUrl } : {}),
            auto_inactive: true,
        })),
        failed: (description) => run(() => post('failure', description)),
    };
}
/** A recorder that records nothing and says `why` once, at info level, when first used. */
function noDeployments(logger, why) {
    return silent(() => logger.info(why));
}
function silent(sayWhy) {
    let said = false;
    const once = async () => {
        if (!said)
            sayWhy();
        said = true;
    };
    return { start: once, progress: once, succeeded: once, failed: once };
}
/** The text on one line within GitHub's 140-character limit, with an ellipsis where it was cut. */
function cut(text) {
    const chars = [...text.replace(/\s+/g, ' ').trim()];
    return chars.length <= DESCRIPTION_LIMIT ? chars.join('') : `${chars.slice(0, DESCRIPTION_LIMIT - 1).join('')}…`;
}

;// CONCATENATED MODULE: ./packages/deploy/src/github/recover.ts
// The last known-good release from GitHub's deployment history, for a fresh runner whose local
// ledger is gone: the newest deployment slipway recorded that reached `success`.

const PAGE_SIZE = 30;
// Each deployment costs a status request; past this many the history is too old to trust anyway.
const MAX_DEPLOYMENTS = 100;
/** The newest deployment to `environment` with a `success` status; undefined when none, or with one warning when GitHub cannot be read. */
async function lastKnownGood(o, environment) {
    return (await knownGoodReleases(o, environment, 1))[0];
}
/**
 * Up to `count` releases that went live in `environment`, newest first, one entry per release:
 * the deployments slipway recorded that reached `success`. Empty when none, or (with one warning)
 * when GitHub cannot be read.
 */
async function knownGoodReleases(o, environment, count) {
    const found = [];
    const target = splitRepository(o.repository);
    const giveUp = (why) => {
        o.logger.warning(`GitHub Deployments of ${environment} unreadable: ${why}; no last known-good release from GitHub`);
        return found;
    };
    if (!target)
        return giveUp(`repository '${o.repository}' is not owner/name`);
    try {
        const client = githubClient(o);
        let seen = 0;
        // GitHub lists newest first, so the walk stops at the first success without reading older pages.
        const pages = client.paginate.iterator(client.rest.repos.listDeployments, {
            ...target,
            environment,
            per_page: PAGE_SIZE,
        });
        for await (const page of pages) {
            for (const deployment of page.data) {
                if (++seen > MAX_DEPLOYMENTS)
                    return found;
                // Deployments another tool made to the same environment name no release slipway can restore.
                const release = releaseOf(deployment.payload);
                if (!release || found.some((f) => f.releaseId === release.releaseId))
                    continue;
                const statuses = await client.rest.repos.listDeploymentStatuses({
                    ...target,
                    deployment_id: deployment.id,
                    per_page: 100,
                });
                if (statuses.data.some((s) => s.state === 'success'))
                    found.push({ ...release, sha: deployment.sha });
                if (found.length >= count)
                    return found;
            }
        }
        return found;
    }
    catch (error) {
        return giveUp(describeFailure(error, { ...o, access: 'read' }));
    }
}
/** releaseId and version from a deployment's payload: an object, or JSON text when made by an older client. */
function releaseOf(payload) {
    let value = payload;
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value);
        }
        catch {
            return undefined;
        }
    }
    if (typeof value !== 'object' || value === null)
        return undefined;
    const { releaseId, version } = value;
    if (typeof releaseId !== 'string' || releaseId === '')
        return undefined;
    return { releaseId, version: typeof version === 'string' ? version : '' };
}

;// CONCATENATED MODULE: ./packages/deploy/src/notify.ts
const notify_DEFAULT_TIMEOUT_MS = 10_000;
const notify_DEFAULT_RETRIES = 3;
const FIRST_BACKOFF_MS = 500;
/** A Retry-After beyond this is not worth holding the job for. */
const MAX_RETRY_AFTER_MS = 30_000;
/** Slack refuses a section text over 3000 characters and a field over 2000. */
const MAX_REASON_CHARS = 1500;
/** Slack's mrkdwn reads `&`, `<` and `>` as markup; text from a reason or a version must not. */
function escapeMrkdwn(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function clip(text, max) {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}
/** The JSON body: a `text` line (what notifications and other chat tools show) and section blocks. */
function payload(m) {
    const reason = escapeMrkdwn(clip(m.reason, MAX_REASON_CHARS));
    const env = escapeMrkdwn(m.environment);
    const release = escapeMrkdwn(m.release);
    const previous = escapeMrkdwn(m.previousRelease || 'nothing');
    const headline = m.kind === 'rolled-back'
        ? `:rotating_light: ${env} rolled back ${release} → ${previous}: ${reason}`
        : `:x: ${env} deploy of ${release} failed (still on ${previous}): ${reason}`;
    const run = m.runUrl ? escapeMrkdwn(m.runUrl) : undefined;
    const field = (label, value) => ({ type: 'mrkdwn', text: `*${label}*\n${value}` });
    return {
        text: run ? `${headline} (${run})` : headline,
        blocks: [
            { type: 'section', text: { type: 'mrkdwn', text: headline } },
            {
                type: 'section',
                fields: [
                    field('Environment', env),
                    field('Versions', `${release} → ${previous}`),
                    field('Reason', reason),
                    ...(run ? [field('Run', `<${run}|workflow run>`)] : []),
                ],
            },
        ],
    };
}
/** A webhook URL as it may be logged: scheme and host only (the path of a Slack webhook is its token). */
function redactWebhook(url) {
    try {
        const u = new URL(url);
        return `${u.protocol}//${u.host}/…`;
    }
    catch {
        return '(not a URL)';
    }
}
/** An error or answer line with the URL and its path removed, wherever the text came from. */
function notify_scrub(text, url) {
    let out = text.split(url).join('…');
    try {
        const { pathname, search } = new URL(url);
        for (const secret of [pathname + search, pathname, search])
            if (secret.length > 1)
                out = out.split(secret).join('/…');
    }
    catch {
        // not a URL: nothing more to take out
    }
    return out.replace(/\s+/g, ' ').slice(0, 300);
}
/** One attempt: `done` on 2xx, otherwise why it failed, whether trying again may help, and any Retry-After. */
async function attempt(url, body, fetchImpl, timeoutMs) {
    try {
        const response = await fetchImpl(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
            redirect: 'error',
            signal: AbortSignal.timeout(timeoutMs),
        });
        // Read to the end so the connection is released; Slack explains a refusal in the body (`invalid_payload`).
        const text = await response.text().catch(() => '');
        if (response.ok)
            return { done: true };
        const retryAfter = Number(response.headers.get('retry-after'));
        return {
            done: false,
            why: `HTTP ${response.status}${text.trim() ? ` ${text.trim()}` : ''}`,
            retry: response.status === 429 || response.status >= 500,
            ...(retryAfter > 0 ? { waitMs: Math.min(retryAfter * 1000, MAX_RETRY_AFTER_MS) } : {}),
        };
    }
    catch (err) {
        const e = err;
        const why = e.name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : `${e.message}${e.cause?.code ? ` (${e.cause.code})` : e.cause?.message ? ` (${e.cause.message})` : ''}`;
        return { done: false, why, retry: true };
    }
}
/**
 * Posts the alert to a Slack-compatible incoming webhook, retrying network errors, timeouts, 5xx
 * and 429 with backoff (0.5 s, 1 s, 2 s…). Never throws: true when delivered; false, with one
 * warning, when not.
 */
async function notifyWebhook(url, message, seams) {
    const shown = redactWebhook(url);
    const fetchImpl = seams.fetch ?? fetch;
    const sleep = seams.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const retries = Math.max(0, seams.retries ?? notify_DEFAULT_RETRIES);
    const timeoutMs = seams.timeoutMs ?? notify_DEFAULT_TIMEOUT_MS;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        // not a URL
    }
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
        seams.logger.warning('could not send the alert: the webhook URL is not an http(s) URL');
        return false;
    }
    const body = JSON.stringify(payload(message));
    for (let i = 0;; i++) {
        const result = await attempt(url, body, fetchImpl, timeoutMs);
        if (result.done)
            return true;
        const why = notify_scrub(result.why, url);
        if (!result.retry || i === retries) {
            const tries = i + 1;
            seams.logger.warning(`could not send the alert to ${shown} (${tries} attempt${tries === 1 ? '' : 's'}): ${why}`);
            return false;
        }
        seams.logger.debug(`alert to ${shown}: attempt ${i + 1} failed (${why}); trying again`);
        await sleep(Math.max(FIRST_BACKOFF_MS * 2 ** i, result.waitMs ?? 0));
    }
}

// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(80481);
;// CONCATENATED MODULE: ./packages/deploy/src/audit-export.ts
// Reading an environment's `audit.jsonl` back: one line at a time, so a trail of years costs no
// more memory than a line, and a damaged line (a torn append, a hand edit) is skipped, not fatal.





/** Every line of an audit file in order; a missing file has none. Blank lines are not lines of the trail. */
async function* auditLines(path) {
    // Opened first so that a missing file is an empty trail rather than an error out of readline.
    const handle = await (0,promises_.open)(path, 'r').catch((err) => err.code === 'ENOENT' ? undefined : Promise.reject(err));
    if (!handle)
        return;
    const lines = (0,external_node_readline_.createInterface)({ input: handle.createReadStream({ encoding: 'utf8' }), crlfDelay: Infinity });
    let number = 0;
    try {
        for await (const line of lines) {
            number++;
            if (line.trim() === '')
                continue;
            const result = dist/* safeParse */.xLC(src_ledger/* transitionSchema */.Jw, audit_export_parseJson(line));
            yield result.success ? { transition: result.output } : { invalid: number };
        }
    }
    finally {
        lines.close();
        await handle.close().catch(() => undefined);
    }
}
/** The transitions of an environment's audit trail within a window, oldest first, read as a stream. */
async function* auditEntries(stateDir, environment, window = {}) {
    const path = (0,external_node_path_.join)((0,src_ledger/* environmentDir */.Fw)(stateDir, environment), 'audit.jsonl');
    for await (const line of auditLines(path)) {
        if ('invalid' in line) {
            window.onInvalid?.(line.invalid);
            continue;
        }
        const at = Date.parse(line.transition.at);
        if (window.since !== undefined && at < window.since)
            continue;
        if (window.until !== undefined && at >= window.until)
            continue;
        yield line.transition;
    }
}
function audit_export_parseJson(line) {
    try {
        return JSON.parse(line);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/deploy/src/metrics.ts
// The four DORA delivery metrics of one environment, read from its audit trail in one pass: only
// the deploy under way, the one that is live and the samples for the medians are held in memory.


const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Weeks the chart shows at most. */
const CHART_WEEKS = 26;
/**
 * Reads `<stateDir>/<environment>/audit.jsonl` as a stream and computes the DORA metrics of the
 * period [since, until) (`until` defaults to now, `since` to the first transition of the trail):
 *
 * - A deploy is a `starting` transition's runId + release; it follows that release's transitions
 *   until its outcome (`promoted`, `rolled-back` or `failed`), whichever run writes them (a paused
 *   canary is resumed by another run). Everything is counted against the deploy's start: a deploy
 *   is in the period, with its week, when its first `starting` is.
 * - Deployment frequency: deploys of the period that were promoted, and that count per day.
 * - Lead time for changes: promotion time minus the `commitTime` first recorded on the deploy's
 *   transitions (that of the run that started it); median and p90 by linear interpolation.
 *   Promotions without a commit time are left out and counted.
 * - Change failure rate: failed deploys over deploys started. A deploy failed when it ended
 *   `rolled-back` or `failed` after taking traffic (a transition with weight > 0), or when it was
 *   promoted and a rollback action (a `rolled-back` transition from `idle` whose note starts with
 *   `rollback:`) replaced it while it was still the live release. A deploy that failed before
 *   taking traffic (readiness, a hook) reached no user and is not a change failure.
 * - Time to restore: for a canary that failed, from its first `aborting` transition to its outcome;
 *   for a promoted release rolled back, from its promotion (when the bad change reached everyone)
 *   to the rollback transition. Median.
 *
 * Transitions at or after `until` are not read; those before `since` are, so that a rollback in the
 * period finds the release it replaced.
 */
async function deliveryMetrics(stateDir, environment, options) {
    const until = options.until ?? options.clock.now();
    let since = options.since;
    const weeks = new Map();
    const leadTimes = [];
    const restoreTimes = [];
    let skippedLines = 0;
    let deploys = 0;
    let promotions = 0;
    let failures = 0;
    let withoutCommitTime = 0;
    let current;
    let live;
    const weekOf = (deploy) => weekEntry(weeks, deploy.week);
    const fail = (deploy, from, at) => {
        if (!deploy.inPeriod)
            return;
        failures++;
        weekOf(deploy).failures++;
        restoreTimes.push(at - from);
    };
    const trail = auditEntries(stateDir, environment, { until, onInvalid: () => skippedLines++ });
    for await (const t of trail) {
        const at = Date.parse(t.at);
        since ??= at;
        if (isRollbackAction(t)) {
            if (live)
                fail(live.deploy, live.promotedAt, at);
            live = undefined;
            continue;
        }
        if (t.to === 'starting') {
            const key = `${t.runId}\n${t.release ?? ''}`;
            if (current?.key !== key) {
                current = { key, release: t.release, week: weekStart(at), inPeriod: at >= since, tookTraffic: false };
                if (current.inPeriod) {
                    deploys++;
                    weekOf(current).deploys++;
                }
            }
        }
        // Transitions from `idle` other than a start belong to no canary.
        if (!current || t.release !== current.release || (t.from === 'idle' && t.to !== 'starting'))
            continue;
        if (current.commitTime === undefined && t.commitTime)
            current.commitTime = Date.parse(t.commitTime);
        if (t.to === 'promoted') {
            if (current.inPeriod) {
                promotions++;
                weekOf(current).promotions++;
                if (current.commitTime === undefined)
                    withoutCommitTime++;
                else
                    leadTimes.push(at - current.commitTime);
            }
            live = { deploy: current, promotedAt: at };
            current = undefined;
        }
        else if (t.to === 'rolled-back' || t.to === 'failed') {
            if (current.tookTraffic)
                fail(current, current.abortingAt ?? at, at);
            current = undefined;
        }
        else {
            if (t.weight > 0)
                current.tookTraffic = true;
            if (t.to === 'aborting')
                current.abortingAt ??= at;
        }
    }
    const start = Math.min(since ?? until, until);
    const days = (until - start) / DAY_MS;
    for (let w = weekStart(start); start < until && w <= weekStart(until - 1); w += WEEK_MS)
        weekEntry(weeks, w);
    return {
        environment,
        since: new Date(start).toISOString(),
        until: new Date(until).toISOString(),
        days,
        deploys,
        deploymentFrequency: { promotions, perDay: days > 0 ? promotions / days : 0 },
        leadTime: {
            medianMs: percentile(leadTimes, 0.5),
            p90Ms: percentile(leadTimes, 0.9),
            samples: leadTimes.length,
            withoutCommitTime,
        },
        changeFailureRate: { failures, deploys, rate: deploys > 0 ? failures / deploys : 0 },
        timeToRestore: { medianMs: percentile(restoreTimes, 0.5), samples: restoreTimes.length },
        weeks: [...weeks.entries()].sort(([a], [b]) => a - b).map(([, w]) => w),
        skippedLines,
    };
}
/** The metrics as Markdown: a table of the four figures and a mermaid chart of deploys and failures per week. */
function metricsMarkdown(m) {
    const summary = new lite/* SummaryBuilder */.CF().heading(`Delivery metrics of ${m.environment}`);
    summary.text(`${m.since.slice(0, 10)} to ${m.until.slice(0, 10)} (${round(m.days)} days)`);
    const lead = m.leadTime;
    const withoutCommit = lead.withoutCommitTime ? `; ${lead.withoutCommitTime} without a commit time` : '';
    summary.table(['Metric', 'Value', 'Detail'], [
        [
            'Deployment frequency',
            frequency(m.deploymentFrequency.perDay),
            `${m.deploymentFrequency.promotions} promoted of ${plural(m.deploys, 'deploy')}`,
        ],
        [
            'Lead time for changes',
            lead.medianMs === null ? '–' : `median ${duration(lead.medianMs)}, p90 ${duration(lead.p90Ms)}`,
            `${plural(lead.samples, 'promotion')} with a commit time${withoutCommit}`,
        ],
        [
            'Change failure rate',
            `${round(m.changeFailureRate.rate * 100)}%`,
            `${m.changeFailureRate.failures} of ${plural(m.changeFailureRate.deploys, 'deploy')}`,
        ],
        [
            'Time to restore',
            m.timeToRestore.medianMs === null ? '–' : `median ${duration(m.timeToRestore.medianMs)}`,
            plural(m.timeToRestore.samples, 'restore'),
        ],
    ]);
    if (m.deploys === 0)
        summary.text(`No deployments of ${m.environment} in this period.`);
    else {
        // A chart of years is a smear; the JSON keeps every week.
        const weeks = m.weeks.slice(-CHART_WEEKS);
        const top = Math.max(1, ...weeks.map((w) => w.deploys));
        summary.mermaid([
            'xychart-beta',
            `  title "Deploys (bars) and failures (line) per week${weeks.length < m.weeks.length ? `, last ${CHART_WEEKS}` : ''}"`,
            `  x-axis [${weeks.map((w) => `"${w.week}"`).join(', ')}]`,
            `  y-axis "Deploys" 0 --> ${top}`,
            `  bar [${weeks.map((w) => w.deploys).join(', ')}]`,
            `  line [${weeks.map((w) => w.failures).join(', ')}]`,
        ].join('\n'));
    }
    if (m.skippedLines > 0)
        summary.text(`> ${m.skippedLines} lines of audit.jsonl were not valid transitions and were skipped.`);
    return summary.toMarkdown();
}
/** The rollback action replacing a promoted release (a canary's rollback goes through `aborting`, not `idle`). */
function isRollbackAction(t) {
    return t.from === 'idle' && t.to === 'rolled-back' && (t.note ?? '').startsWith('rollback:');
}
/** Monday 00:00 UTC of the week holding `ms`. */
function weekStart(ms) {
    const day = Math.floor(ms / DAY_MS) * DAY_MS;
    // 1970-01-01 was a Thursday: getUTCDay() 4, so Monday is (day + 6) % 7 days back.
    return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
}
function weekEntry(weeks, start) {
    let entry = weeks.get(start);
    if (!entry) {
        entry = { week: new Date(start).toISOString().slice(0, 10), deploys: 0, promotions: 0, failures: 0 };
        weeks.set(start, entry);
    }
    return entry;
}
/** The p-quantile by linear interpolation between closest ranks (as a spreadsheet's PERCENTILE), in whole ms. */
function percentile(samples, p) {
    if (samples.length === 0)
        return null;
    const sorted = [...samples].sort((a, b) => a - b);
    const rank = (sorted.length - 1) * p;
    const low = sorted[Math.floor(rank)];
    const high = sorted[Math.ceil(rank)];
    return Math.round(low + (high - low) * (rank - Math.floor(rank)));
}
/** Days first, since lead times run to days and formatDuration stops at hours. */
function duration(ms) {
    const days = Math.floor(ms / DAY_MS);
    const rest = ms - days * DAY_MS;
    return days > 0 ? `${days}d${rest > 0 ? (0,lite/* formatDuration */.a3)(rest) : ''}` : (0,lite/* formatDuration */.a3)(ms);
}
/** A day's rate reads as 0 on a quiet environment; a week's does not. */
function frequency(perDay) {
    return perDay >= 1 || perDay === 0 ? `${round(perDay)} a day` : `${round(perDay * 7)} a week`;
}
function plural(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
function round(n) {
    return String(Math.round(n * 100) / 100);
}

;// CONCATENATED MODULE: ./packages/deploy/src/remote/host.ts
// The `host` input: `user@host[:port]`, read strictly, because every part of it ends up on ssh's
// command line and a value that starts with `-` or holds spaces could smuggle in an ssh option.

const HINT = "Write it as 'user@host' or 'user@host:port', for example 'deploy@203.0.113.10:2222'.";
/** POSIX user names, which may not start with `-`. */
const USER = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** DNS labels and IPv4 addresses; a leading `-` or `.` is refused. */
const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;
/** Reads `user@host[:port]` (IPv6 in brackets: `user@[2001:db8::1]:22`); a UserError on `host` for anything else. */
function parseHost(text) {
    const bad = (why) => new lite/* UserError */.yo(`${shown(text)} ${why}.`, { input: 'host' }, HINT);
    if (text.trim() === '')
        throw new lite/* UserError */.yo('is empty.', { input: 'host' }, HINT);
    if (/\s/.test(text))
        throw bad('contains spaces');
    if (text.startsWith('-'))
        throw bad('starts with -');
    const at = text.lastIndexOf('@');
    if (at < 0)
        throw bad('names no user');
    const user = text.slice(0, at);
    if (!USER.test(user))
        throw bad(`has a user name ssh would not take safely (${shown(user)})`);
    const rest = text.slice(at + 1);
    const parts = /^\[([^\]]*)\](?::(.*))?$/.exec(rest) ?? /^([^:[\]]*)(?::(.*))?$/.exec(rest);
    if (!parts)
        throw bad('is not user@host[:port]');
    const host = parts[1];
    const bracketed = rest.startsWith('[');
    if (bracketed ? !(IPV6.test(host) && host.includes(':')) : !HOST_NAME.test(host))
        throw bad(`has a host name ssh would not take safely (${shown(host)})`);
    const port = parts[2] === undefined ? 22 : Number(parts[2]);
    if (!/^\d{1,5}$/.test(parts[2] ?? '22') || port < 1 || port > 65535)
        throw bad(`has port ${shown(parts[2] ?? '')}, which is not a number from 1 to 65535`);
    return { user, host, port };
}
/** `user@host:port` for messages. */
function targetLabel(t) {
    return `${t.user}@${t.host.includes(':') ? `[${t.host}]` : t.host}:${t.port}`;
}
/** The name ssh looks the host up by in known_hosts: the bare host on port 22, `[host]:port` on any other. */
function knownHostsName(t) {
    return t.port === 22 ? t.host : `[${t.host}]:${t.port}`;
}
/**
 * The text quoted for a message. A long or multi-line value is not repeated at all: it may be a
 * secret pasted into the wrong input (the key itself), and the log is no place for any of it.
 */
function shown(text) {
    return text.length > 80 || /\s/.test(text) ? 'the value' : JSON.stringify(text);
}

;// CONCATENATED MODULE: ./packages/deploy/src/remote/ssh-errors.ts
// What ssh's stderr means for the user: each known failure maps to the input that fixes it. The
// first matching row wins, so host-key rows come before the rest (ssh checks the host key first,
// and a changed key's banner also mentions things the later rows look for).


const KEYSCAN = (t) => `Get the host's keys with 'ssh-keyscan -p ${t.port} ${t.host}', check their fingerprints against the server's own ` +
    `('ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub' there), and put the lines in known-hosts.`;
const REACH = 'Check the host and port, that sshd runs there, and that a firewall lets the runner in.';
const ROWS = [
    {
        pattern: /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed/,
        input: 'known-hosts',
        message: (t) => `does not match the host key ${targetLabel(t)} presented; nothing was run there.`,
        hint: (t) => `If the server's key changed on purpose: ${KEYSCAN(t)}`,
    },
    {
        pattern: /Host key verification failed|No \S+ host key is known/,
        input: 'known-hosts',
        message: (t) => `holds no key for ${knownHostsName(t)} that matches the one the server presented; nothing was run there.`,
        hint: KEYSCAN,
    },
    {
        pattern: /Load key .*: (?:invalid format|error in libcrypto)|incorrect passphrase/,
        input: 'ssh-key',
        message: () => 'is not a private key ssh can use.',
        hint: () => "Use an OpenSSH private key without a passphrase (ssh-keygen -t ed25519 -N '').",
    },
    {
        pattern: /Permission denied \(|Too many authentication failures/,
        input: 'ssh-key',
        message: (t) => `was refused by ${targetLabel(t)}.`,
        hint: (t) => `Add its public key (ssh-keygen -y -f <key>) to ~${t.user}/.ssh/authorized_keys on the host.`,
    },
    {
        pattern: /Connection refused/,
        input: 'host',
        message: (t) => `cannot connect to ${targetLabel(t)}: connection refused.`,
        hint: () => REACH,
    },
    {
        pattern: /timed out|Operation timed out/i,
        input: 'host',
        message: (t) => `cannot connect to ${targetLabel(t)}: the connection timed out.`,
        hint: () => REACH,
    },
    {
        pattern: /Could not resolve hostname|Name or service not known|nodename nor servname/,
        input: 'host',
        message: (t) => `cannot connect to ${targetLabel(t)}: the name ${t.host} does not resolve.`,
        hint: () => 'Check the spelling, or use the IP address.',
    },
    {
        pattern: /No route to host|Network is unreachable/,
        input: 'host',
        message: (t) => `cannot connect to ${targetLabel(t)}: no route to the host.`,
        hint: () => REACH,
    },
    {
        pattern: /Connection (?:closed|reset) by|kex_exchange_identification/,
        input: 'host',
        message: (t) => `cannot connect to ${targetLabel(t)}: the server closed the connection before logging in.`,
        hint: () => `${REACH} The server may also limit connections (MaxStartups) or refuse the runner's address.`,
    },
];
/** The UserError ssh's stderr stands for, or undefined when it is none of the known failures. */
function sshUserError(stderr, target) {
    const row = ROWS.find((r) => r.pattern.test(stderr));
    return row && new lite/* UserError */.yo(row.message(target), { input: row.input }, row.hint(target));
}
/** An internal Error for an ssh failure no row explains, naming its last line of stderr. */
function sshInternalError(what, stderr, target) {
    const last = stderr.trim().split('\n').pop()?.trim() ?? '';
    return new Error(`${what} on ${targetLabel(target)} failed${last ? `: ${(0,lite/* redactCredentials */.UY)(last)}` : ''}`);
}

;// CONCATENATED MODULE: ./packages/deploy/src/remote/copy-dir.ts
// Copies a folder to a remote host as one tar stream over the shared ssh connection, then proves
// the copy: a sha256 listing of every file, made on both sides, must be identical. tar can exit
// 0 on a stream cut short by a dropped connection; the listing cannot be fooled that way.




/**
 * bash for PIPESTATUS: a plain sh reports only the last command of a pipeline, and a tar that
 * failed locally must not pass for a remote failure. Exit 100 says the local tar failed.
 */
const PIPE = 'dir=$1; shift; tar -C "$dir" -cf - . | "$@"; s=("${PIPESTATUS[@]}"); [ "${s[0]}" = 0 ] || exit 100; exit "${s[1]}"';
const TAR_FAILED = 100;
/** Byte order, not the locale's, so both sides sort alike; `-r` so an empty folder lists nothing. */
const LISTING = 'find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum';
/** Copies localDir's contents into remoteDir; an Error when the remote files differ afterwards (remoteDir should start empty). */
async function copyDir(ctx, localDir, remoteDir) {
    if (!(0,external_node_fs_.statSync)(localDir).isDirectory())
        throw new Error(`${localDir} is not a folder`);
    if (remoteDir === '')
        throw new Error('copyDir needs a remote folder');
    const where = `${targetLabel(ctx.target)}:${remoteDir}`;
    const dest = (0,lite/* shellQuote */.ZL)(remoteDir);
    // -o: files belong to the remote user, not to the runner's uid; -p: modes as they are here.
    const unpack = `mkdir -p -- ${dest} && tar -C ${dest} -xpof -`;
    const sent = await ctx.exec('bash', ['-c', PIPE, 'bash', localDir, 'ssh', ...ctx.sshArgs(unpack)], {
        env: ctx.env,
        silent: true,
        ignoreReturnCode: true,
    });
    if (sent.exitCode === TAR_FAILED)
        throw new Error(`archiving ${localDir} failed: ${copy_dir_lastLine(sent.stderr)}`);
    if (sent.exitCode === 255)
        throw sshUserError(sent.stderr, ctx.target) ?? sshInternalError(`copying to ${remoteDir}`, sent.stderr, ctx.target);
    if (sent.exitCode !== 0)
        throw new Error(`unpacking into ${where} failed (exit code ${sent.exitCode}): ${copy_dir_lastLine(sent.stderr)}`);
    const local = await ctx.exec('sh', ['-c', `cd "$1" && ${LISTING}`, 'sh', localDir], {
        env: ctx.env,
        silent: true,
        ignoreReturnCode: true,
    });
    if (local.exitCode !== 0)
        throw new Error(`listing ${localDir} failed: ${copy_dir_lastLine(local.stderr)}`);
    const remote = await ctx.run(`cd -- ${dest} && ${LISTING}`);
    if (remote.exitCode !== 0)
        throw new Error(`listing ${where} failed: ${copy_dir_lastLine(remote.stderr)}`);
    const differences = compare(parse(local.stdout), parse(remote.stdout));
    if (differences.length > 0)
        throw new Error(`the copy at ${where} does not match ${localDir}: ${differences.slice(0, 5).join('; ')}`);
}
/** sha256sum's `<hash>  <path>` lines as path → hash. */
function parse(listing) {
    const files = new Map();
    for (const line of listing.split('\n')) {
        const m = /^\\?([0-9a-f]{64}) [ *](.*)$/.exec(line);
        if (m)
            files.set(m[2], m[1]);
    }
    return files;
}
function compare(local, remote) {
    const out = [];
    for (const [path, hash] of local) {
        const there = remote.get(path);
        if (there === undefined)
            out.push(`${path} is missing there`);
        else if (there !== hash)
            out.push(`${path} differs`);
    }
    for (const path of remote.keys())
        if (!local.has(path))
            out.push(`${path} is there but not here`);
    return out;
}
function copy_dir_lastLine(text) {
    return text.trim().split('\n').pop()?.trim() || 'no message';
}

;// CONCATENATED MODULE: ./packages/deploy/src/remote/ssh-files.ts
// The files an ssh session needs (the key, known_hosts, the control socket) in a folder only this
// user can open, and the checks on the key and known_hosts that run before any connection: a bad
// key or a host known_hosts does not list is the user's to fix, and ssh would only say "failed".





const KEY_HINT = "Put the whole private key file (the one without .pub, from 'ssh-keygen -t ed25519 -N ''') in the secret.";
const PEM = /^-----BEGIN ((?:OPENSSH|RSA|EC|DSA) )?PRIVATE KEY-----\n[A-Za-z0-9+/=:,\-\s]+\n-----END \1?PRIVATE KEY-----$/;
/** A unix socket's path must fit in sun_path: 108 bytes on Linux, 104 on macOS. */
const MAX_SOCKET_PATH = 100;
/**
 * The key as ssh wants to read it, or a UserError on `ssh-key` that never repeats any of it.
 * Secrets pasted through a browser often gain CRLF line ends or lose the final newline, and ssh
 * refuses a key with either, so both are mended rather than reported.
 */
function normalizePrivateKey(text) {
    let key = text.replace(/\r\n?/g, '\n').trim();
    // Stored with its newlines escaped, as some secret stores and YAML strings do.
    if (!key.includes('\n') && key.includes('\\n'))
        key = key.replace(/\\n/g, '\n').trim();
    if (/^-----BEGIN ENCRYPTED PRIVATE KEY-----|^Proc-Type: 4,ENCRYPTED/m.test(key))
        throw passphraseError();
    if (PEM.test(key))
        return `${key}\n`;
    const publicKey = /^(?:ssh-|ecdsa-|sk-)\S+ AAAA/.test(key) || key.startsWith('---- BEGIN SSH2 PUBLIC KEY');
    throw new lite/* UserError */.yo(publicKey ? 'is a public key, not a private key.' : 'is not a private key (an OpenSSH or PEM private key).', { input: 'ssh-key' }, KEY_HINT);
}
function passphraseError() {
    return new lite/* UserError */.yo('is protected by a passphrase, which a workflow cannot type.', { input: 'ssh-key' }, "Use a key without one: 'ssh-keygen -t ed25519 -N ''', or remove it with 'ssh-keygen -p -N '' -f <key>'.");
}
/** Writes the key (0600) and known_hosts into a fresh 0700 folder under tempDir. */
function writeSessionFiles(tempDir, key, knownHosts) {
    let dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(tempDir, 'slipway-ssh-'));
    // A deep runner temp folder can leave no room for the socket's name; the system one is short.
    if ((0,external_node_path_.join)(dir, 'control').length > MAX_SOCKET_PATH)
        dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'slipway-ssh-'));
    (0,external_node_fs_.chmodSync)(dir, 0o700);
    const files = {
        dir,
        keyFile: (0,external_node_path_.join)(dir, 'key'),
        knownHostsFile: (0,external_node_path_.join)(dir, 'known_hosts'),
        controlPath: (0,external_node_path_.join)(dir, 'control'),
    };
    (0,external_node_fs_.writeFileSync)(files.keyFile, key, { mode: 0o600, flag: 'wx' });
    (0,external_node_fs_.writeFileSync)(files.knownHostsFile, `${knownHosts.replace(/\r\n?/g, '\n').trim()}\n`, { mode: 0o600, flag: 'wx' });
    return files;
}
/** Has ssh-keygen read the key, so that a damaged key is reported as one and not as a refused login. */
async function checkKeyReadable(exec, files, env) {
    // `-P ''` answers the passphrase prompt, so a protected key fails here instead of waiting for a tty.
    const r = await exec('ssh-keygen', ['-y', '-P', '', '-f', files.keyFile], {
        env,
        silent: true,
        ignoreReturnCode: true,
        timeoutMs: 30_000,
    });
    if (r.exitCode === 0)
        return;
    if (/passphrase/i.test(r.stderr))
        throw passphraseError();
    throw new lite/* UserError */.yo('is not a private key ssh can read (it is damaged or cut short).', { input: 'ssh-key' }, KEY_HINT);
}
/** A UserError on `known-hosts` unless it lists the host under the name ssh will look it up by. */
async function checkKnownHosts(exec, files, target, env) {
    const name = knownHostsName(target);
    const r = await exec('ssh-keygen', ['-F', name, '-f', files.knownHostsFile], {
        env,
        silent: true,
        ignoreReturnCode: true,
        timeoutMs: 30_000,
    });
    if (r.exitCode === 0 && r.stdout.trim() !== '')
        return;
    throw new lite/* UserError */.yo(`does not list ${name}${target.port === 22 ? '' : ` (on a port other than 22, ssh looks hosts up as [host]:port)`}.`, { input: 'known-hosts' }, `Add the lines 'ssh-keyscan -p ${target.port} ${target.host}' prints, after checking their fingerprints against the server's.`);
}

;// CONCATENATED MODULE: ./packages/deploy/src/remote/session.ts
// One ssh connection to a remote host, opened once and reused: the first command starts a
// ControlMaster in the background and every later command (and copy) rides on its socket, so a
// deploy of many steps pays for one handshake. Host keys are always checked against known-hosts.






const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
/** ssh exits 255 for its own failures; anything else is the remote command's status. */
const SSH_FAILED = 255;
/** How long past a command's timeout the master is ended, should the remote timeout(1) not have acted. */
const BACKSTOP_MS = 15_000;
/**
 * Checks the key and known-hosts, then connects once (starting the shared master connection).
 * Every failure the user can fix is a UserError on `host`, `ssh-key` or `known-hosts`; on any
 * failure the session's folder, key included, is gone before this rejects.
 */
async function openSsh(options) {
    const target = parseHost(options.host);
    const key = normalizePrivateKey(options.sshKey);
    if (options.knownHosts.trim() === '')
        throw new lite/* UserError */.yo('is required when host is set: ssh checks the host key against it.', { input: 'known-hosts' }, `Add the lines 'ssh-keyscan -p ${target.port} ${target.host}' prints, after checking their fingerprints.`);
    const files = writeSessionFiles(options.tempDir, key, options.knownHosts);
    const session = new OpenSshSession(target, files, options);
    try {
        await session.connect();
        return session;
    }
    catch (e) {
        await session.close();
        throw e;
    }
}
class OpenSshSession {
    target;
    files;
    exec;
    logger;
    env;
    connectTimeoutMs;
    closed = false;
    constructor(target, files, options) {
        this.target = target;
        this.files = files;
        this.exec = options.exec ?? lite/* actionsExec */.dw;
        this.logger = options.logger ?? lite/* nullLogger */.Gi;
        this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
        this.env = (0,lite/* withoutRunnerCredentials */.DV)(process.env);
        // IdentitiesOnly already ignores an agent's keys; without the socket ssh does not ask it at all.
        delete this.env.SSH_AUTH_SOCK;
    }
    /** The ssh arguments every invocation shares, up to (not including) `--` and the host. */
    options() {
        const o = (setting) => ['-o', setting];
        return [
            // The runner user's ~/.ssh/config must not change where or how this connects.
            ...['-F', '/dev/null'],
            ...o('BatchMode=yes'),
            ...o('StrictHostKeyChecking=yes'),
            ...o(`UserKnownHostsFile=${this.files.knownHostsFile}`),
            ...o('GlobalKnownHostsFile=/dev/null'),
            ...o('UpdateHostKeys=no'),
            ...o('IdentitiesOnly=yes'),
            ...['-i', this.files.keyFile],
            ...o(`ConnectTimeout=${Math.max(1, Math.ceil(this.connectTimeoutMs / 1000))}`),
            // A dead network is noticed within a minute rather than when TCP gives up.
            ...o('ServerAliveInterval=15'),
            ...o('ServerAliveCountMax=4'),
            ...o('ControlMaster=auto'),
            ...o(`ControlPath=${this.files.controlPath}`),
            // Bounds a master that close() never reached (a killed job): it ends after a minute idle.
            ...o('ControlPersist=60'),
            // Errors only: warnings (such as newer clients' key-exchange notices) would land in every command's stderr.
            ...o('LogLevel=ERROR'),
            ...['-p', String(this.target.port), '-l', this.target.user],
        ];
    }
    /** The full ssh command line for a remote command: options, `--` so the host can never be read as one, host, command. */
    sshArgs(command) {
        return [...this.options(), '--', this.target.host, command];
    }
    /** Checks the key and known-hosts, then logs in once, which leaves the master connection running. */
    async connect() {
        await checkKeyReadable(this.exec, this.files, this.env);
        await checkKnownHosts(this.exec, this.files, this.target, this.env);
        // ssh's own ConnectTimeout covers the TCP connect only; this bounds the handshake and login too.
        const r = await this.ssh(this.sshArgs('true'), { timeoutMs: this.connectTimeoutMs + 10_000 });
        if (r.timedOut)
            throw new lite/* UserError */.yo(`cannot connect to ${targetLabel(this.target)}: no answer within ${(0,lite/* formatDuration */.a3)(this.connectTimeoutMs)}.`, { input: 'host' }, 'Check the host and port, and that a firewall lets the runner in.');
        if (r.exitCode === 0)
            return;
        if (r.exitCode === SSH_FAILED)
            throw sshUserError(r.stderr, this.target) ?? sshInternalError('connecting', r.stderr, this.target);
        throw new lite/* UserError */.yo(`logged in to ${targetLabel(this.target)}, but its shell could not run 'true' (exit code ${r.exitCode}).`, { input: 'host' }, `Give ${this.target.user} a login shell such as /bin/sh on the host.`);
    }
    async run(command, options = {}) {
        this.logger.info(`ssh ${targetLabel(this.target)}: ${(0,lite/* redactCredentials */.UY)(command)}`);
        return this.runQuietly(command, options);
    }
    /** run() without the log line, for this module's own plumbing. */
    async runQuietly(command, options = {}) {
        if (this.closed)
            throw new Error(`the ssh session to ${targetLabel(this.target)} is closed`);
        const { timeoutMs } = options;
        if (timeoutMs === undefined)
            return this.finish(await this.ssh(this.sshArgs(command), options));
        // Killing the local client would not be enough: it has handed its stdout and stderr to the
        // master, which holds them (and so this process's wait) until the remote command ends, and
        // without a tty the remote command would not notice. So the remote side enforces the limit
        // with timeout(1), in the user's own shell; should that fail, ending the master frees us.
        const started = performance.now();
        const limited = `timeout -k 5 ${Math.max(1, Math.ceil(timeoutMs / 1000))} "\${SHELL:-/bin/sh}" -c ${(0,lite/* shellQuote */.ZL)(command)}`;
        let backstop = false;
        const timer = setTimeout(() => {
            backstop = true;
            void this.ssh(this.exitMaster(), { timeoutMs: 10_000 });
        }, timeoutMs + BACKSTOP_MS);
        const r = await this.ssh(this.sshArgs(limited), { ...options, timeoutMs: undefined }).finally(() => clearTimeout(timer));
        // timeout(1) exits 124 when it sent its signal, or 128+9 when the command needed the KILL.
        if (backstop || (performance.now() - started >= timeoutMs && [124, 137].includes(r.exitCode)))
            throw new Error(`a command on ${targetLabel(this.target)} did not finish within ${(0,lite/* formatDuration */.a3)(timeoutMs)}`);
        if (r.exitCode === 127 && /timeout: (?:command )?not found|timeout: No such file/.test(r.stderr))
            throw new lite/* UserError */.yo(`has no timeout command, which slipway needs to bound a command's time.`, { input: 'host' }, 'Install coreutils (or busybox) on the host.');
        return this.finish(r);
    }
    finish(r) {
        // A remote command may exit 255 itself; only ssh's own messages make it an ssh failure.
        const failure = r.exitCode === SSH_FAILED ? sshUserError(r.stderr, this.target) : undefined;
        if (failure)
            throw failure;
        return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
    }
    /** Arguments for `ssh -O exit`, which ends the master connection and every command on it. */
    exitMaster() {
        return [...this.options(), '-O', 'exit', '--', this.target.host];
    }
    async copyDir(localDir, remoteDir) {
        if (this.closed)
            throw new Error(`the ssh session to ${targetLabel(this.target)} is closed`);
        this.logger.info(`copying ${localDir} to ${targetLabel(this.target)}:${remoteDir}`);
        await copyDir({
            exec: this.exec,
            env: this.env,
            target: this.target,
            sshArgs: (command) => this.sshArgs(command),
            run: (command) => this.runQuietly(command),
        }, localDir, remoteDir);
    }
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        try {
            if ((0,external_node_fs_.existsSync)(this.files.controlPath))
                await this.ssh(this.exitMaster(), { timeoutMs: 10_000 });
        }
        finally {
            (0,external_node_fs_.rmSync)(this.files.dir, { recursive: true, force: true });
        }
    }
    ssh(args, options) {
        return this.exec('ssh', args, {
            env: this.env,
            silent: true,
            ignoreReturnCode: true,
            ...(options.input !== undefined ? { input: options.input } : {}),
            ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        });
    }
}

;// CONCATENATED MODULE: ./packages/deploy/src/remote/relay.ts
// The Exec the SSH session runs ssh through when a remote run streams: the one long command's
// output relayed line by line as it comes, its stdin held open with a heartbeat.

/** The runner writes a line this often while the host runs; the host stops the run after a minute without one. */
const HEARTBEAT_MS = 5000;
const HEARTBEAT_LIMIT_MS = 60_000;
const KEEP_STDERR = 4096;
/**
 * The Exec the session runs ssh through. One command of this module's own (known by its text)
 * runs with its output relayed line by line as it comes and its stdin held open, with a line every
 * few seconds, until it ends or the signal aborts: the host stops the run when stdin ends or goes
 * quiet. Every other command goes to the inner Exec.
 */
class RelayExec {
    inner;
    streamed;
    constructor(inner) {
        this.inner = inner;
    }
    exec = (command, args, options) => command === 'ssh' && this.streamed && args[args.length - 1] === this.streamed.command
        ? this.spawnStreaming(args, options ?? {})
        : this.inner(command, args, options);
    /** Streams the next run of `command`; returns the tail of its stderr. */
    stream(command, handlers) {
        const stderr = new Tail();
        this.streamed = { command, handlers, stderr };
        return stderr;
    }
    spawnStreaming(args, options) {
        const { handlers, stderr } = this.streamed;
        this.streamed = undefined;
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)('ssh', args, { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
            const out = lines(handlers.stdout);
            const err = lines((line) => {
                stderr.push(line);
                handlers.stderr(line);
            });
            child.stdout.on('data', out.push);
            child.stderr.on('data', err.push);
            child.stdin.on('error', () => { });
            child.stdin.write(options.input ?? '');
            const heartbeat = setInterval(() => child.stdin.write('\n'), HEARTBEAT_MS);
            const hangUp = () => {
                clearInterval(heartbeat);
                child.stdin.end();
            };
            handlers.signal?.addEventListener('abort', hangUp, { once: true });
            if (handlers.signal?.aborted)
                hangUp();
            child.on('error', (e) => {
                clearInterval(heartbeat);
                reject(e);
            });
            child.on('close', (code, signal) => {
                clearInterval(heartbeat);
                handlers.signal?.removeEventListener('abort', hangUp);
                out.end();
                err.end();
                // stderr stays with this module: the session would read ssh's words mid-run as a failure to connect.
                resolve({ exitCode: code ?? (signal ? 255 : 1), stdout: '', stderr: '' });
            });
        });
    }
}
/** Splits a byte stream into lines for `emit`; end() flushes a last line without its newline. */
function lines(emit) {
    let rest = '';
    const decoder = new TextDecoder();
    return {
        push: (chunk) => {
            rest += decoder.decode(chunk, { stream: true });
            let nl;
            while ((nl = rest.indexOf('\n')) >= 0) {
                emit(rest.slice(0, nl));
                rest = rest.slice(nl + 1);
            }
        },
        end: () => {
            rest += decoder.decode();
            if (rest)
                emit(rest);
            rest = '';
        },
    };
}
/** The last few KiB of a stream of lines, for an error message. */
class Tail {
    kept = '';
    push(line) {
        this.kept = `${this.kept}${line}\n`.slice(-KEEP_STDERR);
    }
    text() {
        return this.kept;
    }
}

;// CONCATENATED MODULE: ./packages/deploy/src/remote/delegate.ts
// deploy-canary and rollback on a remote host: the action does not deploy where it runs; it copies
// its own bundle (and the artifact) to the host over SSH, each copy verified by sha256 on both
// sides, and runs itself there with node. Every provider then acts on the host exactly as on a
// self-hosted runner, and the log, the outputs and the summary come back to the runner.







const HOST_HINT = "Write it as 'user@host' or 'user@host:port', for example 'deploy@203.0.113.10:2222'.";
const NODE_HINT = 'Install Node.js 20 or later where a non-interactive ssh login finds it (such as /usr/bin or /usr/local/bin; a version manager that changes PATH only in interactive shells is not enough).';
/** The inputs that are the runner's business: the host's run gets them empty, so it runs where it is. */
const SSH_INPUTS = ['host', 'ssh-key', 'known-hosts'];
/** Runner files and credentials that mean nothing on the host (the host gets its own files). */
const RUNNER_ONLY = new Set(['WORKSPACE', 'OUTPUT', 'STEP_SUMMARY', 'STATE', 'ENV', 'PATH', 'EVENT_PATH', 'ACTION_PATH', 'TOKEN'].map((n) => `GITHUB_${n}`));
/** Besides INPUT_* and GITHUB_*: debug logging, and the test run's marker (so a test sees every process it left). */
const PASSED = new Set(['CI', 'RUNNER_DEBUG', 'SLIPWAY_TEST_RUN']);
/**
 * Runs on the host: reads the job (one JSON line) from stdin, runs the bundle with its variables,
 * passes its output through, and sends it SIGTERM when stdin ends or stays silent for a minute
 * (the runner cancelled, or the connection is gone). Then one line, the job's token and a JSON
 * result (exit code, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), and the run folder is removed.
 */
const RUNNER_SCRIPT = `
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
let head = '', job, child, timer, finished = false, lineEnded = true;
for (const s of [process.stdout, process.stderr, process.stdin]) s.on('error', () => stop());
function stop() { if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM'); if (!child) process.exit(1); }
function arm() { clearTimeout(timer); timer = setTimeout(stop, ${HEARTBEAT_LIMIT_MS}); }
for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(s, stop);
process.stdin.setEncoding('utf8');
process.stdin.on('end', stop);
process.stdin.on('data', (text) => {
  arm();
  if (job) return;
  head += text;
  if (head.includes('\\n')) start(JSON.parse(head.slice(0, head.indexOf('\\n'))));
});
function start(j) {
  job = j;
  for (const f of [j.env.GITHUB_OUTPUT, j.env.GITHUB_STEP_SUMMARY, j.env.GITHUB_STATE]) fs.writeFileSync(f, '');
  child = spawn(process.execPath, [j.entry], { cwd: j.cwd, env: { ...process.env, ...j.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => { lineEnded = d[d.length - 1] === 10; process.stdout.write(d); });
  child.stderr.on('data', (d) => process.stderr.write(d));
  child.on('error', (e) => { process.stderr.write(String(e) + '\\n'); finish(1); });
  child.on('close', (code, signal) => finish(code ?? 128 + (os.constants.signals[signal] || 0)));
}
function finish(code) {
  if (finished) return;
  finished = true;
  clearTimeout(timer);
  const read = (f) => { try { return fs.readFileSync(f, 'utf8'); } catch { return ''; } };
  const result = { exitCode: code, output: read(job.env.GITHUB_OUTPUT), summary: read(job.env.GITHUB_STEP_SUMMARY) };
  fs.rmSync(job.dir, { recursive: true, force: true });
  setTimeout(() => process.exit(code), 5000).unref();
  process.stdout.write((lineEnded ? '' : '\\n') + job.token + ' ' + JSON.stringify(result) + '\\n', () => process.exit(code));
}
`;
/** Renames the verified copy into place; a folder already there (another run's, verified too) wins. */
const PLACE_SCRIPT = `const fs = require('fs'); const [, from, to] = process.argv;
try { fs.renameSync(from, to); } catch (e) { fs.rmSync(from, { recursive: true, force: true }); if (!fs.existsSync(to + '/index.js')) throw e; }`;
const PROBE_SCRIPT = `process.stdout.write(JSON.stringify({ node: process.versions.node, home: require('os').homedir() }))`;
/**
 * Runs the action on the host `host` names, over SSH, and relays what it prints, its outputs and
 * summary. Before anything changes on the host, the connection is open and the host key checked:
 * a refused connection, a wrong host key, a bad key or a host without Node.js 20 is a UserError on
 * the input that fixes it. The session (and the key file with it) is closed on every path.
 */
async function runOnHost(o, seams) {
    // A URL in `host` may carry a password: refuse it without repeating any of it.
    if (/:\/\//.test(o.host))
        throw new lite/* UserError */.yo('is a URL, not user@host[:port].', { input: 'host' }, HOST_HINT);
    const target = parseHost(o.host);
    const artifact = o.artifact === undefined ? undefined : checkArtifact(o.artifact);
    const relay = new RelayExec(seams.exec ?? lite/* actionsExec */.dw);
    const logger = seams.logger ?? lite/* nullLogger */.Gi;
    const session = await openSsh({
        host: o.host,
        sshKey: o.sshKey,
        knownHosts: o.knownHosts,
        tempDir: o.tempDir,
        exec: relay.exec,
        ...(o.connectTimeoutMs !== undefined ? { connectTimeoutMs: o.connectTimeoutMs } : {}),
    });
    const label = targetLabel(target);
    let runDir;
    let started = false;
    try {
        const home = await probeNode(session, o.action);
        const bundle = await placeBundle(session, o, home);
        runDir = (await must(session, 'mktemp -d "${TMPDIR:-/tmp}/slipway-run.XXXXXXXX"', 'making a run folder')).trim();
        const remoteArtifact = artifact && (await copyArtifact(session, artifact, runDir, o.tempDir));
        const workspace = hostPath(o.workspace ?? '~/slipway', home);
        await must(session, `mkdir -p -- ${(0,lite/* shellQuote */.ZL)(workspace)}`, 'making the workspace');
        logger.info(`${o.action} runs on ${label}, in ${workspace}`);
        if (seams.signal?.aborted)
            throw new lite/* UserError */.yo(`cancelled: ${o.action} did not start on ${label}.`);
        started = true;
        const job = {
            entry: external_node_path_.posix.join(bundle, 'index.js'),
            cwd: workspace,
            dir: runDir,
            token: `slipway-result-${(0,external_node_crypto_.randomBytes)(16).toString('hex')}`,
            env: hostEnv(seams.env, runDir, workspace, remoteArtifact),
        };
        return await runJob(session, relay, job, o, seams, label);
    }
    finally {
        // Once started, the run folder is the host's to remove: it may still be rolling back.
        if (runDir && !started)
            await session.run(`rm -rf -- ${(0,lite/* shellQuote */.ZL)(runDir)}`).catch(() => undefined);
        await session.close();
    }
}
async function runJob(session, relay, job, o, seams, label) {
    const seen = {};
    const command = `exec node -e ${(0,lite/* shellQuote */.ZL)(RUNNER_SCRIPT)} slipway-remote-run`;
    const stderr = relay.stream(command, {
        stdout: (line) => {
            if (line.startsWith(`${job.token} `))
                seen.result = JSON.parse(line.slice(job.token.length + 1));
            else {
                if (line.startsWith('::error'))
                    seen.errorReported = true;
                seams.stdout(line);
            }
        },
        stderr: seams.stderr,
        ...(seams.signal ? { signal: seams.signal } : {}),
    });
    // The variables go through stdin: on the command line, `ps` on the host would show the secrets.
    const ended = await session.run(command, { input: `${JSON.stringify(job)}\n` });
    const { result } = seen;
    if (!result) {
        const last = stderr.text().trim().split('\n').pop()?.trim();
        if (ended.exitCode === 255)
            throw new lite/* UserError */.yo(`lost the connection to ${label} while ${o.action} ran there${last ? ` (${last})` : ''}.`, { input: 'host' }, `The host stops that run within a minute (a canary in flight is rolled back there); 'slipway status' on the host shows where it stands.`);
        throw new Error(`${o.action} on ${label} ended with exit code ${ended.exitCode} before it reported: ${last ?? ''}`);
    }
    for (const [name, value] of Object.entries(parseOutputFile(result.output)))
        if (o.outputs.includes(name))
            seams.setOutput(name, value);
    if (result.summary)
        await seams.appendSummary(result.summary);
    return { exitCode: result.exitCode, errorReported: seen.errorReported ?? false };
}
/** Checks node on the host; returns the remote user's home folder. */
async function probeNode(session, action) {
    const label = targetLabel(session.target);
    const r = await session.run(`command -v node >/dev/null 2>&1 || exit 127; exec node -e ${(0,lite/* shellQuote */.ZL)(PROBE_SCRIPT)}`);
    if (r.exitCode === 127)
        throw new lite/* UserError */.yo(`${label} has no node on the PATH an ssh login gets: ${action} runs there, and the host needs Node.js 20 or later.`, { input: 'host' }, NODE_HINT);
    if (r.exitCode !== 0)
        throw new Error(`checking node on ${label} failed: ${r.stderr.trim().split('\n').pop()}`);
    const found = JSON.parse(r.stdout);
    if (Number(found.node.split('.')[0]) < 20)
        throw new lite/* UserError */.yo(`${label} has Node.js ${found.node}; the host needs Node.js 20 or later.`, { input: 'host' }, NODE_HINT);
    return found.home;
}
/** Copies the bundle to `<bundleRoot>/<action>-<digest>` unless that version is there already. */
async function placeBundle(session, o, home) {
    const root = hostPath(o.bundleRoot ?? '~/.slipway-actions', home);
    const bundleDir = o.bundleDir();
    const name = `${o.action}-${delegate_folderDigest(bundleDir)}`;
    const final = external_node_path_.posix.join(root, name);
    if ((await session.run(`test -f ${(0,lite/* shellQuote */.ZL)(external_node_path_.posix.join(final, 'index.js'))}`)).exitCode === 0)
        return final;
    // Copied under a temporary name and renamed once verified: a folder with the final name is complete.
    const partial = external_node_path_.posix.join(root, `.${name}.partial-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
    try {
        await session.copyDir(bundleDir, partial);
        await must(session, `exec node -e ${(0,lite/* shellQuote */.ZL)(PLACE_SCRIPT)} ${(0,lite/* shellQuote */.ZL)(partial)} ${(0,lite/* shellQuote */.ZL)(final)}`, 'placing the bundle');
    }
    catch (e) {
        await session.run(`rm -rf -- ${(0,lite/* shellQuote */.ZL)(partial)}`).catch(() => undefined);
        throw e;
    }
    return final;
}
function checkArtifact(path) {
    const st = (0,external_node_fs_.existsSync)(path) ? (0,external_node_fs_.statSync)(path) : undefined;
    if (!st?.isDirectory() && !st?.isFile())
        throw new lite/* UserError */.yo(`${path} ${st ? 'is neither a file nor a folder' : 'does not exist'} on the runner.`, { input: 'artifact' }, 'Build it earlier in the job: with host set, the artifact is copied from the runner to the host.');
    return { path, folder: st.isDirectory() };
}
/**
 * Copies the artifact into `<runDir>/artifact/`, under its own name (a folder's name can be its
 * version); an archive goes with its manifest, staged in a folder of its own so that copyDir's
 * sha256 check covers both. Returns the artifact's path on the host.
 */
async function copyArtifact(session, a, runDir, tempDir) {
    const name = (0,external_node_path_.basename)(a.path) || 'artifact';
    const into = external_node_path_.posix.join(runDir, 'artifact');
    if (a.folder) {
        await session.copyDir(a.path, external_node_path_.posix.join(into, name));
        return external_node_path_.posix.join(into, name);
    }
    const stage = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(tempDir, 'artifact-'));
    try {
        const manifests = [`${name.replace(/\.(tar\.gz|tgz)$/, '')}.manifest.json`, 'manifest.json'];
        for (const file of [name, ...manifests]) {
            const from = (0,external_node_path_.join)((0,external_node_path_.dirname)(a.path), file);
            if (file !== name && !(0,external_node_fs_.existsSync)(from))
                continue;
            try {
                (0,external_node_fs_.linkSync)(from, (0,external_node_path_.join)(stage, file));
            }
            catch {
                (0,external_node_fs_.copyFileSync)(from, (0,external_node_path_.join)(stage, file));
            }
        }
        await session.copyDir(stage, into);
    }
    finally {
        (0,external_node_fs_.rmSync)(stage, { recursive: true, force: true });
    }
    return external_node_path_.posix.join(into, name);
}
/** The environment of the run on the host: the step's inputs and GitHub context, with the host's own files. */
function hostEnv(env, runDir, workspace, artifact) {
    const out = {};
    for (const [name, value] of Object.entries(env))
        if (value !== undefined &&
            (name.startsWith('INPUT_') || (name.startsWith('GITHUB_') && !RUNNER_ONLY.has(name)) || PASSED.has(name)))
            out[name] = value;
    for (const name of SSH_INPUTS)
        out[(0,lite/* inputEnvName */.d_)(name)] = '';
    if (artifact !== undefined)
        out[(0,lite/* inputEnvName */.d_)('artifact')] = artifact;
    return {
        ...out,
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: external_node_path_.posix.join(runDir, 'output'),
        GITHUB_STEP_SUMMARY: external_node_path_.posix.join(runDir, 'summary'),
        GITHUB_STATE: external_node_path_.posix.join(runDir, 'state'),
        RUNNER_TEMP: runDir,
    };
}
/** `~` and `~/x` under the host user's home; anything else must be absolute. */
function hostPath(path, home) {
    if (path === '~' || path.startsWith('~/'))
        return external_node_path_.posix.join(home, path.slice(1));
    if (!path.startsWith('/'))
        throw new Error(`a folder on the host must be absolute or start with ~/, not ${path}`);
    return path;
}
/** Runs a command that must succeed; returns its stdout. */
async function must(session, command, what) {
    const r = await session.run(command);
    if (r.exitCode !== 0)
        throw new Error(`${what} on ${targetLabel(session.target)} failed (exit code ${r.exitCode}): ${r.stderr.trim().split('\n').pop()}`);
    return r.stdout;
}
/** A short sha256 of every file under a folder (names and contents), which names a bundle's version. */
function delegate_folderDigest(dir) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const walk = (rel) => {
        for (const name of (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(dir, rel)).sort()) {
            const path = external_node_path_.posix.join(rel, name);
            const st = (0,external_node_fs_.statSync)((0,external_node_path_.join)(dir, path));
            if (st.isDirectory())
                walk(path);
            else if (st.isFile())
                hash.update(`${path}\0${st.size}\0`).update((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, path)));
        }
    };
    walk('');
    return hash.digest('hex').slice(0, 16);
}
/** GITHUB_OUTPUT's `name<<delimiter` and `name=value` records. */
function parseOutputFile(text) {
    const outputs = {};
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
        if (heredoc) {
            const value = [];
            for (i++; i < lines.length && lines[i] !== heredoc[2]; i++)
                value.push(lines[i]);
            outputs[heredoc[1]] = value.join('\n');
        }
        else if (lines[i].includes('='))
            outputs[lines[i].split('=', 1)[0]] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
    return outputs;
}

;// CONCATENATED MODULE: ./packages/deploy/src/remote/index.ts
// Remote hosts over SSH: one shared connection per host, host keys always checked, errors mapped
// to the input that fixes them.



/** Quotes one word for the remote shell; callers build run()'s command text with it. */


;// CONCATENATED MODULE: ./packages/deploy/src/index.ts
























/***/ }),

/***/ 26328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fw: () => (/* binding */ environmentDir),
/* harmony export */   Jw: () => (/* binding */ transitionSchema),
/* harmony export */   Oc: () => (/* binding */ Ledger)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var valibot__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(77934);
/* harmony import */ var _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(36740);
// The release ledger of one environment: which release is stable, which canary is under way and
// how far it got, and every transition, so that a crashed or cancelled run can be resumed or
// rolled back by the next one. Each change is on disk before the promise resolves.
// Every write carries a checksum and is copied to ledger.last-good.json; a ledger found damaged
// (not JSON, not a ledger, or not what its checksum says) is replaced by that copy, loudly, and
// kept aside for inspection. A ledger with no checksum field (an older one, or one fixed by hand
// with the field removed) is taken as it is.





const PHASES = ['starting', 'ready', 'stepping', 'paused', 'promoting', 'aborting'];
const OUTCOMES = ['promoted', 'rolled-back', 'failed', 'recovered'];
/** Previous stable releases kept for instant rollback, unless the caller asks for another number. */
const DEFAULT_KEEP = 5;
/** The transition log keeps its newest entries only, so the file stays small on a busy environment. */
const MAX_TRANSITIONS = 1000;
/** 1000 transitions are a few hundred KiB; anything far larger is not a ledger. */
const MAX_LEDGER_BYTES = 16 * 1024 * 1024;
const ENVIRONMENT = /^[A-Za-z0-9._-]{1,64}$/;
const nonEmpty = valibot__WEBPACK_IMPORTED_MODULE_4__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_4__/* .minLength */ .BpQ(1));
const time = valibot__WEBPACK_IMPORTED_MODULE_4__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_4__/* .isoTimestamp */ .yhX());
const weight = valibot__WEBPACK_IMPORTED_MODULE_4__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig(), valibot__WEBPACK_IMPORTED_MODULE_4__/* .integer */ .ndf(), valibot__WEBPACK_IMPORTED_MODULE_4__/* .minValue */ .Wwf(0), valibot__WEBPACK_IMPORTED_MODULE_4__/* .maxValue */ .cGV(100));
const releaseSchema = valibot__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    id: nonEmpty,
    version: valibot__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(),
    upstream: valibot__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(),
    dir: valibot__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()),
    pid: valibot__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_4__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig(), valibot__WEBPACK_IMPORTED_MODULE_4__/* .integer */ .ndf(), valibot__WEBPACK_IMPORTED_MODULE_4__/* .minValue */ .Wwf(1))),
    startedAt: time,
    digest: valibot__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()),
    /** How it was started, so that a rollback can start it again. */
    command: valibot__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()),
});
const canarySchema = valibot__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    release: releaseSchema,
    phase: valibot__WEBPACK_IMPORTED_MODULE_4__/* .picklist */ .KIO(PHASES),
    stepIndex: valibot__WEBPACK_IMPORTED_MODULE_4__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig(), valibot__WEBPACK_IMPORTED_MODULE_4__/* .integer */ .ndf(), valibot__WEBPACK_IMPORTED_MODULE_4__/* .minValue */ .Wwf(0)),
    weight,
    runId: nonEmpty,
    startedAt: time,
});
/** One transition as the ledger writes it, for readers of `audit.jsonl` to validate lines with. */
const transitionSchema = valibot__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    at: time,
    runId: nonEmpty,
    from: valibot__WEBPACK_IMPORTED_MODULE_4__/* .picklist */ .KIO([...PHASES, 'idle']),
    to: valibot__WEBPACK_IMPORTED_MODULE_4__/* .picklist */ .KIO([...PHASES, ...OUTCOMES]),
    weight,
    release: valibot__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()),
    note: valibot__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()),
    /** Who and what, for the audit trail and delivery metrics (set from the run's context). */
    actor: valibot__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()),
    commit: valibot__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()),
    commitTime: valibot__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lqM(time),
    version: valibot__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()),
    digest: valibot__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()),
});
const documentSchema = valibot__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    version: valibot__WEBPACK_IMPORTED_MODULE_4__/* .literal */ .euz(1),
    environment: valibot__WEBPACK_IMPORTED_MODULE_4__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_4__/* .regex */ .yGV(ENVIRONMENT)),
    stable: valibot__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lqM(releaseSchema),
    canary: valibot__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lqM(canarySchema),
    releases: valibot__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(releaseSchema),
    transitions: valibot__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(transitionSchema),
});
/** The folder of one environment's ledger and lock; a name that could leave the state folder is a UserError. */
function environmentDir(stateDir, environment) {
    // `.` and `..` pass the character class but would put the ledger outside its own folder.
    if (!ENVIRONMENT.test(environment) || /^\.+$/.test(environment))
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`'${environment.slice(0, 80)}' is not an environment name.`, { input: 'environment' }, 'Use 1 to 64 letters, digits, dots, dashes or underscores, such as production or eu-west.1.');
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(stateDir, environment);
}
const HINT = 'slipway never resets a ledger, since it records which release is live: fix the file by hand or restore it from a backup.';
/** The release ledger of one environment; concurrent runs are kept out by the lock, not by this class. */
class Ledger {
    path;
    doc;
    recovered;
    clock;
    keep;
    audit;
    guard;
    queue = Promise.resolve();
    constructor(
    /** The ledger file. */
    path, doc, 
    /** Why the ledger was read from its last good copy, when it was. */
    recovered, clock, keep, audit, guard) {
        this.path = path;
        this.doc = doc;
        this.recovered = recovered;
        this.clock = clock;
        this.keep = keep;
        this.audit = audit;
        this.guard = guard;
    }
    /** `audit.jsonl` beside the ledger: every transition ever written, one JSON object a line, never cut. */
    get auditPath() {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(this.path), 'audit.jsonl');
    }
    /** Reads `<stateDir>/<environment>/ledger.json`; a missing file is an empty ledger, a damaged one a UserError. */
    static async open(stateDir, environment, clock, options = {}) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(environmentDir(stateDir, environment), 'ledger.json');
        const keep = options.keepReleases ?? DEFAULT_KEEP;
        const exists = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path).then(() => true, (err) => (err.code === 'ENOENT' ? false : Promise.reject(err)));
        const copy = lastGoodPath(path);
        let doc;
        let recovered;
        try {
            doc = exists
                ? readDocument(path, environment)
                : { version: 1, environment, releases: [], transitions: [] };
            if (!exists && (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(copy).catch(() => undefined)))
                throw new DamagedLedger('is missing');
        }
        catch (err) {
            if (!(err instanceof DamagedLedger))
                throw err;
            // The last good copy, if it is whole; otherwise the damage is the user's to see and fix.
            let good;
            try {
                good = readDocument(copy, environment);
            }
            catch {
                if (!err.original)
                    throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`is missing, and its last good copy ${copy} cannot be read either.`, { file: path }, HINT);
                // A ledger from before the copies existed has none; one that is there but damaged too is
                // said, so that nobody restores from it.
                if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(copy).catch(() => undefined)))
                    throw err.original;
                throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${err.original.message.replace(/\.$/, '')}; its last good copy ${copy} cannot be read either.`, err.original.subject, err.original.hint);
            }
            const kept = `${path}.damaged-${new Date(clock.now()).toISOString().replace(/[:.]/g, '-')}`;
            if (options.repair !== false) {
                if (exists)
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(path, kept);
                await (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Zf)(path, await readFileText(copy));
            }
            recovered = `${path} ${err.reason}: slipway uses its last good copy, ${copy} (last transition ${good.transitions.at(-1)?.at ?? 'none'})${options.repair !== false && exists ? `; the damaged file is kept as ${kept}` : ''}. Check that the stable release it names is the one serving.`;
            options.logger?.warning(recovered, { file: path });
            doc = good;
        }
        return new Ledger(path, deepFreeze(doc), recovered, clock, keep, options.audit ?? {}, options.guard);
    }
    /** The ledger as last written. */
    get document() {
        return this.doc;
    }
    /** The canary a previous run left unfinished, for this run to resume or roll back. */
    unfinished() {
        return this.doc.canary;
    }
    /** Records a transition and applies it; resolves only once the ledger is on disk, so act after it. */
    transition(change, runId) {
        // One at a time, each from the document the previous one wrote.
        const next = this.queue.then(async () => {
            await this.guard?.();
            const at = new Date(this.clock.now()).toISOString();
            const doc = deepFreeze(applyChange(this.doc, change, runId, at, this.keep, this.audit));
            // A document this class could not read back is never written: that is a bug of the caller.
            valibot__WEBPACK_IMPORTED_MODULE_4__/* .parse */ .qgA(documentSchema, doc);
            const text = serialize(doc);
            await (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Zf)(this.path, text).catch((err) => diskError(err, this.path));
            // The copy follows the ledger: should the ledger be damaged later, the copy is what it was.
            await (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Zf)(lastGoodPath(this.path), text).catch((err) => diskError(err, lastGoodPath(this.path)));
            this.doc = doc;
            // The ledger keeps its newest transitions; the audit trail keeps them all, appended once committed.
            await appendDurably(this.auditPath, `${JSON.stringify(doc.transitions.at(-1))}\n`).catch((err) => diskError(err, this.auditPath));
            return doc;
        });
        this.queue = next.catch(() => undefined);
        return next;
    }
    /** The canary becomes stable; the previous stable joins `releases` for instant rollback. */
    promote(runId, note) {
        return this.transition({ to: 'promoted', note }, runId);
    }
    /** Records that the canary was rolled back (its traffic already returned to stable), then forgets it. */
    abort(runId, reason) {
        return this.transition({ to: 'rolled-back', note: reason }, runId);
    }
}
function readDocument(path, environment) {
    const text = (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .readUserFile */ .E1)(path, { maxBytes: MAX_LEDGER_BYTES, subject: { file: path }, what: 'The ledger' }).toString('utf8');
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (err) {
        const { line } = (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .lineColumn */ .rv)(text, (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .jsonErrorOffset */ .O)(text));
        throw new DamagedLedger('is not valid JSON', new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`is not valid JSON: ${(0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .describeJsonError */ .M1)(text, err)}.`, { file: path, line }, HINT));
    }
    if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'checksum' in raw) {
        const { checksum, ...rest } = raw;
        if (checksum !== checksumOf(rest))
            throw new DamagedLedger('does not match its checksum', new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('does not match its checksum: it changed after slipway wrote it.', { file: path, line: (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .fieldLine */ .h0)(text, ['checksum']) ?? 1 }, 'If you fixed it by hand, remove its "checksum" field so that slipway takes it as it is.'));
        raw = rest;
    }
    // valibot takes an array for an object (with every key missing); say what it is instead.
    const result = valibot__WEBPACK_IMPORTED_MODULE_4__/* .safeParse */ .xLC(documentSchema, Array.isArray(raw) ? 'an array' : raw);
    if (!result.success) {
        const issue = result.issues[0];
        const keys = (issue.path ?? []).map((p) => p.key);
        const line = (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .fieldLine */ .h0)(text, keys) ?? 1;
        const lastKey = keys.filter((k) => typeof k === 'string').at(-1);
        const column = lastKey === undefined ? 1 : Math.max(1, (text.split('\n')[line - 1] ?? '').indexOf(`"${lastKey}"`) + 1);
        const where = valibot__WEBPACK_IMPORTED_MODULE_4__/* .getDotPath */ .BuJ(issue);
        const problem = issue.received === 'undefined'
            ? `${where ?? 'a field'} is missing`
            : `${where ? `${where}: ` : ''}${issue.expected ? `expected ${issue.expected}, got ${issue.received}` : issue.message}`;
        throw new DamagedLedger('is not a slipway release ledger', new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`is not a slipway release ledger: ${problem} at line ${line}, column ${column}.`, { file: path, line }, HINT));
    }
    if (result.output.environment !== environment)
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`records environment '${result.output.environment}', not '${environment}'.`, { file: path, line: (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .fieldLine */ .h0)(text, ['environment']) ?? 1 }, 'Each environment keeps its own ledger; put this one back in its own folder.');
    return result.output;
}
/** The document after a change: pure, so a failed write leaves the ledger as it was. */
function applyChange(doc, change, runId, at, keep, audit = {}) {
    const prev = doc.canary;
    let stable = doc.stable;
    let releases = doc.releases;
    let canary;
    let weight;
    const makeStable = (next) => {
        // The release leaving stable is the one an instant rollback returns to; newest first, no repeats.
        const kept = releases.filter((r) => r.id !== next.id && r.id !== stable?.id);
        releases = stable && stable.id !== next.id ? [stable, ...kept] : kept;
        releases = releases.slice(0, keep);
        stable = next;
    };
    if (change.canary && prev && prev.release.id !== change.canary.id)
        throw new Error(`Ledger: canary ${prev.release.id} is unfinished; resume or abort it before starting ${change.canary.id}.`);
    if (PHASES.includes(change.to)) {
        const release = change.canary ?? prev?.release;
        if (!release)
            throw new Error(`Ledger: no canary is under way to move to '${change.to}'.`);
        canary = {
            release,
            phase: change.to,
            stepIndex: change.stepIndex ?? prev?.stepIndex ?? 0,
            weight: change.weight ?? prev?.weight ?? 0,
            runId,
            startedAt: prev?.startedAt ?? at,
        };
        weight = canary.weight;
    }
    else if (change.to === 'promoted') {
        if (!prev)
            throw new Error('Ledger: no canary is under way to promote.');
        if (change.stable)
            throw new Error('Ledger: a promotion makes the canary stable; it takes no other stable release.');
        makeStable(prev.release);
        weight = 100;
    }
    else {
        weight = 0;
    }
    if (change.stable)
        makeStable(change.stable);
    const transition = {
        at,
        runId,
        from: prev?.phase ?? 'idle',
        to: change.to,
        weight,
        ...((canary ?? prev)
            ? { release: (canary ?? prev).release.id }
            : change.stable
                ? { release: change.stable.id }
                : {}),
        ...(change.note !== undefined ? { note: change.note } : {}),
        ...auditFields(audit, (canary ?? prev)?.release ?? change.stable),
    };
    return structuredClone({
        version: 1,
        environment: doc.environment,
        ...(stable ? { stable } : {}),
        ...(canary ? { canary } : {}),
        releases,
        transitions: [...doc.transitions, transition].slice(-MAX_TRANSITIONS),
    });
}
function deepFreeze(value) {
    if (value && typeof value === 'object') {
        for (const inner of Object.values(value))
            deepFreeze(inner);
        Object.freeze(value);
    }
    return value;
}
/** The audit fields of a transition: the run's context and the release's version and digest. */
function auditFields(audit, release) {
    const out = {};
    if (audit.actor)
        out.actor = audit.actor;
    if (audit.commit)
        out.commit = audit.commit;
    if (audit.commitTime)
        out.commitTime = audit.commitTime;
    if (release?.version)
        out.version = release.version;
    if (release?.digest)
        out.digest = release.digest;
    return out;
}
/** Appends a line and syncs it to disk before resolving. */
async function appendDurably(path, line) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'a', 0o600);
    try {
        await handle.appendFile(line);
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}
/** A ledger that cannot be taken as it is; `original` is the error to show when no good copy helps. */
class DamagedLedger extends Error {
    reason;
    original;
    constructor(reason, original) {
        super(reason);
        this.reason = reason;
        this.original = original;
    }
}
/** The copy of the last ledger written, beside it. */
function lastGoodPath(path) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), 'ledger.last-good.json');
}
/** sha256 of a document's compact JSON, in its own key order. */
function checksumOf(doc) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(doc)).digest('hex')}`;
}
/** The ledger file's text: the document, then the checksum of it. */
function serialize(doc) {
    return `${JSON.stringify({ ...doc, checksum: checksumOf(doc) }, null, 2)}\n`;
}
async function readFileText(path) {
    const fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'r');
    try {
        return await fh.readFile('utf8');
    }
    finally {
        await fh.close();
    }
}
/** A disk that is full or read-only is the user's to fix: say which file could not be written. */
function diskError(err, file) {
    const code = err.code;
    if (code === 'ENOSPC' || code === 'EDQUOT')
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`cannot be written: the disk is full (${code}).`, { file }, 'Free space on the disk that holds state-dir, then run again; the file on disk is as it was before this change.');
    if (code === 'EROFS')
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('cannot be written: the file system is read-only (EROFS).', { file }, 'Give state-dir a writable folder.');
    throw err;
}


/***/ }),

/***/ 7470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OU: () => (/* binding */ memoPath),
/* harmony export */   cq: () => (/* binding */ writeMemo),
/* harmony export */   fw: () => (/* binding */ readMemo)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(36740);
/* harmony import */ var valibot__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(77934);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26328);
// What the command router last asked the platform for, kept beside the ledger. A promotion and an
// abort reach a router as the same call (one release, no canary), and a run that resumes a paused
// canary promotes with a router that never saw it: the memo tells the two apart across runs.





const id = valibot__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_4__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_4__/* .maxLength */ .Ru6(200)));
const memoSchema = valibot__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    /** The canary of the last weight change (cleared once it is promoted or aborted). */
    canary: id,
    /** The release taking the rest (or all) of the traffic. */
    stable: id,
    /** The last release `deploy-command` ran for, so a resumed run does not deploy it twice. */
    deployed: id,
});
/** Where an environment's memo lives. */
function memoPath(stateDir, environment) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,_ledger_js__WEBPACK_IMPORTED_MODULE_3__/* .environmentDir */ .Fw)(stateDir, environment), 'command-router.json');
}
/** The memo; an absent or unreadable one is empty (the router then treats a lone release as an abort). */
async function readMemo(path) {
    try {
        const parsed = valibot__WEBPACK_IMPORTED_MODULE_4__/* .safeParse */ .xLC(memoSchema, JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8')));
        return parsed.success ? parsed.output : {};
    }
    catch {
        return {};
    }
}
/** Replaces the memo in one step, so a crash leaves the old one or the new one. */
async function writeMemo(path, memo) {
    await (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Zf)(path, `${JSON.stringify(memo, null, 2)}\n`);
}


/***/ }),

/***/ 54068:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commandOf: () => (/* binding */ commandOf),
  createCommandRouter: () => (/* binding */ createCommandRouter),
  parseTimeout: () => (/* binding */ parseTimeout),
  variables: () => (/* binding */ variables)
});

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: ./packages/deploy/src/providers/command/memo.ts
var command_memo = __webpack_require__(7470);
// EXTERNAL MODULE: ./packages/deploy/src/providers/command/run.ts
var command_run = __webpack_require__(11071);
// EXTERNAL MODULE: ./packages/deploy/src/providers/stdout-logger.ts
var stdout_logger = __webpack_require__(69486);
// EXTERNAL MODULE: ./node_modules/valibot/dist/index.mjs
var dist = __webpack_require__(77934);
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
    const logger = context.logger ?? stdout_logger/* stdoutLogger */.G;
    const memoFile = (0,command_memo/* memoPath */.OU)(context.stateDir, environment);
    const inherited = (0,lite/* withoutRunnerCredentials */.DV)({ ...(context.env ?? process.env) });
    // The status command sees the routing it reports on: the variables of the last change.
    let statusVars = { SLIPWAY_ENVIRONMENT: environment };
    let warnedStatus = false;
    const run = (input, command, vars, silent = false) => (0,command_run/* runCommand */.d)({ input, command, env: { ...inherited, ...vars }, timeoutMs, exec, silent });
    return {
        name: 'command',
        frontDoor: settings['front-door-url']?.trim() || 'command provider',
        async setWeights(stable, canary, canaryWeight) {
            if (!Number.isInteger(canaryWeight) || canaryWeight < 0 || canaryWeight > 100)
                throw new Error(`canary weight ${canaryWeight} is not a whole percentage`);
            const memo = await (0,command_memo/* readMemo */.fw)(memoFile);
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
                await (0,command_memo/* writeMemo */.cq)(memoFile, { canary: canary.id, stable: stable?.id, deployed: memo.deployed });
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
            await (0,command_memo/* writeMemo */.cq)(memoFile, { stable: stable.id, deployed: memo.deployed });
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


/***/ }),

/***/ 11071:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(36740);
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
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`could not run: ${err.message}`, { input: r.input });
    }
    if (result.timedOut)
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`did not finish within ${(0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(r.timeoutMs)} and was stopped.`, { input: r.input }, 'Raise command-timeout, or make the command return once the change is made.');
    if (result.exitCode !== 0) {
        const tail = outputTail(result.stderr) || outputTail(result.stdout);
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`exited with code ${result.exitCode}${tail ? `: ${tail}` : ' and printed nothing.'}`, {
            input: r.input,
        });
    }
    return result.stdout;
}
/** The last characters of a command's output on one line, credentials in URLs shown as `***`. */
function outputTail(text) {
    const flat = text.trim().replace(/\s*\n\s*/g, ' | ');
    // Redacted before cutting, so that a cut cannot leave a credential's tail without the URL that marks it.
    const redacted = (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .redactCredentials */ .UY)(flat);
    return redacted.length > TAIL_CHARS ? `…${redacted.slice(-TAIL_CHARS)}` : redacted;
}


/***/ }),

/***/ 92577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qd: () => (/* binding */ IMAGE_MANAGER),
  bx: () => (/* binding */ Kubectl),
  OO: () => (/* binding */ REPLICAS_MANAGER)
});

// UNUSED EXPORTS: FIELD_MANAGER, parseConflicts

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/kubernetes/api-proxy.ts
// Server-side apply as the API server defines it, through kubectl. `kubectl apply --server-side`
// first moves every field kubectl's client-side apply owns to the applying manager and then
// re-applies, which deletes the fields the partial apply leaves out (docs/kubernetes.md shows an
// HTTPRoute losing its hostnames). slipway's changes to the user's objects are partial by design
// (an image, the route's rules), so they go to the API as one PATCH of type apply, through a
// `kubectl proxy` on a private socket that lives for that one request: kubectl still does the
// authentication (client certificates, tokens, the cloud exec plugins) and nothing stays running.





const defaultSpawn = (command, args, options) => (0,external_node_child_process_.spawn)(command, args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
/** Where the API serves a kind: the path of its collection in a namespace. */
function collectionPath(apiVersion, kind, namespace) {
    const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    return `${base}/namespaces/${encodeURIComponent(namespace)}/${plural(kind)}`;
}
/** The resource name of a kind (the API's plural): Ingress → ingresses, Policy → policies. */
function plural(kind) {
    const k = kind.toLowerCase();
    if (/(s|x|z|ch|sh)$/.test(k))
        return `${k}es`;
    if (/[^aeiou]y$/.test(k))
        return `${k.slice(0, -1)}ies`;
    return `${k}s`;
}
/** A proxy that could not start: kubectl's own words (an unknown context, a broken kubeconfig). */
class ProxyStartError extends Error {
}
/** Sends one request to the API server through a kubectl proxy started for it, and stops the proxy. */
async function viaProxy(r) {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'slipway-kube-'));
    const socket = (0,external_node_path_.join)(dir, 'api.sock');
    const child = r.spawn(r.binary, [...r.globalArgs, 'proxy', `--unix-socket=${socket}`, '--api-prefix=/'], {
        env: r.env,
    });
    try {
        await serving(child, r.timeoutMs);
        return await send(socket, r);
    }
    finally {
        child.kill('SIGTERM');
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
/** Resolves once the proxy says it serves; rejects with its stderr when it exits first. */
function serving(child, timeoutMs) {
    return new Promise((resolve, reject) => {
        let out = '';
        let err = '';
        const timer = setTimeout(() => finish(new ProxyStartError(`kubectl proxy did not start within ${timeoutMs} ms`)), timeoutMs);
        const finish = (error) => {
            clearTimeout(timer);
            child.stdout?.removeAllListeners('data');
            child.removeAllListeners('exit');
            child.removeAllListeners('error');
            if (error)
                reject(error);
            else
                resolve();
        };
        child.stdout?.on('data', (chunk) => {
            out += chunk.toString();
            if (out.includes('Starting to serve'))
                finish();
        });
        child.stderr?.on('data', (chunk) => void (err += chunk.toString()));
        child.on('error', (e) => finish(e));
        child.on('exit', () => finish(new ProxyStartError(err.trim() || out.trim() || 'kubectl proxy exited')));
    });
}
function send(socket, r) {
    return new Promise((resolve, reject) => {
        const req = (0,external_node_http_.request)({
            socketPath: socket,
            method: r.method,
            path: r.path,
            // The proxy accepts local host names only.
            headers: {
                host: 'localhost',
                accept: 'application/json',
                ...(r.contentType ? { 'content-type': r.contentType } : {}),
            },
            timeout: r.timeoutMs,
        }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new Error(`the API server did not answer within ${r.timeoutMs} ms`)));
        req.on('error', reject);
        req.end(r.body);
    });
}
/** A Status the API server sent, said the way kubectl says it (`Error from server (Conflict): …`). */
function statusText(answer) {
    try {
        const s = JSON.parse(answer.body);
        if (s.message)
            return `Error from server (${s.reason ?? answer.status}): ${s.message}`;
    }
    catch {
        // The proxy's own answer (the API server unreachable) is plain text.
    }
    return answer.body.trim() || `HTTP ${answer.status}`;
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/kubernetes/kubectl.ts
// The kubernetes provider talks to the cluster through kubectl, the client every runner that
// deploys to Kubernetes already has and whose kubeconfig (client certificates, tokens, the EKS,
// GKE and AKS exec plugins) `azure/k8s-set-context`, `aws eks update-kubeconfig` and
// `google-github-actions/get-gke-credentials` set up. Every change is a server-side apply with
// field manager `slipway`, so other managers' fields are left alone.


/** slipway's field manager for server-side apply: the objects it applies whole (the canary) and a route's rules. */
const FIELD_MANAGER = 'slipway';
/**
 * The managers of slipway's partial changes to the stable Deployment. A manager's apply is its
 * whole intent for the object (fields it owned and leaves out are removed), so each partial
 * change has a manager of its own whose intent is exactly those fields: the image slipway
 * promotes, the size the replicas router sets.
 */
const IMAGE_MANAGER = 'slipway-image';
const REPLICAS_MANAGER = 'slipway-replicas';
/** Where the minimal RBAC Role for the provider is written down. */
const RBAC_DOC = 'docs/kubernetes.md#rbac';
/** kubectl with the context and namespace of a deploy; every failure is said in the user's terms. */
class Kubectl {
    o;
    constructor(o) {
        this.o = o;
    }
    /** The object, or undefined when it does not exist. */
    async get(kind, name) {
        const out = await this.run(['get', kind, name, '--ignore-not-found', '-o', 'json']);
        return out.trim() === '' ? undefined : JSON.parse(out);
    }
    /** The objects of a kind whose labels match a selector (`app=web,slipway.dev/track=canary`). */
    async list(kind, selector) {
        const out = await this.run(['get', kind, '-l', selector, '-o', 'json']);
        return JSON.parse(out).items;
    }
    /**
     * Server-side applies an object as field manager `slipway`: exactly the fields it has, whoever
     * created the object and however (see api-proxy.ts for why not `kubectl apply --server-side`).
     * With `force`, fields another manager owns are taken over (for the fields slipway manages by
     * name: a route's weights, the stable's image on promotion); without it a conflict is the
     * user's to settle, and the error names each field and its manager.
     */
    async apply(object, options = {}) {
        const namespace = object.metadata.namespace ?? this.o.namespace;
        const query = `fieldManager=${encodeURIComponent(options.manager ?? FIELD_MANAGER)}${options.force ? '&force=true' : ''}`;
        const path = `${collectionPath(object.apiVersion, object.kind, namespace)}/${encodeURIComponent(object.metadata.name)}?${query}`;
        let answer;
        try {
            answer = await viaProxy({
                spawn: this.o.spawn ?? defaultSpawn,
                binary: this.o.binary,
                globalArgs: this.o.context ? ['--context', this.o.context] : [],
                env: this.o.env,
                method: 'PATCH',
                path,
                contentType: 'application/apply-patch+yaml',
                body: JSON.stringify({ ...object, metadata: { ...object.metadata, namespace } }),
                timeoutMs: this.o.timeoutMs,
            });
        }
        catch (err) {
            const message = err.message;
            if (err.code === 'ENOENT')
                throw cannotRun(this.o.binary, message);
            if (err instanceof ProxyStartError)
                throw explain(message, ['apply'], this.o);
            if (/did not answer within/.test(message))
                throw timedOut('apply', this.o.timeoutMs);
            throw new Error(`the server-side apply of ${object.kind} ${object.metadata.name} failed: ${message}`);
        }
        if (answer.status >= 200 && answer.status < 300)
            return JSON.parse(answer.body);
        throw explain(statusText(answer), ['apply', `${object.kind}/${object.metadata.name}`], this.o);
    }
    /** Deletes an object; one already gone is fine. */
    async delete(kind, name) {
        await this.run(['delete', kind, name, '--ignore-not-found', '--wait=false']);
    }
    /** Runs kubectl with the deploy's context and namespace, returning its output; failures become errors that say what to do. */
    async run(args, input) {
        const full = [...(this.o.context ? ['--context', this.o.context] : []), '--namespace', this.o.namespace, ...args];
        let result;
        try {
            result = await this.o.exec(this.o.binary, full, {
                env: this.o.env,
                ignoreReturnCode: true,
                silent: true,
                timeoutMs: this.o.timeoutMs,
                ...(input !== undefined ? { input } : {}),
            });
        }
        catch (err) {
            if (/ENOENT|Unable to locate executable|not found/i.test(err.message))
                throw cannotRun(this.o.binary, err.message);
            throw err;
        }
        if (result.timedOut)
            throw timedOut(args[0] ?? '', this.o.timeoutMs);
        if (result.exitCode === 0)
            return result.stdout;
        throw explain(result.stderr.trim() || result.stdout.trim(), args, this.o);
    }
}
function cannotRun(binary, message) {
    return new lite/* UserError */.yo(`kubectl ('${binary}') could not be run: ${message}.`, { input: 'kubectl' }, 'Install kubectl on the runner (GitHub-hosted runners have it), or give its path in the kubectl input.');
}
function timedOut(what, timeoutMs) {
    return new lite/* UserError */.yo(`kubectl ${what} did not finish within ${Math.round(timeoutMs / 1000)} s.`, { input: 'kube-context' }, 'Check that the cluster answers from the runner (kubectl cluster-info) and that the API server is not overloaded.');
}
/** The conflicts an apply reported: `conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas`. */
function parseConflicts(stderr) {
    const out = [];
    // `conflict with "m" using v: .field` for one field; `conflicts with "m" using v:` then `- .field` lines for several.
    let manager = 'another manager';
    for (const line of stderr.split('\n')) {
        for (const m of line.matchAll(/conflicts? with "([^"]+)"(?: using [^:\n]+)?:\s*(\.\S+)?/g)) {
            manager = m[1];
            if (m[2])
                out.push({ manager, field: m[2] });
        }
        const item = /^-\s*(\.\S+)$/.exec(line.trim());
        if (item && !out.some((c) => c.field === item[1] && c.manager === manager))
            out.push({ manager, field: item[1] });
    }
    return out;
}
/** A kubectl failure as an error the user can act on; anything unknown stays an internal error with kubectl's words. */
function explain(message, args, o) {
    const said = message.split('\n').slice(0, 6).join(' ').slice(0, 600);
    const conflicts = parseConflicts(message);
    if (/Apply failed with \d+ conflicts?/.test(message) && conflicts.length)
        return new lite/* UserError */.yo(`another field manager owns what slipway would change: ${conflicts.map((c) => `${c.field} (${c.manager})`).join(', ')}.`, { input: 'deployment' }, 'Let slipway manage those fields (stop setting them from the other tool, or remove them there), or apply the change yourself; slipway never takes over fields it does not manage.');
    const forbidden = /cannot (\w+) resource "([^"]+)"(?: in API group "([^"]*)")?/.exec(message);
    if (/\(Forbidden\)/.test(message) && forbidden)
        return new lite/* UserError */.yo(`the cluster refused: ${said}`, { input: 'namespace' }, `Grant the deploying identity ${forbidden[1]} on ${forbidden[2]}${forbidden[3] ? ` (API group ${forbidden[3]})` : ''} in namespace ${o.namespace}: the minimal Role is in ${RBAC_DOC}.`);
    if (/context was not found|no context exists with the name|context "[^"]*" does not exist/i.test(message))
        return new lite/* UserError */.yo(`'${o.context}' is not a context of the kubeconfig: ${said}`, { input: 'kube-context' }, 'Name a context from kubectl config get-contexts, or leave kube-context empty for the current one.');
    if (/Unable to connect to the server|connection refused|no such host|i\/o timeout|no configuration has been provided|x509:|tls: |Unauthorized|You must be logged in/i.test(message))
        return new lite/* UserError */.yo(`kubectl cannot reach or log in to the cluster: ${said}`, { input: 'kube-context' }, 'Set up the kubeconfig before this step (azure/k8s-set-context, aws eks update-kubeconfig, google-github-actions/get-gke-credentials) so KUBECONFIG points at it, and check the runner can reach the API server.');
    // An object the API server's validation refuses: what slipway derived from the user's (their Deployment, manifest or route).
    if (/\(Invalid\)/.test(message))
        return new lite/* UserError */.yo(`the cluster refused ${args[1] ?? 'an object'} as invalid: ${said}`, { input: o.manifest ? 'manifest' : 'deployment' }, 'The message names the field: slipway applies your objects as they are, with only the image, the size and the route weights changed, so the field is one of yours.');
    if (/namespaces? "[^"]+" not found/.test(message))
        return new lite/* UserError */.yo(`namespace '${o.namespace}' does not exist in the cluster.`, { input: 'namespace' }, 'Create the namespace, or name an existing one.');
    return new Error(`kubectl ${args.slice(0, 2).join(' ')} failed: ${said}`);
}


/***/ }),

/***/ 60081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V4: () => (/* binding */ replicaSplit),
/* harmony export */   Yw: () => (/* binding */ canaryDeployment),
/* harmony export */   l8: () => (/* binding */ TRACK_LABEL),
/* harmony export */   mh: () => (/* binding */ canaryName),
/* harmony export */   oQ: () => (/* binding */ intentOf),
/* harmony export */   y1: () => (/* binding */ RELEASE_ANNOTATION)
/* harmony export */ });
/* unused harmony exports CANARY_OF_LABEL, splitWeight */
/* harmony import */ var _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(36740);
// The Kubernetes objects the kubernetes provider writes, derived from the user's own: the canary
// Deployment is the stable one with the release's image and a track label, so whatever the user
// set (probes, resources, volumes, the service account) comes along unchanged.

/** The label that tells the canary's pods from the stable's. */
const TRACK_LABEL = 'slipway.dev/track';
/** The annotation naming the release a canary runs. */
const RELEASE_ANNOTATION = 'slipway.dev/release';
/** The label naming the stable Deployment a canary's pods belong to, when they leave the stable Service's labels out. */
const CANARY_OF_LABEL = 'slipway.dev/canary-of';
/** Annotations the API server or kubectl keep on a Deployment: never copied to another object. */
const MANAGED_ANNOTATIONS = ['deployment.kubernetes.io/revision', 'kubectl.kubernetes.io/last-applied-configuration'];
/** The canary Deployment's name for a stable Deployment. */
function canaryName(stable) {
    return `${stable}-canary`;
}
/**
 * The canary Deployment for a release: the stable Deployment with the release's image in one
 * container (`container`, or the first), `replicas` pods, and the track label on it, its selector
 * and its pods (so the stable Deployment's pods and the canary's stay apart, while a Service that
 * selects the stable's labels reaches both). Server-managed fields are left out: the result is an
 * apply configuration.
 */
function canaryDeployment(stable, release) {
    const containers = stable.spec.template.spec.containers ?? [];
    const index = release.container ? containers.findIndex((c) => c.name === release.container) : 0;
    if (index < 0 || !containers[index])
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`'${release.container ?? ''}' is not a container of Deployment ${stable.metadata.name} (it has ${containers.map((c) => c.name).join(', ') || 'none'}).`, { input: 'container' }, 'Name the container whose image the release sets, or leave container empty for the first one.');
    const without = release.without ?? [];
    const track = {
        [TRACK_LABEL]: 'canary',
        ...(without.length ? { [CANARY_OF_LABEL]: stable.metadata.name } : {}),
    };
    const keep = (labels) => Object.fromEntries(Object.entries(labels ?? {}).filter(([k]) => !without.includes(k)));
    const annotations = Object.fromEntries(Object.entries(stable.metadata.annotations ?? {}).filter(([k]) => !MANAGED_ANNOTATIONS.includes(k)));
    const template = stable.spec.template;
    return {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
            name: canaryName(stable.metadata.name),
            ...(stable.metadata.namespace ? { namespace: stable.metadata.namespace } : {}),
            labels: { ...stable.metadata.labels, ...track },
            annotations: { ...annotations, ...release.annotations, [RELEASE_ANNOTATION]: release.id },
        },
        spec: {
            ...withoutKeys(stable.spec, ['replicas', 'selector', 'template', 'paused']),
            replicas: release.replicas,
            selector: { ...stable.spec.selector, matchLabels: { ...keep(stable.spec.selector.matchLabels), ...track } },
            template: {
                ...template,
                metadata: {
                    ...withoutKeys(template.metadata ?? {}, ['creationTimestamp']),
                    labels: { ...keep(template.metadata?.labels), ...track },
                    annotations: { ...template.metadata?.annotations, [RELEASE_ANNOTATION]: release.id },
                },
                spec: {
                    ...template.spec,
                    containers: containers.map((c, i) => (i === index ? { ...c, image: release.image } : c)),
                },
            },
        },
    };
}
/**
 * Pods per Deployment for a canary weight when traffic splits by pod count behind one Service
 * (the `replicas` router): the canary gets its share of `total` and at least one pod for any
 * weight above 0; the stable keeps the rest, and at least one pod below 100 (so a one-pod service
 * runs two pods, half and half, while the canary is judged). All of `total` go to one side at 0 and 100.
 */
function replicaSplit(total, weight) {
    if (weight <= 0)
        return { stable: total, canary: 0 };
    if (weight >= 100)
        return { stable: 0, canary: total };
    const canary = Math.max(1, Math.min(total - 1, Math.round((total * weight) / 100)));
    return { stable: Math.max(1, total - canary), canary };
}
/** The canary weight a pod split gives, percent (what `replicaSplit` approximates). */
function splitWeight(split) {
    const all = split.stable + split.canary;
    return all === 0 ? 0 : Math.round((100 * split.canary) / all);
}
/** Fields the API server sets on every object: never part of what slipway applies. */
const SERVER_METADATA = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink'];
/**
 * An object slipway applied before, read back as its apply configuration: server fields and status
 * left out. A manager's server-side apply is its whole intent for the object (fields it leaves out
 * are removed), so slipway changes its own objects by applying them whole.
 */
function intentOf(live) {
    const annotations = Object.fromEntries(Object.entries(live.metadata.annotations ?? {}).filter(([k]) => !MANAGED_ANNOTATIONS.includes(k)));
    const metadata = { ...withoutKeys(live.metadata, SERVER_METADATA), annotations };
    return { ...withoutKeys(live, ['status']), metadata };
}
function withoutKeys(object, keys) {
    return Object.fromEntries(Object.entries(object).filter(([k]) => !keys.includes(k)));
}


/***/ }),

/***/ 82480:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ parseKubeSettings)
/* harmony export */ });
/* harmony import */ var _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(36740);
// The kubernetes provider's settings, checked once before anything touches the cluster: a typo found
// here costs the user one failed step, the same typo found by kubectl half-way through a rollout
// leaves a canary behind. Every problem names its input and says what to write instead.
//
// A value is never echoed whole (at most SHOWN characters), and a URL never with what precedes its
// last '@': that is where a password would be.

const SHOWN = 80;
const DEFAULT_TIMEOUT_MS = 60_000;
const LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
// The OCI distribution grammar (distribution/reference), one piece at a time so that an error can
// say which piece is wrong.
const REGISTRY = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d+)?$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
// What the routers other than replicas edit, for the hint that asks for one.
const ROUTE_KINDS = {
    'gateway-api': 'HTTPRoute',
    'ingress-nginx': 'Ingress',
    istio: 'VirtualService',
};
/**
 * Parses the kubernetes provider's raw inputs (a missing key is empty); `routers` are the router
 * names it has. A rollback deploys no release: with `release: false`, image and canary-url may be
 * empty ('' then), and are checked only when given.
 */
function parseKubeSettings(settings, routers, options = {}) {
    const needed = options.release ?? true;
    const given = (value, input, what) => (needed ? required(value, input, what) : value);
    const read = (input) => {
        const value = (settings[input] ?? '').trim();
        const c = CONTROL.exec(value)?.[0];
        if (c !== undefined)
            throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`contains ${describeControl(c)} at character ${value.indexOf(c) + 1}.`, { input }, 'Write it on one line, without control characters.');
        return value;
    };
    const namespace = label(read('namespace') || 'default', 'namespace', 63, 'namespace', 'shop');
    const deployment = label(required(read('deployment'), 'deployment', 'the name of the stable Deployment, such as web'), 'deployment', 56, 'Deployment', 'web');
    const imageText = given(read('image'), 'image', "the canary's image, such as ghcr.io/acme/web:1.2.0");
    const image = imageText && imageReference(imageText);
    const replicas = wholeNumber(read('replicas'), 'replicas', 1, 1000);
    const containerPort = wholeNumber(read('container-port'), 'container-port', 1, 65535);
    const router = oneOfRouters(read('router') || 'replicas', routers);
    const route = routeName(read('route'), router, routers);
    const context = contextName(read('kube-context'));
    const prometheusUrl = url(read('prometheus-url'), 'prometheus-url');
    // With Prometheus, live traffic can judge the canary: an address to probe is then optional.
    const canaryText = read('canary-url');
    const canaryUrl = url(prometheusUrl
        ? canaryText
        : given(canaryText, 'canary-url', 'where the canary answers, such as https://canary.example.com, or a prometheus-url'), 'canary-url');
    const requestsQuery = trafficQuery(read('requests-query'), 'requests-query', prometheusUrl);
    const errorsQuery = trafficQuery(read('errors-query'), 'errors-query', prometheusUrl);
    const stableUrl = url(read('stable-url'), 'stable-url');
    const kubectl = program(read('kubectl') || 'kubectl');
    const containerName = read('container');
    const container = containerName && label(containerName, 'container', 63, 'container', 'app');
    const timeoutMs = timeout(read('command-timeout'));
    // Read (and checked) when the deploy needs it: manifest.ts.
    const manifest = read('manifest');
    return Object.freeze({
        namespace,
        deployment,
        image,
        // Absent rather than undefined: what the user left empty is not there.
        ...(replicas === undefined ? {} : { replicas }),
        ...(containerPort === undefined ? {} : { containerPort }),
        router,
        route,
        context,
        canaryUrl,
        stableUrl,
        kubectl,
        container,
        timeoutMs,
        manifest,
        prometheusUrl,
        requestsQuery,
        errorsQuery,
    });
}
/** Longer PromQL is refused: record it as a Prometheus recording rule and query that. */
const MAX_QUERY = 10_000;
/** A counter query for the live traffic: needed with prometheus-url, naming `$deployment`. */
function trafficQuery(value, input, prometheusUrl) {
    if (!prometheusUrl) {
        if (value !== '')
            throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('is given without prometheus-url.', { input }, 'Give prometheus-url too, or leave the query empty (the canary is then judged on canary-url alone).');
        return '';
    }
    const example = input === 'requests-query'
        ? 'sum(http_requests_total{namespace="shop", pod=~"$deployment-[a-z0-9]+-[a-z0-9]+"})'
        : 'sum(http_requests_total{namespace="shop", pod=~"$deployment-[a-z0-9]+-[a-z0-9]+", code=~"5.."})';
    const what = `a PromQL counter of ${input === 'requests-query' ? 'all requests' : 'the 5xx answers'}, with $deployment where the Deployment's name goes, such as ${example}`;
    required(value, input, what);
    if (value.length > MAX_QUERY)
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`is ${value.length} characters long; at most ${MAX_QUERY}.`, { input }, 'Record long expressions as Prometheus recording rules and query those.');
    if (!value.includes('$deployment'))
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('does not name $deployment: it would count the stable and the canary alike.', { input }, `Write ${what}.`);
    return value;
}
function required(value, input, what) {
    if (value === '')
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('is required but empty.', { input }, `Give ${what}.`);
    return value;
}
function label(value, input, max, kind, example) {
    const hint = `Write a ${kind} name of at most ${max} lowercase letters, digits and '-', starting and ending with a letter or digit, such as ${example}.`;
    if (!LABEL.test(value))
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${quote(value)} is not a valid ${kind} name.`, { input }, hint);
    if (value.length > max) {
        // Only the Deployment is held below Kubernetes' 63: its canary's name adds '-canary'.
        const why = max < 63 ? "; the canary's name, with '-canary' appended, would pass Kubernetes' limit of 63" : '';
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${quote(value)} is ${value.length} characters long${why}.`, { input }, hint);
    }
    return value;
}
function imageReference(value) {
    const fail = (problem, hint = 'Write an image reference such as ghcr.io/acme/web:1.2.0.') => {
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${quote(value)} ${problem}.`, { input: 'image' }, hint);
    };
    if (/\s/.test(value))
        fail('contains whitespace');
    if (value.length > 512)
        fail(`is ${value.length} characters long`, 'Write an image reference of at most 512 characters.');
    const at = value.indexOf('@');
    const name = at < 0 ? value : value.slice(0, at);
    if (at >= 0 && !DIGEST.test(value.slice(at + 1)))
        fail('has a malformed digest', 'Write the digest as @sha256: followed by 64 lowercase hexadecimal digits.');
    // A ':' after the last '/' starts the tag; one before it is the registry's port.
    const colon = name.lastIndexOf(':');
    const tagged = colon > name.lastIndexOf('/');
    if (tagged && !TAG.test(name.slice(colon + 1)))
        fail('has a malformed tag', "Write a tag of up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-', such as :1.2.0.");
    const parts = (tagged ? name.slice(0, colon) : name).split('/');
    // As Docker reads it: the first of several parts is a registry when it could not be a path component.
    const first = parts[0];
    if (parts.length > 1 && (/[.:A-Z]/.test(first) || first === 'localhost')) {
        if (!REGISTRY.test(first))
            fail('has a malformed registry', 'Write the registry as a host name with an optional port, such as registry.example.com:5000.');
        parts.shift();
    }
    if (parts.some((part) => !PATH_COMPONENT.test(part)))
        fail(parts.some((part) => part !== part.toLowerCase() && PATH_COMPONENT.test(part.toLowerCase()))
            ? 'has uppercase letters in its repository path'
            : 'is not an image reference', "Write the repository path in lowercase letters and digits separated by '/', '.', '_' or '-', such as ghcr.io/acme/web:1.2.0.");
    return value;
}
function oneOfRouters(value, routers) {
    if (routers.includes(value))
        return value;
    throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${quote(value)} is not a traffic router of the kubernetes provider.`, { input: 'router' }, `Use one of: ${routers.join(', ')}.`);
}
function wholeNumber(value, input, min, max) {
    if (value === '')
        return undefined;
    const hint = `Write a whole number from ${min} to ${max}, or leave it empty.`;
    if (!/^\d+$/.test(value))
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${quote(value)} is not a whole number.`, { input }, hint);
    const n = Number(value);
    if (n < min || n > max)
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${quote(value)} is out of range.`, { input }, hint);
    return n;
}
function routeName(value, router, routers) {
    const others = routers.filter((r) => r !== 'replicas').join(', ');
    if (router === 'replicas') {
        if (value === '')
            return '';
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('is set, but the replicas router weights by pod count and uses no route.', { input: 'route' }, `Remove it, or choose a router that uses it with input 'router'${others ? ` (${others})` : ''}.`);
    }
    const kind = ROUTE_KINDS[router] ?? 'object';
    required(value, 'route', `the name of the ${kind} that the ${router} router edits to move traffic`);
    if (value.length > 253 || !SUBDOMAIN.test(value))
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${quote(value)} is not a valid ${kind} name.`, { input: 'route' }, "Write at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit.");
    return value;
}
function contextName(value) {
    const hint = 'Write a context name from your kubeconfig (kubectl config get-contexts), or leave it empty for the current one.';
    if (/\s/.test(value))
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${quote(value)} contains whitespace.`, { input: 'kube-context' }, hint);
    if (value.length > 253)
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${quote(value)} is ${value.length} characters long.`, { input: 'kube-context' }, hint);
    return value;
}
function url(value, input) {
    if (value === '')
        return '';
    const shown = quote(withoutUserInfo(value));
    const hint = 'Write an absolute http or https URL, such as https://canary.example.com.';
    if (/\s/.test(value))
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${shown} contains whitespace.`, { input }, hint);
    let parsed;
    try {
        parsed = new URL(value);
    }
    catch {
        // Not a URL at all: said below.
    }
    // The WHATWG parser also reads 'https:host' and 'https:\\host'; only the spelled-out form is accepted.
    if (!parsed || !/^https?:\/\/[^/]/i.test(value))
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${shown} is not an absolute http or https URL.`, { input }, hint);
    if (parsed.username || parsed.password || /^https?:\/\/[^/?#]*@/i.test(value))
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${shown} has a user name or password in it.`, { input }, 'Remove the user:password@ part: the URL is shown in logs and outputs.');
    return value.replace(/\/+$/, '');
}
function program(value) {
    if (value.length > 4096)
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${quote(value)} is ${value.length} characters long.`, { input: 'kubectl' }, 'Write the name or path of the kubectl program, such as kubectl or /usr/local/bin/kubectl.');
    return value;
}
function timeout(value) {
    if (value === '')
        return DEFAULT_TIMEOUT_MS;
    const hint = 'Write a duration from 1s to 1h, such as 90s or 5m.';
    const ms = (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(value);
    if (ms === undefined)
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${quote(value)} is not a duration.`, { input: 'command-timeout' }, hint);
    if (ms < 1000 || ms > 3_600_000)
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${quote(value)} is out of range.`, { input: 'command-timeout' }, hint);
    return ms;
}
/** A URL as it may be shown: whatever precedes its last '@' (but the scheme) as `***`, whether it parses or not. */
function withoutUserInfo(value) {
    const at = value.lastIndexOf('@');
    if (at < 0)
        return value;
    return `${/^[a-z][a-z0-9+.-]*:\/\//i.exec(value)?.[0] ?? ''}***${value.slice(at)}`;
}
/** A value in quotes, cut to SHOWN characters (never in the middle of a surrogate pair). */
function quote(value) {
    if (value.length <= SHOWN)
        return `'${value}'`;
    const end = /[\uD800-\uDBFF]/.test(value[SHOWN - 1]) ? SHOWN - 1 : SHOWN;
    return `'${value.slice(0, end)}…'`;
}
function describeControl(c) {
    if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029' || c === '\u0085')
        return 'a line break';
    if (c === '\t')
        return 'a tab';
    return `a control character (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
}


/***/ }),

/***/ 2436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sO: () => (/* binding */ IMAGE_ANNOTATION),
  H7: () => (/* binding */ KubeTarget),
  iX: () => (/* binding */ STABLE_REPLICAS_ANNOTATION),
  Wf: () => (/* binding */ imageDigest),
  cy: () => (/* binding */ imageReleaseId),
  K9: () => (/* binding */ imageVersion)
});

// UNUSED EXPORTS: ROLLOUT_WAIT_MS

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: ./packages/deploy/src/providers/kubernetes/kubectl.ts + 1 modules
var kubectl = __webpack_require__(92577);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/kubernetes/manifest.ts
// The `manifest` input: the user's own Deployment (and Service) YAML, the one their repository
// holds. With it, the canary is derived from the manifest rather than from what the cluster runs,
// so a change to the manifest (an environment variable, resources, a probe) ships with the
// release and is judged with it; promotion applies the manifest's Deployment (with the release's
// image) and its Service, and a first deploy creates them from it. Other documents in the file are
// not slipway's to apply: they are named in the error when nothing usable is found, else ignored.


/** A manifest is a few objects; anything far larger is not one. */
const MAX_BYTES = 4 * 1024 * 1024;
/** Reads the Deployment named `name` (and its Service) from the manifest file at `path`. */
function readManifest(path, name, namespace) {
    const text = (0,lite/* readUserFile */.E1)(path, {
        maxBytes: MAX_BYTES,
        subject: { input: 'manifest' },
        what: 'The manifest',
    }).toString('utf8');
    const docs = (0,dist/* parseAllDocuments */.hR)(text, { prettyErrors: true, uniqueKeys: true });
    const found = [];
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
        const problem = doc.errors[0];
        if (problem)
            throw new lite/* UserError */.yo(`is not valid YAML: ${problem.message.split('\n')[0]}.`, { file: path, line: problem.linePos?.[0].line ?? 1 }, 'Fix the YAML (the manifest is the Deployment and Service you would kubectl apply).');
        const object = doc.toJS({ maxAliasCount: 100 });
        if (object === null || object === undefined)
            continue;
        const line = doc.contents?.range ? lineOf(text, doc.contents.range[0]) : 1;
        if (typeof object !== 'object' || Array.isArray(object))
            throw new lite/* UserError */.yo('holds a document that is not a Kubernetes object.', { file: path, line }, 'Each document is one object with apiVersion, kind and metadata.name.');
        const o = object;
        if (typeof o.kind !== 'string' || typeof o.metadata?.name !== 'string')
            throw new lite/* UserError */.yo('holds an object without a kind or metadata.name.', { file: path, line }, 'Each document is one object with apiVersion, kind and metadata.name.');
        if (o.metadata.namespace !== undefined && o.metadata.namespace !== namespace)
            throw new lite/* UserError */.yo(`puts ${o.kind} ${o.metadata.name} in namespace '${String(o.metadata.namespace).slice(0, 63)}', but the namespace input is '${namespace}'.`, { file: path, line }, 'Leave metadata.namespace out of the manifest (slipway applies it to the namespace input), or make them agree.');
        found.push({ kind: o.kind, name: o.metadata.name, object: object, line });
    }
    const deployment = found.find((f) => f.kind === 'Deployment' && f.name === name);
    if (!deployment)
        throw new lite/* UserError */.yo(`has no Deployment named ${name} (it has ${found.map((f) => `${f.kind} ${f.name}`).join(', ') || 'no objects'}).`, { input: 'manifest' }, 'Name the Deployment the manifest holds in the deployment input, or add it to the manifest.');
    const d = deployment.object;
    const containers = d.spec?.template?.spec?.containers;
    if (d.apiVersion !== 'apps/v1' || !Array.isArray(containers) || containers.length === 0 || !d.spec.selector)
        throw new lite/* UserError */.yo(`has a Deployment ${name} without apiVersion apps/v1, a selector and at least one container.`, { file: path, line: deployment.line }, 'Give the complete Deployment, as kubectl apply would take it.');
    const service = found.find((f) => f.kind === 'Service' && f.name === name)?.object;
    return { deployment: d, ...(service ? { service } : {}) };
}
function lineOf(text, offset) {
    let line = 1;
    for (let i = 0; i < offset && i < text.length; i++)
        if (text.charCodeAt(i) === 10)
            line++;
    return line;
}

// EXTERNAL MODULE: ./packages/deploy/src/providers/kubernetes/objects.ts
var objects = __webpack_require__(60081);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/kubernetes/rollout.ts
// Where a Deployment's rollout stands, read the way `kubectl rollout status` reads it, with the
// reason its pods give when it is stuck: what a canary that never becomes Ready is aborted with.
/** The rollout of a Deployment, given its pods (those of its selector). */
function rolloutOf(d, pods) {
    const s = d.status ?? {};
    const want = d.spec.replicas ?? 1;
    const stuck = s.conditions?.find((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded');
    if (stuck) {
        const why = podReasons(pods);
        return {
            state: 'failed',
            reason: `Deployment ${d.metadata.name} did not become ready within its progressDeadlineSeconds (${d.spec.progressDeadlineSeconds ?? 600} s)${why ? `: ${why}` : ''}`,
        };
    }
    if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0))
        return { state: 'progressing', detail: 'waiting for the new spec to be seen' };
    const updated = s.updatedReplicas ?? 0;
    if (updated < want)
        return { state: 'progressing', detail: `${updated} of ${want} pods updated${suffix(pods)}` };
    if ((s.replicas ?? 0) > updated)
        return { state: 'progressing', detail: `${(s.replicas ?? 0) - updated} old pods still terminating` };
    const available = s.availableReplicas ?? 0;
    if (available < updated)
        return { state: 'progressing', detail: `${available} of ${updated} pods ready${suffix(pods)}` };
    return { state: 'ready' };
}
function suffix(pods) {
    const why = podReasons(pods);
    return why ? ` (${why})` : '';
}
/**
 * Why pods are not ready, grouped: `2 pods ImagePullBackOff (Back-off pulling image "x")`,
 * `1 pod CrashLoopBackOff (3 restarts)`, `1 pod running but not ready (readiness probe failing)`,
 * `1 pod Unschedulable (0/3 nodes are available…)`. Empty when every pod is ready.
 */
function podReasons(pods) {
    const groups = new Map();
    const add = (reason, detail = '') => {
        const g = groups.get(reason);
        if (g)
            g.count++;
        else
            groups.set(reason, { count: 1, detail });
    };
    for (const pod of pods) {
        const st = pod.status ?? {};
        const ready = st.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
        if (ready)
            continue;
        const scheduled = st.conditions?.find((c) => c.type === 'PodScheduled');
        if (scheduled?.status === 'False') {
            add(scheduled.reason ?? 'not scheduled', scheduled.message ?? '');
            continue;
        }
        const containers = st.containerStatuses ?? [];
        const waiting = containers.find((c) => c.state?.waiting?.reason && c.state.waiting.reason !== 'ContainerCreating');
        const terminated = containers.find((c) => c.state?.terminated);
        if (waiting) {
            const restarts = waiting.restartCount ? `${waiting.restartCount} restarts` : '';
            add(waiting.state.waiting.reason, [waiting.state.waiting.message, restarts].filter(Boolean).join('; '));
        }
        else if (terminated) {
            const t = terminated.state.terminated;
            add(t.reason ?? 'terminated', t.exitCode !== undefined ? `exit code ${t.exitCode}` : '');
        }
        else if (st.phase === 'Running')
            add('running but not ready', 'readiness probe failing');
        else
            add(st.phase ?? 'pending', '');
    }
    return [...groups]
        .map(([reason, g]) => `${g.count} pod${g.count === 1 ? '' : 's'} ${reason}${g.detail ? ` (${clip(g.detail)})` : ''}`)
        .join(', ');
}
function clip(text) {
    const line = text.split('\n')[0];
    return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

// EXTERNAL MODULE: ./packages/deploy/src/providers/kubernetes/settings.ts
var settings = __webpack_require__(82480);
// EXTERNAL MODULE: ./packages/deploy/src/providers/kubernetes/traffic.ts
var traffic = __webpack_require__(31572);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/kubernetes/target.ts
// What the kubernetes provider's host and router share: the parsed settings, kubectl with the
// deploy's context and namespace, the names of the objects, and waiting for a rollout.








/** How often a rollout is looked at while waiting. */
const POLL_MS = 1000;
/** The longest a router waits for a rollout; a Deployment's own progress deadline usually ends it sooner. */
const ROLLOUT_WAIT_MS = 15 * 60 * 1000;
/** On the canary Deployment: the stable Deployment's full size when the canary started (what abort restores). */
const STABLE_REPLICAS_ANNOTATION = 'slipway.dev/stable-replicas';
/** On the stable Deployment: the image slipway last set, so that RELEASE_ANNOTATION is believed only while the image is still that. */
const IMAGE_ANNOTATION = 'slipway.dev/image';
/** The cluster end of a deploy. */
class KubeTarget {
    settings;
    kubectl;
    clock;
    /** The user's stable Deployment (and its Service). */
    stable;
    /** slipway's canary Deployment (and, with a mesh router, its Service). */
    canary;
    constructor(context) {
        // A rollback deploys no release: the image and canary-url a deploy needs are checked by the host's prepare.
        this.settings = (0,settings/* parseKubeSettings */.U)(context.settings, (0,traffic/* trafficNames */.QY)(), { release: false });
        this.clock = context.clock ?? lite/* systemClock */.ml;
        this.stable = this.settings.deployment;
        this.canary = (0,objects/* canaryName */.mh)(this.stable);
        const env = (0,lite/* withoutRunnerCredentials */.DV)({ ...(context.env ?? process.env) });
        this.kubectl = new kubectl/* Kubectl */.bx({
            exec: context.exec ?? lite/* actionsExec */.dw,
            ...(context.spawn ? { spawn: context.spawn } : {}),
            binary: this.settings.kubectl,
            context: this.settings.context,
            namespace: this.settings.namespace,
            env: Object.fromEntries(Object.entries(env).filter((e) => e[1] !== undefined)),
            timeoutMs: this.settings.timeoutMs,
            manifest: this.settings.manifest !== '',
        });
    }
    manifestRead;
    /** The Deployment (and Service) of the `manifest` input, read once; undefined without one. */
    manifest() {
        if (this.manifestRead === undefined)
            this.manifestRead = this.settings.manifest
                ? readManifest(this.settings.manifest, this.stable, this.settings.namespace)
                : null;
        return this.manifestRead ?? undefined;
    }
    /**
     * The manifest's objects for a release, as slipway applies them: its Deployment with the
     * release's image in `container` (and `replicas` when given, and slipway's release annotations),
     * and its Service (each port's protocol spelled out, which server-side apply keys ports by).
     */
    releaseManifest(id, image, replicas) {
        const m = this.manifest();
        if (!m)
            return undefined;
        const deployment = structuredClone(m.deployment);
        this.container(deployment).image = image;
        deployment.metadata = {
            ...deployment.metadata,
            annotations: { ...deployment.metadata.annotations, [objects/* RELEASE_ANNOTATION */.y1]: id, [IMAGE_ANNOTATION]: image },
        };
        if (replicas !== undefined)
            deployment.spec.replicas = replicas;
        if (!m.service)
            return { deployment };
        const service = structuredClone(m.service);
        service.spec.ports = service.spec.ports?.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' }));
        return { deployment, service };
    }
    /** Where the deploy happens, for messages: `namespace shop`. */
    get where() {
        return `namespace ${this.settings.namespace}${this.settings.context ? ` of context ${this.settings.context}` : ''}`;
    }
    deployment(name) {
        return this.kubectl.get('deployment', name);
    }
    service(name) {
        return this.kubectl.get('service', name);
    }
    /** The container a release's image goes into: the `container` input's, or the first. */
    container(d) {
        const containers = d.spec.template.spec.containers ?? [];
        const c = this.settings.container ? containers.find((x) => x.name === this.settings.container) : containers[0];
        if (!c)
            throw new lite/* UserError */.yo(`'${this.settings.container}' is not a container of Deployment ${d.metadata.name} (it has ${containers.map((x) => x.name).join(', ') || 'none'}).`, { input: 'container' }, 'Name the container whose image the release sets, or leave container empty for the first one.');
        return c;
    }
    /** The object the `route` input names (`kind` as kubectl takes it, `shown` as users know it), or the route input's error. */
    async route(kind, shown) {
        const object = await this.kubectl.get(kind, this.settings.route);
        if (!object)
            throw new lite/* UserError */.yo(`${shown} ${this.settings.route} does not exist in ${this.where}.`, { input: 'route' }, `Name the ${shown} that sends traffic to Service ${this.stable}.`);
        return object;
    }
    /** Where a Deployment's rollout stands now. */
    async rollout(name) {
        const d = await this.kubectl.get('deployment', name);
        if (!d)
            return { state: 'failed', reason: `Deployment ${name} no longer exists in ${this.where}` };
        const match = d.spec.selector.matchLabels ?? {};
        // The stable's selector reaches the canary's pods too (the replicas router): they are not its own.
        const labels = [
            ...Object.entries(match).map(([k, v]) => `${k}=${v}`),
            ...(objects/* TRACK_LABEL */.l8 in match ? [] : [`!${objects/* TRACK_LABEL */.l8}`]),
        ].join(',');
        const pods = labels
            ? await this.kubectl.list('pods', labels)
            : [];
        return rolloutOf(d, pods);
    }
    /**
     * Waits until a Deployment's rollout is done: ready, failed at its progress deadline, or not done
     * by `timeoutMs` (then failed, with what it was waiting for).
     */
    async waitRollout(name, timeoutMs, signal) {
        const end = this.clock.monotonic() + timeoutMs;
        for (;;) {
            const r = await this.rollout(name);
            if (r.state !== 'progressing')
                return r;
            if (signal?.aborted)
                return { state: 'failed', reason: 'the run was cancelled' };
            if (this.clock.monotonic() >= end)
                return {
                    state: 'failed',
                    reason: `Deployment ${name} was not ready within ${Math.round(timeoutMs / 1000)} s: ${r.detail}`,
                };
            await this.clock.sleep(Math.min(POLL_MS, Math.max(0, end - this.clock.monotonic())));
        }
    }
    /** The stable Deployment's full size: the replicas input, else what the canary noted at its start, else its own. */
    async fullSize() {
        if (this.settings.replicas !== undefined)
            return this.settings.replicas;
        const noted = Number((await this.deployment(this.canary))?.metadata.annotations?.[STABLE_REPLICAS_ANNOTATION]);
        if (Number.isInteger(noted) && noted > 0)
            return noted;
        return (await this.deployment(this.stable))?.spec.replicas ?? 1;
    }
    /** Sets the canary Deployment's size, applying slipway's whole intent for it again (nothing when it is gone). */
    async scaleCanary(replicas) {
        const live = await this.deployment(this.canary);
        if (!live || live.spec.replicas === replicas)
            return;
        const intent = (0,objects/* intentOf */.oQ)(live);
        await this.kubectl.apply({ ...intent, spec: { ...intent.spec, replicas } });
    }
    /**
     * Sizes the canary for a share of the traffic a route sends it (the mesh routers, whose stable
     * keeps its full size): its share of the stable's full count, rounded up, at least 1 pod, and
     * waits until they are ready — so that the route never sends 50% to pods sized for 10%.
     */
    async sizeCanaryFor(weight) {
        const pods = Math.max(1, Math.ceil(((await this.fullSize()) * weight) / 100));
        await this.scaleCanary(pods);
        await this.mustRollOut(this.canary, `the canary did not become ready at ${pods} pods`);
    }
    /** Waits for a rollout and throws when it fails: a router cannot go on with the step. */
    async mustRollOut(name, what) {
        const r = await this.waitRollout(name, ROLLOUT_WAIT_MS);
        if (r.state !== 'ready')
            throw new Error(`${what}: ${r.reason}`);
    }
    /** A server-side apply of `replicas` alone on the user's stable Deployment (slipway takes that field). */
    async scaleStable(replicas) {
        await this.kubectl.apply({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: this.stable }, spec: { replicas } }, { force: true, manager: kubectl/* REPLICAS_MANAGER */.OO });
    }
}
/** The short digest of an image reference: what tells two releases of one tag apart in their ids. */
function imageDigest(image) {
    const pinned = /@(sha256:[0-9a-f]{64})$/.exec(image);
    return pinned ? pinned[1] : `sha256:${(0,external_node_crypto_.createHash)('sha256').update(image).digest('hex')}`;
}
/** The version an image reference shows: its tag, else its digest's first 12 hex, else `latest`. */
function imageVersion(image) {
    const noDigest = image.replace(/@sha256:[0-9a-f]{64}$/, '');
    const tag = /:([\w][\w.-]{0,127})$/.exec(noDigest.slice(noDigest.lastIndexOf('/') + 1));
    if (tag)
        return tag[1];
    const pinned = /@sha256:([0-9a-f]{12})/.exec(image);
    return pinned ? pinned[1] : 'latest';
}
/** A release's id: `<version>-<first 12 hex of the image digest>`, as for an artifact. */
function imageReleaseId(image, version) {
    return `${version}-${imageDigest(image).slice('sha256:'.length, 'sha256:'.length + 12)}`;
}


/***/ }),

/***/ 31572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QY: () => (/* binding */ trafficNames),
/* harmony export */   Z2: () => (/* binding */ trafficFor)
/* harmony export */ });
/* unused harmony export registerTraffic */
const factories = new Map();
/** Adds a router under its name (each file under routers/ is loaded only when its name is asked for). */
function registerTraffic(name, load) {
    factories.set(name, load);
}
/** The names of the kubernetes routers, for the `router` input's errors and docs. */
function trafficNames() {
    return [...factories.keys()].sort();
}
/** The router the `router` input names (checked against trafficNames when the settings are parsed). */
async function trafficFor(target) {
    const load = factories.get(target.settings.router);
    if (!load)
        throw new Error(`no kubernetes router '${target.settings.router}'`);
    return (await load())(target);
}
registerTraffic('replicas', async () => (await __webpack_require__.e(/* import() */ 8367).then(__webpack_require__.bind(__webpack_require__, 78367))).replicasTraffic);
registerTraffic('gateway-api', async () => (await __webpack_require__.e(/* import() */ 277).then(__webpack_require__.bind(__webpack_require__, 30277))).gatewayApiTraffic);
registerTraffic('ingress-nginx', async () => (await __webpack_require__.e(/* import() */ 8718).then(__webpack_require__.bind(__webpack_require__, 48718))).ingressNginxTraffic);
registerTraffic('istio', async () => (await __webpack_require__.e(/* import() */ 1847).then(__webpack_require__.bind(__webpack_require__, 31847))).istioTraffic);


/***/ }),

/***/ 47021:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JZ: () => (/* binding */ parseListen),
/* harmony export */   Vu: () => (/* binding */ formatListen),
/* harmony export */   a2: () => (/* binding */ DEFAULT_LISTEN),
/* harmony export */   dJ: () => (/* binding */ listenMatches)
/* harmony export */ });
/* harmony import */ var _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(36740);
// The `listen` input of the local router: where the proxy's front door is, as host:port.

/** Where the front door listens when `listen` is not given. */
const DEFAULT_LISTEN = '127.0.0.1:8080';
/** Splits `host:port` (`[::1]:8080` for IPv6); a malformed one is the `listen` input's mistake. */
function parseListen(text) {
    const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(text.trim());
    const port = Number(m?.[3]);
    if (!m || port > 65535)
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`'${text}' is not an address to listen on.`, { input: 'listen' }, 'Write host:port, such as 127.0.0.1:8080.');
    return { host: m[1] ?? m[2], port };
}
/** `host:port`, with an IPv6 host in brackets. */
function formatListen(address) {
    return `${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
}
/**
 * Whether a proxy bound to `bound` is the one `wanted` asks for: port 0 takes any port, and
 * `localhost` any loopback address (the name resolves to one of them when binding).
 */
function listenMatches(wanted, bound) {
    const host = wanted.host.toLowerCase();
    const hostMatches = host === bound.host.toLowerCase() || (host === 'localhost' && ['127.0.0.1', '::1'].includes(bound.host));
    return hostMatches && (wanted.port === 0 || wanted.port === bound.port);
}


/***/ }),

/***/ 63247:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $V: () => (/* binding */ readProxyFile),
/* harmony export */   FO: () => (/* binding */ writePrivateJson),
/* harmony export */   I1: () => (/* binding */ removeProxyFileOf),
/* harmony export */   _v: () => (/* binding */ proxyFilePath),
/* harmony export */   sB: () => (/* binding */ proxyLogPath)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var valibot__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77934);
// The proxy file: how a later step or run finds the local proxy daemon of an environment, and the
// secret that lets it drive the daemon. Written only by the daemon, readable only by its user.




const proxyFileSchema = valibot__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    pid: valibot__WEBPACK_IMPORTED_MODULE_3__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(), valibot__WEBPACK_IMPORTED_MODULE_3__/* .integer */ .ndf(), valibot__WEBPACK_IMPORTED_MODULE_3__/* .minValue */ .Wwf(1)),
    environment: valibot__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    /** The bound address, host:port. */
    listen: valibot__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    frontDoor: valibot__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    admin: valibot__WEBPACK_IMPORTED_MODULE_3__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_3__/* .url */ .OZ5()),
    token: valibot__WEBPACK_IMPORTED_MODULE_3__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_3__/* .regex */ .yGV(/^[0-9a-f]{64}$/)),
    startedAt: valibot__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
});
/** The proxy file of an environment's folder. */
function proxyFilePath(envDir) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(envDir, 'proxy.json');
}
/** The daemon's log (stdout and stderr) in an environment's folder. */
function proxyLogPath(envDir) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(envDir, 'proxy.log');
}
/** The proxy file at `path`; undefined when there is none or it is not one (a torn or foreign file). */
async function readProxyFile(path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    try {
        const parsed = valibot__WEBPACK_IMPORTED_MODULE_3__/* .safeParse */ .xLC(proxyFileSchema, JSON.parse(text));
        return parsed.success ? parsed.output : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Writes `data` as JSON atomically with mode 0600 from the moment the file exists (the token must
 * never be readable by others, not even briefly): temp file, fsync, rename.
 */
async function writePrivateJson(path, data) {
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path)}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(4).toString('hex')}.tmp`);
    try {
        const fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(temp, 'wx', 0o600);
        try {
            await fh.writeFile(`${JSON.stringify(data, null, 2)}\n`);
            await fh.sync();
        }
        finally {
            await fh.close();
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(temp, path);
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(temp, { force: true });
        throw error;
    }
}
/** Removes the proxy file if it still belongs to the daemon holding `token` (a newer daemon's stays). */
async function removeProxyFileOf(path, token) {
    const current = await readProxyFile(path).catch(() => undefined);
    if (current?.token === token)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(path, { force: true });
}


/***/ }),

/***/ 99747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C$: () => (/* binding */ ensureLocalProxy),
  cQ: () => (/* binding */ localProxyStatus),
  kf: () => (/* binding */ stopLocalProxy)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: ./packages/deploy/src/ledger.ts
var ledger = __webpack_require__(26328);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/local/admin-client.ts
/** How long one admin request may take; the daemon answers from memory, so this is generous. */
const REQUEST_TIMEOUT_MS = 15_000;
/** Talks to one daemon's admin API with its token; keeps one connection open until `close`. */
class AdminClient {
    url;
    token;
    timeoutMs;
    /** undici is loaded on the first request: an action that never talks to a daemon never loads it. */
    client;
    constructor(url, token, timeoutMs = REQUEST_TIMEOUT_MS) {
        this.url = url;
        this.token = token;
        this.timeoutMs = timeoutMs;
    }
    connection() {
        const t = this.timeoutMs;
        return (this.client ??= __webpack_require__.e(/* import() */ 8142).then(__webpack_require__.t.bind(__webpack_require__, 38142, 19)).then(({ Client }) => new Client(this.url, { headersTimeout: t, bodyTimeout: t, connectTimeout: t })));
    }
    /** The daemon's routing and totals. */
    status() {
        return this.call('GET', '/v1/status');
    }
    /** Routes by these weights; resolves once the daemon routes new requests by them. */
    async setWeights(stable, canary, weight) {
        await this.call('PUT', '/v1/weights', { stable, canary, weight });
    }
    /** Per-release traffic since the previous take (by anyone). */
    async takeTraffic() {
        return new Map(Object.entries(await this.call('POST', '/v1/traffic')));
    }
    /** Asks the daemon to stop; resolves when it has answered, before it has exited. */
    async shutdown() {
        await this.call('POST', '/v1/shutdown');
    }
    /** Closes the connection; the daemon keeps running. */
    async close() {
        // A client that never connected (its construction failed) has nothing to close; that error was
        // the caller's already, and must not be hidden by this one.
        const client = await this.client?.catch(() => undefined);
        await client?.close();
    }
    async call(method, path, body) {
        const res = await (await this.connection()).request({
            method,
            path,
            headers: {
                authorization: `Bearer ${this.token}`,
                ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            body: body === undefined ? null : JSON.stringify(body),
        });
        const text = await res.body.text();
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch {
            parsed = undefined;
        }
        if (res.statusCode !== 200) {
            const detail = parsed?.error;
            throw new Error(`the local proxy's admin API refused ${method} ${path} (${res.statusCode}${typeof detail === 'string' ? `: ${detail}` : ''})`);
        }
        if (parsed === undefined)
            throw new Error(`the local proxy's admin API answered ${method} ${path} with no JSON`);
        return parsed;
    }
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/local/daemon-protocol.ts
// What the process that starts the local proxy daemon and the daemon agree on. Kept apart from
// daemon.ts so that starting a daemon (spawn.ts) does not load the proxy itself, and undici with it.
/** The value of SLIPWAY_DAEMON that makes a slipway entry point run this daemon instead. */
const LOCAL_PROXY_DAEMON = 'local-proxy';

// EXTERNAL MODULE: ./packages/deploy/src/providers/local/listen.ts
var local_listen = __webpack_require__(47021);
// EXTERNAL MODULE: ./packages/deploy/src/providers/local/proxy-file.ts
var proxy_file = __webpack_require__(63247);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/local/spawn.ts
// Finds or starts the local proxy daemon of an environment (daemon.ts), and stops it for
// `slipway down`. The proxy file in the environment's state folder is how runs find the daemon; its
// admin API answering with the file's token is what proves the daemon is alive and is that one.











/** How long a new daemon has to report that it listens (tsx or a cold disk can be slow on a busy runner). */
const START_TIMEOUT_MS = 15_000;
/** How long a daemon found in a proxy file has to answer before it counts as dead. */
const PROBE_TIMEOUT_MS = 10_000;
const POLL_MS = 50;
/** Returns the environment's running proxy daemon, starting one when none answers. */
async function ensureLocalProxy(context) {
    const listen = context.settings.listen?.trim() || local_listen/* DEFAULT_LISTEN */.a2;
    const wanted = (0,local_listen/* parseListen */.JZ)(listen);
    const dir = (0,external_node_path_.resolve)((0,ledger/* environmentDir */.Fw)(context.stateDir, context.environment));
    await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o700 });
    const running = await findRunning(dir, context.environment);
    if (running)
        return reuse(running, wanted, listen);
    return startDaemon(context, dir, listen, wanted);
}
/** The environment's daemon's status, or undefined when none runs. */
async function localProxyStatus(stateDir, environment) {
    const found = await (0,proxy_file/* readProxyFile */.$V)((0,proxy_file/* proxyFilePath */._v)((0,ledger/* environmentDir */.Fw)(stateDir, environment)));
    if (!found)
        return undefined;
    const client = new AdminClient(found.admin, found.token, PROBE_TIMEOUT_MS);
    try {
        const status = await client.status();
        return status.environment === environment ? status : undefined;
    }
    catch {
        return undefined;
    }
    finally {
        await client.close();
    }
}
/** Stops the environment's daemon and removes its proxy file; does nothing when none runs. */
async function stopLocalProxy(stateDir, environment, { timeoutMs = 10_000 } = {}) {
    const file = (0,proxy_file/* proxyFilePath */._v)((0,external_node_path_.resolve)((0,ledger/* environmentDir */.Fw)(stateDir, environment)));
    const found = await (0,proxy_file/* readProxyFile */.$V)(file);
    if (!found)
        return;
    const deadline = Date.now() + timeoutMs;
    let ours = false;
    const client = new AdminClient(found.admin, found.token, Math.min(timeoutMs, PROBE_TIMEOUT_MS));
    try {
        ours = (await client.status()).pid === found.pid;
        if (ours)
            await client.shutdown();
    }
    catch {
        // Not answering: dead, or hung; the process check below tells which.
    }
    finally {
        await client.close();
    }
    // Signals only go to a pid proven to be this daemon: after a reboot the number may be anyone's.
    if (ours || (await isDaemonOf(found.pid, file))) {
        const graceful = Date.now() + timeoutMs / 2;
        if (!(await waitGone(found.pid, graceful))) {
            signal(found.pid, 'SIGTERM');
            if (!(await waitGone(found.pid, deadline))) {
                signal(found.pid, 'SIGKILL');
                await waitGone(found.pid, Date.now() + 2000);
            }
        }
    }
    await (0,proxy_file/* removeProxyFileOf */.I1)(file, found.token);
}
/** The daemon the proxy file names, if it answers as that daemon; a stale proxy file is removed. */
async function findRunning(dir, environment) {
    const path = (0,proxy_file/* proxyFilePath */._v)(dir);
    const file = await (0,proxy_file/* readProxyFile */.$V)(path);
    if (!file)
        return undefined;
    const client = new AdminClient(file.admin, file.token, PROBE_TIMEOUT_MS);
    try {
        const status = await client.status();
        if (status.environment === environment && status.pid === file.pid)
            return { file, client };
    }
    catch {
        // Nothing answers (or something else does): the daemon is gone.
    }
    await client.close();
    await (0,proxy_file/* removeProxyFileOf */.I1)(path, file.token);
    return undefined;
}
async function reuse(running, wanted, listen) {
    const { file, client } = running;
    if (!(0,local_listen/* listenMatches */.dJ)(wanted, (0,local_listen/* parseListen */.JZ)(file.listen))) {
        await client.close();
        throw new lite/* UserError */.yo(`slipway's proxy for ${file.environment} already runs on ${file.listen} (pid ${file.pid}), not on ${listen}.`, { input: 'listen' }, `Set listen to ${file.listen}, or stop that proxy with \`slipway down\` first.`);
    }
    return { frontDoor: file.frontDoor, admin: client, pid: file.pid, reused: true };
}
/** The command that runs this program again: the same node, flags and entry script. */
function defaultSelfCommand() {
    return [process.execPath, ...process.execArgv, ...(process.argv[1] ? [process.argv[1]] : [])];
}
/**
 * What the daemon inherits: no runner credentials, no action inputs (it outlives the job, and
 * inputs may hold secrets), and no RUNNER_TRACKING_ID, by which the runner ends the job's processes.
 */
function daemonEnv(context, settings) {
    const base = context.env ?? process.env;
    const env = (0,lite/* withoutRunnerCredentials */.DV)({ ...base });
    delete env.RUNNER_TRACKING_ID;
    for (const name of Object.keys(env))
        if (name.startsWith('INPUT_'))
            delete env[name];
    const testRun = base.SLIPWAY_TEST_RUN ?? process.env.SLIPWAY_TEST_RUN;
    return { ...env, ...(testRun ? { SLIPWAY_TEST_RUN: testRun } : {}), ...settings };
}
async function startDaemon(context, dir, listen, wanted) {
    const stateFile = (0,proxy_file/* proxyFilePath */._v)(dir);
    const handshakeFile = (0,external_node_path_.join)(dir, `.proxy-handshake-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.json`);
    const env = daemonEnv(context, {
        SLIPWAY_DAEMON: LOCAL_PROXY_DAEMON,
        SLIPWAY_STATE_FILE: stateFile,
        SLIPWAY_LISTEN: listen,
        SLIPWAY_ENVIRONMENT: context.environment,
        SLIPWAY_HANDSHAKE_FILE: handshakeFile,
    });
    const [command, ...args] = context.selfCommand ?? defaultSelfCommand();
    if (!command)
        throw new Error('selfCommand is empty');
    const log = await (0,promises_.open)((0,proxy_file/* proxyLogPath */.sB)(dir), 'a', 0o600);
    let child;
    try {
        // Detached: a session of its own, so the job's end (or a Ctrl-C) does not reach it.
        child = (0,external_node_child_process_.spawn)(command, args, { detached: true, stdio: ['ignore', log.fd, log.fd], env });
    }
    finally {
        await log.close();
    }
    let exit;
    child.once('exit', (code, sig) => (exit = sig ? `signal ${sig}` : `exit code ${code}`));
    child.once('error', (error) => (exit = error.message));
    child.unref();
    try {
        const answer = await awaitHandshake(handshakeFile, () => exit);
        if (!answer) {
            if (exit === undefined)
                child.kill('SIGKILL');
            throw new Error(`the local proxy daemon ${exit ? `ended (${exit})` : 'did not start in time'}; the end of ${(0,proxy_file/* proxyLogPath */.sB)(dir)}:\n${await logTail(dir)}`);
        }
        if ('error' in answer) {
            await waitExited(child, () => exit);
            return await startFailed(answer.error, context, dir, listen, wanted);
        }
    }
    finally {
        await (0,promises_.rm)(handshakeFile, { force: true });
    }
    const file = await (0,proxy_file/* readProxyFile */.$V)(stateFile);
    if (!file)
        throw new Error(`the local proxy daemon started but wrote no ${stateFile}`);
    return { frontDoor: file.frontDoor, admin: new AdminClient(file.admin, file.token), pid: file.pid, reused: false };
}
async function awaitHandshake(path, ended) {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
        // Read before checking for the end: the daemon writes the file, then exits.
        const done = ended() !== undefined;
        const text = await (0,promises_.readFile)(path, 'utf8').catch(() => undefined);
        if (text !== undefined)
            return JSON.parse(text);
        if (done || Date.now() > deadline)
            return undefined;
        await sleep(POLL_MS);
    }
}
/** Maps a daemon that could not listen to what the user can do about it. */
async function startFailed(error, context, dir, listen, wanted) {
    if (error.code === 'EADDRINUSE') {
        // Another run may have started this environment's daemon in the meantime.
        const running = await findRunning(dir, context.environment);
        if (running)
            return reuse(running, wanted, listen);
        const other = await otherEnvironmentOn(context.stateDir, wanted);
        if (other)
            throw new lite/* UserError */.yo(`${listen} is already in use by slipway's proxy for the environment ${other}.`, { input: 'listen' }, 'Each environment needs an address of its own: choose another one.');
        throw new lite/* UserError */.yo(`${listen} is already in use by something that is not slipway's proxy.`, { input: 'listen' }, 'Stop what listens there, or choose another address.');
    }
    if (['EADDRNOTAVAIL', 'ENOTFOUND', 'EAI_AGAIN', 'EACCES'].includes(error.code))
        throw new lite/* UserError */.yo(`cannot listen on ${listen} (${error.code}).`, { input: 'listen' }, 'Choose an address of this machine and a port you may bind.');
    throw new Error(`the local proxy daemon could not start: ${error.message}`);
}
/** The environment whose proxy file claims the address, for a clearer message than "in use". */
async function otherEnvironmentOn(stateDir, wanted) {
    const entries = await (0,promises_.readdir)(stateDir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
        if (!entry.isDirectory())
            continue;
        const file = await (0,proxy_file/* readProxyFile */.$V)((0,proxy_file/* proxyFilePath */._v)((0,external_node_path_.join)(stateDir, entry.name))).catch(() => undefined);
        if (file && wanted.port !== 0 && (0,local_listen/* listenMatches */.dJ)(wanted, (0,local_listen/* parseListen */.JZ)(file.listen)) && isAlive(file.pid))
            return file.environment;
    }
    return undefined;
}
async function logTail(dir) {
    const text = await (0,promises_.readFile)((0,proxy_file/* proxyLogPath */.sB)(dir), 'utf8').catch(() => '');
    return text.slice(-2000).trimEnd() || '(empty)';
}
async function waitExited(child, ended) {
    const deadline = Date.now() + 5000;
    while (ended() === undefined && Date.now() < deadline)
        await sleep(POLL_MS);
    if (ended() === undefined)
        child.kill('SIGKILL');
}
/** Whether `pid` is alive and is the daemon of `stateFile` (Linux only; elsewhere it cannot tell, so no). */
async function isDaemonOf(pid, stateFile) {
    const environ = await (0,promises_.readFile)(`/proc/${pid}/environ`, 'utf8').catch(() => '');
    const vars = environ.split('\0');
    return vars.includes(`SLIPWAY_DAEMON=${LOCAL_PROXY_DAEMON}`) && vars.includes(`SLIPWAY_STATE_FILE=${stateFile}`);
}
function isAlive(pid) {
    try {
        process.kill(pid, 0);
    }
    catch (error) {
        return error.code === 'EPERM';
    }
    return !isZombie(pid);
}
/** An ended process its parent has not reaped yet (possible when PID 1 of a container never reaps). */
function isZombie(pid) {
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
    }
    catch {
        return false;
    }
}
async function waitGone(pid, deadline) {
    while (isAlive(pid)) {
        if (Date.now() > deadline)
            return false;
        await sleep(POLL_MS);
    }
    return true;
}
function signal(pid, name) {
    try {
        process.kill(pid, name);
    }
    catch {
        // Already gone.
    }
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}


/***/ }),

/***/ 69486:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ stdoutLogger)
/* harmony export */ });
/* harmony import */ var _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(36740);
// The log of a router the registry hands no logger: workflow-command lines on stdout, as the
// runner reads them, with credentials redacted.

/** The runner's log without @actions/core (domain packages do not load it): the lines it would write. */
const stdoutLogger = {
    debug: () => { },
    info: (message) => void process.stdout.write(`${(0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .commandSafe */ .JV)((0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .redactCredentials */ .UY)(message))}\n`),
    warning: (message) => void process.stdout.write(`::warning::${(0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .escapeCommandData */ .V9)((0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .redactCredentials */ .UY)(message))}\n`),
    error: (message) => void process.stdout.write(`::error::${(0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .escapeCommandData */ .V9)((0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .redactCredentials */ .UY)(message))}\n`),
};


/***/ }),

/***/ 14639:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

// What the bundles load for `@actions/http-client` (tsconfig.json's paths; see ../README.md).

let real;
// A relative path: the package's exports map does not list this file, and the name itself is mapped here.
const load = () => (real ??= __webpack_require__(44942));
for (const name of [
  'HttpCodes',
  'Headers',
  'MediaTypes',
  'getProxyUrl',
  'HttpClientError',
  'HttpClientResponse',
  'isHttps',
  'HttpClient',
])
  Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });


/***/ }),

/***/ 4503:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

// What the bundles load for `undici` (tsconfig.json's paths; see ../README.md). undici is the
// largest thing @actions/core pulls in (through @actions/http-client), and no action needs it to
// start: here it is imported on first use, from a chunk of its own. What reaches this name:
// - @actions/http-client: `new ProxyAgent(options)` when a proxy is set, a dispatcher it hands to
//   @actions/github, which passes it to `fetch`;
// - @actions/github: `fetch`.
// So ProxyAgent is a placeholder holding its options, and `fetch` loads undici and builds the real
// agent from them. slipway's own code imports `undici/index.js`, which is not mapped.


let loading;
const undici = () => (loading ??= __webpack_require__.e(/* import() */ 6752).then(__webpack_require__.t.bind(__webpack_require__, 24371, 19)));

/** Stands for undici's ProxyAgent until `fetch` is called with it. */
class ProxyAgent {
  constructor(options) {
    this.lazyOptions = options;
  }
}

/** One real agent per placeholder, so a client's connections are reused. */
const agents = new WeakMap();

async function fetch(input, init) {
  const real = await undici();
  const dispatcher = init?.dispatcher;
  if (!(dispatcher instanceof ProxyAgent)) return real.fetch(input, init);
  let agent = agents.get(dispatcher);
  if (!agent) agents.set(dispatcher, (agent = new real.ProxyAgent(dispatcher.lazyOptions)));
  return real.fetch(input, { ...init, dispatcher: agent });
}

module.exports = { ProxyAgent, fetch };


/***/ })

};
