export const id = 5379;
export const ids = [5379];
export const modules = {

/***/ 55379:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createHaproxyRouter: () => (/* binding */ createHaproxyRouter)
});

// EXTERNAL MODULE: external "node:dns/promises"
var promises_ = __webpack_require__(71553);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/haproxy/plan.ts
// The order of runtime API steps that moves the two slots from what HAProxy holds to what a step
// asks for. Each command takes effect on its own, so every state between two commands is live
// traffic; the order keeps each of those states safe:
// - a slot changes address only in maintenance, once no request is in flight on it: HAProxy drops
//   a server's idle connections when its address changes, but a connection still in use goes back
//   to the pool afterwards and would carry the next release's requests to the old address;
// - a slot is given its address (and weight) while it takes no traffic, and only then made ready,
//   so no request ever reaches the placeholder address from the configuration;
// - a serving slot that must serve another release is first taken out while the other slot
//   serves; only when nothing else serves is it re-addressed in place (weight first, then address);
// - the stable slot is settled before the canary slot, so a new canary never gets a larger share
//   than asked while the stable's weight is still on its way;
// - taking the canary out (the abort) or the old stable out (a promotion or rollback, once the
//   incoming release serves) is the very first command, one `state maint`, whenever the stable
//   slot already serves the right release; otherwise the stable comes up first, so the front door
//   never goes dark.
// Which slot plays which role is slots.ts's choice; the plan only orders the commands.
/** The steps, in order, that move the slots playing `stable` and `canary` to their targets. */
function planCommands(stable, canary) {
    // Each slot's state as the commands so far leave it.
    const now = new Map([stable, canary].map((slot) => [slot.server, { ...slot.current }]));
    const state = (slot) => now.get(slot.server);
    const out = [];
    const set = (slot, what, change) => {
        out.push({ server: slot.server, set: what });
        Object.assign(state(slot), change);
    };
    const takeOut = (slot) => {
        if (state(slot).enabled)
            set(slot, 'state maint', { enabled: false });
    };
    const bringTo = (slot, other) => {
        const { target } = slot;
        const addr = `${target.ip}:${target.port}`;
        const readdress = () => set(slot, `addr ${target.ip} port ${target.port}`, { addr });
        const weigh = () => {
            if (state(slot).weight !== target.weight)
                set(slot, `weight ${target.weight}`, { weight: target.weight });
        };
        const moves = !sameAddr(state(slot).addr, target.ip, target.port);
        if (live(state(slot)) && (!moves || !live(state(other)))) {
            // Serving already: a new weight, and a new address only when nothing else could serve meanwhile.
            weigh();
            if (moves)
                readdress();
            return;
        }
        if (moves) {
            takeOut(slot);
            out.push({ server: slot.server, untilIdle: true });
            readdress();
        }
        weigh();
        if (!state(slot).enabled)
            set(slot, 'state ready', { enabled: true });
    };
    const stableSettled = live(stable.current) &&
        stable.target.weight > 0 &&
        sameAddr(stable.current.addr, stable.target.ip, stable.target.port);
    const canaryOutFirst = canary.target.weight === 0 && (stableSettled || stable.target.weight === 0);
    if (canaryOutFirst)
        takeOut(canary);
    if (stable.target.weight > 0)
        bringTo(stable, canary);
    if (canary.target.weight > 0)
        bringTo(canary, stable);
    else if (!canaryOutFirst)
        takeOut(canary);
    if (stable.target.weight === 0)
        takeOut(stable);
    return out;
}
/** True when the slot takes new requests. */
function live(s) {
    return s.enabled && s.weight > 0;
}
/** True when `show stat`'s `addr` (`1.2.3.4:80`; IPv6 with or without brackets) is ip:port. */
function sameAddr(addr, ip, port) {
    return plainAddr(addr) === `${ip}:${port}`;
}
/** `ip:port` without the brackets `show stat` puts around an IPv6 address. */
function plainAddr(addr) {
    return addr.replace(/^\[(.*)\]:(\d+)$/, '$1:$2');
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/haproxy/runtime-api.ts
// A client for HAProxy's runtime API on its admin socket (`stats socket <path> level admin`).
// One command per connection: without `prompt`, HAProxy answers and closes, so the answer is
// everything read until close and no framing has to be guessed.


/** The input every socket problem is reported against. */
const INPUT = 'haproxy-socket';
/** Longer answers are refused: `show stat` for one backend is a few kilobytes. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
const SOCKET_HINT = "Point it at HAProxy's admin socket: `stats socket <path> level admin` in the global section.";
/** A connection-per-command client for one runtime API socket. */
class RuntimeApi {
    socketPath;
    timeoutMs;
    constructor(socketPath, options = {}) {
        this.socketPath = socketPath;
        this.timeoutMs = options.timeoutMs ?? 10_000;
    }
    /** Sends one command and resolves with HAProxy's whole answer, trailing blank lines removed. */
    send(command) {
        // A newline or `;` inside would smuggle a second command onto the socket.
        if (/[\r\n;]/.test(command))
            throw new Error(`runtime API command holds a separator: ${JSON.stringify(command)}`);
        return new Promise((resolve, reject) => {
            const chunks = [];
            let size = 0;
            const socket = (0,external_node_net_.createConnection)({ path: this.socketPath });
            const fail = (err) => {
                socket.destroy();
                reject(err);
            };
            socket.setTimeout(this.timeoutMs, () => fail(new lite/* UserError */.yo(`${this.socketPath} did not answer '${command.split(' ').slice(0, 2).join(' ')}' within ${this.timeoutMs} ms.`, { input: INPUT }, SOCKET_HINT)));
            socket.on('connect', () => socket.end(`${command}\n`));
            socket.on('data', (chunk) => {
                size += chunk.length;
                if (size > MAX_ANSWER_BYTES)
                    return fail(new Error(`HAProxy's answer to '${command}' passed ${MAX_ANSWER_BYTES} bytes`));
                chunks.push(chunk);
            });
            socket.on('error', (err) => fail(socketError(this.socketPath, err)));
            socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8').replace(/\s+$/, '')));
        });
    }
}
/** What a connection failure means to the user who named the socket. */
function socketError(path, err) {
    const why = {
        ENOENT: 'does not exist',
        ECONNREFUSED: 'exists but nothing listens on it (is HAProxy running?)',
        ENOTSOCK: 'is not a socket',
        EACCES: 'cannot be opened by this user',
        ENOTDIR: 'does not exist',
        // Something listens but hung up on the command: not a runtime API socket.
        EPIPE: 'hung up without answering',
        ECONNRESET: 'hung up without answering',
    };
    const reason = err.code ? why[err.code] : undefined;
    if (reason)
        return new lite/* UserError */.yo(`${path} ${reason}.`, { input: INPUT }, SOCKET_HINT);
    return err;
}
/** Parses `show stat` CSV: a header line starting with `# `, then one row per proxy or server. */
function parseStatCsv(text) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const header = lines[0];
    if (header === undefined || !header.startsWith('# '))
        throw new Error(`not 'show stat' CSV: ${text.slice(0, 80)}`);
    const names = header.slice(2).split(',');
    // Stat fields hold no commas (names are identifiers, `addr` is ip:port), so a plain split is exact.
    return lines.slice(1).map((line) => {
        const cells = line.split(',');
        const record = {};
        names.forEach((name, i) => {
            if (name !== '' && name !== '-')
                record[name] = cells[i] ?? '';
        });
        return record;
    });
}

// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/valibot/dist/index.mjs
var dist = __webpack_require__(77934);
// EXTERNAL MODULE: ./packages/deploy/src/ledger.ts
var ledger = __webpack_require__(26328);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/haproxy/slot-file.ts
// Which release each server of the backend serves, kept beside the ledger as `haproxy-slots.json`.
// HAProxy knows addresses, not releases: the file lets a later run (a resumed canary, a rollback)
// credit each server's traffic to the right release and tell apart two servers at one address.
// HAProxy stays the authority: an entry counts only while its address is still the server's.





const slot_file_text = dist/* pipe */.FsL(dist/* string */.YjP(), dist/* maxLength */.Ru6(200));
const slotFileSchema = dist/* object */.Ikc({
    backend: slot_file_text,
    /** By server name: the release it serves and the `ip:port` it was given for it. */
    servers: dist/* record */.g1P(slot_file_text, dist/* object */.Ikc({ release: slot_file_text, addr: slot_file_text })),
});
/** Where an environment's slot file lives. */
function slotFilePath(stateDir, environment) {
    return (0,external_node_path_.join)((0,ledger/* environmentDir */.Fw)(stateDir, environment), 'haproxy-slots.json');
}
/** The releases recorded for `backend`'s servers; an absent, unreadable or other backend's file records none. */
async function readSlotFile(path, backend) {
    try {
        const parsed = dist/* safeParse */.xLC(slotFileSchema, JSON.parse(await (0,external_node_fs_promises_.readFile)(path, 'utf8')));
        return parsed.success && parsed.output.backend === backend ? parsed.output.servers : {};
    }
    catch {
        return {};
    }
}
/** Replaces the file in one step, so a crash leaves the old one or the new one. */
async function writeSlotFile(path, file) {
    await (0,lite/* writeFileAtomic */.Zf)(path, `${JSON.stringify(file, null, 2)}\n`);
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/haproxy/slots.ts
// Which of the backend's two servers serves which release. A release that a server already points
// at stays there; an incoming release goes to the server that serves least (one in maintenance
// first), so the release it replaces keeps its own server, and its connections, until the weights
// have moved past it. Re-addressing the serving server instead would let HAProxy carry requests on
// over connections it already holds to the replaced release. The servers' names are only names:
// after a promotion the server called `canary` may well serve the stable release.

/** Chooses a server for each role: releases already in a server keep it, incoming ones take the least-serving one. */
function assignRoles(slots, stable, canary) {
    const chosen = {};
    const free = () => slots.filter((s) => s !== chosen.stable && s !== chosen.canary);
    const roles = [
        ['stable', stable],
        ['canary', canary],
    ];
    // Only a release that is to serve claims a server by address: one that goes out claims nothing.
    for (const [role, release] of roles) {
        if (!release || release.weight === 0)
            continue;
        const holding = free().filter((s) => sameAddr(s.state.addr, release.ip, release.port));
        chosen[role] = holding.sort(byHolding(release.id))[0];
    }
    for (const [role, release] of roles)
        if (!chosen[role] && release && release.weight > 0)
            chosen[role] = free().sort(byLeastServing(role))[0];
    for (const [role] of roles)
        if (!chosen[role])
            chosen[role] = free().sort(byLeastServing(role))[0];
    return { stable: chosen.stable.server, canary: chosen.canary.server };
}
/** Of two servers at a release's address: the one recorded as serving it, then the serving one. */
function byHolding(id) {
    const rank = (s) => (s.recorded === id ? 0 : 2) + (live(s.state) ? 0 : 1);
    return (a, b) => rank(a) - rank(b);
}
/** In maintenance before serving, then the smaller weight; on a tie, the server named after the role. */
function byLeastServing(role) {
    const rank = (s) => (live(s.state) ? 2 + s.state.weight : s.state.enabled ? 1 : 0);
    return (a, b) => rank(a) - rank(b) || Number(b.server === role) - Number(a.server === role);
}
/**
 * Which release each server serves once the step is done: the release of its role, when that one
 * is to serve or (going out) is still at the server's address. Servers serving none are left out.
 */
function holdersAfter(slots, roles, wanted) {
    const holders = new Map();
    for (const role of ['stable', 'canary']) {
        const release = wanted[role];
        const slot = slots.find((s) => s.server === roles[role]);
        if (!release || !slot)
            continue;
        if (release.weight > 0 || sameAddr(slot.state.addr, release.ip, release.port))
            holders.set(slot.server, { release: release.id, addr: `${release.ip}:${release.port}` });
    }
    return holders;
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/haproxy/traffic.ts
/** The counters of a `show stat` row (empty fields, as in TCP mode, count as 0). */
function countersOf(row) {
    const n = (field) => Number(row[field] || 0) || 0;
    return { requests: n('stot'), errors: n('hrsp_5xx') + n('econ') + n('eresp'), meanMs: n('rtime') };
}
/** Per-release traffic since the last `take()`, built from successive readings of the slots. */
class TrafficLedger {
    baseline = new Map();
    holder = new Map();
    asked = new Set();
    pending = new Map();
    /** Credits what each slot served since the previous reading to the release holding it. */
    settle(reading) {
        for (const [slot, now] of reading) {
            const before = this.baseline.get(slot);
            this.baseline.set(slot, now);
            const release = this.holder.get(slot);
            if (!before || !release)
                continue;
            // Counters fall only when HAProxy restarted: then everything since the restart is new.
            const reset = now.requests < before.requests || now.errors < before.errors;
            const requests = reset ? now.requests : now.requests - before.requests;
            const errors = Math.min(requests, reset ? now.errors : now.errors - before.errors);
            const sample = this.pending.get(release) ?? { requests: 0, errors: 0, latenciesMs: [] };
            sample.requests += requests;
            sample.errors += errors;
            // HAProxy keeps only a moving mean, so each reading adds that one approximate figure.
            if (requests > errors && now.meanMs > 0)
                sample.latenciesMs.push(now.meanMs);
            this.pending.set(release, sample);
        }
    }
    /** Records which release a slot now serves (after settling the previous holder's counts). */
    assign(slot, release) {
        if (release === undefined)
            this.holder.delete(slot);
        else
            this.holder.set(slot, release);
    }
    /** Names the releases the last step asked for: each is reported, with zeros if no slot served it. */
    report(releases) {
        this.asked = new Set(releases);
    }
    /** The traffic gathered since the last call, or undefined while no slot has a known release and no step named one. */
    take() {
        if (this.holder.size === 0 && this.pending.size === 0 && this.asked.size === 0)
            return undefined;
        const taken = this.pending;
        this.pending = new Map();
        for (const release of [...this.holder.values(), ...this.asked])
            if (!taken.has(release))
                taken.set(release, { requests: 0, errors: 0, latenciesMs: [] });
        return taken;
    }
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/haproxy/router.ts
// The `haproxy` traffic router: moves the weights of two server slots in a backend the user's own
// HAProxy configuration declares, through the runtime API, with no reload.
//
// The slot convention. The backend named by `haproxy-backend` holds two servers named `stable` and
// `canary`, each declared with a placeholder address, weight 0 and in maintenance:
//
//     backend app
//       balance roundrobin            # any dynamic algorithm; static-rr and map-based hashes refuse weights
//       server stable 127.0.0.1:1 weight 0 disabled
//       server canary 127.0.0.1:1 weight 0 disabled
//
// and `stats socket /run/haproxy/admin.sock level admin` in `global` (`haproxy-socket` names it).
// The router gives each slot its release's address, weight and state at run time; weights are
// percentages (stable 100-w, canary w). A slot is declared with a port so the port can be changed.
// Server options on the lines (`check`, `ssl`, `maxconn`) stay the user's and apply to every release.
// Runtime changes last until HAProxy restarts or reloads; keep them across reloads with
// `server-state-file` and `load-server-state-from-file global`.
//
// A release moves by changing servers, never by re-addressing the server that serves: `set server
// … addr` drops only the server's idle connections, and those in use at that moment (under steady
// keep-alive traffic, nearly all) go back to its pool and keep carrying requests to the replaced
// release until it stops. An incoming release (the promoted canary, the restored release of a
// rollback) is set up in the other server while that one is in maintenance, then takes the weight,
// and the server it leaves goes to maintenance. So the server named `canary` may serve the stable
// release: slots.ts chooses, and haproxy-slots.json in the environment's state folder records which
// release each server serves. Not covered: HAProxy 2.6 keeps a client's *private* server connections
// (`http-reuse never`, NTLM) even across an address change in maintenance, so with those the next
// release set up in a server can still reach the one it held before; leave `http-reuse` at `safe`.








/** The server names the backend must declare (`stable` and `canary` by convention; either may serve either role). */
const SLOTS = { stable: 'stable', canary: 'canary' };
const CONVENTION_HINT = `Declare 'server ${SLOTS.stable} 127.0.0.1:1 weight 0 disabled' and ` +
    `'server ${SLOTS.canary} 127.0.0.1:1 weight 0 disabled' in that backend.`;
/** HAProxy's error answers, mapped to what the user can fix. */
const ANSWERS = [
    { pattern: /^No such (proxy|backend)/, input: 'haproxy-backend', message: 'is not a backend HAProxy runs.' },
    { pattern: /^No such server/, input: 'haproxy-backend', message: 'lacks a slipway slot.', hint: CONVENTION_HINT },
    {
        pattern: /static LB algorithm/,
        input: 'haproxy-backend',
        message: 'uses a static balance algorithm, which ignores weight changes.',
        hint: "Use 'balance roundrobin' (or leastconn, random, or a consistent hash).",
    },
    {
        pattern: /^Permission denied/,
        input: 'haproxy-socket',
        message: 'is not an admin socket, so it may not change servers.',
        hint: "Declare it with 'level admin'.",
    },
];
/** Sends a command and returns its answer, turning HAProxy's refusals into errors. */
async function run(api, command, ok) {
    const answer = await api.send(command);
    if (ok(answer))
        return answer;
    const known = ANSWERS.find((a) => a.pattern.test(answer));
    if (known)
        throw new lite/* UserError */.yo(`'${command}': ${known.message} (HAProxy: ${firstLine(answer)})`, { input: known.input }, known.hint);
    throw new Error(`HAProxy refused '${command}': ${firstLine(answer)}`);
}
function firstLine(text) {
    return text.split('\n', 1)[0].slice(0, 200) || '(no answer)';
}
/** A required setting, trimmed; a missing one is a UserError naming it. */
function setting(settings, name) {
    const value = settings[name]?.trim() ?? '';
    if (value === '')
        throw new lite/* UserError */.yo('is required by the haproxy provider.', { input: name });
    return value;
}
/** Refuses a socket below level admin up front, before a step half-applies and then meets `Permission denied`. */
async function checkAdmin(api) {
    const level = await api.send('show cli level');
    if (level === 'admin')
        return;
    if (level === 'user' || level === 'operator')
        throw new lite/* UserError */.yo(`${api.socketPath} is at level ${level}, so it may not change servers.`, { input: 'haproxy-socket' }, "Declare it with 'level admin' (or point this input at a socket that is).");
    throw new lite/* UserError */.yo(`${api.socketPath} does not answer like HAProxy's runtime API (it said: ${firstLine(level)}).`, { input: 'haproxy-socket' }, "Point it at HAProxy's admin socket (HAProxy 2.0 or later): 'stats socket <path> level admin'.");
}
/** The `show stat` rows of the two slots, keyed by server name. */
async function readSlots(api, backend) {
    const answer = await run(api, `show stat ${backend} 4 -1`, (a) => a.startsWith('# '));
    const rows = new Map(parseStatCsv(answer).map((r) => [r.svname ?? '', r]));
    for (const slot of Object.values(SLOTS))
        if (!rows.has(slot))
            throw new lite/* UserError */.yo(`'${backend}' has no server '${slot}' (it has: ${[...rows.keys()].join(', ') || 'none'}).`, { input: 'haproxy-backend' }, CONVENTION_HINT);
    return rows;
}
function stateOf(row) {
    return {
        enabled: !(row.status ?? '').startsWith('MAINT'),
        weight: Number(row.uweight || row.weight || 0),
        addr: row.addr ?? '',
    };
}
function countersByServer(rows) {
    return new Map([...rows].map(([server, row]) => [server, countersOf(row)]));
}
/** Where a release's upstream points, as the IP and port `set server … addr` takes. */
async function addressOf(release) {
    let url;
    try {
        url = new URL(release.upstream);
    }
    catch {
        throw new lite/* UserError */.yo(`release ${release.id} has upstream '${release.upstream}', which is not a URL.`);
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    if ((0,external_node_net_.isIP)(host))
        return { ip: host, port };
    // `set server … addr` takes only an IP address, so names are resolved here, once per step.
    try {
        return { ip: (await (0,promises_.lookup)(host)).address, port };
    }
    catch {
        throw new lite/* UserError */.yo(`release ${release.id} has upstream host '${host}', which does not resolve.`);
    }
}
/** A release's address, or none when one that is leaving no longer resolves (an abort must not wait on DNS). */
async function wantedOf(release, weight) {
    if (!release)
        return undefined;
    const at = weight > 0 ? await addressOf(release) : await addressOf(release).catch(() => undefined);
    return at && { id: release.id, weight, ...at };
}
/** How often a server waiting to go idle is looked at, in ms. */
const IDLE_POLL_MS = 50;
/** Builds the haproxy router: checks the socket is an admin socket and the backend has both slots. */
async function createHaproxyRouter({ settings, stateDir, environment }, options = {}) {
    const { clock = lite/* systemClock */.ml, idleWaitMs = 30_000 } = options;
    const socket = setting(settings, 'haproxy-socket');
    const backend = setting(settings, 'haproxy-backend');
    // The name goes into runtime API commands, where a space or `;` would start another argument or command.
    if (!/^[\w.:-]+$/.test(backend))
        throw new lite/* UserError */.yo(`'${backend}' is not a HAProxy backend name.`, { input: 'haproxy-backend' });
    const api = new RuntimeApi(socket);
    await checkAdmin(api);
    const slotFile = slotFilePath(stateDir, environment);
    let recorded = await readSlotFile(slotFile, backend);
    const ledger = new TrafficLedger();
    const settle = async () => {
        const rows = await readSlots(api, backend);
        ledger.settle(countersByServer(rows));
        return rows;
    };
    /** The release the slot file records for a server, while the server still has the recorded address. */
    const recordedAt = (server, rows) => {
        const entry = recorded[server];
        return entry && plainAddr(entry.addr) === plainAddr(rows.get(server)?.addr ?? '') ? entry.release : undefined;
    };
    const firstRows = await settle();
    // A later run (a resumed canary, a rollback) credits traffic to the releases an earlier run placed.
    for (const server of Object.values(SLOTS))
        ledger.assign(server, recordedAt(server, firstRows));
    /** Waits until `server` (in maintenance) has no request in flight; past idleWaitMs, cuts what is left. */
    const untilIdle = async (server) => {
        const deadline = clock.monotonic() + idleWaitMs;
        while (Number((await readSlots(api, backend)).get(server)?.scur || 0) > 0) {
            if (clock.monotonic() >= deadline) {
                // Left running, their connections would go back to the server's pool once they finish and
                // carry the next release's requests to this one.
                await run(api, `shutdown sessions server ${backend}/${server}`, (a) => a === '');
                return;
            }
            await clock.sleep(IDLE_POLL_MS);
        }
    };
    const router = {
        name: 'haproxy',
        frontDoor: `haproxy backend ${backend}`,
        // A restarted HAProxy starts from its file: both slots in maintenance until told again.
        reassert: (stable) => router.setWeights(stable, undefined, 0),
        async setWeights(stable, canary, canaryWeight) {
            if (!Number.isInteger(canaryWeight) || canaryWeight < 0 || canaryWeight > 100)
                throw new Error(`canary weight ${canaryWeight} is not a whole percentage`);
            const rows = await settle();
            const wanted = {
                stable: await wantedOf(stable, stable ? (canary ? 100 - canaryWeight : 100) : 0),
                canary: await wantedOf(canary, canary ? canaryWeight : 0),
            };
            const slots = Object.values(SLOTS).map((server) => ({
                server,
                state: stateOf(rows.get(server)),
                recorded: recordedAt(server, rows),
            }));
            const roles = assignRoles(slots, wanted.stable, wanted.canary);
            const moves = ['stable', 'canary'].map((role) => {
                const w = wanted[role];
                const target = w && w.weight > 0 ? { weight: w.weight, ip: w.ip, port: w.port } : { weight: 0 };
                return { server: roles[role], current: stateOf(rows.get(roles[role])), target };
            });
            const holders = holdersAfter(slots, roles, wanted);
            // Recorded before HAProxy is touched: an entry whose address HAProxy never got is simply not believed.
            const file = { backend, servers: Object.fromEntries(holders) };
            await writeSlotFile(slotFile, file);
            recorded = file.servers;
            ledger.report([stable?.id, canary?.id].filter((id) => id !== undefined));
            const steps = planCommands(moves[0], moves[1]);
            // A server given a new address serves its previous release until then: `perform` hands it over.
            for (const server of Object.values(SLOTS))
                if (!steps.some((s) => s.server === server && isReaddress(s)))
                    ledger.assign(server, holders.get(server)?.release);
            for (const step of steps)
                await perform(step, holders);
        },
        async readTraffic() {
            await settle();
            return ledger.take();
        },
        async close() {
            // Nothing stays open: every command had its own connection.
        },
    };
    /** Sends one step; before a new address, settles the server's counts to the release it served until now. */
    async function perform(step, holders) {
        if ('untilIdle' in step)
            return untilIdle(step.server);
        if (isReaddress(step)) {
            await settle();
            ledger.assign(step.server, holders.get(step.server)?.release);
        }
        // `addr` reports what it changed; `weight` and `state` answer nothing when they succeed.
        await run(api, `set server ${backend}/${step.server} ${step.set}`, (a) => isReaddress(step) ? /changed from|no need to change/.test(a) : a === '');
    }
    return router;
}
function isReaddress(step) {
    return 'set' in step && step.set.startsWith('addr ');
}


/***/ })

};
