export const id = 521;
export const ids = [521];
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
// EXTERNAL MODULE: ./packages/lockfiles/src/index.ts + 13 modules
var src = __webpack_require__(79490);
// EXTERNAL MODULE: ./packages/stack/src/index.ts + 28 modules
var stack_src = __webpack_require__(78552);
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
        const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(88), __webpack_require__.e(371), __webpack_require__.e(612)]).then(__webpack_require__.bind(__webpack_require__, 50612));
        return cache.restoreCache(paths, key, restoreKeys);
    },
    async save(paths, key) {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(88), __webpack_require__.e(371), __webpack_require__.e(612)]).then(__webpack_require__.bind(__webpack_require__, 50612));
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
/** The default plan for a project, by runtime and framework. */
function packagingPlan(project) {
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
        case 'rust':
            return project.commands.start
                ? { include: [`target/release/${project.name}`], exclude: [], required: [`target/release/${project.name}`] }
                : WHOLE_TREE;
        case 'java':
            return project.packageManager?.name === 'gradle'
                ? { include: ['build/libs/*.jar'], exclude: ['build/libs/*-plain.jar'], required: ['build/libs/*.jar'] }
                : {
                    include: ['target/*.jar', 'target/*.war'],
                    exclude: ['target/*-sources.jar', 'target/*-javadoc.jar', 'target/original-*.jar'],
                    required: ['target/*.jar', 'target/*.war'],
                };
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
        throw new lite/* UserError */.yo(`${cwd} ${known[1]}`, {});
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
    const candidates = [project.packageManager?.lockfile, `${prefix}requirements.txt`, `${prefix}go.mod`].filter((p) => Boolean(p));
    const realRoot = (0,external_node_fs_.realpathSync)(repoRoot);
    return [...new Set(candidates)]
        .filter((p) => (0,src/* parserFor */.D9)((0,external_node_path_.basename)(p)) && regularFileInside(realRoot, (0,external_node_path_.join)(repoRoot, p)))
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
        __webpack_require__.e(/* import() */ 820).then(__webpack_require__.t.bind(__webpack_require__, 6820, 23)),
        Promise.all(/* import() */[__webpack_require__.e(320), __webpack_require__.e(248)]).then(__webpack_require__.t.bind(__webpack_require__, 51248, 23)),
        Promise.all(/* import() */[__webpack_require__.e(320), __webpack_require__.e(321)]).then(__webpack_require__.t.bind(__webpack_require__, 94321, 23)),
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
        const component = new CDX.Models.Component(CDX.Enums.ComponentType.Library, p.name, {
            version: p.version,
            bomRef: purl,
            purl,
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
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(913), __webpack_require__.e(371), __webpack_require__.e(518)]).then(__webpack_require__.bind(__webpack_require__, 56518));
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
    const plan = packagingPlan(project);
    const include = o.include ?? plan.include;
    checkIncludes(include, o.include ? 'include' : 'stack');
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
    const archiveFile = `${name}-${version.replace(/[^A-Za-z0-9._+-]/g, '_')}.tar.gz`;
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

/***/ 79490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g: () => (/* reexport */ LockfileError),
  Qq: () => (/* reexport */ dedupe),
  D9: () => (/* reexport */ parserFor),
  VA: () => (/* reexport */ purlOf),
  sS: () => (/* reexport */ pypiName),
  GQ: () => (/* reexport */ readLockfile)
});

// UNUSED EXPORTS: LOCKFILE_NAMES, MAX_LOCKFILE_BYTES

// EXTERNAL MODULE: ./node_modules/valibot/dist/index.mjs
var dist = __webpack_require__(77934);
// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
;// CONCATENATED MODULE: ./packages/lockfiles/src/types.ts
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
    const result = dist/* safeParse */.xLC(schema, doc, { abortEarly: true });
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
        integrity: optString(),
        dev: optBoolean(),
        devOptional: optBoolean(),
        link: optBoolean(),
    }))),
    dependencies: dist/* optional */.lqM(tableOf(npmV1Dep)),
});
/** bun.lock: `packages` maps a key to an array whose first item is `name@version`. */
const BunLockSchema = table({ packages: dist/* optional */.lqM(tableOf(dist/* array */.YOg(dist/* unknown */.L5J()))) });
/** pnpm-lock.yaml, versions 5 to 9: an entry may be empty (null in YAML). */
const PnpmLockSchema = table({
    packages: dist/* optional */.lqM(dist/* nullable */.mee(tableOf(dist/* nullable */.mee(table({
        name: optString(),
        version: optString(),
        resolution: dist/* optional */.lqM(table({ integrity: optString() })),
        dev: optBoolean(),
    }))))),
});
/** yarn.lock berry: descriptor → entry; `__metadata.version` is a number, YAML reads `version: 1.0` as one too. */
const YarnBerrySchema = tableOf(dist/* nullable */.mee(table({
    version: dist/* optional */.lqM(dist/* union */.KCZ([dist/* string */.YjP(), dist/* number */.aig()])),
    resolution: optString(),
})));
const hashTable = () => dist/* optional */.lqM(table({ hash: optString() }));
/** poetry.lock and uv.lock: `[[package]]` tables. */
const TomlPythonLockSchema = table({
    package: dist/* optional */.lqM(dist/* array */.YOg(table({
        name: optString(),
        version: optString(),
        category: optString(),
        groups: dist/* optional */.lqM(dist/* array */.YOg(dist/* string */.YjP())),
        files: dist/* optional */.lqM(dist/* array */.YOg(table({ hash: optString() }))),
        sdist: hashTable(),
        wheels: dist/* optional */.lqM(dist/* array */.YOg(table({ hash: optString() }))),
        source: dist/* optional */.lqM(table({ editable: optString(), virtual: optString() })),
    }))),
});
const pipfileSection = () => dist/* optional */.lqM(tableOf(table({ version: optString(), hashes: dist/* optional */.lqM(dist/* array */.YOg(dist/* string */.YjP())) })));
/** Pipfile.lock: `default` and `develop`, name → `{ version, hashes }`. */
const PipfileLockSchema = table({ default: pipfileSection(), develop: pipfileSection() });
/** Cargo.lock: `[[package]]` tables. */
const CargoLockSchema = table({
    package: dist/* optional */.lqM(dist/* array */.YOg(table({ name: optString(), version: optString(), source: optString(), checksum: optString() }))),
});
const composerPackages = () => dist/* optional */.lqM(dist/* array */.YOg(table({ name: optString(), version: optString(), dist: dist/* optional */.lqM(dist/* nullable */.mee(table({ shasum: optString() }))) })));
/** composer.lock: `packages` and `packages-dev`. */
const ComposerLockSchema = table({ packages: composerPackages(), 'packages-dev': composerPackages() });

// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var smol_toml_dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./packages/lockfiles/src/util.ts




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
/** Parses a YAML lockfile (an empty one is `{}`) and checks its shape, or throws a LockfileError. */
function parseYamlLockfile(text, file, schema) {
    let doc;
    try {
        doc = (0,yaml_dist.parse)(text, { maxAliasCount: 100 }) ?? {};
    }
    catch (err) {
        throw new LockfileError(`not valid YAML: ${err.message.split('\n')[0]}`, file, err.linePos?.[0]?.line);
    }
    return checkLockfile(schema, doc, text, file);
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/npm.ts


/** package-lock.json and npm-shrinkwrap.json, lockfileVersion 1, 2 and 3. */
const parseNpmLock = (text, file) => {
    const doc = parseJsonLockfile(text, file, NpmLockSchema);
    const lines = new LineIndex(text);
    const out = [];
    if (doc.packages) {
        for (const [key, entry] of Object.entries(doc.packages)) {
            if (key === '' || entry.link || entry.version === undefined)
                continue;
            const at = key.lastIndexOf('node_modules/');
            if (at < 0)
                continue; // a workspace folder, not an installed package
            const name = entry.name ?? key.slice(at + 'node_modules/'.length);
            out.push({
                ecosystem: 'npm',
                name,
                version: entry.version,
                dev: entry.dev === true || entry.devOptional === true,
                hashes: sriHashes(entry.integrity),
                file,
                ...lineOf(lines, `"${key}"`),
            });
        }
        return out;
    }
    const walk = (deps) => {
        for (const [name, dep] of Object.entries(deps ?? {})) {
            if (dep.version !== undefined && !dep.version.startsWith('file:')) {
                out.push({
                    ecosystem: 'npm',
                    name,
                    version: dep.version,
                    dev: dep.dev === true,
                    hashes: sriHashes(dep.integrity),
                    file,
                    ...lineOf(lines, `"${name}": {`),
                });
            }
            walk(dep.dependencies);
        }
    };
    walk(doc.dependencies);
    return out;
};
/** `{ line }` when the needle is found, else nothing. */
function lineOf(lines, needle) {
    const line = lines.next(needle);
    return line === undefined ? {} : { line };
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/bun.ts



/** bun.lock (text, JSON with trailing commas): `packages` maps a key to `[ "name@version", registry, meta, integrity ]`. */
const parseBunLock = (text, file) => {
    const doc = parseJsonLockfile(text.replace(/,(\s*[}\]])/g, '$1'), file, BunLockSchema);
    const lines = new LineIndex(text);
    const out = [];
    for (const [key, entry] of Object.entries(doc.packages ?? {})) {
        const spec = entry[0];
        if (typeof spec !== 'string')
            continue;
        const at = spec.lastIndexOf('@');
        if (at <= 0)
            continue;
        const version = spec.slice(at + 1);
        if (/^(workspace|link|file|git|github):/.test(version))
            continue;
        const integrity = entry.find((v, i) => i > 0 && typeof v === 'string' && /^sha\d+-/.test(v));
        out.push({
            ecosystem: 'npm',
            name: spec.slice(0, at),
            version,
            dev: false,
            hashes: sriHashes(integrity),
            file,
            ...lineOf(lines, `"${key}": [`),
        });
    }
    return out;
};

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/others.ts



/** go.mod `require` lines (directives and blocks); versions are the selected module versions. */
const parseGoMod = (text, file) => {
    const out = [];
    const lines = text.split(/\r?\n/);
    let inBlock = false;
    lines.forEach((raw, i) => {
        const line = raw.replace(/\/\/.*$/, '').trim();
        if (/^require\s*\($/.test(line))
            inBlock = true;
        else if (inBlock && line === ')')
            inBlock = false;
        else {
            const m = inBlock ? /^(\S+)\s+(v\S+)$/.exec(line) : /^require\s+(\S+)\s+(v\S+)$/.exec(line);
            if (m)
                out.push({ ecosystem: 'Go', name: m[1], version: m[2], dev: false, hashes: [], file, line: i + 1 });
        }
    });
    return out;
};
/** Cargo.lock: registry and git packages (workspace members have no source and are skipped). */
const parseCargoLock = (text, file) => {
    const doc = parseTomlLockfile(text, file, CargoLockSchema);
    const lines = new LineIndex(text);
    return (doc.package ?? [])
        .filter((p) => p.name && p.version && p.source)
        .map((p) => ({
        ecosystem: 'crates.io',
        name: p.name,
        version: p.version,
        dev: false,
        hashes: hexHash(p.checksum, 'SHA-256'),
        file,
        ...lineOf(lines, `name = "${p.name}"\nversion = "${p.version}"`),
    }));
};
/** Gemfile.lock: the `specs:` of GEM sections, four-space indented `name (version)`. */
const parseGemfileLock = (text, file) => {
    const out = [];
    let inGem = false;
    text.split(/\r?\n/).forEach((line, i) => {
        if (/^\S/.test(line))
            inGem = line.trim() === 'GEM';
        if (!inGem)
            return;
        const m = /^ {4}([A-Za-z0-9._-]+) \(([^)\s]+?)(?:-[a-z0-9_]+-[a-z0-9_-]+)?\)$/.exec(line);
        if (m)
            out.push({ ecosystem: 'RubyGems', name: m[1], version: m[2], dev: false, hashes: [], file, line: i + 1 });
    });
    return out;
};
/** composer.lock: `packages` (runtime) and `packages-dev`. */
const parseComposerLock = (text, file) => {
    const doc = parseJsonLockfile(text, file, ComposerLockSchema);
    const lines = new LineIndex(text);
    const out = [];
    for (const [section, dev] of [
        ['packages', false],
        ['packages-dev', true],
    ]) {
        for (const p of doc[section] ?? []) {
            if (!p.name || !p.version)
                continue;
            out.push({
                ecosystem: 'Packagist',
                name: p.name,
                version: p.version.replace(/^v(?=\d)/, ''),
                dev,
                hashes: hexHash(p.dist?.shasum, 'SHA-1'),
                file,
                ...lineOf(lines, `"name": "${p.name}"`),
            });
        }
    }
    return out;
};

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/pnpm.ts



/** Splits a pnpm package key of any lockfile version: `/a/1.0.0` (v5), `/a@1.0.0` (v6), `a@1.0.0(peer@2)` (v9). */
function splitPnpmKey(key) {
    const k = key.replace(/^\//, '').replace(/\(.*$/, '');
    const v6 = /^(@?[^@/]+(?:\/[^@/]+)?)@([^@/]+)$/.exec(k);
    if (v6)
        return { name: v6[1], version: v6[2] };
    // v5: `name/version` with peers after an underscore (`/@scope/a/1.0.0_react@18.0.0`)
    const v5 = /^(@?[^@/]+(?:\/[^@/]+)?)\/([^/_]+)(?:_.*)?$/.exec(k);
    return v5 ? { name: v5[1], version: v5[2] } : undefined;
}
/** pnpm-lock.yaml, lockfile versions 5, 6 and 9. */
const parsePnpmLock = (text, file) => {
    const doc = parseYamlLockfile(text, file, PnpmLockSchema);
    const lines = new LineIndex(text);
    const out = [];
    for (const [key, entry] of Object.entries(doc.packages ?? {})) {
        const split = splitPnpmKey(key);
        const name = entry?.name ?? split?.name;
        const version = entry?.version ?? split?.version;
        if (!name || !version || /^(link|file|workspace):/.test(version))
            continue;
        out.push({
            ecosystem: 'npm',
            name,
            version,
            dev: entry?.dev === true,
            hashes: sriHashes(entry?.resolution?.integrity),
            file,
            ...lineOf(lines, key),
        });
    }
    return out;
};

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/python.ts



/** requirements*.txt: only exact pins (`name==1.2.3`) are resolved versions; `--hash` options are kept. */
const parseRequirements = (text, file) => {
    const out = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        let line = lines[i];
        const start = i;
        while (line.endsWith('\\') && i + 1 < lines.length)
            line = line.slice(0, -1) + ' ' + lines[++i];
        const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*===?\s*([A-Za-z0-9._+!-]+)/.exec(line.replace(/\s#.*$/, ''));
        if (!m)
            continue;
        const hashes = [...line.matchAll(/--hash[=\s]+(sha256:[0-9a-fA-F]{64})/g)].flatMap((h) => hexHash(h[1]));
        out.push({ ecosystem: 'PyPI', name: pypiName(m[1]), version: m[2], dev: false, hashes, file, line: start + 1 });
    }
    return out;
};
/** poetry.lock and uv.lock: `[[package]]` tables. */
const parseTomlPythonLock = (text, file) => {
    const doc = parseTomlLockfile(text, file, TomlPythonLockSchema);
    const lines = new LineIndex(text);
    const out = [];
    for (const p of doc.package ?? []) {
        if (!p.name || !p.version || p.source?.editable || p.source?.virtual)
            continue;
        const raw = [
            p.sdist?.hash,
            ...(p.files ?? []).map((f) => f.hash),
            ...(p.wheels ?? []).slice(0, 1).map((w) => w.hash),
        ];
        const hashes = raw.flatMap((h) => hexHash(h)).slice(0, 1);
        const dev = p.category === 'dev' || (p.groups !== undefined && p.groups.length > 0 && !p.groups.includes('main'));
        out.push({
            ecosystem: 'PyPI',
            name: pypiName(p.name),
            version: p.version,
            dev,
            hashes,
            file,
            ...lineOf(lines, `name = "${p.name}"`),
        });
    }
    return out;
};
/** Pipfile.lock: `default` (runtime) and `develop` sections. */
const parsePipfileLock = (text, file) => {
    const doc = parseJsonLockfile(text, file, PipfileLockSchema);
    const lines = new LineIndex(text);
    const out = [];
    for (const [section, dev] of [
        ['default', false],
        ['develop', true],
    ]) {
        for (const [name, entry] of Object.entries(doc[section] ?? {})) {
            const version = entry.version?.replace(/^==/, '');
            if (!version)
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
    return out;
};

;// CONCATENATED MODULE: ./packages/lockfiles/src/parsers/yarn.ts



/** The package name in a yarn descriptor such as `"@scope/a@^1.0.0"` or `a@npm:^1.0.0`. */
function descriptorName(descriptor) {
    const d = descriptor.trim().replace(/^"|"$/g, '');
    const at = d.indexOf('@', 1);
    return at < 0 ? d : d.slice(0, at);
}
/** yarn.lock, classic (v1) and berry (YAML with __metadata). */
const parseYarnLock = (text, file) => /^__metadata:/m.test(text) ? parseBerry(text, file) : parseClassic(text, file);
function parseClassic(text, file) {
    const out = [];
    const lines = text.split(/\r?\n/);
    let current;
    const flush = () => {
        if (current?.version)
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
        if (line === '' || line.startsWith('#'))
            return;
        if (!line.startsWith(' ')) {
            flush();
            if (!line.endsWith(':'))
                throw new LockfileError(`unexpected line: ${line.slice(0, 80)}`, file, i + 1);
            current = { name: descriptorName(line.slice(0, -1).split(',')[0]), line: i + 1 };
            return;
        }
        const m = /^\s{2}(version|integrity)\s+"?([^"]+)"?\s*$/.exec(line);
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
        if (key === '__metadata' ||
            entry?.version === undefined ||
            entry.version === '' ||
            /@(workspace|link|portal|file|patch):/.test(entry.resolution ?? key))
            continue;
        out.push({
            ecosystem: 'npm',
            name: descriptorName(key.split(',')[0]),
            version: String(entry.version),
            dev: false,
            hashes: [],
            file,
        });
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
    'poetry.lock': parseTomlPythonLock,
    'uv.lock': parseTomlPythonLock,
    'Pipfile.lock': parsePipfileLock,
    'go.mod': parseGoMod,
    'Cargo.lock': parseCargoLock,
    'Gemfile.lock': parseGemfileLock,
    'composer.lock': parseComposerLock,
};
/** The parser for a lockfile's base name, or undefined when it is not a lockfile we read. */
function parserFor(basename) {
    if (/^requirements[\w.-]*\.txt$/.test(basename))
        return parseRequirements;
    return Object.hasOwn(BY_NAME, basename) ? BY_NAME[basename] : undefined;
}
/** Every lockfile name we read (requirements files are matched by pattern). */
const LOCKFILE_NAMES = Object.keys(BY_NAME);

;// CONCATENATED MODULE: ./packages/lockfiles/src/read.ts



/** Lockfiles larger than this are refused: the largest real ones are a few tens of megabytes. */
const MAX_LOCKFILE_BYTES = 64 * 1024 * 1024;
/**
 * Reads and parses one lockfile by its base name. The file is opened without blocking and checked
 * on the open descriptor, so a FIFO, a device (or a link to one) or an oversized file under a
 * lockfile's name is a LockfileError naming `file`, never a hang or a whole read. Returns
 * undefined when the name is not a lockfile slipway reads.
 */
function readLockfile(abs, file, maxBytes = MAX_LOCKFILE_BYTES) {
    const parse = parserFor(abs.slice(abs.lastIndexOf('/') + 1));
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
    return parse(text.replace(/^\uFEFF/, ''), file);
}

// EXTERNAL MODULE: ./node_modules/packageurl-js/index.js
var packageurl_js = __webpack_require__(87091);
;// CONCATENATED MODULE: ./packages/lockfiles/src/purl.ts

/** The package URL of a locked package (pkg:npm/%40scope/a@1.0.0, pkg:golang/github.com/x/y@v1 …). */
function purlOf(p) {
    const split = (full) => {
        const i = full.lastIndexOf('/');
        return i < 0 ? [undefined, full] : [full.slice(0, i), full.slice(i + 1)];
    };
    switch (p.ecosystem) {
        case 'npm': {
            const [ns, name] = p.name.startsWith('@') ? split(p.name) : [undefined, p.name];
            return new packageurl_js.PackageURL('npm', ns, name, p.version, undefined, undefined).toString();
        }
        case 'PyPI':
            return new packageurl_js.PackageURL('pypi', undefined, p.name, p.version, undefined, undefined).toString();
        case 'Go': {
            const [ns, name] = split(p.name);
            return new packageurl_js.PackageURL('golang', ns, name, p.version, undefined, undefined).toString();
        }
        case 'crates.io':
            return new packageurl_js.PackageURL('cargo', undefined, p.name, p.version, undefined, undefined).toString();
        case 'RubyGems':
            return new packageurl_js.PackageURL('gem', undefined, p.name, p.version, undefined, undefined).toString();
        case 'Packagist': {
            const [ns, name] = split(p.name);
            return new packageurl_js.PackageURL('composer', ns, name, p.version, undefined, undefined).toString();
        }
    }
}

;// CONCATENATED MODULE: ./packages/lockfiles/src/index.ts







/***/ })

};
