export const id = 5359;
export const ids = [5359];
export const modules = {

/***/ 86906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AL: () => (/* binding */ selectFiles),
/* harmony export */   Tz: () => (/* binding */ byteOrder),
/* harmony export */   tA: () => (/* binding */ linkStaysInside)
/* harmony export */ });
/* unused harmony export walkBases */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _link_rule_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43141);




/** Folders never packaged when a glob spans the whole tree (they are caches or dependency installs). */
const WHOLE_TREE_PRUNE = new Set([
    '.git',
    'node_modules',
    '.venv',
    'venv',
    '__pycache__',
    '.pytest_cache',
    '.mypy_cache',
    '.ruff_cache',
    '.tox',
    '.slipway',
    'coverage',
    '.idea',
    '.vscode',
    '.gradle',
    '.turbo',
]);
/** Compares POSIX paths by their UTF-8 bytes, as `tar --sort=name` orders them. */
function byteOrder(a, b) {
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
/**
 * Walks only the folders the include globs can reach, never following symbolic links: a link is
 * archived as a link when its target stays inside the project, and reported otherwise. Files get
 * mode 0755 when any execute bit is set, else 0644; folders 0755. What cannot be read, and
 * include bases that lead outside the root, are reported rather than silently left out.
 */
function selectFiles(options) {
    const included = picomatch__WEBPACK_IMPORTED_MODULE_3___default()([...options.include], { dot: true });
    const excluded = options.exclude.length ? picomatch__WEBPACK_IMPORTED_MODULE_3___default()([...options.exclude], { dot: true }) : () => false;
    // picomatch never matches across a line break, so a file named `a\nb` would be dropped without a
    // word: globs see line breaks as an ordinary character instead (no glob can name one anyway).
    const isIncluded = (rel) => included(globbable(rel));
    const isExcluded = (rel) => excluded(globbable(rel));
    const realRoot = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(options.root);
    const never = new Set(options.never.map((n) => n.replace(/\/+$/, '')));
    const bases = walkBases(options.include);
    const files = new Map();
    const escapingLinks = [];
    const skippedSpecial = [];
    const unreadable = [];
    const outside = [];
    const visit = (rel) => {
        const abs = rel === '' ? options.root : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.root, rel);
        let names;
        try {
            names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(abs);
        }
        catch (err) {
            unreadable.push({ path: rel || '.', code: err.code ?? 'unknown' });
            return;
        }
        for (const name of names) {
            const childRel = rel === '' ? name : `${rel}/${name}`;
            if (never.has(childRel) || isExcluded(childRel))
                continue;
            let st;
            try {
                st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(abs, name));
            }
            catch (err) {
                unreadable.push({ path: childRel, code: err.code ?? 'unknown' });
                continue;
            }
            if (st.isDirectory()) {
                if (!WHOLE_TREE_PRUNE.has(name) || mentions(options.include, name))
                    visit(childRel);
                continue;
            }
            if (isIncluded(childRel))
                add(childRel, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(abs, name), st);
        }
    };
    const add = (rel, abs, st) => {
        if (st.isSymbolicLink()) {
            const inside = linkStaysInside(rel, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(abs));
            if (inside === undefined)
                escapingLinks.push(rel);
            else
                files.set(rel, { path: rel, type: 'symlink', mode: 0o777, size: 0, linkTarget: inside });
        }
        else if (st.isFile()) {
            files.set(rel, { path: rel, type: 'file', mode: st.mode & 0o111 ? 0o755 : 0o644, size: st.size, abs });
        }
        else {
            skippedSpecial.push(rel);
        }
    };
    for (const base of bases) {
        if (base === '')
            visit('');
        else if (leavesRoot(options.root, realRoot, base))
            outside.push(base);
        else {
            const st = lstatOrUndefined((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.root, base));
            if (st?.isDirectory() && !never.has(base))
                visit(base);
            // A literal include (package.json, a binary's path): stat it directly instead of walking.
            else if (st && isIncluded(base) && !isExcluded(base))
                add(base, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.root, base), st);
        }
    }
    const dirs = new Set();
    for (const path of files.keys())
        for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1))
            dirs.add(path.slice(0, i));
    const entries = [
        ...[...dirs].map((d) => ({ path: d, type: 'dir', mode: 0o755, size: 0 })),
        ...files.values(),
    ];
    entries.sort((a, b) => byteOrder(a.path, b.path));
    return {
        entries,
        escapingLinks: escapingLinks.sort(byteOrder),
        skippedSpecial: skippedSpecial.sort(byteOrder),
        unreadable: unreadable.sort((a, b) => byteOrder(a.path, b.path)),
        outside: outside.sort(byteOrder),
    };
}
/** The path as globs see it: line breaks become a character a glob's `*` matches. */
function globbable(rel) {
    return rel.replace(/[\n\r]/g, '\uFFFD');
}
/**
 * True when an include base leaves the project: `..`, an absolute path, or a folder on the way
 * that is a symbolic link resolving outside (lstat follows every component but the last).
 */
function leavesRoot(root, realRoot, base) {
    const segments = base.split('/');
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(base) || segments.includes('..'))
        return true;
    for (let i = 1; i < segments.length; i++) {
        const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, ...segments.slice(0, i));
        if (!lstatOrUndefined(abs)?.isSymbolicLink())
            continue;
        let real;
        try {
            real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(abs);
        }
        catch {
            return false; // a dangling link leads nowhere: the base simply matches nothing
        }
        if (real !== realRoot && !real.startsWith(`${realRoot}${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`))
            return true;
    }
    return false;
}
function lstatOrUndefined(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path);
    }
    catch {
        return undefined;
    }
}
/** True when a glob names a pruned folder explicitly (`node_modules/**` means the user wants it). */
function mentions(globs, name) {
    return globs.some((g) => g.split('/').includes(name));
}
/** The folders to start walking from: each glob's static base, nested bases folded into their parent. */
function walkBases(globs) {
    const bases = globs.map((g) => {
        const scan = picomatch__WEBPACK_IMPORTED_MODULE_3___default().scan(g);
        return scan.isGlob ? scan.base.replace(/\/+$/, '') : g.replace(/\/+$/, '');
    });
    const unique = [...new Set(bases)].sort((a, b) => a.length - b.length);
    return unique.filter((b, i) => !unique.slice(0, i).some((p) => p === '' || b.startsWith(`${p}/`)));
}
/**
 * The link target to archive when the link stays inside the project, by the rule verification
 * applies (relative, its `..` segments first and no higher than the link's folder), else undefined.
 */
function linkStaysInside(linkPath, target) {
    const posixTarget = target.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
    return (0,_link_rule_js__WEBPACK_IMPORTED_MODULE_2__/* .linkTargetInside */ .e)(linkPath, posixTarget) ? posixTarget : undefined;
}


/***/ }),

/***/ 43141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ linkTargetInside)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/**
 * True when a symbolic link at `linkPath` (relative, POSIX) with `target` cannot resolve outside
 * the tree it lives in, whatever other links the tree holds or will hold. Checking the target
 * lexically is not enough once links exist (`u -> .` then `v -> u/..` normalises to `.` but
 * resolves to the parent), so the rule is stricter: a relative target whose `..` segments all
 * come first and climb no higher than the link's own folder. Every later name descends, and a
 * link met on the way obeys the same rule from its own folder, so no chain can climb out.
 */
function linkTargetInside(linkPath, target) {
    if (target === '' || target.startsWith('/') || target.includes('\0'))
        return false;
    const folderDepth = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(linkPath) === '.' ? 0 : node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(linkPath).split('/').length;
    let ups = 0;
    let descended = false;
    for (const segment of target.split('/')) {
        if (segment === '' || segment === '.')
            continue;
        if (segment === '..') {
            if (descended)
                return false;
            ups++;
        }
        else
            descended = true;
    }
    return ups <= folderDepth;
}


/***/ }),

/***/ 70251:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ parseManifest),
/* harmony export */   c: () => (/* binding */ manifestJson)
/* harmony export */ });
/* harmony import */ var valibot__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77934);
/* harmony import */ var _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(36740);


/** Serialises a manifest deterministically (fixed key order, files already sorted, one trailing newline). */
function manifestJson(m) {
    const ordered = {
        schemaVersion: 1,
        name: m.name,
        version: m.version,
        project: m.project,
        sourceDateEpoch: m.sourceDateEpoch,
        ...(m.commit !== undefined ? { commit: m.commit } : {}),
        ...(m.commitTime !== undefined ? { commitTime: m.commitTime } : {}),
        archive: { file: m.archive.file, sha256: m.archive.sha256, size: m.archive.size },
        files: m.files.map((f) => ({
            path: f.path,
            type: f.type,
            size: f.size,
            mode: f.mode,
            ...(f.sha256 ? { sha256: f.sha256 } : {}),
            ...(f.target !== undefined ? { target: f.target } : {}),
        })),
    };
    return `${JSON.stringify(ordered, null, 2)}\n`;
}
/** What verification relies on; other keys are allowed, so newer manifests still verify. */
const MANIFEST = valibot__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    schemaVersion: valibot__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(1),
    name: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    version: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    project: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    sourceDateEpoch: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()),
    commit: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    commitTime: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    archive: valibot__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        file: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        sha256: valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        size: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .integer */ .ndf(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .minValue */ .Wwf(0))),
    }),
    files: valibot__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(valibot__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        path: valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .minLength */ .BpQ(1)),
        type: valibot__WEBPACK_IMPORTED_MODULE_1__/* .picklist */ .KIO(['file', 'dir', 'symlink']),
        size: valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .integer */ .ndf(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .minValue */ .Wwf(0)),
        mode: valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .regex */ .yGV(/^[0-7]{4}$/, 'a mode of four octal digits')),
        sha256: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .regex */ .yGV(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'))),
        target: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    })),
});
/** Reads a manifest, checking the fields verification relies on; a bad one is a UserError naming the file. */
function parseManifest(text, file) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (err) {
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`is not valid JSON: ${(0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .describeJsonError */ .M1)(text, err)}.`, { file }, NOT_A_MANIFEST);
    }
    const parsed = valibot__WEBPACK_IMPORTED_MODULE_1__/* .safeParse */ .xLC(MANIFEST, doc);
    if (!parsed.success) {
        const issue = parsed.issues[0];
        const where = valibot__WEBPACK_IMPORTED_MODULE_1__/* .getDotPath */ .BuJ(issue);
        throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`is not a slipway artifact manifest: ${where ? `${where}: ` : ''}${issue.message}.`, { file }, NOT_A_MANIFEST);
    }
    return parsed.output;
}
const NOT_A_MANIFEST = 'Pass the .manifest.json that build-artifact wrote beside the archive.';


/***/ }),

/***/ 78923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jq: () => (/* binding */ readTarGz),
/* harmony export */   LO: () => (/* binding */ BadTarError)
/* harmony export */ });
/* unused harmony export TruncatedTarError */
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);

const BLOCK = 512;
/** Extended headers are held in memory whole: a path and a link target fit in far less. */
const DEFAULT_HEADER_BYTES = 1024 * 1024;
/** The stream is not a well-formed .tar.gz: not gzip, corrupt, or a header that makes no sense. */
class BadTarError extends Error {
}
/** Thrown when the stream ends before the end-of-archive blocks. */
class TruncatedTarError extends BadTarError {
}
/** Thrown when the stream declares or inflates to more than its limits allow. */
class TarLimitError extends BadTarError {
}
function cString(buf, start, length) {
    const end = buf.indexOf(0, start);
    return buf.toString('utf8', start, end < 0 || end > start + length ? start + length : end);
}
/** An octal field, or GNU's base-256 form (high bit set) for sizes past 8 GiB. */
function numericField(buf, start, length, what) {
    if (buf[start] & 0x80) {
        let n = buf[start] & 0x7f;
        for (let i = start + 1; i < start + length; i++)
            n = n * 256 + buf[i];
        if (!Number.isSafeInteger(n))
            throw new BadTarError(`a header's ${what} is out of range`);
        return n;
    }
    const text = cString(buf, start, length).trim();
    if (text === '')
        return 0;
    if (!/^[0-7]+$/.test(text))
        throw new BadTarError(`a header's ${what} is not an octal number (${JSON.stringify(text)})`);
    return parseInt(text, 8);
}
/** True when the header's checksum field matches its bytes (unsigned, or the signed sum old tars wrote). */
function checksumOk(block) {
    const stored = cString(block, 148, 8).trim();
    if (!/^[0-7]+$/.test(stored))
        return false;
    const want = parseInt(stored, 8);
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
        const b = i >= 148 && i < 156 ? 0x20 : block[i];
        unsigned += b;
        signed += b > 127 ? b - 256 : b;
    }
    return want === unsigned || want === signed;
}
function parsePax(text) {
    const out = {};
    let i = 0;
    while (i < text.length) {
        const space = text.indexOf(' ', i);
        const len = Number(text.slice(i, space));
        if (space < 0 || !Number.isSafeInteger(len) || len <= space - i + 1 || i + len > text.length)
            throw new BadTarError('a pax extended header is malformed');
        const record = text.slice(space + 1, i + len - 1);
        const eq = record.indexOf('=');
        if (eq <= 0)
            throw new BadTarError('a pax extended header record has no key');
        out[record.slice(0, eq)] = record.slice(eq + 1);
        i += len;
    }
    return out;
}
/** A pax `size`, which must be a plain decimal: anything else would be read as NaN or a fraction. */
function paxSize(value, fallback) {
    if (value === undefined)
        return fallback;
    if (!/^\d{1,16}$/.test(value) || !Number.isSafeInteger(Number(value)))
        throw new BadTarError(`a pax size is not a whole number (${JSON.stringify(value.slice(0, 40))})`);
    return Number(value);
}
/** Pulls exact byte counts out of a chunked stream, counting what it inflates. */
class ByteReader {
    it;
    maxTotal;
    buf = Buffer.alloc(0);
    done = false;
    total = 0;
    constructor(it, maxTotal) {
        this.it = it;
        this.maxTotal = maxTotal;
    }
    /** Up to `max` bytes (at least one unless the stream ended). */
    async some(max) {
        if (this.buf.length === 0 && !(await this.fill()))
            return undefined;
        const n = Math.min(max, this.buf.length);
        const out = this.buf.subarray(0, n);
        this.buf = this.buf.subarray(n);
        return out;
    }
    /** Exactly `n` bytes, or undefined when the stream ends first. */
    async exact(n) {
        while (this.buf.length < n)
            if (!(await this.fill()))
                return undefined;
        const out = this.buf.subarray(0, n);
        this.buf = this.buf.subarray(n);
        return out;
    }
    /** Skips `n` bytes. */
    async skip(n) {
        while (n > 0) {
            const part = await this.some(n);
            if (!part)
                return;
            n -= part.length;
        }
    }
    async fill() {
        if (this.done)
            return false;
        let next;
        try {
            next = await this.it.next();
        }
        catch (err) {
            // zlib's own words ("incorrect header check", "unexpected end of file") name the problem.
            const code = err.code ?? '';
            if (code.startsWith('Z_') || code.startsWith('ERR_ZLIB'))
                throw new BadTarError(`it is not a readable gzip stream (${err.message})`);
            throw err;
        }
        if (next.done) {
            this.done = true;
            return false;
        }
        this.total += next.value.length;
        if (this.total > this.maxTotal)
            throw new TarLimitError(`it inflates to more than ${this.maxTotal} bytes, more than its contents can explain`);
        this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : next.value;
        return true;
    }
}
/**
 * Reads a .tar.gz stream entry by entry in bounded memory: ustar names with their prefix, pax
 * ('x', and 'g' merged into the next entry) and GNU long names ('L'/'K') are resolved. Header
 * checksums are checked, and `limits` bound what a hostile stream can make it hold or inflate.
 */
async function* readTarGz(source, limits = {}) {
    const maxEntry = limits.maxEntryBytes ?? Number.MAX_SAFE_INTEGER;
    const maxHeader = limits.maxHeaderBytes ?? DEFAULT_HEADER_BYTES;
    const gunzip = (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.createGunzip)();
    // pipe() does not carry the source's errors (a missing file) to the gunzip side: carry them.
    source.on('error', (err) => gunzip.destroy(err));
    const reader = new ByteReader(source.pipe(gunzip)[Symbol.asyncIterator](), limits.maxTotalBytes ?? Number.MAX_SAFE_INTEGER);
    let pax = {};
    let longName;
    let longLink;
    let first = true;
    for (;;) {
        const block = await reader.exact(BLOCK);
        if (!block)
            throw first
                ? new TruncatedTarError('it holds no tar entries at all')
                : new TruncatedTarError('the archive ends before its end-of-archive blocks');
        first = false;
        if (block.every((b) => b === 0))
            return;
        if (!checksumOk(block))
            throw new BadTarError('a tar header is corrupt (its checksum does not match)');
        const typeflag = String.fromCharCode(block[156]);
        const size = numericField(block, 124, 12, 'size');
        if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
            if (size > maxHeader)
                throw new TarLimitError(`an extended header declares ${size} bytes, more than the ${maxHeader} allowed`);
            const data = await reader.exact(size);
            if (!data)
                throw new TruncatedTarError('the archive ends inside an extended header');
            await reader.skip(size % BLOCK === 0 ? 0 : BLOCK - (size % BLOCK));
            if (typeflag === 'L')
                longName = cString(data, 0, data.length);
            else if (typeflag === 'K')
                longLink = cString(data, 0, data.length);
            else
                pax = { ...pax, ...parsePax(data.toString('utf8')) };
            continue;
        }
        const prefix = cString(block, 345, 155);
        const name = cString(block, 0, 100);
        const entrySize = paxSize(pax.size, size);
        const entry = {
            path: pax.path ?? longName ?? (prefix ? `${prefix}/${name}` : name),
            typeflag,
            mode: numericField(block, 100, 8, 'mode'),
            size: entrySize,
            linkname: pax.linkpath ?? longLink ?? cString(block, 157, 100),
        };
        pax = {};
        longName = longLink = undefined;
        const dataSize = typeflag === '0' || typeflag === '\0' || typeflag === '7' ? entrySize : 0;
        if (dataSize > maxEntry)
            throw new TarLimitError(`${entry.path} declares ${dataSize} bytes, more than the ${maxEntry} the archive's size can hold`);
        let remaining = dataSize;
        async function* body() {
            while (remaining > 0) {
                const part = await reader.some(remaining);
                if (!part)
                    throw new TruncatedTarError(`the archive ends inside ${entry.path}`);
                remaining -= part.length;
                yield part;
            }
        }
        yield { ...entry, body };
        await reader.skip(remaining);
        remaining = 0;
        await reader.skip(dataSize % BLOCK === 0 ? 0 : BLOCK - (dataSize % BLOCK));
    }
}


/***/ }),

/***/ 6476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  o: () => (/* binding */ verifyArtifact)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: ./packages/artifact/src/link-rule.ts
var link_rule = __webpack_require__(43141);
;// CONCATENATED MODULE: ./packages/artifact/src/extract.ts





/** Why an entry cannot be written; the caller turns it into its refusal naming the entry. */
class ExtractRefusal extends Error {
}
/** Only permission bits are ever written: setuid, setgid and sticky bits from an archive are dropped. */
const PERMISSION_BITS = 0o777;
/** Folders stay writable by us while entries go in; their own modes are applied at the end. */
const WORKING_DIR_MODE = 0o700;
/** A folder the archive only implies (a file's parent it does not list) gets tar's usual mode. */
const IMPLIED_DIR_MODE = 0o755;
const NEW_FILE_FLAGS = external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | (external_node_fs_.constants.O_NOFOLLOW ?? 0);
/**
 * Extracts into a fresh private folder beside the target and renames it into place only when the
 * whole archive checked out, so a refused archive leaves nothing behind. Because that folder is
 * new and private, everything in it was made here, and the record of what was made is complete:
 * nothing is ever written under a link this extraction created, and links obey
 * `linkTargetInside`, so no later entry can make an earlier one resolve outside.
 */
class Extraction {
    staging;
    final;
    made = new Map();
    dirModes = new Map();
    constructor(staging, final) {
        this.staging = staging;
        this.final = final;
    }
    /** Prepares extraction into `into`, which must be missing or an empty folder. */
    static async begin(into) {
        const abs = (0,external_node_path_.resolve)(into);
        const st = await (0,promises_.lstat)(abs).catch(() => undefined);
        let final;
        if (st) {
            final = await (0,promises_.realpath)(abs);
            const real = await (0,promises_.lstat)(final);
            if (!real.isDirectory())
                throw new lite/* UserError */.yo(`${into} exists and is not a folder.`, {}, 'Extract into a new or empty folder.');
            if ((await (0,promises_.readdir)(final)).length > 0)
                throw new lite/* UserError */.yo(`${into} is not empty.`, {}, 'Extract into a new or empty folder.');
        }
        else {
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(abs), { recursive: true });
            final = (0,external_node_path_.join)(await (0,promises_.realpath)((0,external_node_path_.dirname)(abs)), (0,external_node_path_.basename)(abs));
        }
        const staging = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_path_.dirname)(final), `.${(0,external_node_path_.basename)(final)}.partial-`));
        return new Extraction(staging, final);
    }
    /** Creates a folder. */
    async dir(path, mode) {
        await this.parents(path);
        const kind = this.made.get(path);
        if (kind === undefined) {
            await this.fs(path, () => (0,promises_.mkdir)(this.abs(path), WORKING_DIR_MODE));
            this.made.set(path, 'dir');
        }
        else if (kind !== 'dir')
            throw new ExtractRefusal(`is a folder where the archive already made a ${kind}`);
        this.dirModes.set(path, mode & PERMISSION_BITS);
    }
    /** Creates a symbolic link whose target cannot lead out of the extracted tree. */
    async symlink(path, target) {
        if (!(0,link_rule/* linkTargetInside */.e)(path, target))
            throw new ExtractRefusal(`links to '${target}', outside the artifact or by a path that could lead out of it`);
        await this.parents(path);
        await this.fs(path, () => (0,promises_.symlink)(target, this.abs(path)));
        this.made.set(path, 'symlink');
    }
    /** Creates a new file (never through a link, never over anything) and returns it open for writing. */
    async file(path, mode) {
        await this.parents(path);
        const handle = await this.fs(path, () => (0,promises_.open)(this.abs(path), NEW_FILE_FLAGS, mode & PERMISSION_BITS));
        this.made.set(path, 'file');
        return handle;
    }
    /** Applies folder modes (deepest first, so a read-only folder does not block its children) and moves the tree into place. */
    async commit() {
        const dirs = [...this.dirModes].sort((a, b) => b[0].split('/').length - a[0].split('/').length);
        for (const [path, mode] of dirs)
            await (0,promises_.chmod)(this.abs(path), mode);
        await (0,promises_.chmod)(this.staging, 0o755);
        try {
            await (0,promises_.rename)(this.staging, this.final);
        }
        catch (err) {
            throw new lite/* UserError */.yo(`${this.final} could not be put in place: ${err.message}.`, {}, 'Extract into a new or empty folder that nothing else writes to.');
        }
    }
    /** Removes everything this extraction wrote. */
    async abort() {
        await (0,promises_.rm)(this.staging, { recursive: true, force: true });
    }
    abs(path) {
        return (0,external_node_path_.join)(this.staging, ...path.split('/'));
    }
    /** Makes the folders above an entry, refusing to go through a link or a file the archive made. */
    async parents(path) {
        const segments = path.split('/');
        for (let i = 1; i < segments.length; i++) {
            const parent = segments.slice(0, i).join('/');
            const kind = this.made.get(parent);
            if (kind === 'symlink')
                throw new ExtractRefusal(`would be written through '${parent}', a symbolic link the archive made`);
            if (kind === 'file')
                throw new ExtractRefusal(`is under '${parent}', which the archive made a file`);
            if (kind === undefined) {
                await this.fs(path, () => (0,promises_.mkdir)(this.abs(parent), WORKING_DIR_MODE));
                this.made.set(parent, 'dir');
                this.dirModes.set(parent, IMPLIED_DIR_MODE);
            }
        }
    }
    /** Runs a file-system call, turning its failure (a name too long, a clash) into a refusal. */
    async fs(path, call) {
        try {
            return await call();
        }
        catch (err) {
            const code = err.code;
            if (!code)
                throw err;
            throw new ExtractRefusal(`cannot be written (${code})`);
        }
    }
}

// EXTERNAL MODULE: ./packages/artifact/src/manifest.ts
var src_manifest = __webpack_require__(70251);
// EXTERNAL MODULE: ./packages/artifact/src/tar-reader.ts
var tar_reader = __webpack_require__(78923);
;// CONCATENATED MODULE: ./packages/artifact/src/verify.ts










/** A manifest lists every file; even a huge release's stays far below this. */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;
/** deflate cannot expand data more than about 1032 to 1: past that, the sizes are lies. */
const MAX_DEFLATE_RATIO = 1032;
/** Room per entry for its headers: a ustar block, a pax block and a pax body with a long path and target. */
const HEADER_BUDGET = 3 * 512 + 64 * 1024;
/** tar pads the end of an archive to a 10 KiB record. */
const TRAILER_BUDGET = 20 * 512;
/** Refusals name the entry, so a person can find it. */
function refuse(entry, why) {
    return new lite/* UserError */.yo(`artifact entry '${entry}' ${why}.`, {}, 'The archive is not what build-artifact produced: do not deploy it.');
}
/**
 * Re-hashes an archive against its manifest and, when `into` is given, extracts it safely. It
 * refuses absolute paths, `..` segments, links that could lead out of the target, anything under
 * such a link, hard links, devices and FIFOs, and any entry whose type, mode, size or SHA-256
 * disagrees with the manifest. A refused archive leaves nothing in `into`.
 */
async function verifyArtifact(options) {
    const manifest = (0,src_manifest/* parseManifest */.N)((0,lite/* readUserFile */.E1)(options.manifest, {
        maxBytes: MAX_MANIFEST_BYTES,
        subject: { file: options.manifest },
        what: 'the manifest',
    }).toString('utf8'), options.manifest);
    const { handle, size } = await openArchive(options.archive);
    let extraction;
    try {
        extraction = options.into ? await Extraction.begin(options.into) : undefined;
        const result = await check(manifest, handle, limitsFor(manifest, size), options.archive, extraction);
        await extraction?.commit();
        return result;
    }
    catch (err) {
        await extraction?.abort();
        throw err;
    }
    finally {
        await handle.close().catch(() => { });
    }
}
/** Bounds from what the archive can hold (its real size) and what the manifest says it holds. */
function limitsFor(manifest, archiveBytes) {
    const physical = archiveBytes * MAX_DEFLATE_RATIO + 64 * 1024;
    const listed = manifest.files.reduce((sum, f) => sum + Math.ceil(f.size / 512) * 512 + HEADER_BUDGET, 0);
    return {
        maxEntryBytes: physical,
        maxTotalBytes: Math.min(physical, listed + HEADER_BUDGET + TRAILER_BUDGET),
        maxHeaderBytes: 64 * 1024,
    };
}
async function openArchive(path) {
    let handle;
    try {
        handle = await (0,promises_.open)(path, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NONBLOCK ?? 0));
    }
    catch (err) {
        const code = err.code;
        throw new lite/* UserError */.yo(code === 'ENOENT' ? 'the archive does not exist.' : `the archive cannot be opened (${code ?? 'unknown error'}).`, { file: path }, 'Check the archive path.');
    }
    const st = await handle.stat();
    if (!st.isFile()) {
        await handle.close();
        throw new lite/* UserError */.yo(`the archive is ${st.isDirectory() ? 'a folder' : 'not a regular file'}.`, { file: path }, 'Name the .tar.gz that build-artifact wrote.');
    }
    return { handle, size: st.size };
}
async function check(manifest, handle, limits, archivePath, extraction) {
    const expected = new Map(manifest.files.map((f) => [f.path, f]));
    const seen = new Set();
    const archiveHash = (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    const source = handle.createReadStream({ autoClose: false, start: 0 });
    source.on('data', (chunk) => archiveHash.update(chunk));
    try {
        for await (const entry of (0,tar_reader/* readTarGz */.Jq)(source, limits)) {
            const { path, type, want } = checkHeader(entry, expected, seen);
            try {
                if (type === 'dir')
                    await extraction?.dir(path, entry.mode);
                else if (type === 'symlink')
                    await extraction?.symlink(path, entry.linkname);
                else
                    bytes += await copyFile(entry.body(), path, want, await extraction?.file(path, entry.mode));
            }
            catch (err) {
                if (err instanceof ExtractRefusal)
                    throw refuse(path, err.message);
                throw err;
            }
        }
        // The tar stream ends at its end-of-archive blocks; whatever follows must be hashed too.
        if (!source.readableEnded) {
            source.unpipe();
            source.resume();
            await (0,external_node_stream_promises_.finished)(source);
        }
    }
    catch (err) {
        if (err instanceof tar_reader/* BadTarError */.LO)
            throw new lite/* UserError */.yo(`is not a readable build-artifact archive: ${err.message}.`, { file: archivePath }, 'It is truncated, corrupt or not a .tar.gz: do not deploy it.');
        throw err;
    }
    finally {
        // A refusal stops reading mid-stream: stop the read before the caller closes the file.
        source.destroy();
    }
    const missing = manifest.files.filter((f) => !seen.has(f.path)).map((f) => f.path);
    if (missing.length)
        throw refuse(missing[0], `is in the manifest but not in the archive${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}`);
    const digest = archiveHash.digest('hex');
    if (digest !== manifest.archive.sha256) {
        throw new lite/* UserError */.yo(`the archive's SHA-256 is ${digest} but the manifest says ${manifest.archive.sha256}.`, { file: archivePath }, 'The archive was changed after it was built: do not deploy it.');
    }
    return { files: seen.size, bytes, digest };
}
/** Checks an entry's header against the safety rules and its manifest line, before any of it is written. */
function checkHeader(entry, expected, seen) {
    const path = entry.path.replace(/\/+$/, '');
    if (entry.path.startsWith('/') || (0,external_node_path_.isAbsolute)(entry.path))
        throw refuse(entry.path, 'has an absolute path');
    const segments = path.split('/');
    if (segments.includes('..'))
        throw refuse(entry.path, 'has a .. segment');
    if (segments.some((s) => s === '' || s === '.'))
        throw refuse(entry.path, 'has an empty or . segment');
    const t = entry.typeflag;
    const type = t === '5' ? 'dir' : t === '2' ? 'symlink' : t === '0' || t === '\0' || t === '' ? 'file' : undefined;
    if (t === '1')
        throw refuse(path, 'is a hard link, which build-artifact never writes');
    if (!type)
        throw refuse(path, `is a device, FIFO or unknown type (${JSON.stringify(t)})`);
    const want = expected.get(path);
    if (!want)
        throw refuse(path, 'is not in the manifest');
    if (seen.has(path))
        throw refuse(path, 'appears twice');
    seen.add(path);
    if (want.type !== type)
        throw refuse(path, `is a ${type} but the manifest says ${want.type}`);
    const mode = (entry.mode & 0o7777).toString(8).padStart(4, '0');
    if (mode !== want.mode)
        throw refuse(path, `has mode ${mode} but the manifest says ${want.mode}`);
    const size = type === 'file' ? entry.size : 0;
    if (size !== want.size)
        throw refuse(path, `is ${size} bytes but the manifest says ${want.size}`);
    if (type === 'symlink' && !(0,link_rule/* linkTargetInside */.e)(path, entry.linkname))
        throw refuse(path, `links to '${entry.linkname}', outside the artifact or by a path that could lead out of it`);
    if (type === 'symlink' && entry.linkname !== want.target)
        throw refuse(path, `links to '${entry.linkname}' but the manifest says '${want.target}'`);
    return { path, type, want };
}
/** Hashes a file's bytes (writing them out when extracting) and checks them against the manifest. */
async function copyFile(body, path, want, out) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    try {
        for await (const part of body) {
            hash.update(part);
            if (out)
                await out.write(part);
        }
    }
    finally {
        await out?.close();
    }
    const digest = hash.digest('hex');
    if (digest !== want.sha256)
        throw refuse(path, `has SHA-256 ${digest} but the manifest says ${want.sha256}`);
    return want.size;
}


/***/ })

};
