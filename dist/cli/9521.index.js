export const id = 9521;
export const ids = [9521];
export const modules = {

/***/ 79521:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LO: () => (/* reexport */ tar_reader/* BadTarError */.LO),
  Qd: () => (/* reexport */ CommandError),
  LR: () => (/* reexport */ buildArtifact),
  Jq: () => (/* reexport */ tar_reader/* readTarGz */.Jq),
  verifyArtifact: () => (/* reexport */ verify/* verifyArtifact */.o)
});

// UNUSED EXPORTS: BUILD_TYPE, TruncatedTarError, actionsCacheBackend, byteOrder, cacheKey, cachePaths, cycloneDxSbom, findSecretFiles, hasActionsRuntime, linkStaysInside, localCacheBackend, manifestJson, packagingPlan, parseManifest, provenanceStatement, selectFiles, stableUuid, tail, walkBases, writeArchive

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: ./packages/lockfiles/src/index.ts + 30 modules
var src = __webpack_require__(14934);
// EXTERNAL MODULE: ./packages/stack/src/index.ts + 39 modules
var stack_src = __webpack_require__(45940);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./packages/artifact/src/tar-header.ts
// POSIX (ustar + pax) tar headers, written the way `tar --format=posix --sort=name
// --owner=0 --group=0 --numeric-owner --mtime=@N` would, minus the atime/ctime pax noise.
const BLOCK = 512;
const TYPE_FLAG = { file: '0', dir: '5', symlink: '2' };
function octal(value, width) {
    return value.toString(8).padStart(width - 1, '0') + '\0';
}
function writeString(buf, text, offset, length) {
    buf.write(text, offset, Math.min(length, Buffer.byteLength(text)), 'utf8');
}
/** Splits a path into ustar prefix and name, or returns undefined when it cannot fit. */
function splitUstarPath(path) {
    if (Buffer.byteLength(path) <= 100)
        return { prefix: '', name: path };
    for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
        const prefix = path.slice(0, i);
        const name = path.slice(i + 1);
        if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name !== '')
            return { prefix, name };
    }
    return undefined;
}
function ustarHeader(fields, name, prefix, typeflag, size, linkname) {
    const buf = Buffer.alloc(BLOCK, 0);
    writeString(buf, name, 0, 100);
    writeString(buf, octal(fields.mode, 8), 100, 8);
    writeString(buf, octal(0, 8), 108, 8);
    writeString(buf, octal(0, 8), 116, 8);
    writeString(buf, octal(size, 12), 124, 12);
    writeString(buf, octal(fields.mtime, 12), 136, 12);
    buf.fill(0x20, 148, 156);
    buf.write(typeflag, 156, 1, 'ascii');
    writeString(buf, linkname, 157, 100);
    buf.write('ustar\0', 257, 6, 'ascii');
    buf.write('00', 263, 2, 'ascii');
    writeString(buf, octal(0, 8), 329, 8);
    writeString(buf, octal(0, 8), 337, 8);
    writeString(buf, prefix, 345, 155);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += buf[i];
    writeString(buf, sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
    return buf;
}
/** One pax record: `<length> <key>=<value>\n`, where length counts itself. */
function paxRecord(key, value) {
    const body = ` ${key}=${value}\n`;
    let len = Buffer.byteLength(body) + 1;
    while (String(len).length + Buffer.byteLength(body) !== len)
        len = String(len).length + Buffer.byteLength(body);
    return `${len}${body}`;
}
/** The padding that brings a size up to a whole block. */
function padding(size) {
    const rest = size % BLOCK;
    return rest === 0 ? Buffer.alloc(0) : Buffer.alloc(BLOCK - rest, 0);
}
/**
 * The header blocks for an entry: a pax header first only when the path, link target or size
 * does not fit ustar, then the ustar header. Same input, same bytes.
 */
function headerBlocks(fields) {
    const fullPath = fields.type === 'dir' ? `${fields.path}/` : fields.path;
    const split = splitUstarPath(fullPath);
    const linkname = fields.linkTarget ?? '';
    const size = fields.type === 'file' ? fields.size : 0;
    const records = [];
    if (!split)
        records.push(paxRecord('path', fullPath));
    if (Buffer.byteLength(linkname) > 100)
        records.push(paxRecord('linkpath', linkname));
    if (size > 0o77777777777)
        records.push(paxRecord('size', String(size)));
    const blocks = [];
    if (records.length > 0) {
        const pax = Buffer.from(records.join(''), 'utf8');
        const base = fullPath.replace(/\/$/, '').split('/').pop().slice(0, 80);
        blocks.push(ustarHeader({ ...fields, mode: 0o644 }, `PaxHeaders/${base}`, '', 'x', pax.length, ''), pax, padding(pax.length));
    }
    const name = split?.name ?? fullPath.slice(-100);
    blocks.push(ustarHeader(fields, Buffer.byteLength(name) > 100 ? name.slice(-100) : name, split?.prefix ?? '', TYPE_FLAG[fields.type], size > 0o77777777777 ? 0 : size, linkname.slice(0, 100)));
    return blocks;
}
/** The end of an archive: two zero blocks, then zero padding to tar's 10 KiB record size. */
function trailer(bytesSoFar) {
    const withEnd = bytesSoFar + 2 * BLOCK;
    const record = 20 * BLOCK;
    const total = Math.ceil(withEnd / record) * record;
    return Buffer.alloc(total - bytesSoFar, 0);
}
const TAR_BLOCK = (/* unused pure expression or super */ null && (BLOCK));

;// CONCATENATED MODULE: ./packages/artifact/src/archive.ts








const CHUNK = 256 * 1024;
const BATCH = 1024 * 1024;
const SMALL_FILE = 1024 * 1024;
/** gzip's OS byte for Unix, as `gzip -n` writes it on Linux; zlib would write its build's own. */
const GZIP_OS_UNIX = 3;
/**
 * Streams entries (already sorted) into a reproducible .tar.gz: pax/ustar headers with one mtime,
 * uid/gid 0 and empty owner names; gzip with no name, mtime 0, a fixed level and OS byte. Memory
 * stays flat: file bytes flow through in chunks under back-pressure. The archive appears at its
 * path only when complete.
 */
async function writeArchive(options) {
    const files = [];
    const archiveHash = (0,external_node_crypto_.createHash)('sha256');
    let archiveSize = 0;
    let read = 0;
    let nextProgress = 64 * 1024 * 1024;
    // Many small files make many small pieces (a 512-byte header, a little content, padding):
    // handing each to zlib on its own costs a thread-pool round trip apiece, so pieces are
    // gathered into batches of about a megabyte, and only whole batches are yielded.
    let batch = [];
    let batchBytes = 0;
    const put = (piece) => {
        batch.push(piece);
        batchBytes += piece.length;
    };
    const take = () => {
        const out = batch.length === 1 ? batch[0] : Buffer.concat(batch, batchBytes);
        batch = [];
        batchBytes = 0;
        return out;
    };
    const progress = (n) => {
        read += n;
        if (options.onProgress && read >= nextProgress) {
            options.onProgress(read);
            nextProgress += 64 * 1024 * 1024;
        }
    };
    async function* tarStream() {
        let offset = 0;
        for (const entry of options.entries) {
            for (const block of headerBlocks({ ...entry, mtime: options.mtime })) {
                offset += block.length;
                put(block);
            }
            const manifestEntry = {
                path: entry.path,
                type: entry.type,
                size: entry.type === 'file' ? entry.size : 0,
                mode: entry.mode.toString(8).padStart(4, '0'),
            };
            if (entry.type === 'symlink')
                manifestEntry.target = entry.linkTarget ?? '';
            if (entry.type === 'file') {
                const hash = (0,external_node_crypto_.createHash)('sha256');
                if (entry.size <= SMALL_FILE) {
                    // One synchronous read: for small files the three thread-pool hops of an async
                    // open/read/close cost more than the read itself.
                    const data = (0,external_node_fs_.readFileSync)(entry.abs);
                    if (data.length !== entry.size)
                        throw changedSize(entry, data.length);
                    hash.update(data);
                    progress(data.length);
                    put(data);
                }
                else {
                    let got = 0;
                    const fh = await (0,promises_.open)(entry.abs, 'r');
                    try {
                        for (;;) {
                            const buf = Buffer.allocUnsafe(CHUNK);
                            const { bytesRead } = await fh.read(buf, 0, buf.length, null);
                            if (bytesRead === 0)
                                break;
                            got += bytesRead;
                            if (got > entry.size)
                                break;
                            const chunk = buf.subarray(0, bytesRead);
                            hash.update(chunk);
                            progress(bytesRead);
                            put(chunk);
                            if (batchBytes >= BATCH)
                                yield take();
                        }
                    }
                    finally {
                        await fh.close();
                    }
                    if (got !== entry.size)
                        throw changedSize(entry, got);
                }
                manifestEntry.sha256 = hash.digest('hex');
                const pad = padding(entry.size);
                offset += entry.size + pad.length;
                if (pad.length)
                    put(pad);
            }
            files.push(manifestEntry);
            if (batchBytes >= BATCH)
                yield take();
        }
        put(trailer(offset));
        yield take();
    }
    let first = true;
    const digestTap = new external_node_stream_.Transform({
        transform(chunk, _enc, done) {
            if (first) {
                first = false;
                chunk[9] = GZIP_OS_UNIX;
            }
            archiveHash.update(chunk);
            archiveSize += chunk.length;
            done(null, chunk);
        },
    });
    const pending = (0,lite/* pendingFile */.UW)(options.archivePath);
    try {
        await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.from(tarStream(), { objectMode: false }), (0,external_node_zlib_.createGzip)({ level: options.level ?? 6 }), digestTap, (0,external_node_fs_.createWriteStream)(pending.tempPath, { flags: 'wx', mode: 0o644 }));
        await pending.commit();
    }
    catch (err) {
        await pending.abort();
        throw err;
    }
    return { digest: archiveHash.digest('hex'), size: archiveSize, files };
}
function changedSize(entry, got) {
    return new Error(`${entry.path} changed size while it was being archived (${entry.size} → ${got} bytes)`);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./packages/artifact/src/cache.ts




/** GitHub's cache service through @actions/cache, loaded only when used. */
const actionsCacheBackend = {
    name: 'actions',
    async restore(paths, key, restoreKeys) {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(4942), __webpack_require__.e(1141), __webpack_require__.e(2088), __webpack_require__.e(612), __webpack_require__.e(1962)]).then(__webpack_require__.bind(__webpack_require__, 50612));
        return cache.restoreCache(paths, key, restoreKeys);
    },
    async save(paths, key) {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(4942), __webpack_require__.e(1141), __webpack_require__.e(2088), __webpack_require__.e(612), __webpack_require__.e(1962)]).then(__webpack_require__.bind(__webpack_require__, 50612));
        await cache.saveCache(paths, key);
    },
};
/** A folder on this machine: for local runs and the benchmark, where there is no cache service. */
function localCacheBackend(dir) {
    const slot = (key) => (0,external_node_path_.join)(dir, (0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 32));
    return {
        name: `local:${dir}`,
        async restore(paths, key, restoreKeys) {
            const entries = await (0,promises_.readdir)(dir).catch(() => []);
            const keys = new Map();
            for (const e of entries) {
                const k = await (0,promises_.readFile)((0,external_node_path_.join)(dir, e, 'key'), 'utf8').catch(() => undefined);
                if (k)
                    keys.set(k, (0,external_node_path_.join)(dir, e));
            }
            const hit = keys.has(key)
                ? key
                : restoreKeys
                    .map((p) => [...keys.keys()]
                    .filter((k) => k.startsWith(p))
                    .sort()
                    .pop())
                    .find((k) => k !== undefined);
            if (!hit)
                return undefined;
            for (const [i, p] of paths.entries())
                await (0,promises_.cp)((0,external_node_path_.join)(keys.get(hit), String(i)), p, { recursive: true, force: true }).catch(() => undefined);
            return hit;
        },
        async save(paths, key) {
            const target = slot(key);
            await (0,promises_.rm)(target, { recursive: true, force: true });
            await (0,promises_.mkdir)(target, { recursive: true });
            for (const [i, p] of paths.entries())
                await (0,promises_.cp)(p, (0,external_node_path_.join)(target, String(i)), { recursive: true }).catch(() => undefined);
            await (0,promises_.writeFile)((0,external_node_path_.join)(target, 'key'), key);
        },
    };
}
/** Where each package manager keeps its download cache. */
function cachePaths(project, env) {
    const home = env.HOME || (0,external_node_os_.homedir)();
    const xdg = env.XDG_CACHE_HOME || (0,external_node_path_.join)(home, '.cache');
    switch (project.packageManager?.name) {
        case 'npm':
            return [env.npm_config_cache || (0,external_node_path_.join)(home, '.npm')];
        case 'pnpm':
            return [(0,external_node_path_.join)(home, '.local', 'share', 'pnpm', 'store')];
        case 'yarn':
            return [(0,external_node_path_.join)(xdg, 'yarn'), (0,external_node_path_.join)(home, '.yarn', 'berry', 'cache')];
        case 'bun':
            return [(0,external_node_path_.join)(home, '.bun', 'install', 'cache')];
        case 'pip':
        case 'pipenv':
            return [(0,external_node_path_.join)(xdg, 'pip')];
        case 'poetry':
            return [(0,external_node_path_.join)(xdg, 'pypoetry')];
        case 'uv':
            return [(0,external_node_path_.join)(xdg, 'uv')];
        case 'pdm':
            return [(0,external_node_path_.join)(xdg, 'pdm')];
        case 'go':
            return [(0,external_node_path_.join)(env.GOPATH || (0,external_node_path_.join)(home, 'go'), 'pkg', 'mod'), (0,external_node_path_.join)(xdg, 'go-build')];
        case 'cargo':
            return [
                (0,external_node_path_.join)(env.CARGO_HOME || (0,external_node_path_.join)(home, '.cargo'), 'registry'),
                (0,external_node_path_.join)(env.CARGO_HOME || (0,external_node_path_.join)(home, '.cargo'), 'git'),
            ];
        case 'maven':
            return [(0,external_node_path_.join)(home, '.m2', 'repository')];
        case 'gradle':
            return [(0,external_node_path_.join)(home, '.gradle', 'caches'), (0,external_node_path_.join)(home, '.gradle', 'wrapper')];
        case 'composer':
            return [(0,external_node_path_.join)(xdg, 'composer')];
        case 'bundler':
            return [(0,external_node_path_.join)(home, '.gem')];
        default:
            return [];
    }
}
/** The cache key: runtime, its version, OS and architecture, package manager, and a hash of the lockfiles. */
async function cacheKey(project, lockfiles) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for (const f of [...lockfiles].sort())
        hash
            .update(f)
            .update('\0')
            .update(await (0,promises_.readFile)(f).catch(() => Buffer.alloc(0)));
    const prefix = `slipway-${(0,external_node_os_.platform)()}-${(0,external_node_os_.arch)()}-${project.runtime.name}-${project.runtime.version ?? 'any'}-${project.packageManager?.name ?? 'none'}-`;
    return { key: `${prefix}${hash.digest('hex').slice(0, 32)}`, restoreKeys: [prefix] };
}
/** Which backend this run can use, or undefined (with the reason) when none. */
function chooseCacheBackend(env) {
    if (env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL)
        return { backend: actionsCacheBackend, reason: 'GitHub Actions cache' };
    if (env.SLIPWAY_CACHE_DIR)
        return { backend: localCacheBackend(env.SLIPWAY_CACHE_DIR), reason: `local cache in ${env.SLIPWAY_CACHE_DIR}` };
    return { reason: 'no cache service here (not in GitHub Actions and SLIPWAY_CACHE_DIR is not set)' };
}
/** Runs a cache operation, turning any failure into a warning: a build never fails for its cache. */
async function tolerant(logger, what, op) {
    try {
        return await op();
    }
    catch (err) {
        logger.warning(`dependency cache ${what} failed, continuing without it: ${err.message}`);
        return undefined;
    }
}

// EXTERNAL MODULE: ./packages/artifact/src/collect.ts
var collect = __webpack_require__(86906);
;// CONCATENATED MODULE: ./packages/artifact/src/commands.ts

/** How many lines of a failed command's output the error and the summary show. */
const TAIL_LINES = 50;
/** How much of a command's output is kept for its tail: a build printing 100 MB must not fill memory. */
const MAX_CAPTURED_OUTPUT = 1024 * 1024;
/** A tail line longer than this (minified code, a progress bar) is cut, so 50 lines stay readable. */
const MAX_TAIL_LINE = 1000;
/** The last lines of some output, each cut to a readable length. */
function tail(text, lines = TAIL_LINES) {
    const all = text.replace(/\s+$/, '').split('\n');
    return all
        .slice(-lines)
        .map((l) => (l.length > MAX_TAIL_LINE ? `${l.slice(0, MAX_TAIL_LINE)}…(${l.length} chars)` : l))
        .join('\n');
}
/** A failed build or install command: a UserError that carries the output's tail for the summary. */
class CommandError extends lite/* UserError */.yo {
    step;
    command;
    exitCode;
    outputTail;
    timeoutMs;
    constructor(step, command, exitCode, outputTail, 
    /** Set when the command did not fail but was stopped: it ran past this many milliseconds. */
    timeoutMs) {
        super(timeoutMs === undefined
            ? `${step} command \`${command}\` failed with exit code ${exitCode}. Its last lines:\n${outputTail}`
            : `${step} command \`${command}\` was stopped after ${(0,lite/* formatDuration */.a3)(timeoutMs)}, the timeout. Its last lines:\n${outputTail}`, { input: timeoutMs === undefined ? (step === 'build' ? 'command' : 'install') : 'timeout' }, timeoutMs === undefined ? undefined : 'Find what hangs (a prompt, a watch mode, a server), or raise timeout.');
        this.step = step;
        this.command = command;
        this.exitCode = exitCode;
        this.outputTail = outputTail;
        this.timeoutMs = timeoutMs;
    }
}
/**
 * Runs a shell command in a folder with the step's environment, streaming its output to the log;
 * stderr is folded into stdout so the tail of a failure reads in order. The project's scripts are
 * untrusted: they get no runner credentials and no INPUT_* variables, their output cannot issue
 * workflow commands, and only the last MiB of it is held.
 */
async function runCommand(exec, step, command, cwd, env, limits) {
    const clean = (0,lite/* withoutRunnerCredentials */.DV)(env);
    for (const k of Object.keys(clean))
        if (k.startsWith('INPUT_'))
            delete clean[k];
    const result = await exec('sh', ['-c', `exec 2>&1\n${command}`], {
        cwd,
        env: clean,
        ignoreReturnCode: true,
        maxOutputBytes: MAX_CAPTURED_OUTPUT,
        untrustedOutput: true,
        ...(limits.timeoutMs !== undefined ? { timeoutMs: limits.timeoutMs } : {}),
    });
    const lastLines = () => limits.redact(tail(result.stdout + result.stderr));
    if (result.timedOut)
        throw new CommandError(step, command, result.exitCode, lastLines(), limits.timeoutMs);
    if (result.exitCode !== 0)
        throw new CommandError(step, command, result.exitCode, lastLines());
}

;// CONCATENATED MODULE: ./packages/artifact/src/defaults.ts



const WHOLE_TREE = { include: ['**'], exclude: [], required: [] };
/** The lockfile's path relative to the project, when it lies inside it. */
function lockfileInProject(project) {
    const lock = project.packageManager?.lockfile;
    if (!lock)
        return [];
    const prefix = project.path === '.' ? '' : `${project.path}/`;
    return lock.startsWith(prefix) ? [lock.slice(prefix.length)] : [];
}
function node(project) {
    const frameworks = new Set(project.frameworks.map((f) => f.name));
    const manifest = ['package.json', ...lockfileInProject(project)];
    if (frameworks.has('next'))
        return {
            include: ['.next/**', 'public/**', 'next.config.*', ...manifest],
            exclude: ['.next/cache/**'],
            required: ['.next/**'],
        };
    if (frameworks.has('nuxt'))
        return { include: ['.output/**'], exclude: [], required: ['.output/**'] };
    if (frameworks.has('sveltekit') ||
        frameworks.has('remix') ||
        frameworks.has('react-router') ||
        frameworks.has('docusaurus')) {
        return { include: ['build/**', 'public/**', ...manifest], exclude: [], required: ['build/**'] };
    }
    if (frameworks.has('gatsby'))
        return { include: ['public/**'], exclude: [], required: ['public/**'] };
    if (['astro', 'vite', 'angular'].some((f) => frameworks.has(f)))
        return { include: ['dist/**'], exclude: [], required: ['dist/**'] };
    if (project.commands.build)
        return {
            include: ['dist/**', 'build/**', 'out/**', 'lib/**', ...manifest],
            exclude: [],
            required: ['dist/**', 'build/**', 'out/**', 'lib/**'],
        };
    return { include: ['**'], exclude: ['test/**', 'tests/**', '**/*.test.*', '**/*.spec.*'], required: [] };
}
/** Zip entries (jars, wars) hold DOS times, which maven-archiver accepts from 1980-01-01T00:00:02Z to 2099. */
const ZIP_TIMES = { first: 315_532_802, last: 4_102_444_799 };
/**
 * Maven stamps every jar entry and pom.properties with the build's clock unless
 * project.build.outputTimestamp is set (maven-jar-plugin and maven-war-plugin 3.2 on; older ones
 * ignore it). The command line sets it to the source date, in the ISO form those versions all read.
 */
function mavenCommand(project, context) {
    const build = project.commands.build;
    const epoch = context?.sourceDateEpoch;
    if (!build || epoch === undefined || epoch < ZIP_TIMES.first || epoch > ZIP_TIMES.last)
        return undefined;
    return `${build} -Dproject.build.outputTimestamp=${new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
}
/**
 * rustc writes the source path of dependency code that can panic into the binary, and registry
 * crates live under CARGO_HOME, which differs between users and machines; remapping it to /cargo
 * removes that. CARGO_BUILD_RUSTFLAGS is added to the project's own build.rustflags (string or
 * list form), where --config would fail on the string form and RUSTFLAGS would replace them. The
 * variable splits on whitespace, so a CARGO_HOME holding a space is left as it is.
 */
function cargoCommand(project, context) {
    const build = project.commands.build;
    if (!build || !context)
        return undefined;
    const cargoHome = context.env.CARGO_HOME || (0,external_node_path_.join)(context.env.HOME || (0,external_node_os_.homedir)(), '.cargo');
    if (/\s/.test(cargoHome))
        return undefined;
    return `CARGO_BUILD_RUSTFLAGS="\${CARGO_BUILD_RUSTFLAGS:+$CARGO_BUILD_RUSTFLAGS }--remap-path-prefix=\${CARGO_HOME:-$HOME/.cargo}=/cargo" ${build}`;
}
/** The default plan for a project, by runtime and framework; with a context, the reproducible build command. */
function packagingPlan(project, context) {
    switch (project.runtime.name) {
        case 'node':
        case 'bun':
            return node(project);
        case 'python':
            return project.commands.build
                ? { include: ['dist/*.whl', 'dist/*.tar.gz'], exclude: [], required: ['dist/*.whl', 'dist/*.tar.gz'] }
                : { ...WHOLE_TREE, exclude: ['tests/**', 'test/**'] };
        case 'go':
            // -trimpath and an empty build ID make the binary independent of the build folder.
            return project.commands.start
                ? {
                    include: ['dist/**'],
                    exclude: [],
                    required: ['dist/**'],
                    command: 'go build -trimpath -buildvcs=false -ldflags=-buildid= -o dist/ ./...',
                }
                : WHOLE_TREE;
        case 'rust': {
            if (!project.commands.start)
                return WHOLE_TREE;
            const command = cargoCommand(project, context);
            const binary = `target/release/${project.name}`;
            return { include: [binary], exclude: [], required: [binary], ...(command ? { command } : {}) };
        }
        case 'java': {
            if (project.packageManager?.name === 'gradle')
                return { include: ['build/libs/*.jar'], exclude: ['build/libs/*-plain.jar'], required: ['build/libs/*.jar'] };
            const command = mavenCommand(project, context);
            return {
                include: ['target/*.jar', 'target/*.war'],
                exclude: ['target/*-sources.jar', 'target/*-javadoc.jar', 'target/original-*.jar'],
                required: ['target/*.jar', 'target/*.war'],
                ...(command ? { command } : {}),
            };
        }
        case 'dotnet':
            return {
                include: ['publish/**'],
                exclude: [],
                required: ['publish/**'],
                // The project file's name goes into a shell command: quoted, a name with a space stays one word.
                command: `dotnet publish ${(0,lite/* shellQuote */.ZL)(project.manifest.slice(project.manifest.lastIndexOf('/') + 1))} -c Release -o publish`,
            };
        default:
            return WHOLE_TREE;
    }
}

;// CONCATENATED MODULE: ./packages/artifact/src/git.ts

/** Known git failures a user can fix, matched on stderr, with what to do. */
const GIT_ERRORS = [
    [
        /not a git repository/i,
        'is not a git repository. Check out the repository (actions/checkout) or set the version and source-date-epoch inputs.',
    ],
    [
        /detected dubious ownership/i,
        'is owned by another user and git refuses it. Run `git config --global --add safe.directory "$GITHUB_WORKSPACE"` before this step.',
    ],
    [
        /does not have any commits yet|ambiguous argument 'HEAD'/i,
        'has no commits yet. Commit something, or set the version and source-date-epoch inputs.',
    ],
    [
        /ENOENT|not found|No such file/i,
        'cannot be read because git is not installed. Install git, or set the version and source-date-epoch inputs.',
    ],
];
/** Runs git in a folder and returns trimmed stdout, mapping known failures to UserErrors. */
async function git(exec, cwd, args) {
    let result;
    try {
        result = await exec('git', args, { cwd, silent: true, ignoreReturnCode: true });
    }
    catch (err) {
        result = { exitCode: 127, stdout: '', stderr: String(err.message) };
    }
    if (result.exitCode === 0)
        return result.stdout.trim();
    const known = GIT_ERRORS.find(([re]) => re.test(result.stderr));
    if (known)
        throw new lite/* UserError */.yo(`${cwd} ${known[1]}`, { input: 'path' });
    throw new Error(`git ${args.join(' ')} failed with exit code ${result.exitCode}: ${result.stderr.trim().split('\n').pop()}`);
}
/** The HEAD commit, its `git describe --tags --always` and its commit time (seconds). */
async function gitFacts(exec, cwd) {
    const [commit, describe, time] = [
        await git(exec, cwd, ['rev-parse', 'HEAD']),
        await git(exec, cwd, ['describe', '--tags', '--always']),
        await git(exec, cwd, ['log', '-1', '--format=%ct']),
    ];
    return { commit, describe, commitTime: Number(time) };
}

// EXTERNAL MODULE: ./packages/artifact/src/manifest.ts
var manifest = __webpack_require__(70251);
;// CONCATENATED MODULE: ./packages/artifact/src/project.ts





/** Lockfiles of JavaScript package managers: only the one the project's package manager writes is read. */
const JS_LOCKFILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock']);
/** The project to build: the one named, else the stack's primary, else its first. */
function pickProject(stack, path) {
    if (stack.projects.length === 0)
        throw new lite/* UserError */.yo('the stack has no buildable project.', { input: 'stack' }, 'Run detect-stack on the folder that holds the project, or set path.');
    const wanted = path ?? stack.primary ?? stack.projects[0].path;
    const found = stack.projects.find((p) => p.path === wanted.replace(/^\.\/(?=.)/, '').replace(/\/+$/, ''));
    if (!found)
        throw new lite/* UserError */.yo(`'${wanted}' is not a project of this repository.`, { input: 'project' }, `Use one of: ${stack.projects.map((p) => p.path).join(', ')}.`);
    return found;
}
/**
 * The project's folder, refused when the stack document places it (or its lockfile) outside the
 * repository: `..`, an absolute path, or a symbolic link out. A stack is a document passed between
 * steps, so it is checked like any input before anything is read or run there.
 */
function projectFolder(repoRoot, project, input) {
    const leaves = (path) => (0,external_node_path_.isAbsolute)(path) || path.split(/[\\/]/).includes('..');
    const bad = [project.path, project.packageManager?.lockfile ?? '.'].find(leaves);
    if (bad !== undefined)
        throw new lite/* UserError */.yo(`'${bad}' lies outside the repository.`, { input }, 'Project paths and lockfiles are relative to the repository root: pass the stack that detect-stack wrote for this checkout.');
    const projectDir = project.path === '.' ? repoRoot : (0,external_node_path_.join)(repoRoot, ...project.path.split('/'));
    if (!(0,external_node_fs_.existsSync)(projectDir))
        throw new lite/* UserError */.yo(`project folder ${project.path} does not exist under ${repoRoot}.`, { input: 'project' }, 'The stack input may come from another checkout; leave it empty to detect here.');
    const realRoot = (0,external_node_fs_.realpathSync)(repoRoot);
    const real = (0,external_node_fs_.realpathSync)(projectDir);
    if (real !== realRoot && !real.startsWith(`${realRoot}${external_node_path_.sep}`))
        throw new lite/* UserError */.yo(`project folder ${project.path} is a symbolic link out of the repository (to ${real}).`, { input }, 'Build a project that lives in the repository.');
    return projectDir;
}
/** Refuses include globs that reach outside the project: packaging /etc/passwd is never meant. */
function checkIncludes(include, input) {
    for (const glob of include) {
        if ((0,external_node_path_.isAbsolute)(glob) || glob.split(/[\\/]/).includes('..'))
            throw new lite/* UserError */.yo(`'${glob}' reaches outside the project.`, { input }, 'Globs are relative to the project folder and cannot contain .. or start with /.');
    }
    checkGlobs(include, input);
}
/** Refuses globs picomatch cannot compile (over its length limit, a regular expression too large). */
function checkGlobs(globs, input) {
    for (const glob of globs) {
        try {
            // picomatch builds its regular expression on the first match, so one is tried.
            picomatch_default()(glob, { dot: true })('a/b');
        }
        catch (err) {
            const shown = glob.length > 80 ? `${glob.slice(0, 80)}… (${glob.length} characters)` : glob;
            throw new lite/* UserError */.yo(`'${shown}' cannot be used as a glob: ${err.message.split('\n')[0].slice(0, 200)}.`, { input }, 'Use shorter globs; list several instead of one long one.');
        }
    }
}
/** Installs run where the lockfile is (a workspace root), else in the project's folder. */
function installDir(repoRoot, project, projectDir) {
    const lock = project.packageManager?.lockfile;
    if (!lock || !lock.includes('/'))
        return lock ? repoRoot : projectDir;
    const dir = lock.slice(0, lock.lastIndexOf('/'));
    return project.path === dir || project.path.startsWith(`${dir}/`) ? (0,external_node_path_.join)(repoRoot, dir) : projectDir;
}
/**
 * Absolute paths of the lockfiles that describe a project's dependencies: regular files inside
 * the repository only, since they are read whole (a lockfile linked to /dev/zero would never end).
 */
function lockfilePaths(repoRoot, project) {
    const prefix = project.path === '.' ? '' : `${project.path}/`;
    // The package manager's own lockfile, and every other format the project keeps beside its
    // manifest (a pom.xml, a NuGet or Dart lock, a gradle.lockfile…). Of the JavaScript lockfiles only
    // the package manager's counts; vendor/modules.txt repeats go.mod, and a Gradle catalog or
    // verification file lists what may be used, not what the build resolved.
    const besides = src/* LOCKFILE_NAMES */.dD.filter((name) => !JS_LOCKFILES.has(name) && !name.includes('/'));
    const candidates = [
        project.packageManager?.lockfile,
        `${prefix}requirements.txt`,
        ...besides.map((name) => `${prefix}${name}`),
    ].filter((p) => Boolean(p));
    const realRoot = (0,external_node_fs_.realpathSync)(repoRoot);
    return [...new Set(candidates)]
        .filter((p) => (0,src/* parserFor */.D9)(p) && regularFileInside(realRoot, (0,external_node_path_.join)(repoRoot, p)))
        .map((p) => (0,external_node_path_.join)(repoRoot, p));
}
function regularFileInside(realRoot, abs) {
    try {
        const real = (0,external_node_fs_.realpathSync)(abs);
        return real.startsWith(`${realRoot}${external_node_path_.sep}`) && (0,external_node_fs_.statSync)(real).isFile();
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./packages/artifact/src/provenance.ts
/** The build type URI: what the external parameters mean. */
const BUILD_TYPE = 'https://github.com/slipway/slipway/build-artifact/v1';
/**
 * An in-toto Statement v1 carrying an SLSA provenance v1 predicate for the archive. Unsigned:
 * `actions/attest` signs it in the templates. Only workflow facts, no wall-clock times.
 */
function provenanceStatement(input) {
    const e = input.env;
    const server = e.GITHUB_SERVER_URL || 'https://github.com';
    const repo = e.GITHUB_REPOSITORY || 'local/local';
    const statement = {
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: input.subjectName, digest: { sha256: input.digest } }],
        predicateType: 'https://slsa.dev/provenance/v1',
        predicate: {
            buildDefinition: {
                buildType: BUILD_TYPE,
                externalParameters: {
                    project: input.project,
                    command: input.command,
                    install: input.install,
                    workflow: {
                        ref: e.GITHUB_REF ?? null,
                        repository: `${server}/${repo}`,
                        path: (e.GITHUB_WORKFLOW_REF ?? '').replace(/^[^/]+\/[^/]+\//, '').replace(/@.*$/, '') || null,
                    },
                },
                internalParameters: {
                    github: {
                        event_name: e.GITHUB_EVENT_NAME ?? null,
                        repository_id: e.GITHUB_REPOSITORY_ID ?? null,
                        repository_owner_id: e.GITHUB_REPOSITORY_OWNER_ID ?? null,
                        runner_environment: e.RUNNER_ENVIRONMENT ?? null,
                    },
                },
                resolvedDependencies: [
                    { uri: `git+${server}/${repo}@${e.GITHUB_REF ?? 'HEAD'}`, digest: { gitCommit: input.commit } },
                ],
            },
            runDetails: {
                builder: { id: e.GITHUB_WORKFLOW_REF ? `${server}/${e.GITHUB_WORKFLOW_REF}` : `${server}/${repo}/local-build` },
                metadata: {
                    invocationId: e.GITHUB_RUN_ID
                        ? `${server}/${repo}/actions/runs/${e.GITHUB_RUN_ID}/attempts/${e.GITHUB_RUN_ATTEMPT ?? '1'}`
                        : 'local',
                },
            },
        },
    };
    return `${JSON.stringify(statement, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./packages/artifact/src/sbom.ts


/** A UUID (version 4 layout) derived from content, so the serial number is stable for the same artifact. */
function stableUuid(seed) {
    const h = (0,external_node_crypto_.createHash)('sha256').update(seed).digest();
    h[6] = (h[6] & 0x0f) | 0x40;
    h[8] = (h[8] & 0x3f) | 0x80;
    const hex = h.subarray(0, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
/**
 * A CycloneDX 1.6 JSON SBOM of the runtime dependencies (dev-only ones left out), built with the
 * CycloneDX library and serialised with sorted lists: the same input gives the same bytes.
 */
async function cycloneDxSbom(input) {
    // Subpath imports: the package's index also loads its validators, whose resource paths use
    // __dirname, which an ESM bundle does not have.
    const [Models, Enums, Serialize, Spec] = await Promise.all([
        __webpack_require__.e(/* import() */ 320).then(__webpack_require__.t.bind(__webpack_require__, 50320, 23)),
        __webpack_require__.e(/* import() */ 6820).then(__webpack_require__.t.bind(__webpack_require__, 6820, 23)),
        Promise.all(/* import() */[__webpack_require__.e(320), __webpack_require__.e(1248)]).then(__webpack_require__.t.bind(__webpack_require__, 51248, 23)),
        Promise.all(/* import() */[__webpack_require__.e(320), __webpack_require__.e(4321)]).then(__webpack_require__.t.bind(__webpack_require__, 94321, 23)),
    ]);
    const CDX = { Models, Enums, Serialize, Spec };
    const bom = new CDX.Models.Bom();
    bom.serialNumber = `urn:uuid:${stableUuid(`${input.name}@${input.version}#${input.digest}`)}`;
    bom.metadata.timestamp = new Date(input.sourceDateEpoch * 1000);
    const tool = new CDX.Models.Component(CDX.Enums.ComponentType.Application, 'slipway build-artifact', {
        bomRef: 'slipway-build-artifact',
    });
    bom.metadata.tools.components.add(tool);
    const root = new CDX.Models.Component(CDX.Enums.ComponentType.Application, input.name, {
        version: input.version,
        bomRef: `artifact:${input.name}@${input.version}`,
    });
    root.hashes.set(CDX.Enums.HashAlgorithm['SHA-256'], input.digest);
    bom.metadata.component = root;
    for (const p of (0,src/* dedupe */.Qq)(input.packages.filter((x) => !x.dev))) {
        const purl = (0,src/* purlOf */.VA)(p);
        // Maven coordinates are group:artifact; CycloneDX keeps the group in a field of its own.
        const [group, name] = p.ecosystem === 'Maven' && p.name.includes(':') ? p.name.split(':', 2) : [undefined, p.name];
        const component = new CDX.Models.Component(CDX.Enums.ComponentType.Library, name, {
            version: p.version,
            bomRef: purl,
            purl,
            ...(group ? { group } : {}),
        });
        for (const h of p.hashes)
            component.hashes.set(CDX.Enums.HashAlgorithm[h.alg], h.hex);
        bom.components.add(component);
    }
    const serializer = new CDX.Serialize.JsonSerializer(new CDX.Serialize.JSON.Normalize.Factory(CDX.Spec.Spec1dot6));
    return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;
}

;// CONCATENATED MODULE: ./packages/artifact/src/secrets.ts


/** Names that are credentials by what they are, whatever they hold. */
const SECRET_NAME = [
    /^\.env(\..+)?$/,
    /\.pem$/i,
    /\.key$/i,
    /^id_(rsa|dsa|ecdsa|ed25519)(\.|$)/,
    /\.(p12|pfx|jks|keystore)$/i,
    /^\.git-credentials$/,
    /^\.netrc$/,
    /^credentials\.json$/,
    /^application_default_credentials\.json$/,
    /^service-account.*\.json$/i,
    /^\.htpasswd$/,
];
/** Example files that only look like secrets. */
const EXAMPLE = /^\.env\.(example|sample|template|dist|defaults)$/;
/** Paths whose folder makes them credentials (cloud CLIs' config). */
const SECRET_PATH = [
    /(^|\/)\.aws\/credentials$/,
    /(^|\/)\.docker\/config\.json$/,
    /(^|\/)\.kube\/config$/,
    /(^|\/)\.config\/gcloud\//,
    /(^|\/)\.azure\//,
];
/** Package-manager config that is a secret only when it holds a token or password. */
const TOKEN_CONFIG = /^\.(npmrc|pypirc|yarnrc\.yml|gem\/credentials)$/;
const TOKEN_LINE = /(_authToken|_auth|_password|npmAuthToken|npmAuthIdent|^\s*password\s*[=:])/m;
/**
 * The paths (relative, POSIX) among the given files that are likely secrets: keys, certificates
 * with private parts, .env files, cloud credentials, and package-manager configs that carry a token.
 */
async function findSecretFiles(root, paths) {
    const found = [];
    for (const path of paths) {
        const name = path.slice(path.lastIndexOf('/') + 1);
        if (EXAMPLE.test(name))
            continue;
        if (SECRET_NAME.some((re) => re.test(name)) || SECRET_PATH.some((re) => re.test(path))) {
            found.push(path);
        }
        else if (TOKEN_CONFIG.test(name)) {
            const text = await (0,promises_.readFile)((0,external_node_path_.join)(root, path), 'utf8').catch(() => '');
            if (TOKEN_LINE.test(text))
                found.push(path);
        }
    }
    return found;
}

;// CONCATENATED MODULE: ./packages/artifact/src/upload.ts

/** True when the runner gave this job an artifact service to talk to. */
function hasActionsRuntime(env) {
    return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL);
}
/** The real uploader, loaded on first use (it brings the Azure and Octokit clients). */
const actionsUploader = async (name, files, rootDir, retentionDays, env) => {
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(4942), __webpack_require__.e(6913), __webpack_require__.e(1141), __webpack_require__.e(3991), __webpack_require__.e(6518), __webpack_require__.e(9581)]).then(__webpack_require__.bind(__webpack_require__, 56518));
    const result = await new DefaultArtifactClient().uploadArtifact(name, files, rootDir, retentionDays ? { retentionDays } : {});
    if (result.id === undefined)
        throw new Error('the artifact service returned no artifact id');
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    return {
        id: result.id,
        url: `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${result.id}`,
    };
};
/** Wraps an upload failure so the error says where the artifact still is. */
function uploadFailed(name, archivePath, err) {
    return new lite/* UserError */.yo(`uploading artifact '${name}' failed: ${err.message}.`, { input: 'upload' }, `The artifact is on disk at ${archivePath}; re-run the job, or set upload: false to keep it local.`);
}

;// CONCATENATED MODULE: ./packages/artifact/src/build-artifact.ts



















/** Characters the artifact service refuses in a name. */
const BAD_NAME = /["':<>|*?\r\n\\/]/;
/** Builds one project of a repository into a reproducible archive with manifest, SBOM and provenance. */
async function buildArtifact(o, seams) {
    const { exec, logger, env } = seams;
    const timings = [];
    const timed = async (step, fn) => {
        const start = performance.now();
        try {
            return await fn();
        }
        finally {
            timings.push({ step, ms: Math.round(performance.now() - start) });
        }
    };
    const stack = o.stack ?? (await timed('detect', () => (0,stack_src.detectStack)({ root: o.repoRoot, logger })));
    const project = pickProject(stack, o.project);
    const projectDir = projectFolder(o.repoRoot, project, o.stack ? 'stack' : 'project');
    const needGit = o.version === undefined || (o.sourceDateEpoch === undefined && env.SOURCE_DATE_EPOCH === undefined) || o.provenance;
    const facts = needGit ? await gitFacts(exec, o.repoRoot) : undefined;
    const version = o.version ?? facts.describe;
    const sourceDateEpoch = o.sourceDateEpoch ?? epochFromEnv(env.SOURCE_DATE_EPOCH) ?? facts.commitTime;
    const name = artifactName(o.name, env, o.repoRoot, project);
    checkFileNameLength(name, version, o);
    const plan = packagingPlan(project, { sourceDateEpoch, env });
    const include = o.include ?? plan.include;
    checkIncludes(include, o.include ? 'include' : 'stack');
    checkGlobs(o.exclude, 'exclude');
    const exclude = [...(o.include ? [] : plan.exclude), ...o.exclude];
    const build = o.command === 'none' ? null : (o.command ?? plan.command ?? project.commands.build);
    const install = o.install ? project.commands.install : null;
    // Dependency cache: restore before installing, save after.
    let cacheHit = 'false';
    let cacheNote = 'cache disabled';
    const paths = cachePaths(project, env);
    const chosen = o.cache
        ? seams.cacheBackend
            ? { backend: seams.cacheBackend, reason: seams.cacheBackend.name }
            : chooseCacheBackend(env)
        : { reason: 'cache: false' };
    const lockfiles = lockfilePaths(o.repoRoot, project);
    const key = chosen.backend && paths.length ? await cacheKey(project, lockfiles) : undefined;
    if (chosen.backend && key) {
        const matched = await timed('cache restore', () => tolerant(logger, 'restore', () => chosen.backend.restore(paths, key.key, key.restoreKeys)));
        cacheHit = matched === key.key ? 'true' : matched ? 'partial' : 'false';
        cacheNote = `${chosen.reason}: ${cacheHit === 'true' ? 'exact hit' : cacheHit === 'partial' ? `restored ${matched}` : 'miss'}`;
    }
    else if (o.cache) {
        cacheNote = paths.length
            ? chosen.reason
            : `no known cache folder for ${project.packageManager?.name ?? 'this project'}`;
        if (paths.length)
            logger.info(`build-artifact: dependency cache skipped: ${chosen.reason}`);
    }
    // Build scripts are the project's code: they never see the runner's service tokens.
    const commandEnv = { ...(0,lite/* withoutRunnerCredentials */.DV)(env), SOURCE_DATE_EPOCH: String(sourceDateEpoch) };
    const limits = { timeoutMs: o.timeoutMs, redact: seams.redact ?? ((text) => text) };
    if (install)
        await timed('install', () => runCommand(exec, 'install', install, installDir(o.repoRoot, project, projectDir), commandEnv, limits));
    if (chosen.backend && key && cacheHit !== 'true')
        await timed('cache save', () => tolerant(logger, 'save', () => chosen.backend.save(paths.filter((p) => (0,external_node_fs_.existsSync)(p)), key.key)));
    if (build)
        await timed('build', () => runCommand(exec, 'build', build, projectDir, commandEnv, limits));
    const outputRel = (0,external_node_path_.relative)(projectDir, o.outputDir).split(external_node_path_.sep).join('/');
    const selection = await timed('select', async () => (0,collect/* selectFiles */.AL)({ root: projectDir, include, exclude, never: ['.git', outputRel] }));
    refuseIncomplete(selection, o.include ? 'include' : 'stack');
    if (selection.escapingLinks.length) {
        throw new lite/* UserError */.yo(`these symbolic links point outside the project (or climb with .. after a name, which verify-artifact refuses) and cannot be packaged: ${selection.escapingLinks.join(', ')}.`, { input: 'include' }, 'Exclude them, or replace them with the files they point to.');
    }
    for (const p of selection.skippedSpecial)
        logger.warning(`build-artifact: ${p} is a socket, FIFO or device and is not packaged`);
    const files = selection.entries.filter((e) => e.type !== 'dir');
    if (files.length === 0 && o.exclude.length) {
        // Without the user's excludes only: the stack's own (test folders, source jars) still apply.
        const without = (0,collect/* selectFiles */.AL)({
            root: projectDir,
            include,
            exclude: o.include ? [] : plan.exclude,
            never: ['.git', outputRel],
        });
        const matched = without.entries.filter((e) => e.type !== 'dir').length;
        if (matched)
            throw new lite/* UserError */.yo(`exclude (${o.exclude.join(', ')}) leaves out all ${matched} files include (${include.join(', ')}) matched in ${project.path}.`, { input: 'exclude' }, 'Exclude less: an artifact needs at least one file.');
    }
    if (files.length === 0) {
        throw new lite/* UserError */.yo(`include (${include.join(', ')}) matched no files in ${project.path}.`, { input: 'include' }, build ? `Check that \`${build}\` writes its output there, or set include.` : 'Set include to the files to ship.');
    }
    if (!o.include &&
        plan.required.length &&
        !files.some((f) => picomatch_default().isMatch(f.path, plan.required, { dot: true }))) {
        throw new lite/* UserError */.yo(`the build produced nothing at ${plan.required.join(' or ')} in ${project.path}.`, { input: 'include' }, 'Set include to where your build writes its output.');
    }
    const secrets = await findSecretFiles(projectDir, files.map((f) => f.path));
    if (secrets.length && !o.allowSecretFiles) {
        throw new lite/* UserError */.yo(`refusing to package likely secret files: ${secrets.join(', ')}.`, { input: 'allow-secret-files' }, 'Exclude them, or set allow-secret-files: true if they are meant to ship.');
    }
    for (const s of secrets)
        logger.warning(`build-artifact: packaging ${s}, which looks like a secret (allow-secret-files: true)`);
    await (0,promises_.mkdir)(o.outputDir, { recursive: true });
    const archiveFile = `${archiveBase(name, version)}.tar.gz`;
    const artifactPath = (0,external_node_path_.join)(o.outputDir, archiveFile);
    const archive = await timed('archive', () => writeArchive({
        entries: selection.entries,
        archivePath: artifactPath,
        mtime: sourceDateEpoch,
        onProgress: (n) => logger.info(`build-artifact: archived ${(n / 1048576).toFixed(0)} MiB…`),
    }).catch((err) => {
        if (err.code !== 'EACCES' && err.code !== 'EPERM')
            throw err;
        throw new lite/* UserError */.yo(`${(0,external_node_path_.relative)(projectDir, err.path ?? '?')
            .split(external_node_path_.sep)
            .join('/')} cannot be read (${err.code}), so the artifact would be incomplete.`, { input: 'include' }, 'Make it readable by the job, or exclude it.');
    }));
    const base = archiveFile.replace(/\.tar\.gz$/, '');
    const manifestPath = (0,external_node_path_.join)(o.outputDir, `${base}.manifest.json`);
    await (0,lite/* writeFileAtomic */.Zf)(manifestPath, (0,manifest/* manifestJson */.c)({
        schemaVersion: 1,
        name,
        version,
        project: project.path,
        sourceDateEpoch,
        ...(facts ? { commit: facts.commit, commitTime: new Date(facts.commitTime * 1000).toISOString() } : {}),
        archive: { file: archiveFile, sha256: archive.digest, size: archive.size },
        files: archive.files,
    }));
    const result = {
        project,
        name,
        version,
        sourceDateEpoch,
        artifactPath,
        digest: `sha256:${archive.digest}`,
        size: archive.size,
        files: files.length,
        manifestPath,
        cacheHit,
        cacheNote,
        commands: { install, build },
        timings,
    };
    if (o.sbom) {
        const packages = await readLockfiles(o.repoRoot, lockfiles, logger);
        result.sbomPath = (0,external_node_path_.join)(o.outputDir, `${base}.cdx.json`);
        result.sbomComponents = new Set(packages.filter((p) => !p.dev).map((p) => `${p.ecosystem}:${p.name}@${p.version}`)).size;
        await (0,lite/* writeFileAtomic */.Zf)(result.sbomPath, await cycloneDxSbom({ name, version, digest: archive.digest, sourceDateEpoch, packages }));
    }
    if (o.provenance) {
        result.provenancePath = (0,external_node_path_.join)(o.outputDir, `${base}.intoto.json`);
        await (0,lite/* writeFileAtomic */.Zf)(result.provenancePath, provenanceStatement({
            subjectName: archiveFile,
            digest: archive.digest,
            project: project.path,
            command: build,
            install,
            commit: facts?.commit ?? 'unknown',
            env,
        }));
    }
    if (o.upload) {
        if (!hasActionsRuntime(env))
            logger.info('build-artifact: upload skipped: no GitHub Actions artifact service here (a local run); the artifact stays on disk.');
        else {
            const uploadFiles = [artifactPath, manifestPath, result.sbomPath, result.provenancePath].filter((f) => f !== undefined);
            try {
                const uploaded = await timed('upload', () => (seams.uploader ?? actionsUploader)(name, uploadFiles, o.outputDir, o.retentionDays, env));
                result.artifactId = uploaded.id;
                result.artifactUrl = uploaded.url;
            }
            catch (err) {
                throw uploadFailed(name, artifactPath, err);
            }
        }
    }
    return result;
}
/** Refuses a selection that left out what it could not read, or that reached outside the project. */
function refuseIncomplete(selection, input) {
    if (selection.outside.length)
        throw new lite/* UserError */.yo(`${selection.outside.join(', ')} reaches outside the project through a symbolic link.`, { input }, 'Include only what lives in the project folder.');
    if (selection.unreadable.length)
        throw new lite/* UserError */.yo(`cannot read ${selection.unreadable.map((u) => `${u.path} (${u.code})`).join(', ')}, so the artifact would be incomplete.`, { input }, 'Make the folder readable by the job, or exclude it.');
}
function epochFromEnv(value) {
    if (value === undefined || value === '')
        return undefined;
    if (!/^\d+$/.test(value))
        throw new lite/* UserError */.yo(`SOURCE_DATE_EPOCH '${value}' is not a whole number of seconds.`, {}, 'Unset it, or set the source-date-epoch input.');
    return Number(value);
}
/** The artifact's files are named `<name>-<version>` plus a suffix. */
function archiveBase(name, version) {
    return `${name}-${version.replace(/[^A-Za-z0-9._+-]/g, '_')}`;
}
/**
 * The most bytes `<name>-<version>` may take: the longest file written beside it is
 * `.<base>.manifest.json.<pid>.<random>.tmp`, and a file name holds 255 bytes.
 */
const MAX_BASE_BYTES = 200;
/** Refuses a name and version too long for the artifact's file names, before anything is built. */
function checkFileNameLength(name, version, o) {
    const bytes = Buffer.byteLength(archiveBase(name, version));
    if (bytes <= MAX_BASE_BYTES)
        return;
    // Blame the longer of the two the user set; a derived name is changed through `name`.
    const input = o.version !== undefined && (o.name === undefined || Buffer.byteLength(o.version) > Buffer.byteLength(o.name))
        ? 'version'
        : 'name';
    throw new lite/* UserError */.yo(`name and version make the artifact's file name ${bytes} bytes long, over the ${MAX_BASE_BYTES} bytes its files can be named with.`, { input }, `Shorten ${input}.`);
}
function artifactName(given, env, repoRoot, project) {
    if (given !== undefined) {
        if (BAD_NAME.test(given))
            throw new lite/* UserError */.yo(`'${given}' contains a character artifact names cannot have.`, { input: 'name' }, 'Leave out " : < > | * ? \\ / and line breaks.');
        return given;
    }
    const repo = (env.GITHUB_REPOSITORY?.split('/')[1] ?? (0,external_node_path_.basename)(repoRoot)).replace(/[^A-Za-z0-9._-]/g, '-');
    const slug = project.name.replace(/^@/, '').replace(/[^A-Za-z0-9._-]/g, '-');
    return project.path === '.' || slug === repo ? repo : `${repo}-${slug}`;
}
async function readLockfiles(repoRoot, paths, logger) {
    const out = [];
    for (const abs of paths) {
        const rel = (0,external_node_path_.relative)(repoRoot, abs).split(external_node_path_.sep).join('/');
        try {
            // Non-blocking and capped: a FIFO or a link to /dev/zero named like a lockfile is a warning.
            out.push(...((0,src/* readLockfile */.GQ)(abs, rel) ?? []));
        }
        catch (err) {
            logger.warning(`build-artifact: ${rel} could not be read for the SBOM: ${err.message}`, {
                file: rel,
                ...(err.line ? { startLine: err.line } : {}),
            });
        }
    }
    return out.sort((a, b) => (0,collect/* byteOrder */.Tz)(`${a.name}@${a.version}`, `${b.name}@${b.version}`));
}

// EXTERNAL MODULE: ./packages/artifact/src/verify.ts + 1 modules
var verify = __webpack_require__(6476);
// EXTERNAL MODULE: ./packages/artifact/src/tar-reader.ts
var tar_reader = __webpack_require__(78923);
;// CONCATENATED MODULE: ./packages/artifact/src/index.ts















/***/ }),

/***/ 14934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dD: () => (/* reexport */ LOCKFILE_NAMES),
  g: () => (/* reexport */ LockfileError),
  Qq: () => (/* reexport */ dedupe),
  vt: () => (/* reexport */ isOsvEcosystem),
  D9: () => (/* reexport */ parserFor),
  VA: () => (/* reexport */ purlOf),
  sS: () => (/* reexport */ pypiName),
  GQ: () => (/* reexport */ readLockfile)
});

// UNUSED EXPORTS: MAX_LOCKFILE_BYTES

// EXTERNAL MODULE: ./node_modules/valibot/dist/index.mjs
var dist = __webpack_require__(77934);
// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
;// CONCATENATED MODULE: ./packages/lockfiles/src/types.ts
/** True for the ecosystems OSV knows: the OSV API refuses a query naming any other. */
function isOsvEcosystem(ecosystem) {
    return ecosystem !== 'CocoaPods';
}
/** A lockfile that cannot be read as its format; carries the line where parsing failed. */
class LockfileError extends Error {
    file;
    line;
    name = 'LockfileError';
    constructor(message, file, line) {
        super(message);
        this.file = file;
        this.line = line;
    }
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/shape.ts



const isTable = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
/** A JSON object or TOML/YAML table with the given fields; valibot's object schemas alone accept arrays. */
function table(entries) {
    return dist/* pipe */.FsL(dist/* custom */.IeY(isTable, 'an object'), dist/* looseObject */._H3(entries));
}
/** A JSON object or TOML/YAML table whose every value has the given type. */
function tableOf(value) {
    return dist/* pipe */.FsL(dist/* custom */.IeY(isTable, 'an object'), dist/* record */.g1P(dist/* string */.YjP(), value));
}
/** An optional string field. */
const optString = () => dist/* optional */.lqM(dist/* string */.YjP());
/** An optional boolean field. */
const optBoolean = () => dist/* optional */.lqM(dist/* boolean */.zMY());
/**
 * Checks a parsed lockfile against the schema of its format, or throws a LockfileError naming the
 * first field of the wrong type and its line. A lockfile is written by a tool, so a wrong type
 * means it is damaged or not what its name says: it is refused whole rather than half-read.
 */
function checkLockfile(schema, doc, text, file) {
    let result;
    try {
        result = dist/* safeParse */.xLC(schema, doc, { abortEarly: true });
    }
    catch (err) {
        // Recursive schemas (npm v1 `dependencies`) walk the document depth-first.
        if (err instanceof RangeError)
            throw new LockfileError('the document is nested too deeply to be a lockfile', file);
        throw err;
    }
    if (result.success)
        return result.output;
    const issue = deepest(result.issues[0]);
    const path = (issue.path ?? []).map((p) => p.key);
    let value = doc;
    for (const key of path)
        value = value?.[key];
    const field = path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
    const where = field === '' ? 'the document' : field;
    throw new LockfileError(`${where} is ${kindOf(value)}, not the ${expected(issue)} this format has`, file, (0,lite/* fieldLine */.h0)(text, path));
}
/** A union's issue is the union's; an option that went deeper names the real field. */
function deepest(issue) {
    const sub = issue.type === 'union' ? issue.issues?.find((s) => (s.path?.length ?? 0) > 0) : undefined;
    return sub ? { ...sub, path: [...(issue.path ?? []), ...(sub.path ?? [])] } : issue;
}
function expected(issue) {
    if (issue.type === 'custom')
        return 'object';
    const names = { Array: 'list', Object: 'object', string: 'string', number: 'number' };
    return (issue.expected ?? 'value')
        .replace(/^\(|\)$/g, '')
        .split(' | ')
        .map((p) => names[p] ?? p)
        .join(' or ');
}
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'boolean')
        return 'true or false';
    return `a ${typeof value}`;
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/schemas.ts
// One schema per lockfile format, describing just the fields the parsers read.


const npmV1Dep = dist/* lazy */.RZV(() => table({
    version: optString(),
    integrity: optString(),
    dev: optBoolean(),
    dependencies: dist/* optional */.lqM(tableOf(npmV1Dep)),
}));
/** package-lock.json and npm-shrinkwrap.json, lockfile versions 1 to 3. */
const NpmLockSchema = table({
    packages: dist/* optional */.lqM(tableOf(table({
        name: optString(),
        version: optString(),
        resolved: optString(),
        integrity: optString(),
        dev: optBoolean(),
        link: optBoolean(),
    }))),
    dependencies: dist/* optional */.lqM(tableOf(npmV1Dep)),
});
const depRanges = () => dist/* optional */.lqM(tableOf(dist/* string */.YjP()));
/** What a bun.lock package array holds besides its `name@version`: the first object lists its dependencies. */
const bunItem = () => dist/* union */.KCZ([
    dist/* string */.YjP(),
    dist/* number */.aig(),
    dist/* boolean */.zMY(),
    dist/* null */.chJ(),
    dist/* array */.YOg(dist/* unknown */.L5J()),
    table({ dependencies: depRanges(), optionalDependencies: depRanges(), peerDependencies: depRanges() }),
]);
/**
 * bun.lock: `packages` maps a key to an array whose first item is `name@version`;
 * `workspaces` holds each workspace's dependencies as its package.json has them.
 */
const BunLockSchema = table({
    workspaces: dist/* optional */.lqM(tableOf(table({
        name: optString(),
        dependencies: depRanges(),
        devDependencies: depRanges(),
        optionalDependencies: depRanges(),
        peerDependencies: depRanges(),
    }))),
    packages: dist/* optional */.lqM(tableOf(dist/* array */.YOg(bunItem()))),
});
/** An importer's dependencies: `name: version` (v5) or `name: { specifier, version }` (v6 and v9). */
const pnpmImporterDeps = () => dist/* optional */.lqM(dist/* nullable */.mee(tableOf(dist/* union */.KCZ([dist/* string */.YjP(), table({ version: optString() })]))));
/** A v9 snapshot's dependencies: `name: version(peers)` or, for an alias, `name: real@version`. */
const pnpmSnapshotDeps = () => dist/* optional */.lqM(dist/* nullable */.mee(tableOf(dist/* string */.YjP())));
/** pnpm-lock.yaml, versions 5 to 9: an entry may be empty (null in YAML). */
const PnpmLockSchema = table({
    lockfileVersion: dist/* optional */.lqM(dist/* union */.KCZ([dist/* string */.YjP(), dist/* number */.aig()])),
    importers: dist/* optional */.lqM(dist/* nullable */.mee(tableOf(dist/* nullable */.mee(table({
        dependencies: pnpmImporterDeps(),
        devDependencies: pnpmImporterDeps(),
        optionalDependencies: pnpmImporterDeps(),
    }))))),
    packages: dist/* optional */.lqM(dist/* nullable */.mee(tableOf(dist/* nullable */.mee(table({
        name: optString(),
        version: optString(),
        resolution: dist/* optional */.lqM(table({ integrity: optString(), tarball: optString(), directory: optString(), type: optString() })),
        dev: optBoolean(),
    }))))),
    snapshots: dist/* optional */.lqM(dist/* nullable */.mee(tableOf(dist/* nullable */.mee(table({ dependencies: pnpmSnapshotDeps(), optionalDependencies: pnpmSnapshotDeps() }))))),
});
/** yarn.lock berry: descriptor → entry; `__metadata.version` is a number, YAML reads `version: 1.0` as one too. */
const YarnBerrySchema = tableOf(dist/* nullable */.mee(table({
    version: dist/* optional */.lqM(dist/* union */.KCZ([dist/* string */.YjP(), dist/* number */.aig()])),
    resolution: optString(),
})));
const hashTable = () => dist/* optional */.lqM(table({ hash: optString() }));
const hashTables = () => dist/* optional */.lqM(dist/* array */.YOg(table({ hash: optString() })));
/** poetry.lock: `[[package]]` tables; dev from `category` (Poetry 1) or `groups` (Poetry 2). */
const PoetryLockSchema = table({
    package: dist/* optional */.lqM(dist/* array */.YOg(table({
        name: optString(),
        version: optString(),
        category: optString(),
        groups: dist/* optional */.lqM(dist/* array */.YOg(dist/* string */.YjP())),
        files: hashTables(),
        source: dist/* optional */.lqM(table({ type: optString() })),
    }))),
});
/** A uv.lock dependency: a package name, with its version when the lock holds more than one. */
const uvDeps = () => dist/* array */.YOg(table({ name: optString(), version: optString() }));
/** uv.lock: `[[package]]` tables, each with its dependencies, extras and dependency groups. */
const UvLockSchema = table({
    package: dist/* optional */.lqM(dist/* array */.YOg(table({
        name: optString(),
        version: optString(),
        sdist: hashTable(),
        wheels: hashTables(),
        source: dist/* optional */.lqM(table({ editable: optString(), virtual: optString(), directory: optString(), path: optString() })),
        dependencies: dist/* optional */.lqM(uvDeps()),
        'optional-dependencies': dist/* optional */.lqM(tableOf(uvDeps())),
        'dev-dependencies': dist/* optional */.lqM(tableOf(uvDeps())),
    }))),
});
const pipfileSection = () => dist/* optional */.lqM(tableOf(table({ version: optString(), hashes: dist/* optional */.lqM(dist/* array */.YOg(dist/* string */.YjP())) })));
/** Pipfile.lock: `default` and `develop`, name → `{ version, hashes }`. */
const PipfileLockSchema = table({ default: pipfileSection(), develop: pipfileSection() });
/** Cargo.lock: `[[package]]` tables. */
const CargoLockSchema = table({
    package: dist/* optional */.lqM(dist/* array */.YOg(table({ name: optString(), version: optString(), source: optString(), checksum: optString() }))),
});
const composerPackages = () => dist/* optional */.lqM(dist/* array */.YOg(table({
    name: optString(),
    version: optString(),
    dist: dist/* optional */.lqM(dist/* nullable */.mee(table({ type: optString(), shasum: optString() }))),
})));
/** composer.lock: `packages` and `packages-dev`. */
const ComposerLockSchema = table({ packages: composerPackages(), 'packages-dev': composerPackages() });

// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var smol_toml_dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./packages/lockfiles/src/util.ts




/**
 * True when a lockfile's version field holds a version, false when it holds where the code came
 * from instead (`git+https://…`, `github:user/repo#sha`, `file:../x`, `link:`, `workspace:*`, a
 * path or a URL): a source is never reported as a version, or it would match no advisory.
 */
function isVersion(version) {
    return version !== undefined && /^[0-9A-Za-z][^\s/:@#]*$/.test(version);
}
/**
 * The packages, after a warning when there are none: a lockfile that is not in a form the parser
 * reads must not pass unnoticed as a project without dependencies.
 */
function warnIfEmpty(out, file, warnings) {
    if (out.length === 0)
        warnings?.push({
            file,
            message: `no package with a version was found in ${file}, so none of its dependencies is checked; if the project has dependencies, the file is not in a form slipway reads`,
        });
    return out;
}
/** Converts an SRI integrity string (`sha512-<base64>`) into hashes. */
function sriHashes(integrity) {
    if (typeof integrity !== 'string')
        return [];
    const out = [];
    for (const part of integrity.trim().split(/\s+/)) {
        const m = /^(sha1|sha256|sha384|sha512)-([A-Za-z0-9+/=]+)$/.exec(part);
        if (!m)
            continue;
        out.push({ alg: algName(m[1]), hex: Buffer.from(m[2], 'base64').toString('hex') });
    }
    return out;
}
/** A hash written as `sha256:<hex>` or a bare hex string of a known length. */
function hexHash(text, defaultAlg) {
    if (typeof text !== 'string')
        return [];
    const m = /^(?:(sha1|sha256|sha384|sha512)[:=])?([0-9a-fA-F]{40,128})$/.exec(text.trim());
    if (!m)
        return [];
    const alg = m[1] ? algName(m[1]) : (defaultAlg ?? byLength(m[2].length));
    return alg ? [{ alg, hex: m[2].toLowerCase() }] : [];
}
function algName(short) {
    return { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' }[short];
}
function byLength(n) {
    return n === 40 ? 'SHA-1' : n === 64 ? 'SHA-256' : n === 96 ? 'SHA-384' : n === 128 ? 'SHA-512' : undefined;
}
/** Finds the 1-based line of the first occurrence of a needle, for annotations. */
class LineIndex {
    text;
    starts = [0];
    constructor(text) {
        this.text = text;
        for (let i = 0; i < text.length; i++)
            if (text.charCodeAt(i) === 10)
                this.starts.push(i + 1);
    }
    /** The line holding an offset. */
    lineAt(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    }
    /** The line of the first occurrence of a needle at or after `from`, or undefined. */
    find(needle, from = 0) {
        const i = this.text.indexOf(needle, from);
        return i < 0 ? undefined : this.lineAt(i);
    }
    cursor = 0;
    misses = 0;
    /**
     * The line of the next occurrence of a needle after the last one found, else of the first in the
     * text. Parsers ask for entries in the order the file holds them, so each search starts where
     * the last one ended and the whole lockfile is scanned about once, not once per package. After
     * MAX_MISSES needles that are nowhere in the text (each of which costs a full scan), no more
     * lines are looked for: a lockfile of a million unfindable keys must not cost a million scans.
     */
    next(needle) {
        if (this.misses >= MAX_MISSES)
            return undefined;
        let i = this.text.indexOf(needle, this.cursor);
        if (i < 0 && this.cursor > 0)
            i = this.text.indexOf(needle);
        if (i < 0) {
            this.misses++;
            return undefined;
        }
        this.cursor = i + needle.length;
        return this.lineAt(i);
    }
}
const MAX_MISSES = 100;
/** PEP 503 normalised Python project name. */
function pypiName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/**
 * Unique by ecosystem, name and version, whatever the input order: an entry is runtime when any
 * copy is, and carries every hash any copy has (sorted), so the result does not depend on order.
 */
function dedupe(items) {
    const seen = new Map();
    for (const item of items) {
        const key = `${item.ecosystem}\0${item.name}\0${item.version}`;
        const prev = seen.get(key);
        if (!prev) {
            seen.set(key, item);
            continue;
        }
        const hashes = [...prev.hashes, ...item.hashes].filter((h, i, all) => all.findIndex((x) => x.alg === h.alg && x.hex === h.hex) === i);
        hashes.sort((a, b) => (a.alg + a.hex < b.alg + b.hex ? -1 : 1));
        seen.set(key, { ...prev, dev: prev.dev && item.dev, hashes });
    }
    return [...seen.values()];
}
/** Parses a JSON lockfile and checks its shape, or throws a LockfileError naming the file and line. */
function parseJsonLockfile(text, file, schema) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (err) {
        throw new LockfileError(`not valid JSON: ${err.message}`, file);
    }
    return checkLockfile(schema, doc, text, file);
}
/** Parses a TOML lockfile and checks its shape, or throws a LockfileError with the line where it fails. */
function parseTomlLockfile(text, file, schema) {
    let doc;
    try {
        doc = (0,smol_toml_dist/* parse */.qg)(text);
    }
    catch (err) {
        throw new LockfileError(`not valid TOML: ${err.message.split('\n')[0]}`, file, err.line);
    }
    return checkLockfile(schema, doc, text, file);
}
/**
 * Parses a YAML lockfile and checks its shape, or throws a LockfileError. A file of only blanks and
 * comments is `{}`; one that says `null` or `~` is a document of the wrong type like any other.
 */
function parseYamlLockfile(text, file, schema) {
    let doc;
    try {
        doc = (0,yaml_dist.parse)(text, { maxAliasCount: 100 }) ?? (text.split('\n').every((l) => /^\s*(#.*)?$/.test(l)) ? {} : null);
    }
    catch (err) {
        throw new LockfileError(`not valid YAML: ${err.message.split('\n')[0]}`, file, err.linePos?.[0]?.line);
    }
    return checkLockfile(schema, doc, text, file);
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/npm.ts


/**
 * package-lock.json and npm-shrinkwrap.json, lockfileVersion 1, 2 and 3. An alias (`"cf":
 * "npm:@babel/code-frame@7.0.0"`) is the package it stands for; a folder linked or copied in
 * (`link`, `file:`) is the project's own code and is left out; a git or tarball dependency is
 * listed at the version its own package.json states, never at its URL.
 */
const parseNpmLock = (text, file, warnings) => {
    const doc = parseJsonLockfile(text, file, NpmLockSchema);
    const lines = new LineIndex(text);
    const out = [];
    if (doc.packages) {
        for (const [key, entry] of Object.entries(doc.packages)) {
            if (key === '' || entry.link || entry.resolved?.startsWith('file:') || !isVersion(entry.version))
                continue;
            const at = key.lastIndexOf('node_modules/');
            if (at < 0)
                continue; // a workspace folder, not an installed package
            out.push({
                ecosystem: 'npm',
                name: entry.name ?? key.slice(at + 'node_modules/'.length),
                version: entry.version,
                // `devOptional` is also set on an optional dependency of a runtime package: not dev-only.
                dev: entry.dev === true,
                hashes: sriHashes(entry.integrity),
                file,
                ...lineOf(lines, `"${key}"`),
            });
        }
        // A project whose package.json declares no dependencies has nothing to lock: no warning then.
        if (out.length === 0 && Object.keys(doc.packages).every((k) => k === '' || !k.includes('node_modules/'))) {
            const root = JSON.parse(text).packages?.[''] ?? {};
            const declares = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'].some((field) => Object.keys(root[field] ?? {}).length > 0);
            if (!declares)
                return out;
        }
        return warnIfEmpty(out, file, warnings);
    }
    // lockfileVersion 1: nested `dependencies`, walked without recursion (a hostile file can nest deep).
    const stack = Object.entries(doc.dependencies ?? {}).reverse();
    for (let next = stack.pop(); next; next = stack.pop()) {
        const [key, dep] = next;
        const real = npmSpec(key, dep.version);
        if (real)
            out.push({
                ecosystem: 'npm',
                ...real,
                dev: dep.dev === true,
                hashes: sriHashes(dep.integrity),
                file,
                ...lineOf(lines, `"${key}": {`),
            });
        stack.push(...Object.entries(dep.dependencies ?? {}).reverse());
    }
    return warnIfEmpty(out, file, warnings);
};
/** The package a v1 entry installs: its own name and version, or the aliased ones (`npm:name@1.0.0`). */
function npmSpec(key, version) {
    if (version?.startsWith('npm:')) {
        const spec = version.slice('npm:'.length);
        const at = spec.indexOf('@', 1);
        const real = spec.slice(at + 1);
        return at > 0 && isVersion(real) ? { name: spec.slice(0, at), version: real } : undefined;
    }
    return isVersion(version) ? { name: key, version } : undefined;
}
/** `{ line }` when the needle is found, else nothing. */
function lineOf(lines, needle) {
    const line = lines.next(needle);
    return line === undefined ? {} : { line };
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/bun.ts



const isDeps = (item) => typeof item === 'object' && item !== null && !Array.isArray(item);
/**
 * bun.lock (text, JSON with trailing commas): `packages` maps a key to `[ "name@version", registry,
 * meta, integrity ]`. An alias's key is the alias, its first item the real package. Packages from
 * the project's own files and git or tarball packages (whose version bun does not record) are left
 * out; dev-only packages are those reachable only from some workspace's devDependencies.
 */
const parseBunLock = (text, file, warnings) => {
    const doc = parseJsonLockfile(text.replace(/,(\s*[}\]])/g, '$1'), file, BunLockSchema);
    const lines = new LineIndex(text);
    const deps = new Map();
    for (const [key, entry] of Object.entries(doc.packages ?? {})) {
        const meta = entry.slice(1).find(isDeps);
        if (meta)
            deps.set(key, meta);
    }
    const devOnly = devOnlyKeys(doc, deps);
    const out = [];
    for (const [key, entry] of Object.entries(doc.packages ?? {})) {
        const spec = entry[0];
        if (typeof spec !== 'string')
            continue;
        const at = spec.indexOf('@', 1); // a name holds an @ only at its start
        const version = spec.slice(at + 1);
        if (at < 0 || !isVersion(version))
            continue;
        const integrity = entry.find((item, i) => i > 0 && typeof item === 'string' && /^sha\d+-/.test(item));
        out.push({
            ecosystem: 'npm',
            name: spec.slice(0, at),
            version,
            dev: devOnly.has(key),
            hashes: sriHashes(integrity),
            file,
            ...lineOf(lines, `"${key}": [`),
        });
    }
    return warnIfEmpty(out, file, warnings);
};
/** The names in a package key: `a/@s/b/c` is c installed under @s/b installed under a. */
function keyNames(key) {
    const parts = key.split('/');
    const names = [];
    for (let i = 0; i < parts.length; i++)
        names.push(parts[i].startsWith('@') && i + 1 < parts.length ? `${parts[i]}/${parts[++i]}` : parts[i]);
    return names;
}
/**
 * The package keys reachable from devDependencies and from no runtime dependency of any workspace.
 * A dependency resolves as node_modules does: the key nested under the requiring package, then
 * under each of its parents, then at the top.
 */
function devOnlyKeys(doc, deps) {
    const packages = doc.packages ?? {};
    const resolve = (from, dep) => {
        for (let n = from.length; n >= 0; n--) {
            const key = [...from.slice(0, n), dep].join('/');
            if (Object.hasOwn(packages, key))
                return key;
        }
        return undefined;
    };
    const reach = (roots) => {
        const seen = new Set();
        const todo = [...roots];
        for (let next = todo.pop(); next; next = todo.pop()) {
            const key = resolve(...next);
            if (key === undefined || seen.has(key))
                continue;
            seen.add(key);
            const from = keyNames(key);
            for (const dep of depNames(deps.get(key)))
                todo.push([from, dep]);
        }
        return seen;
    };
    const roots = (dev) => Object.entries(doc.workspaces ?? {}).flatMap(([path, ws]) => {
        const from = path === '' || ws.name === undefined ? [] : [ws.name];
        const names = dev ? Object.keys(ws.devDependencies ?? {}) : depNames(ws);
        return names.map((dep) => [from, dep]);
    });
    const runtime = reach(roots(false));
    return new Set([...reach(roots(true))].filter((key) => !runtime.has(key)));
}
function depNames(deps) {
    return [
        ...Object.keys(deps?.dependencies ?? {}),
        ...Object.keys(deps?.optionalDependencies ?? {}),
        ...Object.keys(deps?.peerDependencies ?? {}),
    ];
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/deno.ts




const npmPackages = () => dist/* optional */.lqM(tableOf(table({ integrity: optString() })));
/** Version 2 keeps npm packages under `npm.packages`, version 3 under `packages.npm`, 4 and 5 under `npm`. */
const SCHEMAS = {
    '2': table({ npm: dist/* optional */.lqM(table({ packages: npmPackages() })) }),
    '3': table({ packages: dist/* optional */.lqM(table({ npm: npmPackages() })) }),
    current: table({ npm: npmPackages() }),
};
/**
 * deno.lock, versions 2 to 5: the npm packages, keyed `name@version` (with `_peer@version`
 * suffixes for peer variants). JSR packages and remote modules are left out: OSV has no ecosystem
 * for them and the SBOM no purl type. Version 1 (no `version` field) holds only remote modules.
 * deno.lock does not say what is only for tests, so none is dev.
 */
const parseDenoLock = (text, file) => {
    const doc = parseJsonLockfile(text, file, table({ version: dist/* optional */.lqM(dist/* string */.YjP()) }));
    if (doc.version === undefined)
        return [];
    const npm = doc.version === '2'
        ? checkLockfile(SCHEMAS['2'], doc, text, file).npm?.packages
        : doc.version === '3'
            ? checkLockfile(SCHEMAS['3'], doc, text, file).packages?.npm
            : checkLockfile(SCHEMAS.current, doc, text, file).npm;
    const lines = new LineIndex(text);
    const out = [];
    for (const [key, entry] of Object.entries(npm ?? {})) {
        const m = /^(@?[^@]+)@([^_]+)(?:_.*)?$/.exec(key);
        if (!m)
            continue;
        out.push({
            ecosystem: 'npm',
            name: m[1],
            version: m[2],
            dev: false,
            hashes: sriHashes(entry.integrity),
            file,
            ...lineOf(lines, `"${key}": {`),
        });
    }
    return out;
};

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/expand.ts
const MAX_DEPTH = 10;
/**
 * Replaces every reference (`${name}` in Maven, `$(Name)` in MSBuild: the pattern's first group is
 * the name) by its property, properties referring to properties included. Undefined when one is
 * missing (defined elsewhere: a parent pom, the command line, a property function) or refers back
 * to itself, since a half-resolved version is not a version.
 */
function expandReferences(raw, reference, props) {
    let value = raw;
    for (let depth = 0; value !== undefined && new RegExp(reference.source).test(value); depth++) {
        if (depth === MAX_DEPTH)
            return undefined;
        let missing = false;
        value = value.replace(new RegExp(reference.source, 'g'), (_, name) => {
            const v = props.get(name.trim());
            if (v === undefined)
                missing = true;
            return v ?? '';
        });
        if (missing)
            return undefined;
    }
    return value?.trim() || undefined;
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/xml.ts
// A small XML reader for the build files the lockfile parsers read (pom.xml, packages.config,
// Directory.Packages.props, gradle/verification-metadata.xml): elements, attributes and text, with
// the line each element starts on. Tool-written and well-formed, they need no more; a full parser
// would give no lines. Entities declared in a DOCTYPE are never expanded, so a file cannot grow
// itself (no "billion laughs"); only XML's five and character references are decoded.


const NAME = /[^\s/>=<"']+/y;
const ATTR = /\s+([^\s/>=<"']+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;
const CLOSE = /<\/([^\s/>=<"']+)\s*>/y;
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9A-Fa-f]{1,6}));/g;
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Parses a whole XML document into its root element, or throws a LockfileError with the line. */
function parseXml(source, file) {
    const text = source.replace(/^\uFEFF/, '');
    const lines = new LineIndex(text);
    function fail(what, at) {
        throw new LockfileError(`not valid XML: ${what}`, file, lines.lineAt(at));
    }
    const stack = [];
    let root;
    let i = 0;
    while (i < text.length) {
        const lt = text.indexOf('<', i);
        const chunk = text.slice(i, lt < 0 ? text.length : lt);
        const top = stack[stack.length - 1];
        if (top)
            top.text += decode(chunk);
        else if (chunk.trim() !== '')
            fail('text outside the root element', i + chunk.search(/\S/));
        if (lt < 0)
            break;
        if (text.startsWith('<!--', lt))
            i = skipPast(text, '-->', lt + 4, () => fail('a comment is never closed', lt));
        else if (text.startsWith('<![CDATA[', lt)) {
            const end = skipPast(text, ']]>', lt + 9, () => fail('a CDATA section is never closed', lt));
            if (!top)
                fail('a CDATA section outside the root element', lt);
            top.text += text.slice(lt + 9, end - 3);
            i = end;
        }
        else if (text.startsWith('<?', lt))
            i = skipPast(text, '?>', lt + 2, () => fail('<? is never closed', lt));
        else if (text.startsWith('<!', lt))
            i = skipDeclaration(text, lt, () => fail('<! is never closed', lt));
        else if (text.startsWith('</', lt)) {
            CLOSE.lastIndex = lt;
            const m = CLOSE.exec(text);
            if (!m)
                fail('a malformed end tag', lt);
            const open = stack.pop();
            if (!open)
                fail(`</${m[1]}> closes nothing`, lt);
            if (localName(m[1]) !== open.name)
                fail(`<${open.name}> opened on line ${open.line} is closed by </${m[1]}>`, lt);
            i = CLOSE.lastIndex;
        }
        else {
            const element = startTag(text, lt, lines, fail);
            if (top)
                top.children.push(element.el);
            else if (root)
                fail('a second root element', lt);
            else
                root = element.el;
            if (!element.selfClosing)
                stack.push(element.el);
            i = element.end;
        }
    }
    const open = stack.pop();
    if (open)
        fail(`<${open.name}> opened on line ${open.line} is never closed`, text.length);
    if (!root)
        fail('no root element', 0);
    return root;
}
function startTag(text, lt, lines, fail) {
    NAME.lastIndex = lt + 1;
    const name = NAME.exec(text);
    if (!name)
        fail('a malformed tag', lt);
    const attrs = {};
    let at = NAME.lastIndex;
    for (;;) {
        ATTR.lastIndex = at;
        const a = ATTR.exec(text);
        if (!a)
            break;
        attrs[localName(a[1])] = decode(a[2] ?? a[3] ?? '');
        at = ATTR.lastIndex;
    }
    TAG_END.lastIndex = at;
    const end = TAG_END.exec(text);
    if (!end)
        fail(`the tag <${name[0]}> is malformed or never closed`, lt);
    return {
        el: { name: localName(name[0]), attrs, children: [], text: '', line: lines.lineAt(lt) },
        selfClosing: end[1] === '/',
        end: TAG_END.lastIndex,
    };
}
/** The offset just past `close`, searching from `from`. */
function skipPast(text, close, from, missing) {
    const end = text.indexOf(close, from);
    return end < 0 ? missing() : end + close.length;
}
/** Skips `<!DOCTYPE …>`, whose internal subset in brackets may hold `>`. */
function skipDeclaration(text, lt, missing) {
    let depth = 0;
    for (let i = lt + 2; i < text.length; i++) {
        const c = text[i];
        if (c === '[')
            depth++;
        else if (c === ']')
            depth--;
        else if (c === '>' && depth <= 0)
            return i + 1;
    }
    return missing();
}
function localName(qualified) {
    return qualified.slice(qualified.indexOf(':') + 1);
}
function decode(raw) {
    if (!raw.includes('&'))
        return raw;
    return raw.replace(ENTITY, (whole, named, dec, hex) => {
        if (named)
            return NAMED[named];
        const code = dec !== undefined ? Number(dec) : parseInt(hex, 16);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}
/** The first child element with a local name. */
function child(el, name) {
    return el?.children.find((c) => c.name === name);
}
/** Every child element with a local name. */
function childrenNamed(el, name) {
    return el?.children.filter((c) => c.name === name) ?? [];
}
/** The trimmed text of the first child with a local name, or undefined when absent or empty. */
function childText(el, name) {
    const text = child(el, name)?.text.trim();
    return text === '' ? undefined : text;
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/directory-packages-props.ts




/**
 * Directory.Packages.props (NuGet central package management): the version of each
 * `<PackageVersion>`, with `$(Property)` resolved from the file's `<PropertyGroup>`s (properties
 * under a `Condition` are not evaluated: a version needing one is skipped, as are ranges and
 * floating versions). `<GlobalPackageReference>`s are build-time packages (analyzers, versioning
 * tools) every project gets with PrivateAssets=all: dev.
 */
const parseDirectoryPackagesProps = (text, file) => {
    const root = parseXml(text, file);
    if (root.name !== 'Project')
        throw new LockfileError(`the root element is <${root.name}>, not the <Project> of a Directory.Packages.props`, file, root.line);
    const props = new Map();
    for (const group of childrenNamed(root, 'PropertyGroup'))
        if (group.attrs.Condition === undefined)
            for (const p of group.children)
                if (p.attrs.Condition === undefined)
                    props.set(p.name, p.text.trim());
    const out = [];
    for (const group of childrenNamed(root, 'ItemGroup'))
        for (const item of group.children) {
            if (item.name !== 'PackageVersion' && item.name !== 'GlobalPackageReference')
                continue;
            const name = (item.attrs.Include ?? item.attrs.Update)?.trim();
            const version = nugetExact(expandReferences(versionOf(item), /\$\(([^()]*)\)/, props));
            if (!name || !version)
                continue;
            const dev = item.name === 'GlobalPackageReference';
            out.push({ ecosystem: 'NuGet', name, version, dev, hashes: [], file, line: item.line });
        }
    return dedupe(out);
};
function versionOf(item) {
    return item.attrs.Version ?? childText(item, 'Version');
}
/**
 * The version NuGet restores for a version attribute: `1.2.3` (a minimum, and NuGet takes the
 * lowest it can) or `[1.2.3]`; a range with two ends or a floating `1.*` is not known here.
 */
function nugetExact(raw) {
    const v = raw?.trim();
    if (!v)
        return undefined;
    const pinned = /^\[\s*([^,[\]()\s*]+)\s*\]$/.exec(v);
    if (pinned)
        return pinned[1];
    return /^[^,[\]()\s*$]+$/.test(v) ? v : undefined;
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/go-vendor.ts

/**
 * vendor/modules.txt (`go mod vendor`): the `# module version` line of each vendored module. A
 * replaced module (`# a v1 => b v2`) is the replacement's code at its version; one replaced by a
 * local folder (`=> ../b`) is this repository's and is left out. None is dev: Go vendors only
 * what the build imports.
 */
const parseGoVendorModules = (text, file) => {
    const out = [];
    text.split(/\r?\n/).forEach((raw, i) => {
        if (!raw.startsWith('# '))
            return;
        const [left, right] = raw
            .slice(2)
            .trim()
            .split(/\s+=>\s+/);
        const from = left?.split(/\s+/) ?? [];
        const to = right?.split(/\s+/);
        const valid = from.length >= 1 &&
            from.length <= 2 &&
            (to === undefined || (to.length >= 1 && to.length <= 2)) &&
            from[0] !== '';
        if (!valid || (to === undefined && from.length !== 2))
            throw new LockfileError(`line ${i + 1} is not \`# module version\` or \`# module [version] => replacement [version]\`: ${raw.slice(0, 80)}`, file, i + 1);
        const [name, version] = to ?? from;
        if (!version)
            return; // replaced by a local folder
        if (!/^v\d/.test(version))
            throw new LockfileError(`line ${i + 1}: ${version} is not a Go module version`, file, i + 1);
        out.push({ ecosystem: 'Go', name: name, version, dev: false, hashes: [], file, line: i + 1 });
    });
    return out;
};

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/gradle-catalog.ts



const rich = () => table({ strictly: optString(), require: optString(), prefer: optString(), ref: optString() });
/** A Gradle version catalog: the fields of `[versions]` and `[libraries]` read here. */
const CatalogSchema = table({
    versions: dist/* optional */.lqM(tableOf(dist/* union */.KCZ([dist/* string */.YjP(), rich()]))),
    libraries: dist/* optional */.lqM(tableOf(dist/* union */.KCZ([
        dist/* string */.YjP(),
        table({
            module: optString(),
            group: optString(),
            name: optString(),
            version: dist/* optional */.lqM(dist/* union */.KCZ([dist/* string */.YjP(), rich()])),
        }),
    ]))),
});
/**
 * gradle/libs.versions.toml (and any gradle/*.versions.toml catalog): each `[libraries]` entry
 * whose version, directly or through `version.ref`, is one version: `1.2.3`, a `require` or
 * `strictly` of one version, or the `prefer` of a range (`[1.0,2.0[!!1.5`). Ranges, `1.+` and
 * entries without a version (set by a platform) are skipped; `[plugins]` are Gradle plugin ids, not
 * Maven coordinates. A catalog does not say what is only for tests, so none is dev.
 */
const parseGradleCatalog = (text, file) => {
    const doc = parseTomlLockfile(text, file, CatalogSchema);
    const lines = libraryLines(text);
    const versions = doc.versions ?? {};
    const out = [];
    for (const [alias, lib] of Object.entries(doc.libraries ?? {})) {
        const [coords, inline] = typeof lib === 'string' ? splitNotation(lib) : [moduleOf(lib), lib.version];
        if (!coords)
            continue;
        const ref = typeof inline === 'object' ? inline.ref : undefined;
        const version = oneVersion(ref !== undefined ? versions[ref] : inline);
        if (!version)
            continue;
        const line = lines.get(alias);
        out.push({ ecosystem: 'Maven', name: coords, version, dev: false, hashes: [], file, ...(line ? { line } : {}) });
    }
    return out;
};
/** `group:artifact:version` → [`group:artifact`, version]; `group:artifact` has no version. */
function splitNotation(notation) {
    const parts = notation.split(':');
    if (parts.length < 2 || parts.length > 3 || !parts[0] || !parts[1])
        return [undefined, undefined];
    return [`${parts[0]}:${parts[1]}`, parts[2]];
}
function moduleOf(lib) {
    if (lib.module !== undefined)
        return /^[^:\s]+:[^:\s]+$/.test(lib.module) ? lib.module : undefined;
    return lib.group && lib.name ? `${lib.group}:${lib.name}` : undefined;
}
/** The one version a declaration resolves to, or undefined when it allows several. */
function oneVersion(declared) {
    if (declared === undefined)
        return undefined;
    if (typeof declared === 'string') {
        const bang = declared.indexOf('!!');
        return bang < 0 ? exact(declared) : exact(declared.slice(bang + 2));
    }
    return exact(declared.prefer) ?? exact(declared.strictly) ?? exact(declared.require);
}
function exact(version) {
    const v = version?.trim();
    if (!v || /[[\](),\s*]|\+$|^latest\./.test(v))
        return undefined;
    return v;
}
/** The line of each key in the `[libraries]` table. */
function libraryLines(text) {
    const out = new Map();
    let inLibraries = false;
    text.split(/\r?\n/).forEach((raw, i) => {
        const header = /^\s*\[\s*([^\]]+?)\s*\]/.exec(raw);
        if (header)
            inLibraries = header[1] === 'libraries';
        else if (inLibraries) {
            const key = /^\s*(?:"([^"]+)"|'([^']+)'|([\w-]+))\s*=/.exec(raw);
            const name = key?.[1] ?? key?.[2] ?? key?.[3];
            if (name !== undefined && !out.has(name))
                out.set(name, i + 1);
        }
    });
    return out;
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/gradle-lockfile.ts

/**
 * gradle.lockfile (Gradle 6+, one per project): `group:artifact:version=configuration,…` lines.
 * An entry is dev when every configuration that locks it is a test one (`testRuntimeClasspath`,
 * `androidTestDebugRuntimeClasspath` …) or only runs annotation processors at compile time.
 */
const parseGradleLockfile = (text, file) => readGradleLock(text, file, false);
/** buildscript-gradle.lockfile and settings-gradle.lockfile: the build's own plugins, all dev. */
const parseGradleBuildLockfile = (text, file) => readGradleLock(text, file, true);
const DEV_CONFIGURATION = /(?:^t|T)est(?![a-z])|(?:^a|A)nnotationProcessor$|^kapt|^ksp/;
function readGradleLock(text, file, allDev) {
    const out = [];
    text.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#') || /^empty=/.test(line))
            return;
        const m = /^([^:=\s]+):([^:=\s]+):([^:=\s]+)=([\w,-]*)$/.exec(line);
        if (!m)
            throw new LockfileError(`line ${i + 1} is not \`group:artifact:version=configurations\`: ${line.slice(0, 80)}`, file, i + 1);
        const configurations = m[4].split(',').filter(Boolean);
        const dev = allDev || (configurations.length > 0 && configurations.every((c) => DEV_CONFIGURATION.test(c)));
        out.push({ ecosystem: 'Maven', name: `${m[1]}:${m[2]}`, version: m[3], dev, hashes: [], file, line: i + 1 });
    });
    return out;
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/gradle-verification.ts



const HASH_ELEMENTS = [
    ['sha1', 'SHA-1'],
    ['sha256', 'SHA-256'],
    ['sha512', 'SHA-512'],
];
/**
 * gradle/verification-metadata.xml: every `<component group name version>` Gradle has verified,
 * with the checksums of its main artifact (`name-version.jar`, `.aar` …). Components with only
 * metadata (`.pom`, `.module`: parent POMs and platforms) ship no code and are left out. The file
 * does not say which are only for tests or the build, so none is dev.
 */
const parseGradleVerificationMetadata = (text, file) => {
    const root = parseXml(text, file);
    if (root.name !== 'verification-metadata')
        throw new LockfileError(`the root element is <${root.name}>, not the <verification-metadata> of Gradle dependency verification`, file, root.line);
    const out = [];
    for (const c of childrenNamed(child(root, 'components'), 'component')) {
        const { group, name, version } = c.attrs;
        if (!group || !name || !version)
            continue;
        const artifacts = childrenNamed(c, 'artifact');
        const code = artifacts.filter((a) => !/\.(pom|module)$/.test(a.attrs.name ?? ''));
        if (artifacts.length > 0 && code.length === 0)
            continue;
        const main = code.find((a) => a.attrs.name?.startsWith(`${name}-${version}.`));
        out.push({
            ecosystem: 'Maven',
            name: `${group}:${name}`,
            version,
            dev: false,
            hashes: main ? hashesOf(main) : [],
            file,
            line: c.line,
        });
    }
    return out;
};
function hashesOf(artifact) {
    return HASH_ELEMENTS.flatMap(([element, alg]) => hexHash(child(artifact, element)?.attrs.value, alg));
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/mix.ts


/** `"key": {:hex, :name, "version", "inner checksum", [managers], [deps], "repo", "outer checksum"},` */
const HEX_ENTRY = /^"([^"]+)":\s*\{:hex,\s*:"?([\w.-]+)"?,\s*"([^"]+)",/;
const OUTER_CHECKSUM = /,\s*"([0-9a-f]{64})"\s*\},?$/;
/**
 * mix.lock (Elixir): an Elixir map Mix writes one entry a line. Hex packages are read with the
 * SHA-256 of their tarball (the outer checksum, in lockfiles since Hex 0.20); git and path
 * dependencies have no Hex version and are left out. mix.lock does not say which dependencies are
 * `only: :dev` or `:test`, so none is dev.
 */
const parseMixLock = (text, file) => {
    const out = [];
    let opened = false;
    text.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        if (!opened) {
            if (!line.startsWith('%{'))
                throw new LockfileError(`not a mix.lock: it starts with ${line.slice(0, 40)}, not %{`, file, i + 1);
            opened = true;
            if (line === '%{')
                return;
        }
        const entry = line.replace(/^%\{\s*/, '');
        if (entry === '}' || entry === '')
            return;
        const m = HEX_ENTRY.exec(entry);
        if (m) {
            const outer = OUTER_CHECKSUM.exec(entry);
            out.push({
                ecosystem: 'Hex',
                name: m[2],
                version: m[3],
                dev: false,
                hashes: hexHash(outer?.[1], 'SHA-256'),
                file,
                line: i + 1,
            });
        }
        else if (!/^"[^"]+":\s*\{:(git|path),/.test(entry))
            throw new LockfileError(`line ${i + 1} is not a mix.lock entry (\`"name": {:hex, …}\`): ${line.slice(0, 80)}`, file, i + 1);
    });
    return out;
};

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/nuget-lock.ts




/** packages.lock.json: target framework → package name → entry. */
const NuGetLockSchema = table({
    dependencies: dist/* optional */.lqM(tableOf(tableOf(table({ type: optString(), resolved: optString(), contentHash: optString() })))),
});
/**
 * packages.lock.json (NuGet, `RestorePackagesWithLockFile`): the resolved version of every
 * package of every target framework, with its SHA-512 content hash. Project references
 * (`"type": "Project"`) are this repository's own code and are skipped. The file does not record
 * `PrivateAssets`, so none is dev.
 */
const parseNuGetLock = (text, file) => {
    const doc = parseJsonLockfile(text, file, NuGetLockSchema);
    const lines = new LineIndex(text);
    const out = [];
    for (const packages of Object.values(doc.dependencies ?? {})) {
        for (const [name, entry] of Object.entries(packages)) {
            if (entry.type === 'Project' || !name || !entry.resolved)
                continue;
            out.push({
                ecosystem: 'NuGet',
                name,
                version: entry.resolved,
                dev: false,
                hashes: contentHash(entry.contentHash),
                file,
                ...lineOf(lines, `"${name}": {`),
            });
        }
    }
    return dedupe(out);
};
/** NuGet's contentHash: the base64 SHA-512 of the .nupkg. */
function contentHash(b64) {
    if (!b64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64))
        return [];
    const bytes = Buffer.from(b64, 'base64');
    return bytes.length === 64 ? [{ alg: 'SHA-512', hex: bytes.toString('hex') }] : [];
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/others.ts




/** Words that begin a go.mod directive; a line beginning with any other word is not go.mod. */
const GO_DIRECTIVES = new Set([
    'module',
    'go',
    'toolchain',
    'godebug',
    'require',
    'replace',
    'exclude',
    'retract',
    'tool',
    'ignore',
]);
/** A Go release as OSV's `stdlib` ranges write it: `1.21` is 1.21.0, `1.21rc2` is 1.21.0-rc.2. */
function goRelease(text) {
    const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:(rc|beta)(\d+))?$/.exec(text);
    if (!m)
        return undefined;
    return `${m[1]}.${m[2]}.${m[3] ?? 0}${m[4] ? `-${m[4]}.${m[5]}` : ''}`;
}
/** A replacement that is a folder (`./x`, `../x`, `/x`, `C:\\x`): local code, with no version. */
const LOCAL_GO_PATH = /^(\.{1,2}[/\\]|[/\\]|[A-Za-z]:[/\\])/;
/**
 * go.mod: the `require`d modules (directives and blocks) as `replace` directives rewrite them: a
 * replacement by another module is what is built and checked, one by a local folder is the
 * project's own code and is left out. The standard library is the package `stdlib` at the
 * `toolchain` release, else at the `go` one, so Go's own advisories are found.
 */
const parseGoMod = (text, file, warnings) => {
    const requires = [];
    const replaces = [];
    let go;
    let toolchain;
    let block;
    text.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.replace(/\/\/.*$/, '').trim();
        if (line === '')
            return;
        let verb = block;
        let args = line.split(/\s+/);
        if (block === undefined) {
            verb = args.shift();
            if (!GO_DIRECTIVES.has(verb))
                throw new LockfileError(`line ${i + 1} is not a go.mod directive: ${line.slice(0, 80)}`, file, i + 1);
            if (args.length === 1 && args[0] === '(') {
                block = verb;
                return;
            }
        }
        else if (line === ')') {
            block = undefined;
            return;
        }
        args = args.map((a) => a.replace(/^"(.*)"$/, '$1'));
        if (verb === 'go' && args[0])
            go = { version: args[0], line: i + 1 };
        else if (verb === 'toolchain' && args[0])
            toolchain = { version: args[0].replace(/^go/, '').split('-')[0], line: i + 1 };
        else if (verb === 'require' && args.length >= 2)
            requires.push({ name: args[0], version: args[1], line: i + 1 });
        else if (verb === 'replace') {
            const arrow = args.indexOf('=>');
            if (arrow < 1)
                return;
            replaces.push({
                old: args[0],
                oldVersion: arrow === 2 ? args[1] : undefined,
                name: args[arrow + 1] ?? '',
                version: args[arrow + 2],
                line: i + 1,
            });
        }
    });
    const out = [];
    for (const r of requires) {
        // The last matching replace wins, and one naming the version wins over one for every version.
        const rep = replaces.findLast((x) => x.old === r.name && x.oldVersion === r.version) ??
            replaces.findLast((x) => x.old === r.name && x.oldVersion === undefined);
        const mod = rep ? { name: rep.name, version: rep.version, line: rep.line } : r;
        if (LOCAL_GO_PATH.test(mod.name) || !isVersion(mod.version))
            continue;
        out.push({ ecosystem: 'Go', name: mod.name, version: mod.version, dev: false, hashes: [], file, line: mod.line });
    }
    for (const release of [toolchain, go]) {
        const version = release && goRelease(release.version);
        if (!version)
            continue;
        out.push({ ecosystem: 'Go', name: 'stdlib', version, dev: false, hashes: [], file, line: release.line });
        break;
    }
    return warnIfEmpty(out, file, warnings);
};
/** Cargo.lock: registry and git packages (workspace members and path crates have no source and are skipped). */
const parseCargoLock = (text, file, warnings) => {
    const doc = parseTomlLockfile(text, file, CargoLockSchema);
    const lines = new LineIndex(text);
    const out = (doc.package ?? [])
        .filter((p) => p.name && isVersion(p.version) && p.source)
        .map((p) => ({
        ecosystem: 'crates.io',
        name: p.name,
        version: p.version,
        dev: false,
        hashes: hexHash(p.checksum, 'SHA-256'),
        file,
        ...lineOf(lines, `name = "${p.name}"\nversion = "${p.version}"`),
    }));
    return warnIfEmpty(out, file, warnings);
};
/**
 * Gemfile.lock: the `specs:` of GEM sections, four-space indented `name (version)`; GIT and PATH
 * gems are not from rubygems.org and are left out. A top-level line that is not a section name
 * (`GEM`, `PLATFORMS`, `BUNDLED WITH` …) means the file is not a Gemfile.lock.
 */
const parseGemfileLock = (text, file, warnings) => {
    const out = [];
    let inGem = false;
    text.split(/\r?\n/).forEach((line, i) => {
        if (/^\S/.test(line)) {
            if (!/^[A-Z][A-Z ]*$/.test(line.trimEnd()))
                throw new LockfileError(`line ${i + 1} is not a Gemfile.lock section: ${line.slice(0, 80)}`, file, i + 1);
            inGem = line.trim() === 'GEM';
        }
        if (!inGem)
            return;
        const m = /^ {4}([A-Za-z0-9._-]+) \(([^)\s]+?)(?:-[a-z0-9_]+-[a-z0-9_-]+)?\)$/.exec(line);
        if (m && isVersion(m[2]))
            out.push({ ecosystem: 'RubyGems', name: m[1], version: m[2], dev: false, hashes: [], file, line: i + 1 });
    });
    return warnIfEmpty(out, file, warnings);
};
/** composer.lock: `packages` (runtime) and `packages-dev`; path repositories are the project's own and are left out. */
const parseComposerLock = (text, file, warnings) => {
    const doc = parseJsonLockfile(text, file, ComposerLockSchema);
    const lines = new LineIndex(text);
    const out = [];
    for (const [section, dev] of [
        ['packages', false],
        ['packages-dev', true],
    ]) {
        for (const p of doc[section] ?? []) {
            const version = p.version?.replace(/^v(?=\d)/, '');
            if (!p.name || !isVersion(version) || p.dist?.type === 'path')
                continue;
            out.push({
                ecosystem: 'Packagist',
                name: p.name,
                version,
                dev,
                hashes: hexHash(p.dist?.shasum, 'SHA-1'),
                file,
                ...lineOf(lines, `"name": "${p.name}"`),
            });
        }
    }
    return warnIfEmpty(out, file, warnings);
};

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/package-resolved.ts




const state = () => dist/* optional */.lqM(table({ version: dist/* optional */.lqM(dist/* nullable */.mee(dist/* string */.YjP())), revision: dist/* optional */.lqM(dist/* nullable */.mee(dist/* string */.YjP())) }));
/** Package.resolved: `pins` (versions 2 and 3) or `object.pins` (version 1). */
const PackageResolvedSchema = table({
    pins: dist/* optional */.lqM(dist/* array */.YOg(table({ identity: optString(), kind: optString(), location: optString(), state: state() }))),
    object: dist/* optional */.lqM(table({ pins: dist/* optional */.lqM(dist/* array */.YOg(table({ package: optString(), repositoryURL: optString(), state: state() }))) })),
});
/**
 * Package.resolved (Swift Package Manager), versions 1 to 3: every pin of a remote git repository
 * at a version tag, named as OSV's SwiftURL ecosystem names it: the URL without its scheme and
 * `.git` (`github.com/apple/swift-nio`). Pins to a branch or a bare revision, local packages and
 * registry packages have no such name and version and are left out. None is dev: the file does
 * not say.
 */
const parsePackageResolved = (text, file) => {
    const doc = parseJsonLockfile(text, file, PackageResolvedSchema);
    const pins = [
        ...(doc.pins ?? []).map((p) => ({
            key: p.identity,
            url: p.kind === undefined || p.kind === 'remoteSourceControl' ? p.location : undefined,
            version: p.state?.version,
        })),
        ...(doc.object?.pins ?? []).map((p) => ({ key: p.package, url: p.repositoryURL, version: p.state?.version })),
    ];
    const lines = new LineIndex(text);
    const out = [];
    for (const pin of pins) {
        const name = swiftUrlName(pin.url);
        if (!name || !pin.version)
            continue;
        const line = pin.key !== undefined ? lineOf(lines, `"${pin.key}"`) : {};
        out.push({ ecosystem: 'SwiftURL', name, version: pin.version, dev: false, hashes: [], file, ...line });
    }
    return out;
};
/**
 * `https://github.com/apple/swift-nio.git` and `git@github.com:apple/swift-nio.git` →
 * `github.com/apple/swift-nio`; undefined for a local path or a URL without host and path.
 */
function swiftUrlName(url) {
    if (!url)
        return undefined;
    const scp = /^[\w.-]+@([^:/]+):(.+)$/.exec(url);
    const rest = scp ? `${scp[1]}/${scp[2]}` : /^(?:https?|ssh|git)(?:\+\w+)?:\/\/(?:[^@/]*@)?(.+)$/.exec(url)?.[1];
    if (!rest)
        return undefined;
    const name = rest
        .replace(/^([^/]+):\d+\//, '$1/')
        .replace(/\/+$/, '')
        .replace(/\.git$/, '');
    return /^[^/\s]+(\/[^/\s]+)+$/.test(name) ? name : undefined;
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/packages-config.ts


/**
 * packages.config (NuGet before PackageReference): `<package id version>` pins one version each;
 * `developmentDependency="true"` marks build-time packages (analyzers, build tools) as dev.
 */
const parsePackagesConfig = (text, file) => {
    const root = parseXml(text, file);
    if (root.name !== 'packages')
        throw new LockfileError(`the root element is <${root.name}>, not the <packages> of a packages.config`, file, root.line);
    const out = [];
    for (const p of childrenNamed(root, 'package')) {
        const name = p.attrs.id?.trim();
        const version = p.attrs.version?.trim();
        if (!name || !version)
            continue;
        out.push({
            ecosystem: 'NuGet',
            name,
            version,
            dev: p.attrs.developmentDependency?.trim().toLowerCase() === 'true',
            hashes: [],
            file,
            line: p.line,
        });
    }
    return out;
};

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/pdm.ts




/** pdm.lock: `[[package]]` tables. */
const PdmLockSchema = table({
    package: dist/* optional */.lqM(dist/* array */.YOg(table({
        name: optString(),
        version: optString(),
        groups: dist/* optional */.lqM(dist/* array */.YOg(dist/* string */.YjP())),
        files: dist/* optional */.lqM(dist/* array */.YOg(table({ hash: optString() }))),
        editable: optBoolean(),
        path: optString(),
    }))),
});
/**
 * pdm.lock: every `[[package]]` with a version, except local paths and editable installs (this
 * repository's own code). Since lock format 4.4 each package lists its groups: one outside the
 * `default` group is dev; older files do not say, and nothing is dev.
 */
const parsePdmLock = (text, file) => {
    const doc = parseTomlLockfile(text, file, PdmLockSchema);
    const lines = new LineIndex(text);
    const out = [];
    for (const p of doc.package ?? []) {
        if (!p.name || !p.version || p.editable || p.path !== undefined)
            continue;
        out.push({
            ecosystem: 'PyPI',
            name: pypiName(p.name),
            version: p.version,
            dev: p.groups !== undefined && p.groups.length > 0 && !p.groups.includes('default'),
            hashes: (p.files ?? []).flatMap((f) => hexHash(f.hash)).slice(0, 1),
            file,
            ...lineOf(lines, `name = "${p.name}"`),
        });
    }
    return out;
};

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/pnpm.ts



/**
 * Splits a pnpm package key of any lockfile version: `/a/1.0.0_peer@2` (v5, peers after an
 * underscore), `registry.example.com/a/1.0.0` (v5 and v6, from another registry), `/a@1.0.0(peer@2)`
 * (v6) and `a@1.0.0(peer@2)` (v9). The version is whatever the key holds: a URL for a git or
 * tarball package, which the entry's own `version` then replaces.
 */
function splitPnpmKey(key) {
    let k = key;
    if (k.startsWith('/'))
        k = k.slice(1);
    else {
        const host = /^[^/@]*[.:][^/@]*\//.exec(k); // a registry host; a v9 key's first part holds an @
        if (host)
            k = k.slice(host[0].length);
    }
    const paren = k.indexOf('(');
    if (paren > 0)
        k = k.slice(0, paren);
    const name = /^(?:@[^/@]+\/)?[^/@]+/.exec(k)?.[0];
    if (!name)
        return undefined;
    const rest = k.slice(name.length);
    if (rest.startsWith('@') && rest.length > 1)
        return { name, version: rest.slice(1) };
    const v5 = /^\/([^/_]+)(?:_.*)?$/.exec(rest);
    return v5 ? { name, version: v5[1] } : undefined;
}
/**
 * pnpm-lock.yaml, lockfile versions 5, 6 and 9. A package from the project's own files (`link:`,
 * `file:`, a directory) is left out; a git or tarball package is listed at the version its entry
 * states, never at its URL. Dev-only packages are flagged
 * by v5 and v6 themselves; in v9 they are those only reachable from importers' devDependencies.
 */
const parsePnpmLock = (text, file, warnings) => {
    const doc = parseYamlLockfile(text, file, PnpmLockSchema);
    const lines = new LineIndex(text);
    const devOnly = doc.snapshots ? devOnlyPackages(doc) : undefined;
    const out = [];
    for (const [key, entry] of Object.entries(doc.packages ?? {})) {
        const resolution = entry?.resolution;
        const local = /@(link|file|workspace):/.test(key) ||
            resolution?.directory !== undefined ||
            resolution?.type === 'directory' ||
            resolution?.tarball?.startsWith('file:') === true;
        if (local)
            continue;
        const split = splitPnpmKey(key);
        const name = entry?.name ?? split?.name;
        const version = entry?.version ?? split?.version;
        if (!name || !isVersion(version))
            continue;
        out.push({
            ecosystem: 'npm',
            name,
            version,
            dev: devOnly ? devOnly.has(key) : entry?.dev === true,
            hashes: sriHashes(resolution?.integrity),
            file,
            ...lineOf(lines, key),
        });
    }
    return warnIfEmpty(out, file, warnings);
};
/**
 * v9: the `packages` keys reachable from some importer's devDependencies and from no importer's
 * dependencies or optionalDependencies, following `snapshots`. A package reachable from neither
 * stays runtime: unknown is never taken for dev.
 */
function devOnlyPackages(doc) {
    const snapshots = doc.snapshots ?? {};
    // `name@1.0.0(peer@2)` for a plain version, `real@1.0.0` for an alias or a URL's own key.
    const resolve = (name, version) => Object.hasOwn(snapshots, `${name}@${version}`)
        ? `${name}@${version}`
        : Object.hasOwn(snapshots, version)
            ? version
            : undefined;
    const reach = (roots) => {
        const seen = new Set();
        const todo = [...roots];
        for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
            if (seen.has(id))
                continue;
            seen.add(id);
            const snap = snapshots[id];
            for (const [dep, ver] of [
                ...Object.entries(snap?.dependencies ?? {}),
                ...Object.entries(snap?.optionalDependencies ?? {}),
            ]) {
                const next = resolve(dep, ver);
                if (next !== undefined && !seen.has(next))
                    todo.push(next);
            }
        }
        return new Set([...seen].map((id) => (id.indexOf('(') > 0 ? id.slice(0, id.indexOf('(')) : id)));
    };
    const roots = (kind) => Object.values(doc.importers ?? {}).flatMap((importer) => Object.entries(importer?.[kind] ?? {}).flatMap(([name, dep]) => {
        const version = typeof dep === 'string' ? dep : dep.version;
        const id = version === undefined ? undefined : resolve(name, version);
        return id === undefined ? [] : [id];
    }));
    const runtime = reach([...roots('dependencies'), ...roots('optionalDependencies')]);
    return new Set([...reach(roots('devDependencies'))].filter((key) => !runtime.has(key)));
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/podfile.ts




/** Podfile.lock: `PODS` lists `Name (version)`, alone or as a key over its dependencies. */
const PodfileLockSchema = table({
    PODS: dist/* optional */.lqM(dist/* nullable */.mee(dist/* array */.YOg(dist/* union */.KCZ([dist/* string */.YjP(), tableOf(dist/* unknown */.L5J())])))),
    'EXTERNAL SOURCES': dist/* optional */.lqM(dist/* nullable */.mee(tableOf(dist/* nullable */.mee(table({ ':path': optString() }))))),
});
/**
 * Podfile.lock (CocoaPods): each pod of `PODS` at its version, subspecs (`Firebase/Analytics`)
 * counted as their pod. Pods taken from a local `:path` are this repository's own code and are
 * left out. The ecosystem is 'CocoaPods', which OSV does not have: such packages go in the SBOM
 * but are not looked up. None is dev: the file does not say.
 */
const parsePodfileLock = (text, file) => {
    const doc = parseYamlLockfile(text, file, PodfileLockSchema);
    const local = new Set(Object.entries(doc['EXTERNAL SOURCES'] ?? {})
        .filter(([, source]) => source?.[':path'] !== undefined)
        .map(([name]) => name));
    const lines = new LineIndex(text);
    const out = [];
    for (const item of doc.PODS ?? []) {
        const spec = typeof item === 'string' ? item : (Object.keys(item)[0] ?? '');
        const m = /^([^\s/()]+)(?:\/\S+)?\s+\(([^()\s]+)\)$/.exec(spec.trim());
        if (!m || local.has(m[1]))
            continue;
        out.push({
            ecosystem: 'CocoaPods',
            name: m[1],
            version: m[2],
            dev: false,
            hashes: [],
            file,
            ...lineOf(lines, spec),
        });
    }
    return dedupe(out);
};

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/pom.ts




/**
 * pom.xml: the `<dependencies>` of the project, their versions taken from `<dependencyManagement>`
 * when they give none, and the managed versions themselves (Maven applies them to any artifact of
 * that name the build pulls in). `${…}` is resolved from `<properties>` and the project's and
 * parent's coordinates; a version still holding a property (defined in a parent pom or on the
 * command line) or a range is not one version and is skipped, as are `import`ed BOMs and profiles.
 * `test` scope is dev.
 */
const parsePomXml = (text, file) => {
    const project = parseXml(text, file);
    if (project.name !== 'project')
        throw new LockfileError(`the root element is <${project.name}>, not the <project> of a pom.xml`, file, project.line);
    const resolve = resolver(project);
    const managed = new Map();
    for (const el of childrenNamed(child(child(project, 'dependencyManagement'), 'dependencies'), 'dependency')) {
        const d = declared(el, resolve);
        if (d && !managed.has(d.name))
            managed.set(d.name, d);
    }
    const out = [];
    const direct = new Set();
    for (const el of childrenNamed(child(project, 'dependencies'), 'dependency')) {
        const d = declared(el, resolve);
        if (!d)
            continue;
        direct.add(d.name);
        const m = managed.get(d.name);
        const version = d.version ?? m?.version;
        const scope = d.scope ?? m?.scope;
        if (version)
            out.push(pkg(d.name, version, scope, file, el.line));
    }
    for (const m of managed.values())
        if (!direct.has(m.name) && m.version && m.scope !== 'import')
            out.push(pkg(m.name, m.version, m.scope, file, m.line));
    return dedupe(out);
};
function declared(el, resolve) {
    const group = resolve(childText(el, 'groupId'));
    const artifact = resolve(childText(el, 'artifactId'));
    if (!group || !artifact)
        return undefined;
    const version = exactVersion(resolve(childText(el, 'version')));
    const scope = resolve(childText(el, 'scope'));
    return { name: `${group}:${artifact}`, line: el.line, ...(version ? { version } : {}), ...(scope ? { scope } : {}) };
}
function pkg(name, version, scope, file, line) {
    return { ecosystem: 'Maven', name, version, dev: scope === 'test', hashes: [], file, line };
}
/** `1.2.3` and the hard requirement `[1.2.3]`; a range (`[1.0,2.0)`) is not one version. */
function exactVersion(raw) {
    if (!raw)
        return undefined;
    const hard = /^\[\s*([^,[\]()\s]+)\s*\]$/.exec(raw);
    if (hard)
        return hard[1];
    return /^[^,[\]()\s]+$/.test(raw) ? raw : undefined;
}
/** Resolves `${name}` from `<properties>` and the coordinates Maven exposes (`project.version` …). */
function resolver(project) {
    const parent = child(project, 'parent');
    // Coordinates last: Maven does not let a property named `project.version` override the project's.
    const props = new Map();
    for (const p of child(project, 'properties')?.children ?? [])
        props.set(p.name, p.text.trim());
    for (const field of ['groupId', 'artifactId', 'version']) {
        const own = childText(project, field) ?? (field === 'artifactId' ? undefined : childText(parent, field));
        const inherited = childText(parent, field);
        for (const prefix of ['project.', 'pom.']) {
            if (own !== undefined)
                props.set(`${prefix}${field}`, own);
            if (inherited !== undefined)
                props.set(`${prefix}parent.${field}`, inherited);
        }
    }
    return (raw) => expandReferences(raw, /\$\{([^}]*)\}/, props);
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/pubspec.ts



/** pubspec.lock: `packages`, name → entry; a hosted package's `description` is a map. */
const PubspecLockSchema = table({
    packages: dist/* optional */.lqM(dist/* nullable */.mee(tableOf(table({
        dependency: optString(),
        description: dist/* optional */.lqM(dist/* union */.KCZ([dist/* string */.YjP(), table({ name: optString(), sha256: optString() })])),
        source: optString(),
        version: optString(),
    })))),
});
/**
 * pubspec.lock (Dart and Flutter): every package but the SDK's own (`source: sdk`) and local paths,
 * with the SHA-256 pub.dev records for hosted ones. `dependency: "direct dev"` is dev; the file
 * does not say which transitive packages only dev ones need.
 */
const parsePubspecLock = (text, file) => {
    const doc = parseYamlLockfile(text, file, PubspecLockSchema);
    const lines = new LineIndex(text);
    const out = [];
    for (const [key, p] of Object.entries(doc.packages ?? {})) {
        if (!p.version || p.source === 'sdk' || p.source === 'path')
            continue;
        const description = typeof p.description === 'object' ? p.description : undefined;
        const name = description?.name || key;
        if (!name)
            continue;
        // The needle starts at the line break before the two-space key, so the key is on the next line.
        const at = lines.next(`\n  ${key}:`);
        out.push({
            ecosystem: 'Pub',
            name,
            version: p.version,
            dev: p.dependency === 'direct dev',
            hashes: hexHash(description?.sha256, 'SHA-256'),
            file,
            ...(at !== undefined ? { line: at + 1 } : {}),
        });
    }
    return out;
};

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/pylock.ts




const hashes = () => dist/* optional */.lqM(table({ hashes: dist/* optional */.lqM(tableOf(dist/* string */.YjP())) }));
/** pylock.toml (PEP 751): `[[packages]]` with their sdist, wheels or archive. */
const PylockSchema = table({
    'default-groups': dist/* optional */.lqM(dist/* array */.YOg(dist/* string */.YjP())),
    packages: dist/* optional */.lqM(dist/* array */.YOg(table({
        name: optString(),
        version: optString(),
        marker: optString(),
        directory: dist/* optional */.lqM(table({})),
        sdist: hashes(),
        archive: hashes(),
        wheels: dist/* optional */.lqM(dist/* array */.YOg(table({ hashes: dist/* optional */.lqM(tableOf(dist/* string */.YjP())) }))),
    }))),
});
const ALGS = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512', sha1: 'SHA-1' };
/**
 * pylock.toml and pylock.<name>.toml (PEP 751): every package with a version (a local directory is
 * this repository's own code). A package is dev when its marker installs it only for dependency
 * groups that are not among the file's `default-groups` (`'dev' in dependency_groups`).
 */
const parsePylock = (text, file) => {
    const doc = parseTomlLockfile(text, file, PylockSchema);
    const defaults = new Set(doc['default-groups'] ?? []);
    const lines = new LineIndex(text);
    const out = [];
    for (const p of doc.packages ?? []) {
        if (!p.name || !p.version || p.directory)
            continue;
        const recorded = [p.sdist?.hashes, p.archive?.hashes, ...(p.wheels ?? []).map((w) => w.hashes)];
        out.push({
            ecosystem: 'PyPI',
            name: pypiName(p.name),
            version: p.version,
            dev: onlyForGroups(p.marker, defaults),
            hashes: recorded.flatMap(pylock_hashesOf).slice(0, 1),
            file,
            ...lineOf(lines, `name = "${p.name}"`),
        });
    }
    return out;
};
function pylock_hashesOf(byAlg) {
    return Object.entries(byAlg ?? {}).flatMap(([alg, hex]) => (ALGS[alg] ? hexHash(hex, ALGS[alg]) : []));
}
/** True when every alternative (`or`) of a marker needs a dependency group outside the defaults. */
function onlyForGroups(marker, defaults) {
    if (!marker)
        return false;
    return marker.split(/\bor\b/).every((alternative) => {
        const groups = [...alternative.matchAll(/["']([^"']+)["']\s+in\s+dependency_groups\b/g)].map((m) => m[1]);
        return groups.length > 0 && groups.every((g) => !defaults.has(g));
    });
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/python.ts



/**
 * An exact pin: `name==1.2.3`, `name [extra] === 1.2.3`, followed by nothing, a marker or an
 * option. `==0.7.*` is a range, and `name== --hash=…` has no version: neither is a pin.
 */
const PIN = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*===?\s*([A-Za-z0-9][A-Za-z0-9._+!-]*)(?=[\s;,]|$)/;
/**
 * requirements*.txt: only exact pins are resolved versions; `--hash` options are kept. Includes
 * (`-r`, `-c`) are other files, found and read as lockfiles of their own.
 */
const parseRequirements = (text, file, warnings) => {
    const out = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        let line = lines[i];
        const start = i;
        while (line.endsWith('\\') && i + 1 < lines.length)
            line = line.slice(0, -1) + ' ' + lines[++i];
        const m = PIN.exec(line.replace(/(^|\s)#.*$/, ''));
        if (!m)
            continue;
        const hashes = [...line.matchAll(/--hash[=\s]+(sha256:[0-9a-fA-F]{64})/g)].flatMap((h) => hexHash(h[1]));
        out.push({ ecosystem: 'PyPI', name: pypiName(m[1]), version: m[2], dev: false, hashes, file, line: start + 1 });
    }
    return warnIfEmpty(out, file, warnings);
};
/** poetry.lock and uv.lock, told apart by name: the two write `[[package]]` tables differently. */
const parseTomlPythonLock = (text, file, warnings) => warnIfEmpty(/(^|[/!])uv\.lock$/.test(file) ? parseUvLock(text, file) : parsePoetryLock(text, file), file, warnings);
/**
 * poetry.lock: dev from `category` (Poetry 1) or `groups` (Poetry 2; a package outside `main`).
 * Lock format 2.0 (Poetry 1.5 to 1.8) records neither, so its packages are all runtime. Packages
 * from a local folder or file are the project's own and are left out.
 */
function parsePoetryLock(text, file) {
    const doc = parseTomlLockfile(text, file, PoetryLockSchema);
    const lines = new LineIndex(text);
    const out = [];
    for (const p of doc.package ?? []) {
        if (!p.name || !isVersion(p.version) || p.source?.type === 'directory' || p.source?.type === 'file')
            continue;
        const dev = p.category === 'dev' || (p.groups !== undefined && p.groups.length > 0 && !p.groups.includes('main'));
        out.push({
            ecosystem: 'PyPI',
            name: pypiName(p.name),
            version: p.version,
            dev,
            hashes: (p.files ?? []).flatMap((f) => hexHash(f.hash)).slice(0, 1),
            file,
            ...lineOf(lines, `name = "${p.name}"`),
        });
    }
    return out;
}
/**
 * uv.lock. Workspace members (editable or virtual sources) and local folders are the project's
 * own and are left out; dev-only packages are those reachable only from a member's dependency
 * groups (`dev-dependencies`), not from its dependencies or extras.
 */
function parseUvLock(text, file) {
    const doc = parseTomlLockfile(text, file, UvLockSchema);
    const lines = new LineIndex(text);
    const all = doc.package ?? [];
    const devOnly = uvDevOnly(all);
    const out = [];
    for (const p of all) {
        if (!p.name || !isVersion(p.version) || isLocal(p.source))
            continue;
        out.push({
            ecosystem: 'PyPI',
            name: pypiName(p.name),
            version: p.version,
            dev: devOnly.has(p),
            hashes: [p.sdist?.hash, ...(p.wheels ?? []).slice(0, 1).map((w) => w.hash)]
                .flatMap((h) => hexHash(h))
                .slice(0, 1),
            file,
            ...lineOf(lines, `name = "${p.name}"`),
        });
    }
    return out;
}
/** A source in the project's own files: a workspace member, a folder, or a path that is not a wheel or sdist. */
function isLocal(s) {
    if (s === undefined)
        return false;
    const { editable, virtual, directory, path } = s;
    return ([editable, virtual, directory].some((x) => x !== undefined) ||
        (path !== undefined && !/\.(whl|tar\.gz|zip)$/.test(path)));
}
function uvDevOnly(all) {
    const byName = new Map();
    for (const p of all)
        if (p.name)
            byName.set(pypiName(p.name), [...(byName.get(pypiName(p.name)) ?? []), p]);
    // A dependency names a package, and its version when the lock holds more than one.
    const resolve = (d) => (byName.get(pypiName(d.name ?? '')) ?? []).filter((p) => d.version === undefined || p.version === d.version);
    const edges = (p) => [
        ...(p.dependencies ?? []),
        ...Object.values(p['optional-dependencies'] ?? {}).flat(),
    ];
    const reach = (roots) => {
        const seen = new Set();
        for (let p = roots.pop(); p; p = roots.pop()) {
            if (seen.has(p))
                continue;
            seen.add(p);
            for (const d of edges(p))
                roots.push(...resolve(d));
        }
        return seen;
    };
    const members = all.filter((p) => p.source?.editable !== undefined || p.source?.virtual !== undefined);
    // Members' dependencies and extras are runtime; their dependency groups are not.
    const runtime = reach([...members]);
    const dev = reach(members.flatMap((m) => Object.values(m['dev-dependencies'] ?? {}).flatMap((g) => g.flatMap(resolve))));
    return new Set([...dev].filter((p) => !runtime.has(p)));
}
/** Pipfile.lock: `default` (runtime) and `develop` sections; git and path entries have no version and are left out. */
const parsePipfileLock = (text, file, warnings) => {
    const doc = parseJsonLockfile(text, file, PipfileLockSchema);
    const lines = new LineIndex(text);
    const out = [];
    for (const [section, dev] of [
        ['default', false],
        ['develop', true],
    ]) {
        for (const [name, entry] of Object.entries(doc[section] ?? {})) {
            const version = entry.version?.replace(/^===?/, '');
            if (!isVersion(version))
                continue;
            out.push({
                ecosystem: 'PyPI',
                name: pypiName(name),
                version,
                dev,
                hashes: (entry.hashes ?? []).flatMap((h) => hexHash(h)).slice(0, 1),
                file,
                ...lineOf(lines, `"${name}": {`),
            });
        }
    }
    return warnIfEmpty(out, file, warnings);
};

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/yarn.ts



/** Ranges that point into the project's own files: those packages are not from a registry. */
const LOCAL_RANGE = /^(file|link|portal|workspace|exec|patch):|^\.{0,2}\//;
/**
 * A yarn descriptor or locator (`"@scope/a@^1.0.0"`, `a@npm:^1.0.0`) split into the real package
 * name and the range. An alias (`a-cjs@npm:a@^1.0.0`) names the package it stands for.
 */
function descriptor(text) {
    const d = text.trim().replace(/^"|"$/g, '');
    const at = d.indexOf('@', 1);
    if (at < 0)
        return { name: d, range: '' };
    const name = d.slice(0, at);
    const range = d.slice(at + 1);
    const alias = /^npm:((?:@[^/@]+\/)?[^/@]+)@(.*)$/.exec(range);
    return alias ? { name: alias[1], range: alias[2] } : { name, range };
}
/**
 * yarn.lock, classic (v1) and berry (YAML with __metadata). Neither records which packages are
 * only for development (that is in package.json, which a parser is not given), so every package
 * is listed as runtime. Packages from the project's own files (`file:`, `link:`, `portal:`,
 * workspaces) are left out; git and tarball dependencies are listed at the version yarn recorded
 * from their own package.json.
 */
const parseYarnLock = (text, file, warnings) => warnIfEmpty(/^__metadata:/m.test(text) ? parseBerry(text, file) : parseClassic(text, file), file, warnings);
function parseClassic(text, file) {
    const out = [];
    const lines = text.split(/\r?\n/);
    let current;
    const flush = () => {
        if (current && !current.local && isVersion(current.version))
            out.push({
                ecosystem: 'npm',
                name: current.name,
                version: current.version,
                dev: false,
                hashes: sriHashes(current.integrity),
                file,
                line: current.line,
            });
        current = undefined;
    };
    lines.forEach((line, i) => {
        if (line.trim() === '' || line.startsWith('#'))
            return;
        if (!line.startsWith(' ')) {
            flush();
            if (!line.endsWith(':'))
                throw new LockfileError(`unexpected line: ${line.slice(0, 80)}`, file, i + 1);
            const { name, range } = descriptor(line.slice(0, -1).split(',')[0]);
            current = { name, line: i + 1, local: LOCAL_RANGE.test(range) };
            return;
        }
        // Fields are `version "1.0.0"`; some writers quote the key too (`"version" "1.0.0"`).
        const m = /^ {2}"?(version|integrity)"?\s+"?([^"\s]+)"?\s*$/.exec(line);
        if (m && current)
            current[m[1]] = m[2];
    });
    flush();
    return out;
}
function parseBerry(text, file) {
    const doc = parseYamlLockfile(text, file, YarnBerrySchema);
    const out = [];
    for (const [key, entry] of Object.entries(doc)) {
        if (key === '__metadata' || !entry)
            continue;
        // The resolution is the locator of what was installed: `real-name@npm:1.0.0` even for an alias.
        const locator = descriptor(entry.resolution ?? key.split(',')[0]);
        if (LOCAL_RANGE.test(locator.range))
            continue;
        const npm = /^npm:(.+)$/.exec(locator.range)?.[1];
        const version = npm ?? (entry.version === undefined ? undefined : String(entry.version));
        if (!isVersion(version))
            continue;
        out.push({ ecosystem: 'npm', name: locator.name, version, dev: false, hashes: [], file });
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/registry.ts





















/** Lockfile names and the parser for each. Adding a format is one parser file and one line here. */
const BY_NAME = {
    'package-lock.json': parseNpmLock,
    'npm-shrinkwrap.json': parseNpmLock,
    'pnpm-lock.yaml': parsePnpmLock,
    'yarn.lock': parseYarnLock,
    'bun.lock': parseBunLock,
    'deno.lock': parseDenoLock,
    'poetry.lock': parseTomlPythonLock,
    'uv.lock': parseTomlPythonLock,
    'Pipfile.lock': parsePipfileLock,
    'pdm.lock': parsePdmLock,
    'pylock.toml': parsePylock,
    'go.mod': parseGoMod,
    'Cargo.lock': parseCargoLock,
    'Gemfile.lock': parseGemfileLock,
    'gems.locked': parseGemfileLock,
    'composer.lock': parseComposerLock,
    'pom.xml': parsePomXml,
    'gradle.lockfile': parseGradleLockfile,
    'buildscript-gradle.lockfile': parseGradleBuildLockfile,
    'settings-gradle.lockfile': parseGradleBuildLockfile,
    'packages.lock.json': parseNuGetLock,
    'packages.config': parsePackagesConfig,
    'Directory.Packages.props': parseDirectoryPackagesProps,
    'pubspec.lock': parsePubspecLock,
    'mix.lock': parseMixLock,
    'Package.resolved': parsePackageResolved,
    'Podfile.lock': parsePodfileLock,
};
/**
 * Files read only under a given folder: the tools read these names nowhere else, and elsewhere
 * the name is something else (a modules.txt of another kind, a stale copy). Matched on the path.
 */
const BY_PATH = {
    'vendor/modules.txt': parseGoVendorModules,
    'gradle/verification-metadata.xml': parseGradleVerificationMetadata,
    'gradle/libs.versions.toml': parseGradleCatalog,
};
/** Names matched by pattern: pip's requirements files, named PEP 751 locks, other version catalogs. */
const BY_PATTERN = [
    [/(?:^|\/)requirements[\w.-]*\.txt$/, parseRequirements],
    [/(?:^|\/)pylock\.[^/]+\.toml$/, parsePylock],
    [/(?:^|\/)gradle\/[^/]+\.versions\.toml$/, parseGradleCatalog],
];
/**
 * The parser for a lockfile, found by its path relative to the repository root (POSIX
 * separators), or undefined when it is not a lockfile we read. A base name alone finds every
 * format but those read only under a folder (vendor/modules.txt, gradle/…): pass the path.
 */
function parserFor(path) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (Object.hasOwn(BY_NAME, base))
        return BY_NAME[base];
    for (const [suffix, parse] of Object.entries(BY_PATH))
        if (path === suffix || path.endsWith(`/${suffix}`))
            return parse;
    return BY_PATTERN.find(([pattern]) => pattern.test(path))?.[1];
}
/** Every lockfile name (or path, for those read only under a folder) we read; patterns aside. */
const LOCKFILE_NAMES = [...Object.keys(BY_NAME), ...Object.keys(BY_PATH)];

;// CONCATENATED MODULE: ./packages/lockfiles/src/read.ts



/** Lockfiles larger than this are refused: the largest real ones are a few tens of megabytes. */
const MAX_LOCKFILE_BYTES = 64 * 1024 * 1024;
/**
 * Reads and parses one lockfile by its repository-relative path (`file`). The file is opened without blocking and checked
 * on the open descriptor, so a FIFO, a device (or a link to one) or an oversized file under a
 * lockfile's name is a LockfileError naming `file`, never a hang or a whole read. Returns
 * undefined when the name is not a lockfile slipway reads. What was read but cannot be used (a
 * file that yields no packages) is added to `warnings` when given.
 */
function readLockfile(abs, file, maxBytes = MAX_LOCKFILE_BYTES, warnings) {
    const parse = parserFor(file);
    if (!parse)
        return undefined;
    let text;
    try {
        text = (0,lite/* readUserFile */.E1)(abs, { maxBytes, subject: { file }, what: 'the lockfile' }).toString('utf8');
    }
    catch (err) {
        if (!(0,lite/* isUserError */.iU)(err))
            throw err;
        throw new LockfileError(err.message.replace(abs, () => file).replace(/\.$/, ''), file);
    }
    return parse(text.replace(/^\uFEFF/, ''), file, warnings);
}

// EXTERNAL MODULE: ./scripts/bundle-shims/packageurl-js/index.cjs
var packageurl_js = __webpack_require__(44862);
;// CONCATENATED MODULE: ./packages/lockfiles/src/purl.ts

/** The package URL of a locked package (pkg:npm/%40scope/a@1.0.0, pkg:golang/github.com/x/y@v1 …). */
function purlOf(p) {
    const split = (full, sep = '/') => {
        const i = full.lastIndexOf(sep);
        return i < 0 ? [undefined, full] : [full.slice(0, i), full.slice(i + 1)];
    };
    const url = (type, ns, name) => new packageurl_js.PackageURL(type, ns, name, p.version, undefined, undefined).toString();
    switch (p.ecosystem) {
        case 'npm':
            return p.name.startsWith('@') ? url('npm', ...split(p.name)) : url('npm', undefined, p.name);
        case 'PyPI':
            return url('pypi', undefined, p.name);
        case 'Go':
            return url('golang', ...split(p.name));
        case 'crates.io':
            return url('cargo', undefined, p.name);
        case 'RubyGems':
            return url('gem', undefined, p.name);
        case 'Packagist':
            return url('composer', ...split(p.name));
        case 'Maven':
            // `group:artifact`; the parsers give only names with both.
            return url('maven', ...split(p.name, ':'));
        case 'NuGet':
            return url('nuget', undefined, p.name);
        case 'Pub':
            return url('pub', undefined, p.name);
        case 'Hex':
            return url('hex', undefined, p.name);
        case 'SwiftURL':
            // `github.com/apple/swift-nio`: the namespace is the host and owner.
            return url('swift', ...split(p.name));
        case 'CocoaPods':
            return url('cocoapods', undefined, p.name);
        case 'GitHub Actions':
            // The purl spec's type for a GitHub repository: namespace the owner, name the repository.
            return url('github', ...split(p.name));
    }
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/index.ts







/***/ }),

/***/ 44862:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

// What the bundles load for `packageurl-js` (tsconfig.json's paths; see ../README.md): it builds an
// Intl.Collator when loaded (about 5 ms), and only lockfiles need package URLs.

let real;
const load = () => (real ??= __webpack_require__(87091));
for (const name of ['PackageURL', 'PurlComponent', 'PurlQualifierNames', 'PurlType'])
  Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });


/***/ })

};
