export const id = 498;
export const ids = [498];
export const modules = {

/***/ 4498:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createHaproxyRouter: () => (/* binding */ createHaproxyRouter)
});

// EXTERNAL MODULE: external "node:dns/promises"
var promises_ = __webpack_require__(1553);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 12 modules
var lite = __webpack_require__(3436);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/haproxy/plan.ts
// The order of runtime API commands that moves the two slots from what HAProxy holds to what a
// step asks for. Each command takes effect on its own, so every state between two commands is
// live traffic; the order keeps each of those states safe:
// - a slot is given its address (and weight) while it takes no traffic, and only then made ready,
//   so no request ever reaches the placeholder address from the configuration;
// - a slot that serves one release and must serve another first gets its new weight, then its
//   new address, so the new release never runs at the old release's weight;
// - the stable slot is settled before the canary slot, so a new canary never gets a larger share
//   than asked while the stable's weight is still on its way;
// - taking the canary out (weight 0, the abort) is the very first command, one `state maint`,
//   whenever the stable slot already serves the right release; otherwise (an abort at 100%, when
//   the stable sits in maintenance) the stable comes up first, so the front door never goes dark.
/** The runtime API commands, in order, that move `stable` and `canary` of `backend` to their targets. */
function planCommands(backend, stable, canary) {
    const set = (slot, what) => `set server ${backend}/${slot.server} ${what}`;
    const live = (s) => s.enabled && s.weight > 0;
    const out = [];
    const takeOut = (slot) => {
        if (slot.current.enabled)
            out.push(set(slot, 'state maint'));
    };
    const bringTo = (slot) => {
        const { target, current } = slot;
        const addr = `addr ${target.ip} port ${target.port}`;
        const moves = !sameAddr(current.addr, target.ip, target.port);
        if (live(current)) {
            if (current.weight !== target.weight)
                out.push(set(slot, `weight ${target.weight}`));
            if (moves)
                out.push(set(slot, addr));
            return;
        }
        if (moves)
            out.push(set(slot, addr));
        out.push(set(slot, `weight ${target.weight}`));
        if (!current.enabled)
            out.push(set(slot, 'state ready'));
    };
    const stableSettled = live(stable.current) &&
        stable.target.weight > 0 &&
        sameAddr(stable.current.addr, stable.target.ip, stable.target.port);
    const canaryOutFirst = canary.target.weight === 0 && (stableSettled || stable.target.weight === 0);
    if (canaryOutFirst)
        takeOut(canary);
    if (stable.target.weight > 0)
        bringTo(stable);
    if (canary.target.weight > 0)
        bringTo(canary);
    else if (!canaryOutFirst)
        takeOut(canary);
    if (stable.target.weight === 0)
        takeOut(stable);
    return out;
}
/** True when `show stat`'s `addr` (`1.2.3.4:80`; IPv6 with or without brackets) is ip:port. */
function sameAddr(addr, ip, port) {
    return addr === `${ip}:${port}` || addr === `[${ip}]:${port}`;
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
    /** The traffic gathered since the last call, or undefined when no slot has a known release. */
    take() {
        if (this.holder.size === 0 && this.pending.size === 0)
            return undefined;
        const taken = this.pending;
        this.pending = new Map();
        for (const release of this.holder.values())
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






/** The server names the backend must declare, by role. */
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
/** Builds the haproxy router: checks the socket is an admin socket and the backend has both slots. */
const createHaproxyRouter = async ({ settings }) => {
    const socket = setting(settings, 'haproxy-socket');
    const backend = setting(settings, 'haproxy-backend');
    // The name goes into runtime API commands, where a space or `;` would start another argument or command.
    if (!/^[\w.:-]+$/.test(backend))
        throw new lite/* UserError */.yo(`'${backend}' is not a HAProxy backend name.`, { input: 'haproxy-backend' });
    const api = new RuntimeApi(socket);
    await checkAdmin(api);
    const ledger = new TrafficLedger();
    ledger.settle(countersByServer(await readSlots(api, backend)));
    const router = {
        name: 'haproxy',
        frontDoor: `haproxy backend ${backend}`,
        async setWeights(stable, canary, canaryWeight) {
            if (!Number.isInteger(canaryWeight) || canaryWeight < 0 || canaryWeight > 100)
                throw new Error(`canary weight ${canaryWeight} is not a whole percentage`);
            const rows = await readSlots(api, backend);
            ledger.settle(countersByServer(rows));
            const target = async (release, weight) => release && weight > 0 ? { weight, ...(await addressOf(release)) } : { weight: 0 };
            const stableTarget = await target(stable, canary ? 100 - canaryWeight : 100);
            const canaryTarget = await target(canary, canaryWeight);
            const commands = planCommands(backend, { server: SLOTS.stable, current: stateOf(rows.get(SLOTS.stable)), target: stableTarget }, { server: SLOTS.canary, current: stateOf(rows.get(SLOTS.canary)), target: canaryTarget });
            ledger.assign(SLOTS.stable, stable?.id);
            ledger.assign(SLOTS.canary, canary?.id);
            for (const command of commands)
                // `addr` reports what it changed; `weight` and `state` answer nothing when they succeed.
                await run(api, command, (a) => command.includes(' addr ') ? /changed from|no need to change/.test(a) : a === '');
        },
        async readTraffic() {
            ledger.settle(countersByServer(await readSlots(api, backend)));
            return ledger.take();
        },
        async close() {
            // Nothing stays open: every command had its own connection.
        },
    };
    return router;
};


/***/ })

};
