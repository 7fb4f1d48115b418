export const id = 5940;
export const ids = [5940];
export const modules = {

/***/ 45940:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  detectStack: () => (/* reexport */ detectStack),
  AI: () => (/* reexport */ globProblem),
  TN: () => (/* reexport */ oneLine),
  GF: () => (/* reexport */ showGlob),
  D3: () => (/* reexport */ toMatrix)
});

// UNUSED EXPORTS: DETECTORS, PRUNED_DIRS, detectorByName, languageOf, walk

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./node_modules/valibot/dist/index.mjs
var valibot_dist = __webpack_require__(77934);
;// CONCATENATED MODULE: ./packages/stack/src/manifests/shape.ts


const isTable = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
/**
 * A JSON object or TOML/YAML table with the given fields; other keys pass through unread.
 * valibot's object schemas accept arrays, so a plain-object check comes first.
 */
function table(entries) {
    return valibot_dist/* pipe */.FsL(valibot_dist/* custom */.IeY(isTable, 'an object'), valibot_dist/* looseObject */._H3(entries));
}
/** A JSON object or TOML/YAML table whose every value has the given type. */
function tableOf(value) {
    return valibot_dist/* pipe */.FsL(valibot_dist/* custom */.IeY(isTable, 'an object'), valibot_dist/* record */.g1P(valibot_dist/* string */.YjP(), value));
}
/** An optional field. */
const opt = valibot_dist/* optional */.lqM;
/** An optional string field, the most common kind. */
const optString = () => valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP());
/** An optional list of strings. */
const optStrings = () => valibot_dist/* optional */.lqM(valibot_dist/* array */.YOg(valibot_dist/* string */.YjP()));
/**
 * Checks a parsed document against its schema. Wrong-typed fields are removed from the document
 * (a list loses the bad items only) and the check runs again, so one mistake costs that field and
 * not the whole manifest; a document that is not an object at all is dropped. `text` is used to
 * find the line of each problem.
 */
function checkShape(schema, doc, text, described = 5) {
    const problems = [];
    let count = 0;
    let current = doc;
    // Removing a field can only remove issues; two rounds settle every schema used here, the
    // third is a guard.
    for (let round = 0; round < 3; round++) {
        const result = valibot_dist/* safeParse */.xLC(schema, current, { abortEarly: false });
        if (result.success)
            return { value: result.output, problems, count };
        const paths = result.issues.flatMap((issue) => leafIssues(issue, []));
        count += paths.length;
        for (const { path, issue } of paths.slice(0, Math.max(0, described - problems.length)))
            problems.push(describe(issue, path, current, text));
        if (paths.some(({ path }) => path.length === 0))
            return { value: undefined, problems, count };
        current = prune(current, paths.map((p) => p.path));
    }
    return { value: undefined, problems, count };
}
/**
 * A union that failed reports its options' issues, with paths relative to the union's value; the
 * ones that went deeper (the value had the right type, a field inside it did not) name the field.
 */
function leafIssues(issue, prefix) {
    const path = [...prefix, ...(issue.path ?? []).map((p) => p.key)];
    if (issue.type === 'union' && issue.issues) {
        const deeper = issue.issues.filter((sub) => (sub.path?.length ?? 0) > 0);
        if (deeper.length > 0)
            return deeper.flatMap((sub) => leafIssues(sub, path));
    }
    return [{ path, issue }];
}
function prune(doc, paths) {
    const dropFromLists = new Map();
    for (const path of paths) {
        let parent = doc;
        for (const key of path.slice(0, -1))
            parent = parent?.[key];
        const last = path[path.length - 1];
        if (Array.isArray(parent) && typeof last === 'number') {
            const set = dropFromLists.get(parent) ?? new Set();
            set.add(last);
            dropFromLists.set(parent, set);
        }
        else if (parent && typeof parent === 'object') {
            delete parent[last];
        }
    }
    for (const [list, drop] of dropFromLists) {
        const kept = list.filter((_, i) => !drop.has(i));
        list.length = 0;
        list.push(...kept);
    }
    return doc;
}
function describe(issue, path, doc, text) {
    let value = doc;
    for (const key of path)
        value = value?.[key];
    const line = (0,lite/* fieldLine */.h0)(text, path);
    return {
        field: path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join(''),
        expected: expectedOf(issue),
        received: kindOf(value),
        ...(line ? { line } : {}),
    };
}
const EXPECTED = {
    Array: 'a list',
    Object: 'an object',
    unknown: 'an object',
    string: 'a string',
    number: 'a number',
    boolean: 'true or false',
};
function expectedOf(issue) {
    if (issue.type === 'custom')
        return 'an object';
    const parts = (issue.expected ?? 'unknown').replace(/^\(|\)$/g, '').split(' | ');
    return [...new Set(parts.map((p) => EXPECTED[p] ?? p))].join(' or ');
}
/** What a value is, in words, without echoing it: it may be huge or hold control characters. */
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (value instanceof Date)
        return 'a date';
    switch (typeof value) {
        case 'string':
            return 'a string';
        case 'number':
        case 'bigint':
            return 'a number';
        case 'boolean':
            return 'true or false';
        case 'object':
            return 'an object';
        default:
            return typeof value;
    }
}

;// CONCATENATED MODULE: ./packages/stack/src/printable.ts
// Warnings name folders and files of the repository, and a name may hold a newline followed by
// `::warning …`. Every warning is kept on one line, so that no log, summary or CLI that prints it
// line by line can be made to print a workflow command.
// Control characters are exactly what this pattern is for.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;
/** Text on one line: control characters, newlines included, are shown as escapes (`\n`, `\u001b`). */
function oneLine(text) {
    return text.replace(CONTROL, (c) => c === '\n'
        ? '\\n'
        : c === '\r'
            ? '\\r'
            : c === '\t'
                ? '\\t'
                : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

;// CONCATENATED MODULE: ./packages/stack/src/context.ts






/** Manifests larger than this are not read: no real one is, and a hostile tree must not cost memory. */
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
/** At most this many wrong-typed fields are named per file; a hostile one could have thousands. */
const MAX_SHAPE_WARNINGS = 5;
/**
 * What detectors see of the repository: which manifests each folder has, and cached, bounded,
 * forgiving readers for them. A file that does not parse becomes a warning with its line, and
 * the detector goes on without it.
 */
class DetectContext {
    root;
    inventory;
    logger;
    annotationPrefix;
    rootName;
    outer;
    texts = new Map();
    docs = new Map();
    seen = new Set();
    warnings = [];
    constructor(root, inventory, logger, 
    /** Prefix that makes a repository-relative path workspace-relative, for annotations. */
    annotationPrefix = '', 
    /** Name of the root folder, used as the name of a root project without one of its own. */
    rootName = 'root', 
    /** The folders above the root up to the repository root, nearest first. */
    outer = []) {
        this.root = root;
        this.inventory = inventory;
        this.logger = logger;
        this.annotationPrefix = annotationPrefix;
        this.rootName = rootName;
        this.outer = outer;
    }
    /** True when the folder (in the tree or above it) has a manifest of that name. */
    has(dir, name) {
        return this.names(dir).includes(name);
    }
    /** Manifest names in a folder (in the tree or above it). */
    names(dir) {
        return this.inventory.manifests.get(dir) ?? this.outer.find((o) => o.rel === dir)?.names ?? [];
    }
    /** The folder, its parents up to the root, then the folders above the root up to the repository root. */
    upward(dir) {
        const chain = [];
        for (let d = dir; d !== undefined; d = parentOf(d))
            chain.push(d);
        return dir.startsWith('..')
            ? this.outer.map((o) => o.rel).filter((r) => r.length >= dir.length)
            : [...chain, ...this.outer.map((o) => o.rel)];
    }
    /** The nearest folder at or above dir, up to the repository root (above the analysed folder too), with that file. */
    findAbove(dir, name) {
        return this.upward(dir).find((d) => this.has(d, name));
    }
    /** dir's path from an ancestor in the tree or above it ('.' for the ancestor itself), or undefined when it is not below. */
    pathFrom(ancestor, dir) {
        const outer = this.outer.find((o) => o.rel === ancestor);
        if (outer)
            return dir === '.' ? outer.below : dir.startsWith('..') ? undefined : `${outer.below}/${dir}`;
        if (ancestor === dir)
            return '.';
        if (ancestor === '.')
            return dir.startsWith('..') ? undefined : dir;
        return dir.startsWith(`${ancestor}/`) ? dir.slice(ancestor.length + 1) : undefined;
    }
    /** The nearest folder at or above dir (up to the root) that has a file of that name. */
    findUp(dir, name) {
        for (let d = dir; d !== undefined; d = parentOf(d)) {
            if (this.has(d, name))
                return d;
        }
        return undefined;
    }
    /** A file's text, or undefined when it is missing, not a regular file or too large (with a warning). */
    text(path) {
        let cached = this.texts.get(path);
        if (!cached) {
            cached = Promise.resolve(this.load(path));
            this.texts.set(path, cached);
        }
        return cached;
    }
    load(path) {
        // Manifests are small: one synchronous open/fstat/read beats four thread-pool hops each.
        // readUserFile opens without blocking and checks the open descriptor, so a FIFO, a device or
        // a link to /dev/zero planted under a manifest's name is refused, never read or waited on.
        const abs = (0,external_node_path_.join)(this.root, path);
        try {
            return (0,lite/* readUserFile */.E1)(abs, { maxBytes: MAX_MANIFEST_BYTES, subject: { file: path }, what: 'manifest' }).toString('utf8');
        }
        catch (err) {
            const message = (0,lite/* isUserError */.iU)(err)
                ? err.message.replace(abs, () => path)
                : `could not read ${path}: ${String(err)}`;
            const size = /is (\d+) bytes, more than/.exec(message)?.[1];
            this.warn(size
                ? `${path} is ${size} bytes, larger than any real manifest; not read`
                : `${message.replace(/\.$/, '')}; detection goes on without it`, path);
            return undefined;
        }
    }
    /** True when a file or folder exists (for the few paths the walk does not record). */
    async exists(path) {
        try {
            await (0,promises_.stat)((0,external_node_path_.join)(this.root, path));
            return true;
        }
        catch {
            return false;
        }
    }
    /** The modification time of a file in ms, or 0. */
    async mtime(path) {
        try {
            return (await (0,promises_.stat)((0,external_node_path_.join)(this.root, path))).mtimeMs;
        }
        catch {
            return 0;
        }
    }
    /**
     * A JSON document (comments allowed when jsonc) checked against its schema, or undefined with a
     * warning at the failing line. Wrong-typed fields are left out, each with a warning at its line.
     */
    json(path, schema, jsonc = false) {
        return this.document(path, schema, (raw) => {
            const text = jsonc ? stripJsonComments(raw) : raw.replace(/^\uFEFF/, '');
            try {
                return { doc: JSON.parse(text) };
            }
            catch (err) {
                const { line } = (0,lite/* lineColumn */.rv)(text, (0,lite/* jsonErrorOffset */.O)(text));
                return { error: `not valid JSON (${(0,lite/* describeJsonError */.M1)(text, err)})`, line };
            }
        });
    }
    /** A TOML document checked against its schema, or undefined with a warning at the failing line. */
    toml(path, schema) {
        return this.document(path, schema, (text) => {
            try {
                return { doc: (0,dist/* parse */.qg)(text) };
            }
            catch (err) {
                const reason = String(err.message ?? err).split('\n')[0];
                return { error: `not valid TOML (${reason})`, line: err.line };
            }
        });
    }
    /** A YAML document checked against its schema, or undefined with a warning at the failing line. */
    yaml(path, schema) {
        return this.document(path, schema, async (text) => {
            try {
                // yaml is large and only pnpm-workspace.yaml needs it: load it on first use.
                const { parse } = await __webpack_require__.e(/* import() */ 8815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
                return { doc: parse(text, { maxAliasCount: 100 }) };
            }
            catch (err) {
                const line = err.linePos?.[0]?.line;
                const reason = String(err.message ?? err).split('\n')[0];
                return { error: `not valid YAML (${reason})`, line };
            }
        });
    }
    /** Reads, parses and checks a document once per path; every later call gets the same result. */
    document(path, schema, parse) {
        const cached = this.docs.get(path);
        if (cached && cached.schema === schema)
            return cached.value;
        const value = (async () => {
            const text = await this.text(path);
            if (text === undefined)
                return undefined;
            const parsed = await parse(text);
            if ('error' in parsed) {
                this.warn(`${path} is ${parsed.error}; detection goes on without it`, path, parsed.line);
                return undefined;
            }
            const { value: checked, problems, count } = checkShape(schema, parsed.doc, text, MAX_SHAPE_WARNINGS);
            this.reportShape(path, problems, count);
            return checked;
        })();
        this.docs.set(path, { schema, value });
        return value;
    }
    reportShape(path, problems, count) {
        for (const p of problems) {
            const what = p.field === '' ? `${path} holds ${p.received}` : `${path}: ${p.field} is ${p.received}`;
            const effect = p.field === '' ? 'detection goes on without it' : 'it is ignored';
            this.warn(`${what}, but slipway needs ${p.expected} there; ${effect}`, path, p.line);
        }
        if (count > problems.length)
            this.warn(`${path}: ${count - problems.length} more fields of the wrong type are ignored`, path);
    }
    /** Records a repository-wide warning and annotates the file and line when given. */
    warn(text, file, line) {
        const message = oneLine(text);
        if (this.seen.has(message))
            return;
        this.seen.add(message);
        this.warnings.push(message);
        this.logger.warning(message, file
            ? {
                file: external_node_path_.posix.normalize(this.annotationPrefix + file),
                ...(line ? { startLine: line } : {}),
                title: 'detect-stack',
            }
            : undefined);
    }
}
/** The parent of a repository-relative folder, or undefined for the root. */
function parentOf(dir) {
    if (dir === '.')
        return undefined;
    const parent = external_node_path_.posix.dirname(dir);
    return parent === '' ? '.' : parent;
}
/** Joins a repository-relative folder and a name. */
function context_joinRel(dir, name) {
    return dir === '.' ? name : `${dir}/${name}`;
}
/** Removes // and /* *\/ comments and trailing commas outside strings, for deno.jsonc and tsconfig-style files. */
function stripJsonComments(text) {
    let out = '';
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (inString) {
            out += ch;
            if (ch === '\\')
                out += text[++i] ?? '';
            else if (ch === '"')
                inString = false;
        }
        else if (ch === '"') {
            inString = true;
            out += ch;
        }
        else if (ch === '/' && text[i + 1] === '/') {
            while (i < text.length && text[i] !== '\n')
                i++;
            out += '\n';
        }
        else if (ch === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            const skipped = text.slice(i, end < 0 ? text.length : end + 2);
            out += skipped.replace(/[^\n]/g, ' ');
            i = end < 0 ? text.length : end + 1;
        }
        else {
            out += ch;
        }
    }
    return out.replace(/,(\s*[}\]])/g, '$1');
}

;// CONCATENATED MODULE: ./packages/stack/src/manifests/schemas.ts
// One schema per kind of document a detector reads, describing just the fields it reads. A field
// of the wrong type is left out with a warning at its line (see shape.ts); fields slipway does not
// read are never checked, so a manifest is not faulted for what other tools put in it.


/** composer.json requirements that name a framework. */
const PHP_FRAMEWORK_DEPS = [
    ['laravel/framework', 'laravel'],
    ['symfony/framework-bundle', 'symfony'],
];
/** Cargo.toml dependencies that name a framework. */
const RUST_FRAMEWORK_DEPS = [
    ['actix-web', 'actix-web'],
    ['axum', 'axum'],
    ['rocket', 'rocket'],
];
/** Tool names read from .tool-versions and mise.toml, across every detector. */
const MISE_TOOLS = ['node', 'nodejs', 'deno', 'bun', 'python', 'ruby', 'java', 'php', 'elixir'];
/** Optional string fields of the given names. */
const stringFields = (names) => Object.fromEntries(names.map((n) => [n, optString()]));
/** deno.json / deno.jsonc: the name and which tasks exist (a task is a string or an object). */
const DenoJsonSchema = table({ name: optString(), tasks: opt(tableOf(valibot_dist/* unknown */.L5J())) });
/** global.json: the pinned .NET SDK. */
const GlobalJsonSchema = table({ sdk: opt(table({ version: optString() })) });
/** composer.json: name, PHP version, frameworks, test script. */
const ComposerJsonSchema = table({
    name: optString(),
    require: opt(table(stringFields(['php', ...PHP_FRAMEWORK_DEPS.map(([d]) => d)]))),
    'require-dev': opt(table({ 'phpunit/phpunit': optString() })),
    config: opt(table({ platform: opt(table({ php: optString() })) })),
    scripts: opt(table({ test: opt(valibot_dist/* union */.KCZ([valibot_dist/* string */.YjP(), valibot_dist/* array */.YOg(valibot_dist/* string */.YjP())])) })),
});
/** composer.lock: the locked packages, for framework versions. */
const ComposerLockSchema = table({
    packages: opt(valibot_dist/* array */.YOg(table({ name: optString(), version: optString() }))),
});
const poetryDeps = () => opt(tableOf(valibot_dist/* union */.KCZ([valibot_dist/* string */.YjP(), table({ version: optString() }), valibot_dist/* array */.YOg(valibot_dist/* unknown */.L5J())])));
/** pyproject.toml: PEP 621 metadata, PEP 735 groups, poetry, and which tools are configured. */
const PyProjectSchema = table({
    project: opt(table({
        name: optString(),
        'requires-python': optString(),
        dependencies: optStrings(),
        'optional-dependencies': opt(tableOf(valibot_dist/* array */.YOg(valibot_dist/* string */.YjP()))),
    })),
    'build-system': opt(tableOf(valibot_dist/* unknown */.L5J())),
    // A group holds requirement strings and `{ include-group = "…" }` tables.
    'dependency-groups': opt(tableOf(valibot_dist/* array */.YOg(valibot_dist/* union */.KCZ([valibot_dist/* string */.YjP(), tableOf(valibot_dist/* unknown */.L5J())])))),
    tool: opt(table({
        poetry: opt(table({
            name: optString(),
            dependencies: poetryDeps(),
            group: opt(tableOf(table({ dependencies: poetryDeps() }))),
        })),
        pdm: opt(tableOf(valibot_dist/* unknown */.L5J())),
        uv: opt(tableOf(valibot_dist/* unknown */.L5J())),
    })),
});
/** Pipfile: packages (a version string or a table) and the required Python. */
const PipfileSchema = table({
    packages: opt(tableOf(valibot_dist/* unknown */.L5J())),
    'dev-packages': opt(tableOf(valibot_dist/* unknown */.L5J())),
    requires: opt(table({ python_version: optString(), python_full_version: optString() })),
});
const cargoDep = () => valibot_dist/* optional */.lqM(valibot_dist/* union */.KCZ([valibot_dist/* string */.YjP(), table({ version: optString() })]));
/** Cargo.toml: package, workspace, framework dependencies and binaries. */
const CargoTomlSchema = table({
    package: opt(table({
        name: optString(),
        'rust-version': opt(valibot_dist/* union */.KCZ([valibot_dist/* string */.YjP(), table({ workspace: opt(valibot_dist/* boolean */.zMY()) })])),
    })),
    workspace: opt(table({
        members: optStrings(),
        exclude: optStrings(),
        package: opt(table({ 'rust-version': optString() })),
    })),
    dependencies: opt(table(Object.fromEntries(RUST_FRAMEWORK_DEPS.map(([d]) => [d, cargoDep()])))),
    bin: opt(valibot_dist/* array */.YOg(valibot_dist/* unknown */.L5J())),
});
/** rust-toolchain.toml: the channel. */
const RustToolchainSchema = table({ toolchain: opt(table({ channel: optString() })) });
const miseVersion = () => valibot_dist/* optional */.lqM(valibot_dist/* union */.KCZ([
    valibot_dist/* string */.YjP(),
    valibot_dist/* number */.aig(),
    valibot_dist/* array */.YOg(valibot_dist/* union */.KCZ([valibot_dist/* string */.YjP(), valibot_dist/* number */.aig(), table({ version: optString() })])),
    table({ version: optString() }),
]));
/** mise.toml / .mise.toml: the `[tools]` entries of the runtimes slipway knows. */
const MiseTomlSchema = table({
    tools: opt(table(Object.fromEntries(MISE_TOOLS.map((t) => [t, miseVersion()])))),
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./packages/stack/src/version-files.ts




/** A file whose first meaningful line is the version (.nvmrc, .python-version, .ruby-version …). */
function plainFile(name, clean = stripV) {
    return async (ctx, dir) => {
        if (!ctx.has(dir, name))
            return undefined;
        const path = context_joinRel(dir, name);
        const text = await ctx.text(path);
        const line = text
            ?.split(/\r?\n/)
            .map((l) => l.replace(/#.*$/, '').trim())
            .find((l) => l !== '');
        return line ? { value: clean(line), source: path } : undefined;
    };
}
/** The asdf/mise `.tool-versions` entry for any of the given tool names. */
function toolVersions(...tools) {
    return async (ctx, dir) => {
        if (!ctx.has(dir, '.tool-versions'))
            return undefined;
        const path = context_joinRel(dir, '.tool-versions');
        for (const line of (await ctx.text(path))?.split(/\r?\n/) ?? []) {
            const [tool, version] = line.replace(/#.*$/, '').trim().split(/\s+/);
            if (tool && version && tools.includes(tool))
                return { value: stripV(version), source: path };
        }
        return undefined;
    };
}
/** The `[tools]` entry of mise.toml or .mise.toml for any of the given tool names. */
function miseTools(...tools) {
    return async (ctx, dir) => {
        for (const name of ['mise.toml', '.mise.toml']) {
            if (!ctx.has(dir, name))
                continue;
            const path = context_joinRel(dir, name);
            const doc = await ctx.toml(path, MiseTomlSchema);
            for (const tool of tools) {
                const entry = doc?.tools?.[tool];
                const first = Array.isArray(entry) ? entry[0] : entry;
                const value = typeof first === 'object' ? first.version : first;
                if (value !== undefined)
                    return { value: stripV(String(value)), source: path };
            }
        }
        return undefined;
    };
}
/**
 * The version declared nearest to the project: each folder from the project up to the root is
 * asked every source in order, and the first answer wins. That is how asdf, mise and nvm resolve
 * a version, and what actions/setup-* read from a version file.
 */
async function nearestVersion(ctx, dir, sources) {
    for (let d = dir; d !== undefined; d = parentOf(d)) {
        for (const source of sources) {
            const found = await source(ctx, d);
            if (found)
                return found;
        }
    }
    return undefined;
}
/** Drops a leading `v` from a version (`v20.11.1` → `20.11.1`). */
function stripV(version) {
    return version.trim().replace(/^v(?=\d)/, '');
}
const treeFiles = new WeakMap();
/**
 * A file the walk does not record (a wrapper's properties, a requirements include), read only as
 * the walk would have seen it: inside the root, through real folders, a regular file. A symbolic
 * link is not followed, so one planted under such a name cannot read outside the tree. Nothing
 * is warned here: a missing file is often expected, and the caller knows what it was for.
 */
function treeFile(ctx, path) {
    const normal = external_node_path_.posix.normalize(path).replace(/\/+$/, '');
    let cache = treeFiles.get(ctx);
    if (!cache)
        treeFiles.set(ctx, (cache = new Map()));
    let found = cache.get(normal);
    if (!found) {
        found = readTreeFile(ctx, normal);
        cache.set(normal, found);
    }
    return found;
}
async function readTreeFile(ctx, path) {
    if (path === '..' || path.startsWith('../') || external_node_path_.posix.isAbsolute(path))
        return { path, problem: 'is outside the folder detect-stack analyses' };
    if (path === '.' || path === '')
        return { path, problem: 'is a folder' };
    const slash = path.lastIndexOf('/');
    const recorded = ctx.has(slash < 0 ? '.' : path.slice(0, slash), path.slice(slash + 1));
    if (!recorded) {
        const parts = path.split('/');
        for (let i = 1; i <= parts.length; i++) {
            let st;
            try {
                st = (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(ctx.root, ...parts.slice(0, i)), { throwIfNoEntry: false });
            }
            catch {
                st = undefined; // a file where a folder should be, a name too long: not there either way
            }
            if (!st)
                return { path, problem: 'does not exist' };
            if (st.isSymbolicLink())
                return { path, problem: 'is a symbolic link, which detect-stack does not follow' };
            if (i < parts.length ? !st.isDirectory() : !st.isFile())
                return { path, problem: i < parts.length ? 'does not exist' : 'is not a regular file' };
        }
    }
    const text = await ctx.text(path);
    return text === undefined ? { path, problem: 'could not be read' } : { path, text };
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/types.ts
/** Commands with every field empty. */
function noCommands() {
    return { install: null, build: null, test: null, start: null };
}
/** The last path segment of a folder, or the given fallback for the root. */
function folderName(dir, rootName) {
    return dir === '.' ? rootName : dir.slice(dir.lastIndexOf('/') + 1);
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/deno.ts




/** Deno projects (deno.json or deno.jsonc), their tasks and version files. */
const denoDetector = {
    name: 'deno',
    priority: 20,
    applies: (ctx, dir) => ctx.has(dir, 'deno.json') || ctx.has(dir, 'deno.jsonc'),
    async project(ctx, { dir }) {
        const file = ctx.has(dir, 'deno.json') ? 'deno.json' : 'deno.jsonc';
        const manifest = context_joinRel(dir, file);
        const config = await ctx.json(manifest, DenoJsonSchema, true);
        if (!config)
            return undefined;
        const version = await nearestVersion(ctx, dir, [plainFile('.dvmrc'), toolVersions('deno'), miseTools('deno')]);
        const task = (name) => (config.tasks?.[name] !== undefined ? `deno task ${name}` : null);
        return {
            name: config.name || folderName(dir, ctx.rootName),
            manifest,
            runtime: { name: 'deno', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: {
                name: 'deno',
                version: null,
                lockfile: ctx.has(dir, 'deno.lock') ? context_joinRel(dir, 'deno.lock') : null,
                source: manifest,
            },
            frameworks: [],
            commands: {
                install: ctx.has(dir, 'deno.lock') ? 'deno install --frozen' : 'deno install',
                build: task('build'),
                test: task('test') ?? 'deno test',
                start: task('start'),
            },
            warnings: [],
        };
    },
};

;// CONCATENATED MODULE: ./packages/stack/src/detectors/shared.ts


/** Joins a path prefix (relative to a project) and a command, as `./mvnw` or `../../gradlew`. */
function relativeTo(fromDir, toDir) {
    if (fromDir === toDir)
        return '.';
    const from = fromDir === '.' ? [] : fromDir.split('/');
    const to = toDir === '.' ? [] : toDir.split('/');
    let common = 0;
    while (common < from.length && common < to.length && from[common] === to[common])
        common++;
    const up = from.slice(common).map(() => '..');
    const down = to.slice(common);
    return [...up, ...down].join('/') || '.';
}
/** The wrapper script nearest above a folder (`./gradlew`, `../mvnw`), or the plain tool. */
function wrapperOr(ctx, dir, wrapper, plain) {
    const at = ctx.findUp(dir, wrapper);
    if (at === undefined)
        return plain;
    const rel = relativeTo(dir, at);
    // Only `..` steps today (the wrapper is at or above the folder), quoted all the same: it is a
    // path in a command.
    return (0,lite/* shellQuote */.ZL)(`${rel === '.' ? '.' : rel}/${wrapper}`);
}
/** The first regex capture in a text, or undefined. */
function capture(text, re) {
    if (!text)
        return undefined;
    return re.exec(text)?.[1]?.trim();
}
/** A version found by a regex in a file, with that file as its source. */
async function versionIn(ctx, path, re) {
    const value = capture(await ctx.text(path), re);
    return value ? { value, source: path } : undefined;
}
/** The path of a file in a folder. */
const at = (/* unused pure expression or super */ null && (joinRel));
/**
 * Removes every `open … close` block (an unclosed one runs to the end), replacing each with
 * `replacement`. A lazy regex such as /<!--[\s\S]*?-->/g rescans to the end from every unclosed
 * opener, which is quadratic on a hostile file; this is one pass.
 */
function stripBlocks(text, open, close, replacement = '') {
    let out = '';
    let from = 0;
    for (;;) {
        const start = text.indexOf(open, from);
        if (start < 0)
            return out + text.slice(from);
        out += text.slice(from, start) + replacement;
        const end = text.indexOf(close, start + open.length);
        if (end < 0)
            return out;
        from = end + close.length;
    }
}
/** The text between the first `open` and the `close` after it, or undefined when either is missing. */
function between(text, open, close) {
    const start = text.indexOf(open);
    if (start < 0)
        return undefined;
    const end = text.indexOf(close, start + open.length);
    return end < 0 ? undefined : text.slice(start + open.length, end);
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/dotnet.ts





const PROJECT_FILE = /\.(csproj|fsproj|vbproj)$/;
/** .NET solutions and projects; global.json pins the SDK. A project under a solution is built by it. */
const dotnetDetector = {
    name: 'dotnet',
    priority: 50,
    applies: (ctx, dir) => {
        if (ctx.names(dir).some((n) => n.endsWith('.sln')))
            return true;
        if (!ctx.names(dir).some((n) => PROJECT_FILE.test(n)))
            return false;
        for (let d = parentOf(dir); d !== undefined; d = parentOf(d))
            if (ctx.names(d).some((n) => n.endsWith('.sln')))
                return false;
        return true;
    },
    async project(ctx, { dir }) {
        const sln = ctx
            .names(dir)
            .filter((n) => n.endsWith('.sln'))
            .sort()[0];
        const proj = ctx
            .names(dir)
            .filter((n) => PROJECT_FILE.test(n))
            .sort()[0];
        const target = sln ?? proj;
        if (!target)
            return undefined;
        const manifest = context_joinRel(dir, target);
        const projText = proj ? await ctx.text(context_joinRel(dir, proj)) : undefined;
        const globalDir = ctx.findUp(dir, 'global.json');
        const globalPath = globalDir !== undefined ? context_joinRel(globalDir, 'global.json') : undefined;
        const sdk = globalPath ? (await ctx.json(globalPath, GlobalJsonSchema, true))?.sdk?.version : undefined;
        const tfm = capture(projText, /<TargetFrameworks?>\s*net(\d+\.\d+)/);
        const version = sdk
            ? { value: sdk, source: `${globalPath}#sdk.version` }
            : tfm && proj
                ? { value: tfm, source: `${context_joinRel(dir, proj)}#TargetFramework` }
                : undefined;
        // A file name is a word of the command: `My App.csproj` must stay one argument.
        const quoted = (0,lite/* shellQuote */.ZL)(target);
        const web = /Sdk="Microsoft\.NET\.Sdk\.Web"/.test(projText ?? '');
        const frameworks = web
            ? [{ name: 'aspnetcore', version: tfm ?? null, source: context_joinRel(dir, proj) }]
            : [];
        return {
            name: target.replace(/\.(sln|csproj|fsproj|vbproj)$/, ''),
            manifest,
            runtime: { name: 'dotnet', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: {
                name: 'dotnet',
                version: null,
                lockfile: ctx.has(dir, 'packages.lock.json') ? context_joinRel(dir, 'packages.lock.json') : null,
                source: manifest,
            },
            frameworks,
            commands: {
                install: `dotnet restore ${quoted}`,
                build: `dotnet build ${quoted} --no-restore -c Release`,
                test: `dotnet test ${quoted}`,
                start: web && !sln ? `dotnet run --project ${quoted} -c Release` : null,
            },
            warnings: [],
        };
    },
};

;// CONCATENATED MODULE: ./packages/stack/src/detectors/elixir.ts




/** Elixir projects with mix; Phoenix with its locked version. */
const elixirDetector = {
    name: 'elixir',
    priority: 35,
    applies: (ctx, dir) => ctx.has(dir, 'mix.exs'),
    async project(ctx, { dir }) {
        const manifest = context_joinRel(dir, 'mix.exs');
        const mix = (await ctx.text(manifest)) ?? '';
        const lockPath = ctx.has(dir, 'mix.lock') ? context_joinRel(dir, 'mix.lock') : null;
        const lock = lockPath ? ((await ctx.text(lockPath)) ?? '') : '';
        const pinned = await nearestVersion(ctx, dir, [toolVersions('elixir'), miseTools('elixir')]);
        const declared = capture(mix, /elixir:\s*"([^"\n]+)"/);
        const version = pinned ?? (declared ? { value: declared, source: manifest } : undefined);
        const frameworks = [];
        const phoenixLocked = capture(lock, /"phoenix":\s*\{:hex,\s*:phoenix,\s*"([^"\n]+)"/);
        const phoenixDeclared = capture(mix, /\{:phoenix,\s*"([^"\n]+)"/);
        if (phoenixLocked || phoenixDeclared)
            frameworks.push({
                name: 'phoenix',
                version: phoenixLocked ?? phoenixDeclared ?? null,
                source: phoenixLocked ? lockPath : manifest,
            });
        return {
            name: capture(mix, /app:\s*:(\w+)/) ?? folderName(dir, ctx.rootName),
            manifest,
            runtime: { name: 'elixir', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: { name: 'mix', version: null, lockfile: lockPath, source: manifest },
            frameworks,
            commands: {
                install: 'mix deps.get',
                build: 'mix compile',
                test: 'mix test',
                start: frameworks.length > 0 ? 'mix phx.server' : null,
            },
            warnings: [],
        };
    },
};

;// CONCATENATED MODULE: ./packages/stack/src/detectors/go.ts




const FRAMEWORKS = [
    ['github.com/gin-gonic/gin', 'gin'],
    ['github.com/labstack/echo/v4', 'echo'],
    ['github.com/gofiber/fiber/v2', 'fiber'],
    ['github.com/go-chi/chi/v5', 'chi'],
];
/**
 * Go modules and go.work workspaces; `toolchain` wins over `go`, as setup-go reads it. A module
 * that a go.work above it uses is built in workspace mode, where go.work's lines choose the
 * toolchain and the module's own are ignored: those come first.
 */
const goDetector = {
    name: 'go',
    priority: 40,
    applies: (ctx, dir) => ctx.has(dir, 'go.mod'),
    async workspace(ctx, dir) {
        if (!ctx.has(dir, 'go.work'))
            return undefined;
        const text = (await ctx.text(context_joinRel(dir, 'go.work'))) ?? '';
        const members = goWorkUses(text);
        return { tool: 'go-work', members, rootIsProject: members.includes('.') };
    },
    async project(ctx, { dir }) {
        const manifest = context_joinRel(dir, 'go.mod');
        const text = await ctx.text(manifest);
        if (text === undefined)
            return undefined;
        const goVersion = (await workspaceGo(ctx, dir)) ?? goLines(text, manifest);
        const module = capture(text, /^module\s+(\S+)/m);
        const frameworks = [];
        for (const [path, name] of FRAMEWORKS) {
            const version = capture(text, new RegExp(`^[ \\t]*(?:require[ \\t]+)?${path.replace(/[./]/g, '\\$&')}\\s+(v\\S+)`, 'm'));
            if (version)
                frameworks.push({ name, version, source: manifest });
        }
        return {
            name: module ? module.slice(module.lastIndexOf('/') + 1) : folderName(dir, ctx.rootName),
            manifest,
            runtime: { name: 'go', version: goVersion?.value ?? null, source: goVersion?.source ?? null },
            packageManager: {
                name: 'go',
                version: null,
                lockfile: ctx.has(dir, 'go.sum') ? context_joinRel(dir, 'go.sum') : null,
                source: manifest,
            },
            frameworks,
            commands: {
                install: 'go mod download',
                build: 'go build ./...',
                test: 'go test ./...',
                start: ctx.has(dir, 'main.go') ? 'go run .' : null,
            },
            warnings: [],
        };
    },
};
/** The `toolchain` line of a go.mod or go.work (`toolchain default` names none), else its `go` line. */
function goLines(text, path) {
    const toolchain = capture(text, /^toolchain[ \t]+go(\d\S*)/m);
    if (toolchain)
        return { value: toolchain, source: `${path}#toolchain` };
    const go = capture(text, /^go[ \t]+(\d\S*)/m);
    return go ? { value: go, source: `${path}#go` } : undefined;
}
/**
 * The version go.work declares for a module it uses: the nearest go.work at or above the module
 * (the one the go command finds), when its `use` lines name the module's folder.
 */
async function workspaceGo(ctx, dir) {
    for (let d = dir; d !== undefined; d = parentOf(d)) {
        if (!ctx.has(d, 'go.work'))
            continue;
        const path = context_joinRel(d, 'go.work');
        const text = await ctx.text(path);
        if (text === undefined)
            return undefined;
        const workDir = d;
        const used = goWorkUses(text).some((m) => external_node_path_.posix.normalize(context_joinRel(workDir, m)).replace(/\/+$/, '') === dir);
        return used ? goLines(text, path) : undefined;
    }
    return undefined;
}
/**
 * The folders of go.work `use` directives, single (`use ./a`) and blocks (`use (` … `)`), read
 * line by line: a regex over the whole file rescans to the end from every unclosed `use (`.
 */
function goWorkUses(text) {
    const members = new Set();
    const add = (raw) => {
        // `./a`, `a/`, `"./a b"` and `.` name folders relative to go.work; `../x` stays as it is.
        const item = raw.replace(/^(["`])(.*)\1$/, '$2');
        if (item)
            members.add(item.replace(/^(\.\/+)+/, '').replace(/\/+$/, '') || '.');
    };
    let inBlock = false;
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.replace(/\/\/.*$/, '').trim();
        if (inBlock) {
            const close = line.indexOf(')');
            add((close < 0 ? line : line.slice(0, close)).trim());
            if (close >= 0)
                inBlock = false;
            continue;
        }
        const m = /^use(\s*\(|\s+)(.*)$/.exec(line);
        if (!m)
            continue;
        if (m[1].endsWith('(')) {
            const rest = m[2];
            const close = rest.indexOf(')');
            add((close < 0 ? rest : rest.slice(0, close)).trim());
            inBlock = close < 0;
        }
        else {
            add(m[2].split(/\s+/)[0] ?? '');
        }
    }
    return [...members];
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/gradle-build.ts



/** Build scripts, Kotlin DSL first. */
const BUILD_FILES = ['build.gradle.kts', 'build.gradle'];
/** Settings scripts: the folder holding one is the root of a Gradle build. */
const SETTINGS_FILES = ['settings.gradle.kts', 'settings.gradle'];
/** The first of the named scripts a folder has, comments removed. */
async function gradleScript(ctx, dir, names) {
    for (const name of names) {
        if (!ctx.has(dir, name))
            continue;
        const path = context_joinRel(dir, name);
        const text = await ctx.text(path);
        if (text !== undefined)
            return { path, text: stripComments(text) };
    }
    return undefined;
}
/** Removes block comments and line comments (a `//` inside a URL such as `https://` is kept). */
function stripComments(text) {
    return stripBlocks(text, '/*', '*/').replace(/(^|[^:])\/\/.*$/gm, '$1');
}
/** The root of the Gradle build a folder belongs to: the nearest folder at or above it with a settings script. */
function gradleRoot(ctx, dir) {
    for (let d = dir; d !== undefined; d = parentOf(d))
        if (SETTINGS_FILES.some((n) => ctx.has(d, n)))
            return d;
    return dir;
}
/**
 * True for a build's own build logic rather than a project: its `buildSrc`, or a build that a
 * settings script above includes in `pluginManagement { includeBuild(…) }` (convention plugins).
 */
async function isBuildLogic(ctx, dir) {
    const parent = parentOf(dir);
    if (parent === undefined)
        return false;
    if (dir.slice(dir.lastIndexOf('/') + 1) === 'buildSrc' &&
        [...BUILD_FILES, ...SETTINGS_FILES].some((n) => ctx.has(parent, n)))
        return true;
    for (let d = parent; d !== undefined; d = parentOf(d)) {
        const settings = await gradleScript(ctx, d, SETTINGS_FILES);
        if (!settings)
            continue;
        const block = braceBlock(settings.text, /\bpluginManagement\s*\{/);
        for (const m of block?.matchAll(/\bincludeBuild\s*\(?\s*["']([^"'\n]+)["']/g) ?? [])
            if (external_node_path_.posix.normalize(context_joinRel(d, m[1])).replace(/\/+$/, '') === dir)
                return true;
    }
    return false;
}
/** The text inside the braces that follow the first match of `opener` (which ends at its `{`). */
function braceBlock(text, opener) {
    const m = opener.exec(text);
    if (!m)
        return undefined;
    const start = m.index + m[0].length;
    let depth = 1;
    for (let i = start; i < text.length; i++) {
        if (text[i] === '{')
            depth++;
        else if (text[i] === '}' && --depth === 0)
            return text.slice(start, i);
    }
    return text.slice(start);
}
/**
 * The project folders a settings script includes, relative to its folder: `include("a", ":b:c")`
 * (across lines too) and Groovy `include 'a', 'b'`, with `project(":a").projectDir = file("x")`
 * moving a project. `includeBuild` names a separate build, not a project of this one.
 */
function settingsProjects(settings) {
    const moved = new Map();
    for (const m of settings.matchAll(/project\(\s*["']:?([^"'\n]+)["']\s*\)\.projectDir\s*=\s*(?:file\(\s*|(?:new\s+)?File\(\s*(?:settingsDir|rootDir)\s*,\s*)["']([^"'\n]+)["']/g))
        moved.set(m[1].replace(/:/g, '/'), m[2].replace(/^\.\//, '').replace(/\/+$/, ''));
    const members = [];
    const include = /\binclude(?![\w$])[ \t]*(\()?/g;
    for (let m = include.exec(settings); m; m = include.exec(settings)) {
        const start = m.index + m[0].length;
        // A call runs to its closing parenthesis; Groovy's bare form to the end of the line, or on
        // after a trailing comma. The next include is looked for after it: one pass over the file.
        const close = m[1] ? settings.indexOf(')', start) : groovyArgsEnd(settings, start);
        const end = close < 0 ? settings.length : close;
        for (const q of settings.slice(start, end).matchAll(/["']:?([^"'\n]+)["']/g)) {
            const name = q[1].replace(/:/g, '/');
            members.push(moved.get(name) ?? name);
        }
        include.lastIndex = end;
    }
    return members;
}
function groovyArgsEnd(text, from) {
    let at = from;
    for (;;) {
        const nl = text.indexOf('\n', at);
        if (nl < 0)
            return text.length;
        if (!/,\s*$/.test(text.slice(at, nl)))
            return nl;
        at = nl + 1;
    }
}
/** `rootProject.name` from a settings script. */
function rootProjectName(settings) {
    return capture(settings, /rootProject\.name\s*=\s*['"]([^'"\n]+)['"]/);
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/gradle-toolchain.ts


/**
 * Where a build script says which Java it compiles for, strongest first: the toolchain
 * (`languageVersion.set(JavaLanguageVersion.of(17))`, `languageVersion = …`, Kotlin's
 * `jvmToolchain(17)`), the compiler's `options.release`, then `sourceCompatibility` and
 * `targetCompatibility` (`JavaVersion.VERSION_17`, `'11'`, `1.8`).
 */
const DECLARATIONS = [
    /JavaLanguageVersion\.of\(/g,
    /\bjvmToolchain\(/g,
    /\boptions\.release(?:\.set\(|[ \t]*=[ \t]*)/g,
    /\bsourceCompatibility(?:\.set\(|[ \t]*=?[ \t]*)/g,
    /\btargetCompatibility(?:\.set\(|[ \t]*=?[ \t]*)/g,
];
/** Declarations of one kind tried per script; a real script has one or two. */
const MAX_TRIES = 20;
/** Expressions nested deeper than this are not unwrapped; no real one comes close. */
const MAX_DEPTH = 8;
/**
 * The Java version a Gradle build script declares, with where the number itself is written: the
 * script, the version catalog (`libs.versions.java.get()`) or gradle.properties (`property("javaVersion")`,
 * a bare Groovy property, `"${javaVersion}"`). Lookups go to the project's folder, then the build's root.
 */
async function declaredJava(ctx, script, dirs) {
    for (const re of DECLARATIONS) {
        let tries = 0;
        for (const m of script.text.matchAll(re)) {
            // Each try may scan the script for a variable: a hostile one must not make that quadratic.
            if (++tries > MAX_TRIES)
                break;
            const start = (m.index ?? 0) + m[0].length;
            const arg = m[0].endsWith('(') ? callArgument(script.text, start) : lineRest(script.text, start);
            const found = await resolve(ctx, script, dirs, arg, 0);
            if (found)
                return found;
        }
    }
    return undefined;
}
/** The text up to the parenthesis that closes the one just opened, or undefined when unbalanced. */
function callArgument(text, from) {
    let depth = 1;
    for (let i = from; i < text.length && i < from + 300; i++) {
        const ch = text[i];
        if (ch === '(')
            depth++;
        else if (ch === ')' && --depth === 0)
            return text.slice(from, i);
    }
    return undefined;
}
function lineRest(text, from) {
    const nl = text.indexOf('\n', from);
    return text.slice(from, nl < 0 ? text.length : nl).replace(/[;}]\s*$/, '');
}
async function resolve(ctx, script, dirs, raw, depth) {
    if (raw === undefined || depth > MAX_DEPTH)
        return undefined;
    const expr = raw
        .trim()
        .replace(/(?:\.(?:get|toInt|toInteger|toString|asInt)\(\)|\s+as\s+(?:String|Integer|Int))+$/, '')
        .trim();
    const literal = javaLiteral(expr);
    if (literal)
        return { value: literal, source: script.path };
    const wrapped = /^(?:JavaLanguageVersion\.of|JavaVersion\.toVersion|Integer\.(?:parseInt|valueOf)|String\.valueOf)\(([\s\S]*)\)$/.exec(expr);
    if (wrapped)
        return resolve(ctx, script, dirs, wrapped[1], depth + 1);
    const catalog = /^libs\.versions\.([\w.]+)$/.exec(expr);
    if (catalog)
        return catalogVersion(ctx, dirs, catalog[1]);
    const property = /^(?:(?:project|rootProject)\.)?(?:property|findProperty|providers\.gradleProperty)\(\s*["']([\w.-]+)["']\s*\)$/.exec(expr)?.[1] ??
        /^(?:(?:project|rootProject)\.)?(?:properties|extra|ext)\[\s*["']([\w.-]+)["']\s*\]$/.exec(expr)?.[1] ??
        /^"\$\{?([\w.]+)\}?"$/.exec(expr)?.[1] ??
        /^(?:(?:project|rootProject)\.(?:ext\.)?)?([A-Za-z_]\w*)$/.exec(expr)?.[1];
    if (property === undefined)
        return undefined;
    // A value set in the script itself (`val javaVersion = 21`, `def jdk = '17'`, `ext.jdk = 17`) …
    const local = new RegExp(`(?:\\b(?:val|var|def)\\s+|\\bext\\.|\\bextra\\[\\s*["'])${gradle_toolchain_escape(property)}(?:["']\\s*\\])?(?:\\s*:\\s*\\w+)?\\s*=\\s*([^\\n;]+)`).exec(script.text)?.[1];
    const inScript = local === undefined ? undefined : await resolve(ctx, script, dirs, local, depth + 1);
    if (inScript)
        return inScript;
    // … else gradle.properties, the project's then the root build's.
    return gradleProperty(ctx, dirs, property);
}
/** A Java version written out: `17`, `"21"`, `'1.8'`, `JavaVersion.VERSION_1_8`, `JavaVersion.VERSION_17`. */
function javaLiteral(expr) {
    const enumMatch = /^JavaVersion\.VERSION_(\d+(?:_\d+)?)$/.exec(expr)?.[1];
    const plain = enumMatch?.replace(/_/g, '.') ?? /^(["']?)(\d+(?:\.\d+)*)\1$/.exec(expr)?.[2];
    // 1.8 is Java 8: the numbering before Java 9.
    return plain?.replace(/^1\.(?=\d+$)/, '');
}
async function catalogVersion(ctx, dirs, accessor) {
    // Gradle turns `-`, `_` and `.` in an alias into the same accessor segments.
    const wanted = accessor.toLowerCase();
    for (const dir of new Set(dirs)) {
        const file = await treeFile(ctx, context_joinRel(dir, 'gradle/libs.versions.toml'));
        if (!('text' in file))
            continue;
        let inVersions = false;
        for (const line of file.text.split(/\r?\n/)) {
            const table = /^\s*\[\s*([\w.-]+)\s*\]/.exec(line);
            if (table) {
                inVersions = table[1] === 'versions';
                continue;
            }
            if (!inVersions)
                continue;
            const m = /^\s*["']?([\w.-]+)["']?\s*=\s*(?:["']([^"']*)["']|\{[^}]*?\b(?:strictly|require|prefer)\s*=\s*["']([^"']*)["'])/.exec(line);
            if (!m || m[1].toLowerCase().replace(/[-_]/g, '.') !== wanted)
                continue;
            const value = javaLiteral(m[2] ?? m[3] ?? '');
            return value ? { value, source: `${file.path}#versions.${m[1]}` } : undefined;
        }
    }
    return undefined;
}
async function gradleProperty(ctx, dirs, name) {
    for (const dir of new Set(dirs)) {
        const file = await treeFile(ctx, context_joinRel(dir, 'gradle.properties'));
        if (!('text' in file))
            continue;
        const raw = new RegExp(`^[ \\t]*${gradle_toolchain_escape(name)}[ \\t]*[=:][ \\t]*(.*?)[ \\t]*$`, 'm').exec(file.text)?.[1];
        const value = raw === undefined ? undefined : javaLiteral(raw);
        if (value)
            return { value, source: `${file.path}#${name}` };
    }
    return undefined;
}
function gradle_toolchain_escape(name) {
    return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/java-version.ts


/** Keeps the numeric part of a Java version (`21.0.2-tem` → `21.0.2`, `temurin-17` → `17`). */
function javaNumber(v) {
    return /(\d+(?:\.\d+)*)/.exec(v)?.[1] ?? v;
}
const sdkmanrc = async (ctx, dir) => {
    if (!ctx.has(dir, '.sdkmanrc'))
        return undefined;
    const path = dir === '.' ? '.sdkmanrc' : `${dir}/.sdkmanrc`;
    const value = /^[ \t]*java[ \t]*=[ \t]*(\S+)/m.exec((await ctx.text(path)) ?? '')?.[1];
    return value ? { value: javaNumber(value), source: path } : undefined;
};
/** Version files setup-java reads: .java-version, .tool-versions, .sdkmanrc (plus mise). */
const JAVA_SOURCES = [
    plainFile('.java-version', javaNumber),
    async (ctx, dir) => {
        const found = await toolVersions('java')(ctx, dir);
        return found && { ...found, value: javaNumber(found.value) };
    },
    sdkmanrc,
    miseTools('java'),
];
/** Gradle's wrapper: `…/distributions/gradle-8.7-bin.zip`. */
const GRADLE_WRAPPER = {
    properties: 'gradle/wrapper/gradle-wrapper.properties',
    version: /\/gradle-(\d[\w.+-]*?)-(?:bin|all)\.zip$/,
};
/** Maven's wrapper: `…/apache-maven/3.9.6/apache-maven-3.9.6-bin.zip`. */
const MAVEN_WRAPPER = {
    properties: '.mvn/wrapper/maven-wrapper.properties',
    version: /\/apache-maven-(\d[\w.+-]*?)-bin\.(?:zip|tar\.gz)$/,
};
/**
 * The build tool version a wrapper downloads, from the first of the folders that has the wrapper's
 * properties file (its distributionUrl, in Java properties syntax where `\:` is a colon).
 */
async function wrapperVersion(ctx, dirs, kind) {
    for (const dir of new Set(dirs)) {
        const file = await treeFile(ctx, context_joinRel(dir, kind.properties));
        if (!('text' in file))
            continue;
        const url = /^[ \t]*distributionUrl[ \t]*[=:][ \t]*(.*?)[ \t]*$/m.exec(file.text)?.[1]?.replace(/\\(.)/g, '$1');
        const version = url ? kind.version.exec(url)?.[1] : undefined;
        return version ? { value: version, source: `${file.path}#distributionUrl` } : undefined;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/gradle.ts







/**
 * Gradle builds, Groovy and Kotlin DSL. The folder with the settings script is the build's root
 * and a project itself (`./gradlew build` there builds them all); its subprojects inherit the
 * Java toolchain its build script declares, and every project reports the Gradle version the
 * root's wrapper downloads.
 */
const gradleDetector = {
    name: 'gradle',
    priority: 50,
    applies: (ctx, dir) => [...BUILD_FILES, ...SETTINGS_FILES].some((n) => ctx.has(dir, n)),
    async workspace(ctx, dir) {
        const settings = await gradleScript(ctx, dir, SETTINGS_FILES);
        if (!settings)
            return undefined;
        const members = settingsProjects(settings.text);
        if (members.length === 0)
            return undefined;
        return { tool: 'gradle', members, rootIsProject: true };
    },
    async project(ctx, { dir }) {
        if (await isBuildLogic(ctx, dir))
            return undefined;
        const build = await gradleScript(ctx, dir, BUILD_FILES);
        const settings = await gradleScript(ctx, dir, SETTINGS_FILES);
        const manifest = build ?? settings;
        if (!manifest)
            return undefined;
        const root = gradleRoot(ctx, dir);
        const rootBuild = root === dir ? undefined : await gradleScript(ctx, root, BUILD_FILES);
        const lookIn = [dir, root];
        const version = (await nearestVersion(ctx, dir, JAVA_SOURCES)) ??
            (build && (await declaredJava(ctx, build, lookIn))) ??
            (rootBuild && (await declaredJava(ctx, rootBuild, lookIn)));
        const frameworks = [];
        const buildText = build?.text ?? '';
        // A plugin declared `apply false` is only made available to subprojects, not used here.
        if (build && /org\.springframework\.boot/.test(buildText.replace(/^.*\bapply[ \t(]*false.*$/gm, ''))) {
            // The version is often declared once at the root (`apply false`) or in pluginManagement.
            const rootSettings = root === dir ? undefined : await gradleScript(ctx, root, SETTINGS_FILES);
            const version = [build, rootBuild, settings, rootSettings]
                .map((s) => s && /org\.springframework\.boot['"]?\)?\s*version\s*['"]([^'"\n]+)['"]/.exec(s.text)?.[1])
                .find((v) => v !== undefined);
            frameworks.push({ name: 'spring-boot', version: version ?? null, source: build.path });
        }
        const gradle = wrapperOr(ctx, dir, 'gradlew', 'gradle');
        const wrapperDir = ctx.findUp(dir, 'gradlew');
        const tool = await wrapperVersion(ctx, wrapperDir === undefined ? [root] : [wrapperDir, root], GRADLE_WRAPPER);
        return {
            name: rootProjectName(settings?.text) ?? folderName(dir, ctx.rootName),
            manifest: manifest.path,
            runtime: { name: 'java', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: {
                name: 'gradle',
                version: tool?.value ?? null,
                lockfile: ctx.has(dir, 'gradle.lockfile') ? context_joinRel(dir, 'gradle.lockfile') : null,
                source: tool?.source ?? manifest.path,
            },
            frameworks,
            commands: {
                install: `${gradle} dependencies`,
                build: `${gradle} build -x test`,
                test: `${gradle} test`,
                start: frameworks.length > 0
                    ? 'java -jar build/libs/*.jar'
                    : /\bapplication\b/.test(buildText)
                        ? `${gradle} run`
                        : null,
            },
            warnings: [],
        };
    },
};

;// CONCATENATED MODULE: ./packages/stack/src/detectors/maven-pom.ts




/** Blocks removed to leave a pom's own top-level elements, outermost first. */
const NESTED = [
    'profiles',
    'build',
    'reporting',
    'dependencyManagement',
    'dependencies',
    'properties',
    'modules',
    'repositories',
    'pluginRepositories',
    'distributionManagement',
    'developers',
    'contributors',
    'licenses',
    'scm',
    'organization',
    'issueManagement',
    'ciManagement',
    'mailingLists',
];
/** A parent chain longer than this is not followed; real ones have two or three poms. */
const MAX_LINEAGE = 20;
/** Reads and splits a pom; undefined when it cannot be read (the reader has warned, when it should). */
async function readPom(ctx, path) {
    const file = await treeFile(ctx, path);
    if (!('text' in file))
        return undefined;
    const clean = stripBlocks(file.text, '<!--', '-->');
    const parent = between(clean, '<parent>', '</parent>') ?? '';
    const body = parent === '' ? clean : clean.replace(`<parent>${parent}</parent>`, '');
    let head = body;
    for (const tag of NESTED)
        head = stripBlocks(head, `<${tag}>`, `</${tag}>`);
    const outside = ['profiles', 'build', 'reporting'].reduce((t, tag) => stripBlocks(t, `<${tag}>`, `</${tag}>`), body);
    const properties = new Map();
    for (const m of (between(outside, '<properties>', '</properties>') ?? '').matchAll(/<([\w.-]+)>\s*([^<]*?)\s*<\/\1>/g))
        if (!properties.has(m[1]))
            properties.set(m[1], m[2]);
    const compiler = new Map();
    const build = between(stripBlocks(body, '<profiles>', '</profiles>'), '<build>', '</build>') ?? '';
    for (const plugin of blocks(build, '<plugin>', '</plugin>')) {
        if (!/<artifactId>\s*maven-compiler-plugin\s*<\/artifactId>/.test(plugin))
            continue;
        const configuration = between(plugin, '<configuration>', '</configuration>') ?? '';
        for (const key of ['release', 'source']) {
            const value = capture(configuration, new RegExp(`<${key}>\\s*([^<]+?)\\s*</${key}>`));
            if (value !== undefined && !compiler.has(key))
                compiler.set(key, value);
        }
    }
    const slash = path.lastIndexOf('/');
    return { path, dir: slash < 0 ? '.' : path.slice(0, slash), body, parent, head, properties, compiler };
}
/** The text of each `open … close` block in turn, in one pass (an unclosed one ends the list). */
function blocks(text, open, close) {
    const found = [];
    for (let from = text.indexOf(open); from >= 0; from = text.indexOf(open, from)) {
        const end = text.indexOf(close, from + open.length);
        if (end < 0)
            break;
        found.push(text.slice(from + open.length, end));
        from = end + close.length;
    }
    return found;
}
/**
 * The pom and its parents found in the tree, nearest first: each <parent>'s relativePath
 * (`../pom.xml` unless given; empty means the repository only), taken when the pom there is the
 * artifact the block names. A parent only in a repository ends the chain.
 */
async function pomLineage(ctx, dir) {
    const first = await readPom(ctx, context_joinRel(dir, 'pom.xml'));
    if (!first)
        return [];
    const lineage = [first];
    const seen = new Set([first.path]);
    for (let pom = first; lineage.length < MAX_LINEAGE;) {
        const artifact = capture(pom.parent, /<artifactId>\s*([^<]+?)\s*<\/artifactId>/);
        if (!artifact)
            break;
        const relative = /<relativePath\s*\/>/.test(pom.parent)
            ? ''
            : (capture(pom.parent, /<relativePath>\s*([^<]*?)\s*<\/relativePath>/) ?? '../pom.xml');
        if (relative === '')
            break;
        const target = external_node_path_.posix.normalize(context_joinRel(pom.dir, relative));
        const path = /\.xml$/i.test(target) ? target : context_joinRel(target.replace(/\/+$/, ''), 'pom.xml');
        if (seen.has(path))
            break;
        seen.add(path);
        const next = await readPom(ctx, path);
        if (!next || capture(next.head, /<artifactId>\s*([^<]+?)\s*<\/artifactId>/) !== artifact)
            break;
        lineage.push(next);
        pom = next;
    }
    return lineage;
}
/** The properties a pom sees, its own over its parents', each with the pom that sets it. */
function effectiveProperties(lineage) {
    const props = new Map();
    for (const pom of lineage)
        for (const [k, value] of pom.properties)
            if (!props.has(k))
                props.set(k, { value, pom });
    return props;
}
/** Property references are followed at most this deep: `${a}` → `${b}` → … */
const MAX_INTERPOLATION = 10;
/**
 * The Java version Maven compiles for: the compiler plugin's `release`, `maven.compiler.release`,
 * the plugin's `source`, `maven.compiler.source`, then Spring Boot's `java.version`, each with
 * `${…}` references resolved across the parent chain. The source names the pom and property
 * where the number is written.
 */
function mavenJava(lineage) {
    const props = effectiveProperties(lineage);
    const resolve = (value, origin, depth = 0) => {
        const ref = /^\$\{([\w.-]+)\}$/.exec(value.trim())?.[1];
        if (ref !== undefined) {
            const next = props.get(ref);
            return next && depth < MAX_INTERPOLATION ? resolve(next.value, `${next.pom.path}#${ref}`, depth + 1) : undefined;
        }
        const number = /^\d+(?:\.\d+)*$/.test(value.trim()) ? value.trim().replace(/^1\.(?=\d+$)/, '') : undefined;
        return number ? { value: number, source: origin } : undefined;
    };
    const plugin = (key) => {
        const pom = lineage.find((p) => p.compiler.has(key));
        return pom && resolve(pom.compiler.get(key), `${pom.path}#maven-compiler-plugin.${key}`);
    };
    const property = (name) => {
        const found = props.get(name);
        return found && resolve(found.value, `${found.pom.path}#${name}`);
    };
    return (plugin('release') ??
        property('maven.compiler.release') ??
        plugin('source') ??
        property('maven.compiler.source') ??
        property('java.version'));
}
/**
 * Spring Boot when the chain's parent is spring-boot-starter-parent or the pom uses Boot
 * artifacts; its version from that parent or from an imported spring-boot-dependencies.
 */
function springBoot(lineage) {
    const props = effectiveProperties(lineage);
    const interpolate = (v) => {
        const ref = v && /^\$\{([\w.-]+)\}$/.exec(v)?.[1];
        return ref ? props.get(ref)?.value : v;
    };
    const starter = lineage.map((p) => p.parent).find((p) => /spring-boot-starter-parent/.test(p));
    const bom = lineage
        .map((p) => /<artifactId>\s*spring-boot-dependencies\s*<\/artifactId>\s*<version>\s*([^<]+?)\s*<\/version>/.exec(p.body))
        .find((m) => m)?.[1];
    const uses = lineage[0] !== undefined && /<groupId>\s*org\.springframework\.boot\s*<\/groupId>/.test(lineage[0].body);
    if (!starter && !uses)
        return undefined;
    const version = interpolate(capture(starter, /<version>\s*([^<]+?)\s*<\/version>/)) ?? interpolate(bom);
    return { version: version ?? null };
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/maven.ts







/**
 * Maven projects and multi-module builds, with the wrapper when there is one. Properties and the
 * compiler plugin are read through the chain of parent poms in the tree, as Maven inherits them.
 */
const mavenDetector = {
    name: 'maven',
    priority: 50,
    applies: (ctx, dir) => ctx.has(dir, 'pom.xml'),
    async workspace(ctx, dir) {
        if (!ctx.has(dir, 'pom.xml'))
            return undefined;
        const pom = await readPom(ctx, context_joinRel(dir, 'pom.xml'));
        const modules = [...(pom?.body.matchAll(/<module>\s*([^<]+?)\s*<\/module>/g) ?? [])].map((m) => m[1].replace(/\/pom\.xml$/, ''));
        if (modules.length === 0)
            return undefined;
        return {
            tool: 'maven',
            members: modules,
            rootIsProject: capture(pom?.head, /<packaging>\s*(\w+)\s*<\/packaging>/) !== 'pom',
        };
    },
    async project(ctx, { dir, workspaceRoot }) {
        const manifest = context_joinRel(dir, 'pom.xml');
        const lineage = await pomLineage(ctx, dir);
        const pom = lineage[0];
        if (!pom)
            return undefined;
        if (capture(pom.head, /<packaging>\s*(\w+)\s*<\/packaging>/) === 'pom' && /<module>/.test(pom.body))
            return undefined;
        const version = (await nearestVersion(ctx, dir, JAVA_SOURCES)) ?? mavenJava(lineage);
        const frameworks = [];
        const boot = springBoot(lineage);
        if (boot)
            frameworks.push({ name: 'spring-boot', version: boot.version, source: manifest });
        const tool = await wrapperVersion(ctx, mavenRoots(ctx, dir), MAVEN_WRAPPER);
        const mvn = wrapperOr(ctx, dir, 'mvnw', 'mvn');
        const member = workspaceRoot && workspaceRoot !== dir
            ? ` -f ${(0,lite/* shellQuote */.ZL)(`${relativeTo(dir, workspaceRoot)}/pom.xml`)} -pl ${(0,lite/* shellQuote */.ZL)(relativeTo(workspaceRoot, dir))} -am`
            : '';
        return {
            name: capture(pom.head, /<artifactId>\s*([^<]+?)\s*<\/artifactId>/) ?? folderName(dir, ctx.rootName),
            manifest,
            runtime: { name: 'java', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: { name: 'maven', version: tool?.value ?? null, lockfile: null, source: tool?.source ?? manifest },
            frameworks,
            commands: {
                install: `${mvn} -B${member} dependency:go-offline`,
                build: `${mvn} -B${member} package -DskipTests`,
                test: `${mvn} -B${member} test`,
                start: frameworks.length > 0 ? 'java -jar target/*.jar' : null,
            },
            warnings: [],
        };
    },
};
/** Folders at or above a project that may hold its build's .mvn (Maven looks upward for it), nearest first. */
function mavenRoots(ctx, dir) {
    const dirs = [];
    for (let d = dir; d !== undefined; d = parentOf(d))
        if (ctx.has(d, 'pom.xml') || ctx.has(d, 'mvnw'))
            dirs.push(d);
    return dirs;
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/frameworks.ts
// The frameworks detect-stack recognises, as data: what marks each one, the command that builds
// it when the project has no build script of its own, and the folder that build writes. The list
// covers what @vercel/frameworks and @netlify/build-info recognise; their facts (dependencies,
// config files, commands, output folders) carry over, corrected where a command would be refused
// by today's tool (`ng build --prod`).
const VITE_CONFIGS = ['vite.config.ts', 'vite.config.js', 'vite.config.mts', 'vite.config.mjs', 'vite.config.cts'];
const REMIX_DEPS = [
    '@remix-run/react',
    '@remix-run/dev',
    '@remix-run/server-runtime',
    'remix',
    '@remix-run/netlify',
    '@remix-run/netlify-edge',
    '@netlify/remix-adapter',
    '@netlify/remix-edge-adapter',
    '@netlify/remix-runtime',
];
const META_ON_VITE = [
    '@remix-run/dev',
    '@react-router/dev',
    '@sveltejs/kit',
    '@analogjs/platform',
    '@builder.io/qwik',
    '@qwik.dev/core',
    '@solidjs/start',
    'solid-start',
    '@tanstack/react-start',
    '@tanstack/solid-start',
    '@tanstack/start',
    '@shopify/hydrogen',
    'vike',
    'vitepress',
    'astro',
    'nuxt',
];
/** A Node framework whose projects serve something: an app, a site, a server. */
function app(name, deps, build, output, more = {}) {
    return { name, ecosystem: 'node', deps, build, output, serves: true, ...more };
}
/** A Node UI library or build tool: part of a project that may be a library. */
function part(name, deps, build, output, more = {}) {
    return { name, ecosystem: 'node', deps, build, output, serves: false, ...more };
}
/** A site generator that runs outside Node, known by its config files. */
function site(name, configs, build, output) {
    return { name, ecosystem: 'site', configs, build, output, serves: true };
}
/** Config files only Hugo uses. */
const HUGO_CONFIGS = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json'];
/** Every framework, most specific first: the first match with a build command builds the project. */
const frameworks_FRAMEWORKS = [
    // Meta-frameworks and full-stack frameworks.
    app('blitz', ['blitz'], 'blitz build', '.next', { start: 'blitz start' }),
    app('redwood', ['@redwoodjs/core'], 'rw build', 'web/dist', { configs: ['redwood.toml'] }),
    app('hydrogen', ['@shopify/hydrogen'], 'shopify hydrogen build', 'dist'),
    app('next', ['next'], 'next build', '.next', {
        configs: ['next.config.js', 'next.config.mjs', 'next.config.ts'],
        start: 'next start',
    }),
    app('nuxt', ['nuxt', 'nuxt3', 'nuxt-edge', 'nuxt-nightly'], 'nuxt build', '.output', {
        configs: ['nuxt.config.ts', 'nuxt.config.js', 'nuxt.config.mjs'],
        start: 'node .output/server/index.mjs',
    }),
    app('remix', ['@remix-run/dev'], 'remix vite:build', 'build/client', {
        unless: ['@shopify/hydrogen'],
        configs: VITE_CONFIGS,
        needsConfig: true,
    }),
    app('remix', REMIX_DEPS, 'remix build', 'public', {
        unless: ['@shopify/hydrogen'],
        configs: ['remix.config.js', 'remix.config.mjs'],
    }),
    app('react-router', ['@react-router/dev'], 'react-router build', 'build/client', {
        unless: ['@shopify/hydrogen'],
        configs: ['react-router.config.ts', 'react-router.config.js'],
    }),
    app('tanstack-start', ['@tanstack/react-start', '@tanstack/solid-start', '@tanstack/start'], 'vite build', 'dist'),
    app('solid-start', ['@solidjs/start'], 'vinxi build', '.output'),
    app('solid-start', ['solid-start'], 'solid-start build', '.output'),
    app('sveltekit', ['@sveltejs/kit'], 'vite build', 'build', { configs: ['svelte.config.js'] }),
    app('sapper', ['sapper'], 'sapper export', '__sapper__/export'),
    app('analog', ['@analogjs/platform'], 'vite build', 'dist/analog/public'),
    app('qwik', ['@builder.io/qwik', '@qwik.dev/core'], 'qwik build', 'dist'),
    app('vike', ['vike'], 'vike build', 'dist/client'),
    app('waku', ['waku'], 'waku build', 'dist/public', { configs: ['waku.config.ts', 'waku.config.js'] }),
    // Static site generators.
    app('astro', ['astro'], 'astro build', 'dist', {
        configs: ['astro.config.mjs', 'astro.config.ts', 'astro.config.js'],
    }),
    app('gatsby', ['gatsby'], 'gatsby build', 'public', { configs: ['gatsby-config.js', 'gatsby-config.ts'] }),
    app('docusaurus', ['@docusaurus/core'], 'docusaurus build', 'build', {
        configs: ['docusaurus.config.js', 'docusaurus.config.ts'],
    }),
    app('docusaurus', ['docusaurus'], 'docusaurus-build', 'build', { configs: ['siteConfig.js'] }),
    app('eleventy', ['@11ty/eleventy'], 'eleventy', '_site', {
        configs: ['.eleventy.js', 'eleventy.config.js', 'eleventy.config.cjs', 'eleventy.config.mjs'],
    }),
    app('hexo', ['hexo'], 'hexo generate', 'public'),
    app('vitepress', ['vitepress'], 'vitepress build docs', 'docs/.vitepress/dist'),
    app('vuepress', ['vuepress', '@vuepress/cli'], 'vuepress build', '.vuepress/dist'),
    app('gridsome', ['gridsome'], 'gridsome build', 'dist', { configs: ['gridsome.config.js'] }),
    app('saber', ['saber'], 'saber build', 'public'),
    app('react-static', ['react-static'], 'react-static build', 'dist', { configs: ['static.config.js'] }),
    app('phenomic', ['@phenomic/core'], 'phenomic build', 'public'),
    app('docpad', ['docpad'], 'docpad generate', 'out'),
    app('harp', ['harp'], 'harp compile', 'www'),
    app('metalsmith', ['metalsmith'], 'metalsmith', 'build'),
    app('wintersmith', ['wintersmith'], 'wintersmith build', 'build'),
    app('roots', ['roots'], 'roots compile', 'public'),
    app('observable', ['@observablehq/framework'], 'observable build', 'dist'),
    // Application frameworks and their CLIs.
    app('quasar', ['@quasar/app-vite', '@quasar/app-webpack', '@quasar/app', 'quasar-cli'], 'quasar build', 'dist/spa'),
    app('expo', ['expo'], 'expo export --platform web', 'dist'),
    app('scully', ['@scullyio/init'], 'ng build && scully', 'dist/static'),
    app('ionic-angular', ['@ionic/angular'], 'ng build', 'www'),
    app('angular', ['@angular/core', '@angular/cli'], 'ng build', 'dist', {
        unless: ['@analogjs/platform'],
        configs: ['angular.json'],
    }),
    app('ember', ['ember-cli'], 'ember build --environment=production', 'dist', { configs: ['ember-cli-build.js'] }),
    app('vue', ['@vue/cli-service'], 'vue-cli-service build', 'dist'),
    app('create-react-app', ['react-scripts'], 'react-scripts build', 'build'),
    // Ionic React builds with whichever of Create React App or Vite the app uses.
    app('ionic-react', ['@ionic/react'], null, null),
    app('preact', ['preact-cli'], 'preact build', 'build'),
    app('dojo', ['@dojo/framework'], 'dojo build', 'output/dist', { configs: ['.dojorc'] }),
    app('polymer', ['polymer-cli'], 'polymer build', 'build'),
    app('umi', ['umi'], 'umi build', 'dist'),
    app('sanity', ['sanity', '@sanity/cli'], 'sanity build', 'dist'),
    app('tanstack-router', ['@tanstack/react-router'], 'vite build', 'dist', {
        unless: ['@tanstack/react-start', '@tanstack/start'],
    }),
    app('svelte', ['svelte'], 'rollup -c', 'public', { with: ['sirv-cli'], unless: ['@sveltejs/kit', 'sapper'] }),
    // Servers.
    app('mastra', ['mastra', '@mastra/deployer-netlify'], 'mastra build', '.mastra/output'),
    app('nestjs', ['@nestjs/core'], 'nest build', 'dist', { configs: ['nest-cli.json'], start: 'node dist/main' }),
    app('nitro', ['nitropack', 'nitro'], 'nitro build', '.output', { unless: ['nuxt', 'nuxt3'] }),
    app('express', ['express'], null, null),
    app('fastify', ['fastify'], null, null),
    app('hono', ['hono'], null, null),
    app('koa', ['koa'], null, null),
    app('elysia', ['elysia'], null, null),
    app('h3', ['h3'], null, null, { unless: ['nuxt', 'nuxt3', 'nitropack', 'nitro'] }),
    // UI libraries and build tools: a project with only these may well be a library.
    part('stencil', ['@stencil/core'], 'stencil build', 'www', { configs: ['stencil.config.ts'] }),
    part('svelte', ['svelte'], null, null, { unless: ['@sveltejs/kit', 'sapper'] }),
    part('solid', ['solid-js'], 'vite build', 'dist', {
        unless: ['@solidjs/start', 'solid-start', '@tanstack/solid-start'],
        configs: VITE_CONFIGS,
    }),
    // Storybook builds the component catalogue, not the package: never the project's build.
    part('storybook', ['storybook'], null, null),
    part('vite', ['vite', 'vite-plus'], 'vite build', 'dist', {
        unless: META_ON_VITE,
        configs: [...VITE_CONFIGS, 'index.html'],
    }),
    // Parcel builds the entries package.json names, else the page it is given.
    part('parcel', ['parcel', 'parcel-bundler'], 'parcel build index.html', 'dist', { configs: ['index.html'] }),
    part('brunch', ['brunch'], 'brunch build --production', 'public', { configs: ['brunch-config.js'] }),
    part('wmr', ['wmr'], 'wmr build', 'dist'),
    // Task runners name no build task of their own: `gulp build` fails where there is none.
    part('assemble', ['assemble'], null, null),
    part('gulp', ['gulp'], null, null),
    part('grunt', ['grunt'], null, null),
    // Generators that run outside Node; site.ts tells each from the other files that share a config name.
    site('hugo', [...HUGO_CONFIGS, 'config.toml', 'config.yaml', 'config.yml', 'config.json'], 'hugo --gc --minify', 'public'),
    site('jekyll', ['_config.yml', '_config.yaml', '_config.toml'], 'jekyll build', '_site'),
    site('middleman', ['config.rb'], 'middleman build', 'build'),
    site('zola', ['config.toml'], 'zola build', 'public'),
];
/** Every config file name the table looks for, for the walk to record. */
const FRAMEWORK_CONFIG_FILES = new Set(frameworks_FRAMEWORKS.flatMap((f) => f.configs ?? []));
/**
 * The frameworks of one ecosystem a project has, in table order, one per name. A dependency of
 * the project's own marks a framework; a config file does when the workspace declares the
 * dependency (hoisted to the root), or alone for generators that have no dependency.
 */
function matchFrameworks(ecosystem, signals) {
    const { own, workspace, files } = signals;
    const scope = own ?? workspace;
    const present = (dep) => scope?.versions[dep] !== undefined;
    const found = [];
    const named = new Set();
    for (const def of frameworks_FRAMEWORKS) {
        if (def.ecosystem !== ecosystem || named.has(def.name))
            continue;
        if (def.unless?.some(present) || (def.with && !def.with.every(present)))
            continue;
        const config = def.configs?.find((c) => files.includes(c));
        if (def.needsConfig && config === undefined)
            continue;
        const match = matchOne(def, config, own, workspace, signals.configPath);
        if (match) {
            found.push(config === undefined ? match : { ...match, config });
            named.add(def.name);
        }
    }
    return found;
}
function matchOne(def, config, own, workspace, configPath) {
    const byDep = (list) => {
        const dep = def.deps?.find((d) => list?.versions[d] !== undefined);
        return dep && list ? { def, dep, spec: list.versions[dep], source: list.sourceOf(dep) } : undefined;
    };
    const mine = byDep(own);
    if (mine)
        return mine;
    if (config === undefined)
        return undefined;
    if (!def.deps)
        return { def, dep: null, spec: null, source: configPath(config) };
    return byDep(workspace);
}
/**
 * The framework that builds a project without a build script: the first match that has a command.
 * A build tool or UI library builds only where its config file shows it is set up to (`vite build`
 * in a package that uses Vite for its tests alone looks for an index.html that is not there).
 */
function builder(matches) {
    return matches.find((m) => m.def.build !== null && (m.def.serves || m.config !== undefined))?.def;
}
/** The folder a project's build writes: its builder's, else the first framework that names one. */
function outputOf(matches) {
    return builder(matches)?.output ?? matches.find((m) => m.def.output !== null)?.def.output ?? null;
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/node-manifests.ts
// The parts of the Node ecosystem's manifests that detection reads: package.json, the workspace
// files of pnpm, Lerna and Rush, and the task graphs of Turborepo and Nx. As everywhere, a field
// of the wrong type is left out with a warning at its line and the rest is still used.


const dependencies = () => opt(tableOf(valibot_dist/* string */.YjP()));
const catalog = () => opt(tableOf(valibot_dist/* string */.YjP()));
const catalogs = () => opt(tableOf(tableOf(valibot_dist/* string */.YjP())));
/** Nx `dependsOn` entries are target names or objects (`{ "projects": …, "target": … }`). */
const dependsOn = () => opt(valibot_dist/* array */.YOg(valibot_dist/* unknown */.L5J()));
const nxTargets = () => opt(tableOf(table({ executor: optString(), dependsOn: dependsOn() })));
/** package.json: name, scripts, dependencies, versions, workspaces and Bun catalogs, Nx settings. */
const PackageJsonSchema = table({
    name: optString(),
    packageManager: optString(),
    scripts: opt(table({ build: optString(), test: optString(), start: optString() })),
    dependencies: dependencies(),
    devDependencies: dependencies(),
    engines: opt(table({ node: optString() })),
    volta: opt(table({ node: optString() })),
    workspaces: opt(valibot_dist/* union */.KCZ([valibot_dist/* array */.YOg(valibot_dist/* string */.YjP()), table({ packages: optStrings(), catalog: catalog(), catalogs: catalogs() })])),
    catalog: catalog(),
    catalogs: catalogs(),
    nx: opt(table({ name: optString(), targets: nxTargets() })),
});
/** pnpm-workspace.yaml: the member globs and the version catalogs. */
const PnpmWorkspaceSchema = table({ packages: optStrings(), catalog: catalog(), catalogs: catalogs() });
/** lerna.json: the member globs. */
const LernaJsonSchema = table({ packages: optStrings() });
/** rush.json: the project folders and the package manager Rush installs with. */
const RushJsonSchema = table({
    projects: opt(valibot_dist/* array */.YOg(table({ packageName: optString(), projectFolder: optString() }))),
    pnpmVersion: optString(),
    npmVersion: optString(),
    yarnVersion: optString(),
});
const turboTasks = () => opt(tableOf(table({ dependsOn: optStrings() })));
/** turbo.json: each task's dependencies (`tasks` since Turborepo 2, `pipeline` before). */
const TurboJsonSchema = table({ tasks: turboTasks(), pipeline: turboTasks() });
/** nx.json: target defaults and the plugins that infer targets from config files. */
const NxJsonSchema = table({
    targetDefaults: opt(tableOf(table({ dependsOn: dependsOn() }))),
    plugins: opt(valibot_dist/* array */.YOg(valibot_dist/* union */.KCZ([valibot_dist/* string */.YjP(), table({ plugin: valibot_dist/* string */.YjP(), options: opt(tableOf(valibot_dist/* unknown */.L5J())) })]))),
});
/** project.json: an Nx project's name, kind and targets. */
const ProjectJsonSchema = table({ name: optString(), projectType: optString(), targets: nxTargets() });
/** workspace.json (Nx before 16): each project's folder, as a path or an inline configuration. */
const WorkspaceJsonSchema = table({
    projects: opt(tableOf(valibot_dist/* union */.KCZ([valibot_dist/* string */.YjP(), table({ root: optString() })]))),
});

;// CONCATENATED MODULE: ./packages/stack/src/detectors/node-pm.ts
// Which package manager a Node project installs with, from which lockfile, and the install
// command that tool accepts in the project's folder. A lockfile belongs to the folder it is in and
// to the members of the workspace declared there, never to a folder that merely sits below it.




const LOCKFILES = [
    ['pnpm-lock.yaml', 'pnpm'],
    ['yarn.lock', 'yarn'],
    ['bun.lock', 'bun'],
    ['bun.lockb', 'bun'],
    // npm reads the shrinkwrap when both are there, so it comes first and hides package-lock.json.
    ['npm-shrinkwrap.json', 'npm'],
    ['package-lock.json', 'npm'],
];
/**
 * The package manager: `packageManager` first (corepack enforces it), then the lockfile of the
 * project's folder or of the workspace root that claims it, then Rush's, then a lockfile further
 * up (which names the tool the repository uses, but is not this project's: its lockfile is none).
 */
async function packageManager(ctx, scope, pkg, rootPkg, warnings) {
    const declared = parsePackageManagerField(pkg?.packageManager ?? rootPkg?.packageManager);
    const declaredSource = pkg?.packageManager
        ? context_joinRel(scope.dir, 'package.json#packageManager')
        : scope.workspaceRoot !== undefined
            ? context_joinRel(scope.workspaceRoot, 'package.json#packageManager')
            : null;
    const rush = await rushManager(ctx, scope.workspaceRoot);
    if (rush && !declared)
        return rush;
    const lock = (await lockIn(ctx, scope.dir, warnings)) ??
        (scope.workspaceRoot !== undefined ? await lockIn(ctx, scope.workspaceRoot, warnings) : undefined);
    if (declared) {
        if (lock && lock.pm !== declared.name) {
            warnings.push(`packageManager says ${declared.name} but the lockfile is ${lock.path} (${lock.pm}); using ${declared.name}`);
        }
        const lockfile = lock && lock.pm === declared.name ? lock.path : null;
        return { name: declared.name, version: declared.version, lockfile, source: declaredSource };
    }
    if (lock)
        return { name: lock.pm, version: null, lockfile: lock.path, source: lock.path };
    const above = lockAbove(ctx, scope.dir);
    if (above)
        return { name: above.pm, version: null, lockfile: null, source: above.path };
    return { name: 'npm', version: null, lockfile: null, source: null };
}
/** Parses `pnpm@9.12.0+sha512…` into a name and version. */
function parsePackageManagerField(field) {
    if (typeof field !== 'string')
        return undefined;
    const m = /^(npm|pnpm|yarn|bun)(?:@([^+\s]+))?/.exec(field.trim());
    if (!m)
        return undefined;
    return { name: m[1], version: m[2] ?? null };
}
/** The lockfile in one folder; two or more are reported, and the newer one is used. */
async function lockIn(ctx, dir, warnings) {
    const shrinkwrap = ctx.has(dir, 'npm-shrinkwrap.json');
    const here = LOCKFILES.filter(([name]) => ctx.has(dir, name) && !(shrinkwrap && name === 'package-lock.json')).map(([name, pm]) => ({ path: context_joinRel(dir, name), pm }));
    if (here.length <= 1)
        return here[0];
    const times = await Promise.all(here.map((l) => ctx.mtime(l.path)));
    let best = 0;
    times.forEach((t, i) => {
        if (t > times[best])
            best = i;
    });
    const chosen = here[best];
    const why = times.every((t) => t === times[0]) ? 'by precedence' : '(newer)';
    warnings.push(`two or more lockfiles in ${dir}: ${here.map((l) => l.path.split('/').pop()).join(' and ')}; using ${chosen.path.split('/').pop()} ${why}`);
    return chosen;
}
/** The nearest lockfile strictly above a folder, up to the repository root. */
function lockAbove(ctx, dir) {
    for (const d of ctx.upward(dir).slice(1)) {
        const found = LOCKFILES.find(([name]) => ctx.has(d, name));
        if (found)
            return { path: context_joinRel(d, found[0]), pm: found[1] };
    }
    return undefined;
}
/** Rush installs every project from its own lockfile with the tool rush.json pins. */
async function rushManager(ctx, root) {
    if (root === undefined || !ctx.has(root, 'rush.json'))
        return undefined;
    const rush = await ctx.json(context_joinRel(root, 'rush.json'), RushJsonSchema, true);
    const pinned = ['pnpm', 'yarn', 'npm'].find((pm) => rush?.[`${pm}Version`] !== undefined) ?? 'pnpm';
    const lockName = pinned === 'npm' ? 'npm-shrinkwrap.json' : pinned === 'yarn' ? 'yarn.lock' : 'pnpm-lock.yaml';
    const lockfile = context_joinRel(root, `common/config/rush/${lockName}`);
    return {
        name: pinned,
        version: rush?.[`${pinned}Version`] ?? null,
        lockfile: (await ctx.exists(lockfile)) ? lockfile : null,
        source: context_joinRel(root, `rush.json${rush?.[`${pinned}Version`] !== undefined ? `#${pinned}Version` : ''}`),
    };
}
/** True when the package manager is Yarn 2 or later (Berry). */
async function isBerry(ctx, pm, dir) {
    if (pm.name !== 'yarn')
        return false;
    if (pm.version && /^\d+\./.test(pm.version))
        return Number(pm.version.split('.')[0]) >= 2;
    const lockDir = ctx.findAbove(dir, 'yarn.lock');
    if (lockDir === undefined)
        return ctx.findAbove(dir, '.yarnrc.yml') !== undefined;
    if (ctx.has(lockDir, '.yarnrc.yml'))
        return true;
    return /^__metadata:/m.test((await ctx.text(context_joinRel(lockDir, 'yarn.lock'))) ?? '');
}
/** How the package manager runs a tool installed in the project (`npx next build`). */
function execPrefix(pm) {
    return { npm: 'npx', pnpm: 'pnpm exec', yarn: 'yarn', bun: 'bunx' }[pm.name] ?? 'npx';
}
/**
 * The install command the tool accepts in the project's folder, or null with a warning when it
 * accepts none there: Yarn Berry refuses a folder below its project that is not one of its
 * workspaces, and a Rush project installs only through Rush.
 */
async function installCommand(ctx, scope, pm, hasPackageJson, warnings) {
    const root = scope.workspaceRoot;
    if (root !== undefined && ctx.has(root, 'rush.json'))
        return rushCommand(ctx, scope.dir, root, 'rush', 'install');
    switch (pm.name) {
        case 'pnpm':
            if (!pm.lockfile && hasPackageJson && strictlyAbove(ctx, scope.dir, 'pnpm-workspace.yaml') !== undefined)
                return 'pnpm install --ignore-workspace';
            return pm.lockfile ? 'pnpm install --frozen-lockfile' : 'pnpm install';
        case 'yarn': {
            if (!(await isBerry(ctx, pm, scope.dir)))
                return pm.lockfile ? 'yarn install --frozen-lockfile' : 'yarn install';
            const project = ctx.findAbove(scope.dir, 'yarn.lock');
            if (hasPackageJson && project !== undefined && project !== scope.dir && project !== root) {
                warnings.push(`${scope.dir} is inside the Yarn project at ${project} but is not one of its workspaces, so yarn refuses to run there; list it in ${context_joinRel(project, 'package.json')}#workspaces or give it a yarn.lock of its own`);
                return null;
            }
            return pm.lockfile ? 'yarn install --immutable' : 'yarn install';
        }
        case 'bun':
            return pm.lockfile ? 'bun install --frozen-lockfile' : 'bun install';
        default:
            return pm.lockfile ? 'npm ci' : 'npm install';
    }
}
/** The nearest folder strictly above dir, up to the repository root, with that file. */
function strictlyAbove(ctx, dir, name) {
    return ctx
        .upward(dir)
        .slice(1)
        .find((d) => ctx.has(d, name));
}
/** A Rush command run from a project's folder, through the repository's install-run script when it has one. */
async function rushCommand(ctx, dir, root, tool, args) {
    const script = `common/scripts/install-run-${tool}.js`;
    if (!(await ctx.exists(context_joinRel(root, script))))
        return `${tool} ${args}`;
    return `node ${(0,lite/* shellQuote */.ZL)(context_joinRel(relativeTo(dir, root), script))} ${args}`;
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/node-versions.ts
// Versions in the Node ecosystem: the runtime's (version files from the project up to the
// repository root, engines), and a dependency's as declared, with pnpm and Bun catalogs resolved
// and the workspace protocol never shown as a version.



const voltaNode = async (ctx, dir) => {
    if (!ctx.has(dir, 'package.json'))
        return undefined;
    const pkg = await ctx.json(context_joinRel(dir, 'package.json'), PackageJsonSchema);
    const v = pkg?.volta?.node;
    return v !== undefined ? { value: stripV(v), source: context_joinRel(dir, 'package.json#volta.node') } : undefined;
};
const NODE_SOURCES = [
    plainFile('.nvmrc'),
    plainFile('.node-version'),
    toolVersions('nodejs', 'node'),
    miseTools('node', 'nodejs'),
    voltaNode,
];
/**
 * The version declared nearest to the project, asking each folder from the project up to the
 * repository root (above the analysed folder too, where an enclosing workspace pins it) every
 * source in order.
 */
async function nearestVersionAbove(ctx, dir, sources) {
    for (const d of ctx.upward(dir)) {
        for (const source of sources) {
            const found = await source(ctx, d);
            if (found)
                return found;
        }
    }
    return undefined;
}
/** The Node.js version: a version file first, else engines; a pin outside the engines range is reported. */
async function nodeVersion(ctx, scope, pkg, rootPkg, warnings) {
    const pinned = await nearestVersionAbove(ctx, scope.dir, NODE_SOURCES);
    const enginesOwner = pkg?.engines?.node ? scope.dir : rootPkg?.engines?.node ? scope.workspaceRoot : undefined;
    const engines = pkg?.engines?.node ?? rootPkg?.engines?.node;
    const enginesFound = engines && enginesOwner !== undefined
        ? { value: engines, source: context_joinRel(enginesOwner, 'package.json#engines.node') }
        : undefined;
    if (pinned && enginesFound) {
        // Loaded only when both a pin and an engines range exist: most runs never need it.
        const { default: semver } = await __webpack_require__.e(/* import() */ 2088).then(__webpack_require__.t.bind(__webpack_require__, 62088, 23));
        if (!semver.valid(semver.coerce(pinned.value)) || !semver.validRange(engines))
            return pinned;
        const exact = semver.valid(pinned.value) ?? semver.coerce(pinned.value).version;
        if (!semver.satisfies(exact, engines)) {
            warnings.push(`${pinned.source} says ${pinned.value} but ${enginesFound.source} requires ${engines}; using ${pinned.value}`);
        }
    }
    return pinned ?? enginesFound;
}
/** The Bun version: a version file, else the packageManager pin. */
async function bunVersion(ctx, dir, pm) {
    const file = await nearestVersionAbove(ctx, dir, [plainFile('.bun-version'), toolVersions('bun'), miseTools('bun')]);
    if (file)
        return file;
    return pm.version && pm.source ? { value: pm.version, source: pm.source } : undefined;
}
/** The catalogs that apply to a project: the nearest pnpm-workspace.yaml's, else its workspace root's package.json's. */
async function catalogsFor(ctx, scope, rootPkg) {
    const pnpmDir = ctx.findAbove(scope.dir, 'pnpm-workspace.yaml');
    if (pnpmDir !== undefined) {
        const file = context_joinRel(pnpmDir, 'pnpm-workspace.yaml');
        const ws = await ctx.yaml(file, PnpmWorkspaceSchema);
        return node_versions_catalogs(file, '', ws?.catalog, ws?.catalogs);
    }
    const owner = scope.workspaceRoot ?? scope.dir;
    const file = context_joinRel(owner, 'package.json');
    const pkg = scope.workspaceRoot !== undefined ? rootPkg : await ctx.json(file, PackageJsonSchema);
    const inWorkspaces = Array.isArray(pkg?.workspaces) ? undefined : pkg?.workspaces;
    if (inWorkspaces?.catalog || inWorkspaces?.catalogs)
        return node_versions_catalogs(file, 'workspaces.', inWorkspaces.catalog, inWorkspaces.catalogs);
    return node_versions_catalogs(file, '', pkg?.catalog, pkg?.catalogs);
}
function node_versions_catalogs(file, prefix, main, named) {
    return {
        lookup(name, dep) {
            // `catalog:` is the default catalog, which pnpm also accepts as `catalogs.default`.
            const isDefault = name === '' || name === 'default';
            const value = isDefault ? (main?.[dep] ?? named?.default?.[dep]) : named?.[name]?.[dep];
            if (value === undefined)
                return undefined;
            const field = isDefault && main?.[dep] !== undefined ? `catalog.${dep}` : `catalogs.${name || 'default'}.${dep}`;
            return { value, source: `${file}#${prefix}${field}` };
        },
    };
}
/**
 * A dependency's version as it can be shown: `catalog:` resolved, `npm:next@14.2.3` as its
 * version, `workspace:^1.2.0` as its range; null for `workspace:*`, links, paths and patches.
 */
function resolveSpec(dep, spec, cats) {
    const catalog = /^catalog:(.*)$/.exec(spec.trim());
    if (catalog) {
        const found = cats.lookup(catalog[1].trim(), dep);
        return found ? { version: found.value, source: found.source } : { version: null };
    }
    const workspace = /^workspace:(.*)$/.exec(spec);
    if (workspace)
        return { version: /\d/.test(workspace[1]) ? workspace[1] : null };
    const alias = /^npm:(?:@[^/@]+\/)?[^@]+@(.+)$/.exec(spec);
    if (alias)
        return { version: alias[1] };
    if (/^(link|file|portal|patch|exec):/.test(spec))
        return { version: null };
    return { version: spec };
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/nx.ts
// Nx and Turborepo: which projects an Nx workspace defines (project.json, the older
// workspace.json), which targets a project has, and when a task must run through the orchestrator
// because running the package's own script would skip the tasks it depends on.



const ext = (base, exts) => exts.map((e) => `${base}.${e}`);
const JS = ['js', 'ts', 'mjs', 'mts', 'cjs', 'cts'];
/**
 * Nx plugins that infer targets from a config file in a project's folder, and the plugin option
 * naming each target (its default is the task's own name).
 */
const NX_PLUGINS = {
    vite: { configs: ext('vite.config', JS), targets: { build: 'buildTargetName', test: 'testTargetName' } },
    vitest: { configs: [...ext('vitest.config', JS), ...ext('vite.config', JS)], targets: { test: 'testTargetName' } },
    next: { configs: ext('next.config', JS), targets: { build: 'buildTargetName' } },
    jest: { configs: ext('jest.config', JS), targets: { test: 'targetName' } },
    webpack: { configs: ext('webpack.config', JS), targets: { build: 'buildTargetName' } },
    rspack: { configs: ext('rspack.config', JS), targets: { build: 'buildTargetName' } },
    rollup: { configs: ext('rollup.config', JS), targets: { build: 'buildTargetName' } },
    remix: { configs: ext('remix.config', JS), targets: { build: 'buildTargetName' } },
    nuxt: { configs: ext('nuxt.config', JS), targets: { build: 'buildTargetName' } },
};
/** Config files the Nx plugins look for, for the walk to record. */
const NX_PLUGIN_CONFIG_FILES = Object.values(NX_PLUGINS).flatMap((p) => p.configs);
/** Executor packages and the dependency whose framework they build. */
const EXECUTOR_DEPS = {
    next: 'next',
    angular: '@angular/core',
    'build-angular': '@angular/core',
    build: '@angular/core',
    vite: 'vite',
    remix: '@remix-run/dev',
    expo: 'expo',
    nuxt: 'nuxt',
    nest: '@nestjs/core',
    storybook: 'storybook',
};
/** The project.json of an Nx project in a folder, when an Nx workspace (nx.json at or above it) encloses it. */
async function nxProject(ctx, dir) {
    if (!ctx.has(dir, 'project.json') || ctx.findAbove(dir, 'nx.json') === undefined)
        return undefined;
    return ctx.json(context_joinRel(dir, 'project.json'), ProjectJsonSchema);
}
/** The folders of the Nx projects below an Nx root, relative to it: project.json folders and workspace.json entries. */
async function nxMembers(ctx, root) {
    if (!ctx.has(root, 'nx.json'))
        return [];
    const members = new Set();
    for (const dir of ctx.inventory.manifests.keys()) {
        const rel = ctx.has(dir, 'project.json') ? ctx.pathFrom(root, dir) : undefined;
        if (rel !== undefined && rel !== '.')
            members.add(exactGlob(rel));
    }
    if (ctx.has(root, 'workspace.json')) {
        const ws = await ctx.json(context_joinRel(root, 'workspace.json'), WorkspaceJsonSchema);
        for (const p of Object.values(ws?.projects ?? {})) {
            const folder = typeof p === 'string' ? p : p.root;
            if (folder)
                members.add(exactGlob(folder.replace(/^\.\//, '').replace(/\/+$/, '')));
        }
    }
    return [...members];
}
/** A path as a glob that matches only itself. */
function exactGlob(path) {
    return path.replace(/[\\*?[\]{}()!+@]/g, (c) => `\\${c}`);
}
/** The dependencies an Nx project's executors name (`@nx/next:build` → next), to find its frameworks by. */
function executorDeps(project) {
    const deps = new Set();
    for (const target of Object.values(project?.targets ?? {})) {
        const pkg = /^@(?:nx|nrwl|angular-devkit|angular)\/([\w-]+):/.exec(target.executor ?? '')?.[1];
        const dep = pkg ? EXECUTOR_DEPS[pkg] : undefined;
        if (dep)
            deps.add(dep);
    }
    return [...deps];
}
/**
 * The command that runs a task through Nx or Turborepo, when it must: always for an Nx
 * project.json project that has the target; for a package script, when nx.json's target defaults
 * or turbo.json make the task depend on others (a per-package command would skip them).
 */
async function orchestratedCommand(ctx, o, task) {
    const script = o.pkg?.scripts?.[task] !== undefined;
    const nxRoot = ctx.findAbove(o.dir, 'nx.json');
    if (nxRoot !== undefined) {
        const nx = await ctx.json(context_joinRel(nxRoot, 'nx.json'), NxJsonSchema, true);
        const run = (target) => `${o.exec} nx run ${(0,lite/* shellQuote */.ZL)(`${o.name}:${target}`)}`;
        if (o.project) {
            if (script || o.project.targets?.[task])
                return run(task);
            const inferred = inferredTargets(ctx, o.dir, nx).get(task);
            if (inferred !== undefined)
                return run(inferred);
        }
        const own = o.pkg?.nx?.targets?.[task]?.dependsOn ?? [];
        if (script && (own.length > 0 || (nx?.targetDefaults?.[task]?.dependsOn ?? []).length > 0))
            return run(task);
    }
    if (!script || !o.pkg?.name || o.workspaceRoot === undefined || !ctx.has(o.workspaceRoot, 'turbo.json'))
        return;
    const deps = [
        ...(await turboDependsOn(ctx, o.workspaceRoot, o.pkg.name, task)),
        ...(ctx.has(o.dir, 'turbo.json') && o.dir !== o.workspaceRoot
            ? await turboDependsOn(ctx, o.dir, o.pkg.name, task)
            : []),
    ];
    return deps.length > 0 ? `${o.exec} turbo run ${task} --filter=${(0,lite/* shellQuote */.ZL)(o.pkg.name)}` : undefined;
}
/** The tasks a turbo.json makes `task` of a package depend on (`^build`, `codegen`), environment entries aside. */
async function turboDependsOn(ctx, dir, name, task) {
    const turbo = await ctx.json(context_joinRel(dir, 'turbo.json'), TurboJsonSchema, true);
    const tasks = { ...turbo?.pipeline, ...turbo?.tasks };
    return (tasks[`${name}#${task}`] ?? tasks[task])?.dependsOn?.filter((d) => !d.startsWith('$')) ?? [];
}
/** The target each task is inferred as by the nx.json plugins, from the config files a folder holds. */
function inferredTargets(ctx, dir, nx) {
    const targets = new Map();
    for (const entry of nx?.plugins ?? []) {
        const name = typeof entry === 'string' ? entry : entry.plugin;
        const options = typeof entry === 'string' ? {} : (entry.options ?? {});
        const key = /^@(?:nx|nrwl)\/([\w-]+)(?:\/plugin)?$/.exec(name)?.[1];
        const plugin = key ? NX_PLUGINS[key] : undefined;
        if (!plugin || !plugin.configs.some((c) => ctx.has(dir, c)))
            continue;
        for (const [task, option] of Object.entries(plugin.targets)) {
            const named = options[option];
            if (!targets.has(task))
                targets.set(task, typeof named === 'string' && named !== '' ? named : task);
        }
    }
    return targets;
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/node-workspace.ts
// Node workspaces: the members a root declares (package.json workspaces, pnpm, Rush, Lerna, Nx
// projects), the tool that orchestrates them, and which projects the root's own scripts build.




const DELEGATING_BUILD = /\b(turbo|nx|lerna|rush)\b|\s(-ws|--workspaces|-r|--recursive|--filter)\b|workspaces foreach/;
/** The workspace a folder declares, or undefined when it declares no members. */
async function nodeWorkspace(ctx, dir) {
    // A Rush repository has no package.json at its root; an Nx one may declare projects by project.json alone.
    if (!['package.json', 'nx.json', 'rush.json'].some((f) => ctx.has(dir, f)))
        return undefined;
    const pkg = ctx.has(dir, 'package.json')
        ? await ctx.json(context_joinRel(dir, 'package.json'), PackageJsonSchema)
        : undefined;
    const members = new Set();
    const declared = Array.isArray(pkg?.workspaces) ? pkg.workspaces : (pkg?.workspaces?.packages ?? []);
    declared.forEach((g) => members.add(g));
    if (ctx.has(dir, 'pnpm-workspace.yaml')) {
        const ws = await ctx.yaml(context_joinRel(dir, 'pnpm-workspace.yaml'), PnpmWorkspaceSchema);
        ws?.packages?.forEach((g) => members.add(g));
    }
    if (ctx.has(dir, 'rush.json')) {
        const rush = await ctx.json(context_joinRel(dir, 'rush.json'), RushJsonSchema, true);
        rush?.projects?.forEach((p) => p.projectFolder && members.add(p.projectFolder));
    }
    if (members.size === 0 && ctx.has(dir, 'lerna.json')) {
        const lerna = await ctx.json(context_joinRel(dir, 'lerna.json'), LernaJsonSchema);
        (lerna?.packages ?? ['packages/*']).forEach((g) => members.add(g));
    }
    (await nxMembers(ctx, dir)).forEach((m) => members.add(m));
    if (members.size === 0)
        return undefined;
    const orchestrator = ['turbo.json', 'nx.json', 'lerna.json', 'rush.json'].find((f) => ctx.has(dir, f));
    const pm = (await packageManager(ctx, { dir, workspaceRoot: undefined }, pkg, undefined, [])).name;
    const build = pkg?.scripts?.build;
    const rootProject = await nxProject(ctx, dir);
    return {
        tool: orchestrator ? orchestrator.replace(/\.json$/, '') : `${pm}-workspaces`,
        members: [...members],
        rootIsProject: (typeof build === 'string' && !DELEGATING_BUILD.test(` ${build}`)) ||
            rootProject?.targets?.build !== undefined ||
            rootProject?.targets?.test !== undefined,
    };
}
/** Scripts that build, run or ship something, whose targets are the repository's applications. */
const SHIPPING_SCRIPT = /^(build|start|dev|serve|deploy|preview)(\W|$)/;
/**
 * Projects a folder's own build, start, dev and deploy scripts name, as they name them: a
 * `--filter`, `--workspace`, `yarn workspace`, `nx run` target or `cd` folder.
 */
async function rootBuilds(ctx, dir) {
    if (!ctx.has(dir, 'package.json'))
        return [];
    const pkg = await ctx.json(context_joinRel(dir, 'package.json'), PackageJsonSchema);
    const names = new Set();
    for (const [script, body] of Object.entries(pkg?.scripts ?? {})) {
        if (!SHIPPING_SCRIPT.test(script) || typeof body !== 'string')
            continue;
        for (const target of scriptTargets(body))
            names.add(target);
    }
    return [...names];
}
const TARGET_PATTERNS = [
    /(?:--filter|-F)[= ]+(\S+)/g,
    /(?:--workspace|-w)[= ]+(\S+)/g,
    /\byarn workspace (\S+)/g,
    /\bnx (?:run )?(\S+?):\S+/g,
    /\bnx (?:build|serve|start|deploy|export|preview) (\S+)/g,
    /(?:--scope|--to|--only)[= ]+(\S+)/g,
    /\b(?:cd|--prefix|--dir|-C) (\S+?)(?:\s|$|&|;)/g,
];
/** The project names and folders one script names (`turbo run build --filter=web...` → web). */
function scriptTargets(script) {
    const found = [];
    for (const re of TARGET_PATTERNS)
        for (const m of script.matchAll(re)) {
            const target = m[1]
                .replace(/^['"]|['"]$/g, '')
                .replace(/^\.\.\.|\.\.\.$|^\^|^\{|\}$/g, '')
                .replace(/^\.\//, '')
                .replace(/\/+$/, '');
            if (target !== '' && !target.startsWith('-'))
                found.push(target);
        }
    return found;
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/node.ts









const NPM_DEFAULT_TEST = /no test specified/;
/**
 * Node.js projects (npm, pnpm, yarn classic and berry, bun, Rush), their workspaces (including
 * one whose root is above the analysed folder), Nx projects (project.json) and frameworks.
 */
const nodeDetector = {
    name: 'node',
    priority: 10,
    workspaceAbove: true,
    applies: (ctx, dir) => ctx.has(dir, 'package.json') || (ctx.has(dir, 'project.json') && ctx.findAbove(dir, 'nx.json') !== undefined),
    workspace: nodeWorkspace,
    builds: rootBuilds,
    async project(ctx, scope) {
        const hasPackageJson = ctx.has(scope.dir, 'package.json');
        const pkg = hasPackageJson ? await ctx.json(context_joinRel(scope.dir, 'package.json'), PackageJsonSchema) : undefined;
        const project = await nxProject(ctx, scope.dir);
        if (!pkg && !project)
            return undefined;
        const manifest = context_joinRel(scope.dir, pkg ? 'package.json' : 'project.json');
        const rootDir = scope.workspaceRoot ?? ctx.findAbove(scope.dir, 'nx.json');
        const rootPkg = rootDir !== undefined && rootDir !== scope.dir && ctx.has(rootDir, 'package.json')
            ? await ctx.json(context_joinRel(rootDir, 'package.json'), PackageJsonSchema)
            : undefined;
        const warnings = [];
        const pm = await packageManager(ctx, scope, pkg, rootPkg, warnings);
        const runtimeName = pm.name === 'bun' ? 'bun' : 'node';
        const version = runtimeName === 'bun'
            ? await bunVersion(ctx, scope.dir, pm)
            : await nodeVersion(ctx, scope, pkg, rootPkg, warnings);
        const matches = frameworkMatches(ctx, scope.dir, pkg, project, rootDir, rootPkg);
        const name = project?.name ?? pkg?.nx?.name ?? (pkg?.name || folderName(scope.dir, ctx.rootName));
        const commands = await nodeCommands(ctx, scope, { pkg, project, pm, name, matches, hasPackageJson }, warnings);
        const catalogs = await catalogsFor(ctx, scope, rootPkg);
        const frameworks = matches.map((m) => {
            if (m.dep === null || m.spec === null)
                return { name: m.def.name, version: null, source: m.source };
            const resolved = resolveSpec(m.dep, m.spec, catalogs);
            return { name: m.def.name, version: resolved.version, source: resolved.source ?? m.source };
        });
        const draft = {
            name,
            manifest,
            runtime: { name: runtimeName, version: version?.value ?? null, source: version?.source ?? null },
            packageManager: pm,
            frameworks,
            commands,
            warnings,
            output: outputOf(matches),
            serves: matches.some((m) => m.def.serves),
        };
        return draft;
    },
};
/** A manifest's dependencies (devDependencies first, so a runtime dependency wins) and where each is declared. */
function dependencyList(pkg, manifest) {
    if (!pkg)
        return undefined;
    return {
        versions: { ...pkg.devDependencies, ...pkg.dependencies },
        sourceOf: (dep) => `${manifest}#${pkg.dependencies?.[dep] !== undefined ? 'dependencies' : 'devDependencies'}.${dep}`,
    };
}
function frameworkMatches(ctx, dir, pkg, project, rootDir, rootPkg) {
    const workspace = rootDir !== undefined ? dependencyList(rootPkg, context_joinRel(rootDir, 'package.json')) : undefined;
    let own = dependencyList(pkg, context_joinRel(dir, 'package.json'));
    if (!own) {
        // An Nx project.json folder has no dependencies of its own: its executors name the ones it builds with.
        const named = executorDeps(project).filter((d) => workspace?.versions[d] !== undefined);
        own = {
            versions: Object.fromEntries(named.map((d) => [d, workspace.versions[d]])),
            sourceOf: (dep) => workspace.sourceOf(dep),
        };
    }
    return matchFrameworks('node', {
        own,
        workspace,
        files: ctx.names(dir),
        configPath: (name) => context_joinRel(dir, name),
    });
}
/**
 * Commands the tools accept in the project's folder: scripts through the package manager, tasks
 * through Nx, Turborepo or Rush when their pipeline must run, the framework's own build and start
 * when there is no script, and none at all where the package manager refuses the folder.
 */
async function nodeCommands(ctx, scope, i, warnings) {
    const { pkg, pm } = i;
    const install = await installCommand(ctx, scope, pm, i.hasPackageJson, warnings);
    if (install === null && pm.name === 'yarn')
        return { install: null, build: null, test: null, start: null };
    const exec = execPrefix(pm);
    if (pkg && pm.name === 'npm' && usesWorkspaceProtocol(pkg)) {
        warnings.push('package.json uses the workspace: protocol, which npm cannot install; declare packageManager (pnpm, yarn or bun) in the workspace root');
        return { install: null, build: null, test: null, start: null };
    }
    const scripts = pkg?.scripts ?? {};
    const run = pm.name === 'npm' ? 'npm run' : `${pm.name} run`;
    const direct = pm.name === 'bun' ? 'bun run' : pm.name;
    const orchestrated = {
        dir: scope.dir,
        name: i.name,
        pkg,
        project: i.project,
        workspaceRoot: scope.workspaceRoot,
        exec,
    };
    const task = async (t, fallback) => (await orchestratedCommand(ctx, orchestrated, t)) ?? (await rushTask(ctx, scope, i.name, t, pkg)) ?? fallback;
    const build = builder(i.matches)?.build;
    // An Nx project builds into the workspace's dist/, where the framework's own start would not look.
    const start = i.project ? undefined : i.matches.find((m) => m.def.start !== undefined)?.def.start;
    return {
        install,
        build: await task('build', scripts.build ? `${run} build` : build ? viaPackageManager(exec, build) : null),
        test: await task('test', scripts.test && !NPM_DEFAULT_TEST.test(scripts.test) ? `${direct} test` : null),
        start: scripts.start ? `${direct} start` : start ? viaPackageManager(exec, start) : null,
    };
}
/** A framework's command with each installed tool run through the package manager (`npx next build`). */
function viaPackageManager(exec, command) {
    return command
        .split(' && ')
        .map((c) => (c.startsWith('node ') ? c : `${exec} ${c}`))
        .join(' && ');
}
/** A task of a Rush project: `rush build --to` builds its dependencies first; tests run through rushx. */
async function rushTask(ctx, scope, name, task, pkg) {
    const root = scope.workspaceRoot;
    if (root === undefined || !ctx.has(root, 'rush.json') || pkg?.scripts?.[task] === undefined)
        return undefined;
    return task === 'build'
        ? rushCommand(ctx, scope.dir, root, 'rush', `build --to ${(0,lite/* shellQuote */.ZL)(name)}`)
        : rushCommand(ctx, scope.dir, root, 'rushx', task);
}
/** True when any dependency uses the workspace: protocol, which npm rejects. */
function usesWorkspaceProtocol(pkg) {
    return [pkg.dependencies, pkg.devDependencies].some((deps) => Object.values(deps ?? {}).some((v) => v.startsWith('workspace:')));
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/php.ts




/** PHP projects with Composer; Laravel and Symfony with their locked versions. */
const phpDetector = {
    name: 'php',
    priority: 35,
    applies: (ctx, dir) => ctx.has(dir, 'composer.json'),
    async project(ctx, { dir }) {
        const manifest = context_joinRel(dir, 'composer.json');
        const composer = await ctx.json(manifest, ComposerJsonSchema);
        if (!composer)
            return undefined;
        const lockPath = ctx.has(dir, 'composer.lock') ? context_joinRel(dir, 'composer.lock') : null;
        const lock = lockPath ? await ctx.json(lockPath, ComposerLockSchema) : undefined;
        const pinned = await nearestVersion(ctx, dir, [plainFile('.php-version'), toolVersions('php'), miseTools('php')]);
        const platform = composer.config?.platform?.php;
        const required = composer.require?.php;
        const version = pinned ??
            (platform
                ? { value: platform, source: `${manifest}#config.platform.php` }
                : required
                    ? { value: required, source: `${manifest}#require.php` }
                    : undefined);
        const frameworks = [];
        for (const [pkg, name] of PHP_FRAMEWORK_DEPS) {
            const locked = lock?.packages?.find((p) => p.name === pkg)?.version;
            const declared = composer.require?.[pkg];
            if (locked || declared)
                frameworks.push({
                    name,
                    version: (locked ?? declared ?? '').replace(/^v(?=\d)/, '') || null,
                    source: locked ? lockPath : `${manifest}#require`,
                });
        }
        const laravel = frameworks.some((f) => f.name === 'laravel');
        const phpunit = composer['require-dev']?.['phpunit/phpunit'] !== undefined;
        return {
            name: composer.name || folderName(dir, ctx.rootName),
            manifest,
            runtime: { name: 'php', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: { name: 'composer', version: null, lockfile: lockPath, source: manifest },
            frameworks,
            commands: {
                install: 'composer install --no-interaction --prefer-dist',
                build: null,
                test: composer.scripts?.test
                    ? 'composer test'
                    : laravel
                        ? 'php artisan test'
                        : phpunit
                            ? 'vendor/bin/phpunit'
                            : null,
                start: null,
            },
            warnings: [],
        };
    },
};

;// CONCATENATED MODULE: ./packages/stack/src/detectors/python-requirements.ts



/** More files than this in one include graph are not read; real projects have a handful. */
const MAX_REQUIREMENT_FILES = 100;
/**
 * Parses a PEP 508 requirement (`Django[argon2]>=5,<6 ; python_version>"3.9"`, `pkg @ https://…`)
 * into its normalised name and specifier; undefined for a line that names no distribution.
 */
function parseRequirement(spec) {
    const m = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(.*)$/.exec(spec);
    if (!m)
        return undefined;
    const rest = m[2].replace(/;.*$/, '').trim();
    // A direct reference (`name @ url`) pins by URL, not by a version.
    const version = rest.startsWith('@') || rest === '' ? null : (/^==(?!=)\s*([^,*\s]+)$/.exec(rest)?.[1] ?? rest);
    if (!/^(?:[<>=!~(@]|$)/.test(rest) && version !== null)
        return undefined;
    return { name: normaliseName(m[1]), version };
}
/** PEP 503 normalisation: lower case, runs of `-`, `_` and `.` become `-`. */
function normaliseName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/**
 * Reads requirements files as pip does: `\` continues a line, `#` after whitespace starts a
 * comment, per-requirement options (`--hash=…`) are dropped, `-r`/`--requirement` includes and
 * `-c`/`--constraint` files are followed relative to the file that names them. A file reached
 * twice is read once; an include that leads back into its own chain is a cycle and is reported.
 */
async function readRequirements(ctx, roots) {
    const out = { requirements: [], constraints: new Map(), files: new Set(), problems: [] };
    const visit = async (path, chain, constraint) => {
        if (chain.includes(path)) {
            out.problems.push(`requirements include cycle ${[...chain, path].join(' → ')}; not followed again`);
            return;
        }
        if (out.files.has(path))
            return;
        if (out.files.size >= MAX_REQUIREMENT_FILES) {
            out.problems.push(`more than ${MAX_REQUIREMENT_FILES} requirements files are included; ${path} and later ones are not read`);
            return;
        }
        const file = await treeFile(ctx, path);
        if (!('text' in file)) {
            const by = chain.at(-1);
            out.problems.push(`${by ? `${by} includes ${path}, which` : `${path}`} ${file.problem}; it is not read`);
            return;
        }
        out.files.add(path);
        const folder = parentOf(path) ?? '.';
        for (const line of logicalLines(file.text)) {
            const include = /^(?:-([rc])\s*|--(requirement|constraint)(?:\s*=\s*|\s+))(\S+)$/.exec(line);
            if (include) {
                const target = include[3];
                // pip also takes URLs and ${VARIABLES}: neither can be read from the tree.
                if (/^[a-z][\w+.-]*:\/\//i.test(target) || /\$\{/.test(target))
                    continue;
                const isConstraint = constraint || include[1] === 'c' || include[2] === 'constraint';
                const next = target.startsWith('/') ? target : external_node_path_.posix.normalize(external_node_path_.posix.join(folder, target));
                await visit(next, [...chain, path], isConstraint);
                continue;
            }
            if (line.startsWith('-'))
                continue; // -e, -i, --index-url, --hash …: no distribution named
            const parsed = parseRequirement(line.replace(/\s+--?[a-z][\w-]*(?:[=\s]\S*)?/gi, ''));
            if (!parsed)
                continue;
            const found = { ...parsed, source: path };
            if (!constraint)
                out.requirements.push(found);
            else if (parsed.version !== null && !/^[<>=!~]/.test(parsed.version) && !out.constraints.has(parsed.name))
                out.constraints.set(parsed.name, found);
        }
    };
    for (const root of roots)
        await visit(root, [], false);
    return out;
}
/** A requirements file's logical lines: continuations joined, comments and blank lines dropped. */
function logicalLines(text) {
    const lines = [];
    let pending = '';
    for (const raw of text.split(/\r?\n/)) {
        const joined = pending + raw;
        if (/(^|[^\\])\\$/.test(joined)) {
            pending = joined.slice(0, -1);
            continue;
        }
        pending = '';
        const line = joined.replace(/(^|\s)#.*$/, '').trim();
        if (line !== '')
            lines.push(line);
    }
    if (pending.trim() !== '')
        lines.push(pending.trim());
    return lines;
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/python.ts






const python_FRAMEWORKS = ['django', 'flask', 'fastapi'];
/** Files that make a folder a Python project of its own, whatever includes its requirements. */
const PROJECT_FILES = ['pyproject.toml', 'Pipfile', 'setup.py', 'setup.cfg', 'uv.lock', 'poetry.lock'];
const REQUIREMENTS = /^requirements[\w.-]*\.txt$/;
const PYTHON_SOURCES = [
    plainFile('.python-version'),
    toolVersions('python'),
    miseTools('python'),
    plainFile('runtime.txt', (v) => v.replace(/^python-/, '')),
];
/** Python projects: pip, poetry, uv, pipenv, pdm; Django, Flask, FastAPI. */
const pythonDetector = {
    name: 'python',
    priority: 30,
    applies: (ctx, dir) => PROJECT_FILES.some((n) => ctx.has(dir, n)) || ctx.names(dir).some((n) => REQUIREMENTS.test(n)),
    async project(ctx, { dir }) {
        const pyproject = ctx.has(dir, 'pyproject.toml')
            ? await ctx.toml(context_joinRel(dir, 'pyproject.toml'), PyProjectSchema)
            : undefined;
        const pipfile = ctx.has(dir, 'Pipfile') ? await ctx.toml(context_joinRel(dir, 'Pipfile'), PipfileSchema) : undefined;
        const requirements = requirementFiles(ctx, dir);
        if (!PROJECT_FILES.some((n) => ctx.has(dir, n)) && (await includedFromAbove(ctx, dir, requirements)))
            return undefined;
        const read = await readRequirements(ctx, requirements.map((n) => context_joinRel(dir, n)));
        const pm = python_packageManager(ctx, dir, pyproject, requirements);
        const deps = python_dependencies(dir, pyproject, pipfile, read);
        const warnings = [...read.problems];
        const pinned = await nearestVersion(ctx, dir, PYTHON_SOURCES);
        const declared = pyproject?.project?.['requires-python']
            ? { value: pyproject.project['requires-python'], source: context_joinRel(dir, 'pyproject.toml#project.requires-python') }
            : typeof pyproject?.tool?.poetry?.dependencies?.python === 'string'
                ? {
                    value: pyproject.tool.poetry.dependencies.python,
                    source: context_joinRel(dir, 'pyproject.toml#tool.poetry.dependencies.python'),
                }
                : pipfile?.requires?.python_full_version || pipfile?.requires?.python_version
                    ? {
                        value: (pipfile.requires.python_full_version ?? pipfile.requires.python_version),
                        source: context_joinRel(dir, 'Pipfile#requires'),
                    }
                    : undefined;
        const version = pinned ?? declared;
        const frameworks = python_FRAMEWORKS.filter((f) => deps.has(f)).map((f) => ({
            name: f,
            version: deps.get(f).version,
            source: deps.get(f).source,
        }));
        const manifest = pyproject
            ? context_joinRel(dir, 'pyproject.toml')
            : pipfile
                ? context_joinRel(dir, 'Pipfile')
                : requirements[0]
                    ? context_joinRel(dir, requirements[0])
                    : context_joinRel(dir, ctx.names(dir).find((n) => /setup\.(py|cfg)|\.lock$/.test(n)) ?? 'setup.py');
        const exec = runPrefix(pm.name);
        const isDjango = deps.has('django') && ctx.has(dir, 'manage.py');
        const hasPytest = deps.has('pytest') ||
            ['pytest.ini', 'conftest.py', 'tox.ini'].some((n) => ctx.has(dir, n)) ||
            (await ctx.exists(context_joinRel(dir, 'tests')));
        const buildable = pyproject?.['build-system'] !== undefined || pyproject?.tool?.poetry !== undefined;
        return {
            name: pyproject?.project?.name || pyproject?.tool?.poetry?.name || folderName(dir, ctx.rootName),
            manifest,
            runtime: { name: 'python', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: pm,
            frameworks,
            commands: {
                install: python_installCommand(pm, requirements, pyproject !== undefined || ctx.has(dir, 'setup.py')),
                build: buildable ? buildCommand(pm.name) : null,
                test: hasPytest ? `${exec}pytest` : isDjango ? `${exec}python manage.py test` : null,
                start: await startCommand(ctx, dir, deps, exec),
            },
            warnings,
        };
    },
};
/** The folder's requirements files, requirements.txt (the shortest name) first. */
function requirementFiles(ctx, dir) {
    return ctx
        .names(dir)
        .filter((n) => REQUIREMENTS.test(n))
        .sort((a, b) => a.length - b.length || a.localeCompare(b));
}
/**
 * True when the nearest Python project above reads this folder's requirements files through
 * `-r`/`-c` (a `requirements/requirements-dev.txt` beside the project's requirements.txt): they
 * are part of that project, not one of their own.
 */
async function includedFromAbove(ctx, dir, files) {
    for (let d = parentOf(dir); d !== undefined; d = parentOf(d)) {
        const above = requirementFiles(ctx, d);
        if (above.length === 0 && !PROJECT_FILES.some((n) => ctx.has(d, n)))
            continue;
        const read = await readRequirements(ctx, above.map((n) => context_joinRel(d, n)));
        return files.some((n) => read.files.has(context_joinRel(dir, n)));
    }
    return false;
}
function python_packageManager(ctx, dir, pyproject, requirements) {
    const pick = (name, lockfile, source) => ({
        name,
        version: null,
        lockfile: lockfile ? context_joinRel(dir, lockfile) : null,
        source: source ? context_joinRel(dir, source) : null,
    });
    if (ctx.has(dir, 'uv.lock'))
        return pick('uv', 'uv.lock', 'uv.lock');
    if (ctx.has(dir, 'poetry.lock'))
        return pick('poetry', 'poetry.lock', 'poetry.lock');
    if (ctx.has(dir, 'Pipfile'))
        return pick('pipenv', ctx.has(dir, 'Pipfile.lock') ? 'Pipfile.lock' : null, 'Pipfile');
    if (ctx.has(dir, 'pdm.lock'))
        return pick('pdm', 'pdm.lock', 'pdm.lock');
    if (pyproject?.tool?.poetry)
        return pick('poetry', null, 'pyproject.toml#tool.poetry');
    if (pyproject?.tool?.pdm)
        return pick('pdm', null, 'pyproject.toml#tool.pdm');
    if (pyproject?.tool?.uv)
        return pick('uv', null, 'pyproject.toml#tool.uv');
    return pick('pip', requirements[0] ?? null, requirements[0] ?? (pyproject ? 'pyproject.toml' : null));
}
/**
 * Normalised distribution name → declared version (exact pins without `==`) and the file (and
 * table) that declares it: PEP 621 dependencies and extras, PEP 735 groups, Poetry's main and
 * group tables, uv's and PDM's dev dependencies, Pipfile, and requirements files with their
 * `-r` includes. A dependency named without a pin takes the exact pin of a `-c` constraints file.
 */
function python_dependencies(dir, pyproject, pipfile, requirements) {
    const deps = new Map();
    const set = (name, version, source) => {
        if (!deps.has(name))
            deps.set(name, { version, source });
    };
    const add = (spec, source) => {
        const parsed = typeof spec === 'string' ? parseRequirement(spec) : undefined;
        if (parsed)
            set(parsed.name, parsed.version, source);
    };
    const py = context_joinRel(dir, 'pyproject.toml');
    pyproject?.project?.dependencies?.forEach((d) => add(d, `${py}#project.dependencies`));
    for (const [extra, list] of Object.entries(pyproject?.project?.['optional-dependencies'] ?? {}))
        list.forEach((d) => add(d, `${py}#project.optional-dependencies.${extra}`));
    // `{ include-group = "…" }` entries name another group, which is read in its own right.
    for (const [group, list] of Object.entries(pyproject?.['dependency-groups'] ?? {}))
        list.forEach((d) => add(d, `${py}#dependency-groups.${group}`));
    const poetryTables = [
        [pyproject?.tool?.poetry?.dependencies, 'tool.poetry.dependencies'],
        ...Object.entries(pyproject?.tool?.poetry?.group ?? {}).map(([name, g]) => [
            g.dependencies,
            `tool.poetry.group.${name}.dependencies`,
        ]),
    ];
    for (const [table, field] of poetryTables) {
        for (const [name, v] of Object.entries(table ?? {})) {
            // A constraint list (several versions by marker) names no single version.
            const spec = typeof v === 'string' ? v : Array.isArray(v) ? '' : (v.version ?? '');
            // Poetry writes a bare version for an exact pin; `^4.2`, `~4.2` and `*` are its own ranges.
            if (name !== 'python')
                set(normaliseName(name), spec === '' || spec === '*' ? null : spec.replace(/^==\s*/, ''), `${py}#${field}`);
        }
    }
    const uvDev = pyproject?.tool?.uv?.['dev-dependencies'];
    if (Array.isArray(uvDev))
        uvDev.forEach((d) => add(d, `${py}#tool.uv.dev-dependencies`));
    const pdmDev = pyproject?.tool?.pdm?.['dev-dependencies'];
    if (pdmDev && typeof pdmDev === 'object' && !Array.isArray(pdmDev))
        for (const [group, list] of Object.entries(pdmDev))
            if (Array.isArray(list))
                list.forEach((d) => add(d, `${py}#tool.pdm.dev-dependencies.${group}`));
    for (const table of [pipfile?.packages, pipfile?.['dev-packages']]) {
        for (const [name, v] of Object.entries(table ?? {})) {
            const spec = typeof v === 'string' ? v : (v?.version ?? '');
            const clean = typeof spec === 'string' && spec !== '*' && spec !== '' ? spec : null;
            set(normaliseName(name), clean && /^==(?!=)\s*[^,*]+$/.test(clean) ? clean.replace(/^==\s*/, '') : clean, context_joinRel(dir, 'Pipfile'));
        }
    }
    for (const r of requirements.requirements)
        set(r.name, r.version, r.source);
    for (const [name, dep] of deps) {
        const pin = requirements.constraints.get(name);
        if (pin && (dep.version === null || /^[<>=!~^]/.test(dep.version)))
            deps.set(name, { version: pin.version, source: pin.source });
    }
    return deps;
}
function runPrefix(pm) {
    return pm === 'uv'
        ? 'uv run '
        : pm === 'poetry'
            ? 'poetry run '
            : pm === 'pipenv'
                ? 'pipenv run '
                : pm === 'pdm'
                    ? 'pdm run '
                    : '';
}
function python_installCommand(pm, requirements, hasProjectFile) {
    switch (pm.name) {
        case 'uv':
            return pm.lockfile ? 'uv sync --locked' : 'uv sync';
        case 'poetry':
            return 'poetry install --no-interaction';
        case 'pipenv':
            return pm.lockfile ? 'pipenv install --deploy --dev' : 'pipenv install --dev';
        case 'pdm':
            return pm.lockfile ? 'pdm install --frozen-lockfile' : 'pdm install';
        default:
            if (requirements.length > 0)
                return `pip install -r ${(0,lite/* shellQuote */.ZL)(requirements.includes('requirements.txt') ? 'requirements.txt' : requirements[0])}`;
            return hasProjectFile ? 'pip install .' : null;
    }
}
function buildCommand(pm) {
    return pm === 'poetry' ? 'poetry build' : pm === 'uv' ? 'uv build' : pm === 'pdm' ? 'pdm build' : 'python -m build';
}
async function startCommand(ctx, dir, deps, exec) {
    if (deps.has('django') && ctx.has(dir, 'manage.py')) {
        const settings = /DJANGO_SETTINGS_MODULE['"]\s*,\s*['"]([\w.]+)\.settings['"]/.exec((await ctx.text(context_joinRel(dir, 'manage.py'))) ?? '')?.[1];
        if (settings && deps.has('gunicorn'))
            return `${exec}gunicorn ${settings}.wsgi`;
        return `${exec}python manage.py runserver 0.0.0.0:8000`;
    }
    const entry = ctx.has(dir, 'main.py') ? 'main' : ctx.has(dir, 'app.py') ? 'app' : undefined;
    if (!entry)
        return null;
    if (deps.has('fastapi'))
        return `${exec}uvicorn ${entry}:app --host 0.0.0.0`;
    if (deps.has('flask'))
        return deps.has('gunicorn') ? `${exec}gunicorn ${entry}:app` : `${exec}flask --app ${entry} run --host 0.0.0.0`;
    return `${exec}python ${entry}.py`;
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/ruby.ts




/** Ruby projects with Bundler; Rails with its locked version. */
const rubyDetector = {
    name: 'ruby',
    priority: 35,
    applies: (ctx, dir) => ctx.has(dir, 'Gemfile'),
    async project(ctx, { dir }) {
        const manifest = context_joinRel(dir, 'Gemfile');
        const gemfile = (await ctx.text(manifest)) ?? '';
        const lockPath = ctx.has(dir, 'Gemfile.lock') ? context_joinRel(dir, 'Gemfile.lock') : null;
        const lock = lockPath ? ((await ctx.text(lockPath)) ?? '') : '';
        const pinned = await nearestVersion(ctx, dir, [
            plainFile('.ruby-version', (v) => v.replace(/^ruby-/, '')),
            toolVersions('ruby'),
            miseTools('ruby'),
        ]);
        const inGemfile = capture(gemfile, /^[ \t]*ruby[ \t]+['"]([^'"\n]+)['"]/m);
        const inLock = capture(lock, /^RUBY VERSION\s*\n\s*ruby\s+(\d[\w.]*)/m)?.replace(/p\d+$/, '');
        const version = pinned ??
            (inGemfile ? { value: inGemfile, source: manifest } : inLock ? { value: inLock, source: lockPath } : undefined);
        const gem = (name) => new RegExp(`^[ \\t]*gem[ \\t]+['"]${name}['"]`, 'm').test(gemfile);
        const frameworks = [];
        if (gem('rails') || /^\s{4}rails \(/m.test(lock)) {
            const locked = capture(lock, /^ {4}rails \(([^)\n]+)\)/m);
            frameworks.push({
                name: 'rails',
                version: locked ?? capture(gemfile, /gem\s+['"]rails['"]\s*,\s*['"]([^'"\n]+)['"]/) ?? null,
                source: locked ? lockPath : manifest,
            });
        }
        const rails = frameworks.length > 0;
        const rspec = gem('rspec') || gem('rspec-rails') || (await ctx.exists(context_joinRel(dir, 'spec')));
        return {
            name: folderName(dir, ctx.rootName),
            manifest,
            runtime: { name: 'ruby', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: {
                name: 'bundler',
                version: capture(lock, /^BUNDLED WITH\s*\n\s*(\S+)/m) ?? null,
                lockfile: lockPath,
                source: manifest,
            },
            frameworks,
            commands: {
                install: 'bundle install',
                build: rails ? 'bundle exec rails assets:precompile' : null,
                test: rspec
                    ? 'bundle exec rspec'
                    : rails
                        ? 'bundle exec rails test'
                        : ctx.has(dir, 'Rakefile')
                            ? 'bundle exec rake'
                            : null,
                start: rails ? 'bundle exec rails server -b 0.0.0.0' : ctx.has(dir, 'config.ru') ? 'bundle exec rackup' : null,
            },
            warnings: [],
        };
    },
};

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./packages/stack/src/globs.ts

/** Why picomatch refuses a glob (empty, longer than it allows), or undefined when it takes it. */
function globProblem(glob, options = {}) {
    try {
        picomatch_default()(glob, options);
        return undefined;
    }
    catch (err) {
        return String(err.message).slice(0, 120);
    }
}
/** A glob as it may be shown in a message: quoted, escaped, and cut when long. */
function showGlob(glob) {
    return JSON.stringify(glob.length > 80 ? `${glob.slice(0, 80)}…` : glob);
}
/**
 * One matcher for globs that come from a repository or an input. A glob picomatch refuses is
 * reported and skipped rather than thrown: a bad workspace glob in one manifest must not stop
 * detection of the rest.
 */
function compileGlobs(globs, report, options = {}) {
    const good = [];
    for (const glob of globs) {
        const problem = globProblem(glob, options);
        if (problem === undefined)
            good.push(glob);
        else
            report(`glob ${showGlob(glob)} is not usable (${problem}); it is skipped`);
    }
    if (good.length === 0)
        return () => false;
    return picomatch_default()(good, options);
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/rust.ts





const toolchainFile = async (ctx, dir) => {
    if (ctx.has(dir, 'rust-toolchain.toml')) {
        const path = context_joinRel(dir, 'rust-toolchain.toml');
        const doc = await ctx.toml(path, RustToolchainSchema);
        if (doc?.toolchain?.channel)
            return { value: doc.toolchain.channel, source: `${path}#toolchain.channel` };
    }
    if (ctx.has(dir, 'rust-toolchain')) {
        const path = context_joinRel(dir, 'rust-toolchain');
        const text = ((await ctx.text(path)) ?? '').trim();
        const channel = /channel\s*=\s*"([^"\n]+)"/.exec(text)?.[1] ?? (text.includes('\n') || text.includes('=') ? undefined : text);
        if (channel)
            return { value: channel, source: path };
    }
    return undefined;
};
/** Rust crates and Cargo workspaces; rust-toolchain(.toml) before `rust-version`. */
const rustDetector = {
    name: 'rust',
    priority: 40,
    applies: (ctx, dir) => ctx.has(dir, 'Cargo.toml'),
    async workspace(ctx, dir) {
        if (!ctx.has(dir, 'Cargo.toml'))
            return undefined;
        const path = context_joinRel(dir, 'Cargo.toml');
        const cargo = await ctx.toml(path, CargoTomlSchema);
        const members = cargo?.workspace?.members;
        if (!members)
            return undefined;
        const exclude = cargo?.workspace?.exclude ?? [];
        const excluded = compileGlobs(exclude, (message) => ctx.warn(`${path}: workspace.exclude ${message}`, path));
        return {
            tool: 'cargo-workspace',
            members: members.filter((m) => !excluded(m)).concat(exclude.map((e) => `!${e}`)),
            rootIsProject: cargo?.package !== undefined,
        };
    },
    async project(ctx, { dir, workspaceRoot }) {
        const manifest = context_joinRel(dir, 'Cargo.toml');
        const cargo = await ctx.toml(manifest, CargoTomlSchema);
        if (!cargo?.package)
            return undefined;
        const rootCargo = workspaceRoot ? await ctx.toml(context_joinRel(workspaceRoot, 'Cargo.toml'), CargoTomlSchema) : undefined;
        const pinned = await nearestVersion(ctx, dir, [toolchainFile]);
        const own = typeof cargo.package['rust-version'] === 'string' ? cargo.package['rust-version'] : undefined;
        const inherited = rootCargo?.workspace?.package?.['rust-version'];
        const version = pinned ??
            (own
                ? { value: own, source: `${manifest}#package.rust-version` }
                : inherited
                    ? { value: inherited, source: `${context_joinRel(workspaceRoot, 'Cargo.toml')}#workspace.package.rust-version` }
                    : undefined);
        const lockDir = ctx.has(dir, 'Cargo.lock')
            ? dir
            : workspaceRoot && ctx.has(workspaceRoot, 'Cargo.lock')
                ? workspaceRoot
                : undefined;
        const locked = lockDir !== undefined ? ' --locked' : '';
        const frameworks = [];
        for (const [dep, name] of RUST_FRAMEWORK_DEPS) {
            const spec = cargo.dependencies?.[dep];
            if (spec !== undefined)
                frameworks.push({
                    name,
                    version: typeof spec === 'string' ? spec : (spec.version ?? null),
                    source: `${manifest}#dependencies.${dep}`,
                });
        }
        const hasBinary = cargo.bin !== undefined || (await ctx.exists(context_joinRel(dir, 'src/main.rs')));
        return {
            name: cargo.package.name || folderName(dir, ctx.rootName),
            manifest,
            runtime: { name: 'rust', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: {
                name: 'cargo',
                version: null,
                lockfile: lockDir !== undefined ? context_joinRel(lockDir, 'Cargo.lock') : null,
                source: manifest,
            },
            frameworks,
            commands: {
                install: `cargo fetch${locked}`,
                build: `cargo build --release${locked}`,
                test: `cargo test${locked}`,
                start: hasBinary ? `cargo run --release${locked}` : null,
            },
            warnings: [],
        };
    },
};

;// CONCATENATED MODULE: ./packages/stack/src/detectors/site.ts
// Sites built by generators that run outside Node: Hugo, Jekyll, Middleman and Zola. Such a site
// is a project even with no package.json; the generator's build command and output folder come
// from the framework table. A site whose package.json has a build script of its own is left to
// the Node detector, which runs that script.







const GENERIC_CONFIGS = ['config.toml', 'config.yaml', 'config.yml', 'config.json'];
const JEKYLL_CONFIGS = ['_config.yml', '_config.yaml', '_config.toml'];
/** Static sites built by Hugo, Jekyll, Middleman or Zola. */
const siteDetector = {
    name: 'site',
    // Above Go (a Hugo site's go.mod holds its theme modules) and Ruby (a Jekyll site's Gemfile).
    priority: 45,
    covers: ['ruby', 'go', 'node', 'static'],
    applies: (ctx, dir) => [...HUGO_CONFIGS, ...GENERIC_CONFIGS, ...JEKYLL_CONFIGS, 'config.rb'].some((n) => ctx.has(dir, n)),
    async project(ctx, scope) {
        const { dir } = scope;
        const kind = await siteKind(ctx, dir);
        if (!kind)
            return undefined;
        const def = frameworks_FRAMEWORKS.find((f) => f.ecosystem === 'site' && f.name === kind);
        const pkg = ctx.has(dir, 'package.json')
            ? await ctx.json(context_joinRel(dir, 'package.json'), PackageJsonSchema)
            : undefined;
        if (typeof pkg?.scripts?.build === 'string')
            return undefined;
        const warnings = [];
        const ruby = kind === 'jekyll' || kind === 'middleman';
        const gemfile = ruby && ctx.has(dir, 'Gemfile');
        // Assets built by PostCSS or Tailwind: the site's install is its package.json's.
        const nodePm = pkg ? await packageManager(ctx, scope, pkg, undefined, warnings) : undefined;
        const version = ruby ? await rubyVersion(ctx, dir) : undefined;
        const draft = {
            name: folderName(dir, ctx.rootName),
            manifest: context_joinRel(dir, ctx.names(dir).find((n) => def.configs.includes(n))),
            runtime: { name: ruby ? 'ruby' : 'static', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: gemfile ? await bundler(ctx, dir) : (nodePm ?? null),
            frameworks: [await generatorVersion(ctx, dir, kind)],
            commands: {
                install: gemfile
                    ? 'bundle install'
                    : nodePm
                        ? await installCommand(ctx, scope, nodePm, true, warnings)
                        : kind === 'jekyll'
                            ? 'gem install jekyll'
                            : null,
                build: gemfile ? `bundle exec ${def.build}` : def.build,
                test: null,
                start: null,
            },
            warnings,
            output: def.output,
            serves: true,
        };
        return draft;
    },
};
/**
 * Which generator a folder is for. Config names are shared (Hexo's _config.yml, Zola's and
 * Hugo's config.toml, many tools' config.yaml), so each claim is checked against what else the
 * folder holds.
 */
async function siteKind(ctx, dir) {
    const has = (n) => ctx.has(dir, n);
    const pkg = has('package.json') ? await ctx.json(context_joinRel(dir, 'package.json'), PackageJsonSchema) : undefined;
    const nodeGenerator = ['hexo', '@11ty/eleventy'].some((d) => pkg?.dependencies?.[d] !== undefined || pkg?.devDependencies?.[d] !== undefined);
    const gemfile = has('Gemfile') ? ((await ctx.text(context_joinRel(dir, 'Gemfile'))) ?? '') : '';
    const gem = (name) => new RegExp(`^[ \\t]*gem[ \\t]+['"]${name}['"]`, 'm').test(gemfile);
    if (JEKYLL_CONFIGS.some(has) && !nodeGenerator) {
        if (gem('jekyll') || gem('github-pages'))
            return 'jekyll';
        const folders = await Promise.all(['_posts', '_layouts', '_includes'].map((f) => ctx.exists(context_joinRel(dir, f))));
        // Without a Gemfile (GitHub Pages builds it), only a folder with Jekyll's own layout and nothing else to build.
        if (folders.some(Boolean) && !has('Gemfile') && !pkg)
            return 'jekyll';
    }
    if (has('config.rb') && gem('middleman'))
        return 'middleman';
    if (HUGO_CONFIGS.some(has))
        return 'hugo';
    const config = GENERIC_CONFIGS.find(has);
    if (config === undefined)
        return undefined;
    const text = (await ctx.text(context_joinRel(dir, config))) ?? '';
    const folders = async (names) => (await Promise.all(names.map((f) => ctx.exists(context_joinRel(dir, f))))).some(Boolean);
    if (config === 'config.toml' && /^\s*base_url\s*=/m.test(text) && (await folders(['templates', 'content'])))
        return 'zola';
    if (/^\s*"?base_?url"?\s*[=:]/im.test(text) && (await folders(['content', 'layouts', 'archetypes', 'themes'])))
        return 'hugo';
    return undefined;
}
/** The generator and its version: Gemfile.lock for Ruby ones; netlify.toml or .tool-versions for Hugo and Zola. */
async function generatorVersion(ctx, dir, kind) {
    const lockPath = context_joinRel(dir, 'Gemfile.lock');
    if ((kind === 'jekyll' || kind === 'middleman') && ctx.has(dir, 'Gemfile.lock')) {
        const locked = capture(await ctx.text(lockPath), new RegExp(`^ {4}${kind} \\(([^)\\n]+)\\)`, 'm'));
        if (locked)
            return { name: kind, version: locked, source: lockPath };
    }
    if (ctx.has(dir, 'netlify.toml')) {
        const path = context_joinRel(dir, 'netlify.toml');
        const pinned = capture(await ctx.text(path), new RegExp(`^\\s*${kind.toUpperCase()}_VERSION\\s*=\\s*"([^"\\n]+)"`, 'm'));
        if (pinned)
            return { name: kind, version: pinned, source: `${path}#${kind.toUpperCase()}_VERSION` };
    }
    const tool = await toolVersions(kind)(ctx, dir);
    if (tool)
        return { name: kind, version: tool.value, source: tool.source };
    const config = ctx.names(dir).find((n) => frameworks_FRAMEWORKS.find((f) => f.name === kind).configs.includes(n));
    return { name: kind, version: null, source: context_joinRel(dir, config) };
}
async function rubyVersion(ctx, dir) {
    for (const d of ctx.upward(dir))
        for (const source of [
            plainFile('.ruby-version', (v) => v.replace(/^ruby-/, '')),
            toolVersions('ruby'),
            miseTools('ruby'),
        ]) {
            const found = await source(ctx, d);
            if (found)
                return found;
        }
    return undefined;
}
async function bundler(ctx, dir) {
    const lockfile = ctx.has(dir, 'Gemfile.lock') ? context_joinRel(dir, 'Gemfile.lock') : null;
    const lock = lockfile ? ((await ctx.text(lockfile)) ?? '') : '';
    return {
        name: 'bundler',
        version: capture(lock, /^BUNDLED WITH\s*\n\s*(\S+)/m) ?? null,
        lockfile,
        source: context_joinRel(dir, 'Gemfile'),
    };
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/static.ts


/** A folder of HTML with no build: served as it is. Only where no other project encloses it. */
const staticDetector = {
    name: 'static',
    priority: 0,
    applies: (ctx, dir) => ctx.has(dir, 'index.html'),
    async project(ctx, { dir }) {
        return {
            name: folderName(dir, ctx.rootName),
            manifest: context_joinRel(dir, 'index.html'),
            runtime: { name: 'static', version: null, source: null },
            packageManager: null,
            frameworks: [],
            commands: noCommands(),
            warnings: [],
        };
    },
};

;// CONCATENATED MODULE: ./packages/stack/src/detectors/registry.ts













/** Every detector, highest priority first. Adding an ecosystem is one file and one line here. */
const DETECTORS = [
    mavenDetector,
    gradleDetector,
    dotnetDetector,
    goDetector,
    rustDetector,
    rubyDetector,
    phpDetector,
    elixirDetector,
    pythonDetector,
    denoDetector,
    nodeDetector,
    siteDetector,
    staticDetector,
].sort((a, b) => b.priority - a.priority);
/** The detectors by name; an unknown name is an error listing the known ones. */
function detectorByName(name) {
    const found = DETECTORS.find((d) => d.name === name);
    if (!found)
        throw new Error(`unknown detector '${name}'; known detectors: ${DETECTORS.map((d) => d.name).join(', ')}`);
    return found;
}

;// CONCATENATED MODULE: ./packages/stack/src/languages.ts
/** Linguist names for file extensions of programming and markup languages (data and prose are not counted). */
const BY_EXTENSION = {
    '.ts': 'TypeScript',
    '.tsx': 'TypeScript',
    '.mts': 'TypeScript',
    '.cts': 'TypeScript',
    '.js': 'JavaScript',
    '.jsx': 'JavaScript',
    '.mjs': 'JavaScript',
    '.cjs': 'JavaScript',
    '.py': 'Python',
    '.pyi': 'Python',
    '.go': 'Go',
    '.rs': 'Rust',
    '.java': 'Java',
    '.kt': 'Kotlin',
    '.kts': 'Kotlin',
    '.scala': 'Scala',
    '.groovy': 'Groovy',
    '.gradle': 'Groovy',
    '.cs': 'C#',
    '.fs': 'F#',
    '.vb': 'Visual Basic .NET',
    '.rb': 'Ruby',
    '.rake': 'Ruby',
    '.erb': 'HTML+ERB',
    '.php': 'PHP',
    '.ex': 'Elixir',
    '.exs': 'Elixir',
    '.heex': 'HTML+EEX',
    '.erl': 'Erlang',
    '.c': 'C',
    '.h': 'C',
    '.cc': 'C++',
    '.cpp': 'C++',
    '.cxx': 'C++',
    '.hpp': 'C++',
    '.hh': 'C++',
    '.m': 'Objective-C',
    '.mm': 'Objective-C++',
    '.swift': 'Swift',
    '.dart': 'Dart',
    '.lua': 'Lua',
    '.pl': 'Perl',
    '.r': 'R',
    '.jl': 'Julia',
    '.hs': 'Haskell',
    '.ml': 'OCaml',
    '.clj': 'Clojure',
    '.zig': 'Zig',
    '.nim': 'Nim',
    '.sh': 'Shell',
    '.bash': 'Shell',
    '.zsh': 'Shell',
    '.ps1': 'PowerShell',
    '.sql': 'PLpgSQL',
    '.html': 'HTML',
    '.htm': 'HTML',
    '.css': 'CSS',
    '.scss': 'SCSS',
    '.sass': 'Sass',
    '.less': 'Less',
    '.vue': 'Vue',
    '.svelte': 'Svelte',
    '.astro': 'Astro',
    '.tf': 'HCL',
    '.hcl': 'HCL',
    '.sol': 'Solidity',
};
const BY_FILENAME = {
    Dockerfile: 'Dockerfile',
    Containerfile: 'Dockerfile',
    Makefile: 'Makefile',
    GNUmakefile: 'Makefile',
    Rakefile: 'Ruby',
    Gemfile: 'Ruby',
    Jenkinsfile: 'Groovy',
};
/** The language of a file by its name, or undefined for data, prose and unknown files. */
function languageOf(name) {
    const exact = BY_FILENAME[name];
    if (exact)
        return exact;
    if (name.startsWith('Dockerfile.') || name.endsWith('.dockerfile'))
        return 'Dockerfile';
    const dot = name.lastIndexOf('.');
    if (dot <= 0)
        return undefined;
    return BY_EXTENSION[name.slice(dot).toLowerCase()];
}
/** Generated or minified files linguist leaves out of the statistics. */
function isGeneratedName(name) {
    return /\.min\.(js|css)$|[.-]bundle\.js$|\.pb\.go$|_pb2(_grpc)?\.py$|\.designer\.cs$|\.g\.dart$|\.generated\.\w+$/.test(name);
}
/** Language totals in bytes with their shares, largest first. */
function languageShares(bytes) {
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    return [...bytes.entries()]
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([name, n]) => ({ name, bytes: n, share: total ? Math.round((n / total) * 10_000) / 10_000 : 0 }));
}

;// CONCATENATED MODULE: ./packages/stack/src/pattern-index.ts

const GLOB_CHARS = /[*?[\]{}()!+@\\]/;
/** `.` and `..` segments and doubled slashes: picomatch normalises them, so leave them to it. */
const ODD_SEGMENTS = /(^|\/)\.\.?(\/|$)|\/\/|^\//;
const BLOCK_SIZE = 64;
const OPTIONS = { dot: true };
/**
 * gitignore-style patterns indexed so that a lookup does not test every pattern. A pattern
 * without a slash matches any segment of a path; with one, the path from the root or anything
 * below it. Literal names, `*.ext` and literal folder paths (also `dir/**`) are found in maps;
 * the other globs, per attribute and last line first, are tested in blocks of 64 compiled into
 * one regular expression, so a path that matches none of 5,000 globs costs about 80 native
 * regex tests, and one that matches stops at the first (the last line) that does.
 */
class PatternIndex {
    names = new Map();
    extensions = new Map();
    prefixes = new Map();
    globs = new Map();
    /** Globs with a literal, by one three-character piece of it: only paths holding it are tested. */
    trigrams = new Map();
    blocks = new Map();
    count = 0;
    /** Adds a pattern and the attributes its line sets; a pattern picomatch refuses is ignored. */
    add(pattern, settings) {
        const entry = this.entryFor(pattern);
        if (!entry)
            return;
        this.count++;
        for (const s of settings)
            entry.settings.set(s.key, s);
    }
    /** Builds the glob blocks; call once after the last add. */
    seal() {
        const byKey = new Map();
        this.trigrams = new Map();
        for (const entry of this.globs.values()) {
            if (entry.literal !== undefined) {
                this.addTrigram(entry, entry.literal);
                continue;
            }
            for (const setting of entry.settings.values()) {
                const list = byKey.get(setting.key) ?? [];
                list.push({ entry, setting });
                byKey.set(setting.key, list);
            }
        }
        this.blocks = new Map();
        for (const [key, list] of byKey) {
            list.sort((a, b) => b.setting.order - a.setting.order);
            const blocks = [];
            for (let i = 0; i < list.length; i += BLOCK_SIZE)
                blocks.push(makeBlock(list.slice(i, i + BLOCK_SIZE)));
            this.blocks.set(key, blocks);
        }
    }
    /** True when no pattern was added. */
    get isEmpty() {
        return this.count === 0;
    }
    /** For each attribute, the value of the last matching line that sets it. */
    lookup(path) {
        const segments = path.split('/');
        const best = new Map();
        const consider = (entry) => {
            for (const s of entry.settings.values()) {
                const current = best.get(s.key);
                if (!current || s.order > current.order)
                    best.set(s.key, s);
            }
        };
        for (const segment of segments) {
            const named = this.names.get(segment);
            if (named)
                consider(named);
            const dot = segment.lastIndexOf('.');
            if (dot >= 0)
                for (const { suffix, entry } of this.extensions.get(segment.slice(dot + 1)) ?? [])
                    if (segment.endsWith(suffix))
                        consider(entry);
        }
        if (this.prefixes.size > 0)
            for (let i = path.indexOf('/');; i = path.indexOf('/', i + 1)) {
                const entry = this.prefixes.get(i < 0 ? path : path.slice(0, i));
                if (entry)
                    consider(entry);
                if (i < 0)
                    break;
            }
        if (this.trigrams.size > 0) {
            const tested = new Set();
            for (let i = 0; i + 3 <= path.length; i++) {
                for (const entry of this.trigrams.get(path.slice(i, i + 3)) ?? []) {
                    if (tested.has(entry))
                        continue;
                    tested.add(entry);
                    if (path.includes(entry.literal) && entry.test(path, segments))
                        consider(entry);
                }
            }
        }
        for (const [key, blocks] of this.blocks) {
            const floor = best.get(key)?.order ?? -1;
            search: for (const block of blocks) {
                // Blocks hold the latest lines first: once a block starts below what we have, stop.
                if (block.members[0].setting.order < floor)
                    break;
                if (!block.test(path, segments))
                    continue;
                for (const { entry, setting } of block.members) {
                    if (setting.order < floor)
                        break search;
                    if (entry.test(path, segments)) {
                        best.set(key, setting);
                        break search;
                    }
                }
            }
        }
        const out = {};
        for (const [key, s] of best)
            out[key] = s.value;
        return out;
    }
    /** Files the glob under the piece of its literal that the fewest globs share so far. */
    addTrigram(entry, literal) {
        let best = literal.slice(0, 3);
        for (let i = 1; i + 3 <= literal.length; i++) {
            const piece = literal.slice(i, i + 3);
            if ((this.trigrams.get(piece)?.length ?? 0) < (this.trigrams.get(best)?.length ?? 0))
                best = piece;
        }
        const list = this.trigrams.get(best) ?? [];
        list.push(entry);
        this.trigrams.set(best, list);
    }
    entryFor(pattern) {
        // As in .gitignore: a trailing slash or /** matches everything below a folder.
        const anchored = pattern.includes('/') && !pattern.endsWith('/') ? pattern.replace(/^\//, '') : null;
        if (anchored !== null) {
            const folder = anchored.replace(/\/\*\*$/, '');
            if (!GLOB_CHARS.test(folder) && !ODD_SEGMENTS.test(folder))
                return getOrAdd(this.prefixes, folder);
            return this.glob(`A:${anchored}`, false, [anchored, `${anchored}/**`]);
        }
        const name = pattern.replace(/\/$/, '');
        if (name === '')
            return undefined;
        // `a/b/` is tested against single segments as the original matcher did: picomatch decides.
        const plain = !GLOB_CHARS.test(name) && !ODD_SEGMENTS.test(name) && !name.includes('/');
        if (plain)
            return getOrAdd(this.names, name);
        const suffix = /^\*([^*?[\]{}()!+@\\]*\.[^*?[\]{}()!+@\\.]*)$/.exec(name)?.[1];
        if (suffix !== undefined) {
            const ext = suffix.slice(suffix.lastIndexOf('.') + 1);
            const list = this.extensions.get(ext) ?? [];
            let found = list.find((x) => x.suffix === suffix);
            if (!found)
                list.push((found = { suffix, entry: { settings: new Map() } }));
            this.extensions.set(ext, list);
            return found.entry;
        }
        return this.glob(`N:${name}`, true, [name]);
    }
    glob(id, byName, patterns) {
        const existing = this.globs.get(id);
        if (existing)
            return existing;
        let regexes;
        try {
            regexes = patterns.map((p) => picomatch_default().makeRe(p, OPTIONS));
        }
        catch {
            return undefined; // longer than picomatch allows, or otherwise refused
        }
        const test = byName
            ? (_path, segments) => segments.some((s) => regexes.some((r) => r.test(s)))
            : (path) => regexes.some((r) => r.test(path));
        const combinable = regexes.every((r) => r.flags === '' && !/\\[1-9]|\(\?</.test(r.source));
        const entry = {
            settings: new Map(),
            byName,
            sources: combinable ? regexes.map((r) => r.source) : [],
            literal: requiredLiteral(patterns[0]),
            test,
        };
        this.globs.set(id, entry);
        return entry;
    }
}
/**
 * The longest run of plain characters a glob requires of every path it matches, or undefined
 * when it has none of three or more characters, or has syntax (negation, escapes, `./`) under
 * which its plain text need not appear as written. Bracket, brace and extglob groups are not
 * required text, so they are cut out first.
 */
function requiredLiteral(glob) {
    if (/^!|\\/.test(glob) || ODD_SEGMENTS.test(glob))
        return undefined;
    const rest = glob.replace(/\[[^\]]*\]|\{[^{}]*\}|[?*+@!]?\([^()]*\)/g, '\0');
    if (/[[\]{}()]/.test(rest))
        return undefined;
    let longest = '';
    // Split at slashes too: `**/` may match nothing, so a slash beside it is not required.
    for (const run of rest.split(/[\0*?+@!/]+/))
        if (run.length > longest.length)
            longest = run;
    return longest.length >= 3 ? longest : undefined;
}
function getOrAdd(map, key) {
    let entry = map.get(key);
    if (!entry)
        map.set(key, (entry = { settings: new Map() }));
    return entry;
}
/** One regular expression per kind (by segment, by path) over the block's globs. */
function makeBlock(members) {
    const each = (path, segments) => members.some((m) => m.entry.test(path, segments));
    if (members.some((m) => m.entry.sources.length === 0))
        return { members, test: each };
    const combine = (byName) => {
        const sources = members.filter((m) => m.entry.byName === byName).flatMap((m) => m.entry.sources);
        // The outer ^ makes the engine try position 0 only; each source is anchored already, but an
        // alternation of anchored groups is still tried at every position of the string.
        return sources.length ? new RegExp(`^(?:${sources.map((s) => `(?:${s})`).join('|')})`) : undefined;
    };
    try {
        const byName = combine(true);
        const byPath = combine(false);
        return {
            members,
            test: (path, segments) => (byPath?.test(path) ?? false) || (byName ? segments.some((s) => byName.test(s)) : false),
        };
    }
    catch {
        return { members, test: each };
    }
}

;// CONCATENATED MODULE: ./packages/stack/src/gitattributes.ts

/** Patterns with linguist attributes beyond this many are not read: a real file has a few dozen. */
const MAX_ATTRIBUTE_PATTERNS = 10_000;
/**
 * The linguist-* attributes of a .gitattributes file. As in git, for each attribute the last
 * matching line wins. Lookups cost about the same for 5,000 patterns as for five: literal names,
 * extensions and folder prefixes are found in maps, and the remaining globs are tested in
 * compiled blocks (see pattern-index.ts).
 */
class GitAttributes {
    index;
    skipped;
    constructor(index, 
    /** Patterns past MAX_ATTRIBUTE_PATTERNS that were not read. */
    skipped) {
        this.index = index;
        this.skipped = skipped;
    }
    /** Parses .gitattributes text; lines without linguist attributes are ignored. */
    static parse(text, maxPatterns = MAX_ATTRIBUTE_PATTERNS) {
        const index = new PatternIndex();
        let rules = 0;
        let skipped = 0;
        for (const rawLine of text.split(/\r?\n/)) {
            const line = rawLine.trim();
            if (line === '' || line.startsWith('#'))
                continue;
            const [pattern, ...attrs] = line.split(/\s+/);
            if (!pattern)
                continue;
            const overrides = {};
            for (const attr of attrs)
                readAttribute(attr, overrides);
            if (Object.keys(overrides).length === 0)
                continue;
            if (rules >= maxPatterns) {
                skipped++;
                continue;
            }
            const settings = Object.entries(overrides).map(([key, value]) => ({
                key: key,
                value: value,
                order: rules,
            }));
            index.add(pattern, settings);
            rules++;
        }
        index.seal();
        return new GitAttributes(index, skipped);
    }
    /** An empty set of rules. */
    static empty() {
        const index = new PatternIndex();
        index.seal();
        return new GitAttributes(index, 0);
    }
    /** True when no rule exists, so callers can skip matching. */
    get isEmpty() {
        return this.index.isEmpty;
    }
    /** The combined overrides for a POSIX path relative to the repository root. */
    lookup(path) {
        return this.index.lookup(path);
    }
}
const FLAGS = {
    'linguist-vendored': 'vendored',
    'linguist-generated': 'generated',
    'linguist-documentation': 'documentation',
};
/** Language names are shown in the summary's chart: only what a real language name holds. */
const LANGUAGE_NAME = /^[\w .#+'()-]{1,64}$/;
function readAttribute(attr, into) {
    const unset = attr.startsWith('-') || attr.startsWith('!');
    const body = unset ? attr.slice(1) : attr;
    const [key, value] = body.split('=', 2);
    if (key === 'linguist-language' && value && !unset) {
        const name = value.replace(/_/g, ' ');
        if (LANGUAGE_NAME.test(name))
            into.language = name;
        return;
    }
    const flag = FLAGS[key];
    if (flag)
        into[flag] = !unset && value !== 'false';
}

;// CONCATENATED MODULE: ./packages/stack/src/walk.ts








/** Folders never entered: dependency trees, build output, caches and VCS data. */
const PRUNED_DIRS = new Set([
    '.git',
    '.hg',
    '.svn',
    'node_modules',
    'bower_components',
    'jspm_packages',
    '.yarn',
    '.pnpm-store',
    '.venv',
    'venv',
    '.tox',
    '.nox',
    '__pycache__',
    '.mypy_cache',
    '.pytest_cache',
    '.ruff_cache',
    'site-packages',
    'vendor',
    'third_party',
    'Godeps',
    'target',
    'dist',
    '.next',
    '.nuxt',
    '.svelte-kit',
    '.astro',
    '.turbo',
    '.angular',
    '.gradle',
    '.idea',
    '.vscode',
    '.cache',
    '.parcel-cache',
    'coverage',
    '_build',
    'deps',
    '.elixir_ls',
    'bin',
    'obj',
    '.bundle',
    '.terraform',
    '.serverless',
    '.vercel',
    '.netlify',
    '.slipway',
]);
/**
 * Folders whose manifests are test data or benchmarks, not projects, unless a workspace declares
 * them as members (their code still counts toward languages).
 */
const NOT_PROJECT_DIRS = new Set([
    '__fixtures__',
    'testdata',
    'test-fixtures',
    '__mocks__',
    'test',
    'tests',
    '__tests__',
    'e2e',
    'benchmarks',
]);
/** True for a folder name that holds test data, tests or benchmarks (`fixtures`, `fixtures-v2`, `e2e` …). */
function isNotProjectDir(name) {
    return NOT_PROJECT_DIRS.has(name) || name.startsWith('fixtures');
}
const MANIFEST_NAMES = new Set([
    'package.json',
    'package-lock.json',
    'npm-shrinkwrap.json',
    'pnpm-lock.yaml',
    'pnpm-workspace.yaml',
    'yarn.lock',
    '.yarnrc.yml',
    'bun.lockb',
    'bun.lock',
    'deno.json',
    'deno.jsonc',
    'deno.lock',
    'turbo.json',
    'nx.json',
    'lerna.json',
    'rush.json',
    '.nvmrc',
    '.node-version',
    '.tool-versions',
    'mise.toml',
    '.mise.toml',
    '.dvmrc',
    '.bun-version',
    'pyproject.toml',
    'Pipfile',
    'Pipfile.lock',
    'poetry.lock',
    'uv.lock',
    'pdm.lock',
    'setup.py',
    'setup.cfg',
    '.python-version',
    'runtime.txt',
    'manage.py',
    'go.mod',
    'go.work',
    'Cargo.toml',
    'Cargo.lock',
    'rust-toolchain',
    'rust-toolchain.toml',
    'pom.xml',
    'mvnw',
    'build.gradle',
    'build.gradle.kts',
    'settings.gradle',
    'settings.gradle.kts',
    'gradlew',
    '.java-version',
    '.sdkmanrc',
    'global.json',
    'Gemfile',
    'Gemfile.lock',
    '.ruby-version',
    'composer.json',
    'composer.lock',
    '.php-version',
    'mix.exs',
    'mix.lock',
    'index.html',
    'Procfile',
    '.gitattributes',
    'main.py',
    'app.py',
    'pytest.ini',
    'conftest.py',
    'tox.ini',
    'main.go',
    'go.sum',
    'gradle.lockfile',
    'packages.lock.json',
    'config.ru',
    'Rakefile',
    'artisan',
    // Hugo's and Zola's pinned version.
    'netlify.toml',
    // Nx projects.
    'project.json',
    'workspace.json',
]);
/** Config files named by the framework table and by the Nx plugins that infer targets. */
const CONFIG_NAMES = new Set([...FRAMEWORK_CONFIG_FILES, ...NX_PLUGIN_CONFIG_FILES]);
/** True for files detect-stack reads or looks for by name. */
function isManifestName(name) {
    if (MANIFEST_NAMES.has(name) || CONFIG_NAMES.has(name))
        return true;
    // The walk asks this of every file: test the cheap first character before any regex.
    const first = name.charCodeAt(0);
    if (first === 114 /* r */)
        return /^requirements[\w.-]*\.txt$/.test(name);
    if (first === 68 /* D */ || first === 67 /* C */)
        return /^(Dockerfile|Containerfile)(\..+)?$/.test(name);
    return /\.(csproj|fsproj|vbproj|sln|dockerfile)$/.test(name);
}
/**
 * Walks the tree depth-first without following symbolic links, never entering dependency trees
 * or build output, and never reading a file: sizes come from lstat. Stops at maxFiles.
 */
function walk(options) {
    const { root, logger } = options;
    const maxFiles = options.maxFiles ?? 200_000;
    const progressEvery = options.progressEvery ?? 50_000;
    const inv = {
        manifests: new Map(),
        notProject: new Set(),
        languageBytes: new Map(),
        dirBytes: new Map(),
        files: 0,
        directories: 0,
        truncated: false,
        warnings: [],
    };
    const excluded = compileGlobs(options.exclude ?? [], (message) => inv.warnings.push(`exclude: ${message}`), {
        dot: true,
    });
    let attributes;
    const stack = [{ rel: '.', notProject: false }];
    while (stack.length > 0 && !inv.truncated) {
        const { rel, notProject } = stack.pop();
        const abs = rel === '.' ? root : (0,external_node_path_.join)(root, rel);
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(abs, { withFileTypes: true });
        }
        catch (err) {
            inv.warnings.push(`could not read folder ${rel}: ${err.code ?? String(err)}`);
            continue;
        }
        inv.directories++;
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        if (rel === '.' && entries.some((e) => e.name === '.gitattributes' && e.isFile())) {
            attributes = readAttributes((0,external_node_path_.join)(root, '.gitattributes'), inv);
        }
        let bytesHere = 0;
        const childDirs = [];
        for (const entry of entries) {
            const name = entry.name;
            const childRel = rel === '.' ? name : `${rel}/${name}`;
            if (entry.isDirectory()) {
                if (!PRUNED_DIRS.has(name) && !excluded(childRel) && !excluded(`${childRel}/`))
                    childDirs.push(childRel);
                continue;
            }
            if (!entry.isFile())
                continue; // symbolic links, sockets, devices: never followed or read
            if (excluded(childRel))
                continue;
            if (inv.files >= maxFiles) {
                inv.truncated = true;
                break;
            }
            inv.files++;
            if (inv.files % progressEvery === 0)
                logger.info(`detect-stack: walked ${inv.files} files in ${inv.directories} folders…`);
            if (isManifestName(name)) {
                const list = inv.manifests.get(rel);
                if (list)
                    list.push(name);
                else
                    inv.manifests.set(rel, [name]);
                if (notProject)
                    inv.notProject.add(rel);
            }
            bytesHere += countLanguage(abs, name, childRel, attributes, inv);
        }
        if (bytesHere > 0)
            inv.dirBytes.set(rel, bytesHere);
        for (let i = childDirs.length - 1; i >= 0; i--)
            stack.push({ rel: childDirs[i], notProject: notProject || isNotProjectDir(basename(childDirs[i])) });
    }
    if (inv.truncated)
        inv.warnings.push(`stopped after ${maxFiles} files (max-files); results cover only the part walked`);
    return inv;
}
function basename(rel) {
    return rel.slice(rel.lastIndexOf('/') + 1);
}
function countLanguage(dirAbs, name, rel, attributes, inv) {
    let language = languageOf(name);
    if (attributes && !attributes.isEmpty) {
        const o = attributes.lookup(rel);
        if (o.vendored || o.generated || o.documentation)
            return 0;
        if (o.language)
            language = o.language;
    }
    if (!language || isGeneratedName(name))
        return 0;
    // undefined when the file vanished, or its name does not round-trip through UTF-8
    let size;
    try {
        size = (0,external_node_fs_.lstatSync)(`${dirAbs}/${name}`, { throwIfNoEntry: false })?.size;
    }
    catch {
        size = undefined; // unreadable
    }
    if (size === undefined)
        return 0;
    inv.languageBytes.set(language, (inv.languageBytes.get(language) ?? 0) + size);
    return size;
}
/** .gitattributes larger than this is not read: a real one is a few kilobytes. */
const MAX_ATTRIBUTES_BYTES = 1024 * 1024;
function readAttributes(path, inv) {
    let text;
    try {
        // Small, read once, synchronously: the walk that follows depends on it. Opened without
        // blocking and checked on the descriptor, so a FIFO put there in between cannot hang us.
        text = (0,lite/* readUserFile */.E1)(path, { maxBytes: MAX_ATTRIBUTES_BYTES, subject: {}, what: '.gitattributes' }).toString('utf8');
    }
    catch (err) {
        // readUserFile names the file by the path it was given; the warning names it as the user knows it.
        const why = (0,lite/* isUserError */.iU)(err)
            ? err.message.replace(`${path} `, '')
            : `.gitattributes could not be read: ${String(err)}`;
        inv.warnings.push(`${why.replace(/\.$/, '')}; it is not used`);
        return GitAttributes.empty();
    }
    const attributes = GitAttributes.parse(text);
    if (attributes.skipped > 0)
        inv.warnings.push(`.gitattributes has ${attributes.skipped + MAX_ATTRIBUTE_PATTERNS} linguist patterns; only the first ${MAX_ATTRIBUTE_PATTERNS} are used`);
    return attributes;
}
/** A repository is never deeper than this below the filesystem root; a climb past it gives up. */
const MAX_CLIMB = 64;
/**
 * The folders above `root` that belong to its repository, nearest first, with their manifest
 * names: an enclosing workspace (a pnpm, Yarn or Nx root above `path`) is declared there. The
 * climb ends at the repository root, the nearest folder with `.git`, and never passes `ceiling`
 * (the workspace); without a `.git` above it, it goes up to `ceiling`, or nowhere when there is none.
 */
function foldersAbove(root, ceiling) {
    let dir = (0,external_node_path_.resolve)(root);
    const top = ceiling !== undefined && isInside(dir, (0,external_node_path_.resolve)(ceiling)) ? (0,external_node_path_.resolve)(ceiling) : undefined;
    const chain = [];
    for (let i = 0; !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, '.git')) && dir !== top; i++) {
        const parent = (0,external_node_path_.dirname)(dir);
        if (parent === dir || i === MAX_CLIMB)
            return top === undefined ? [] : outerDirs(root, chain);
        chain.push(parent);
        dir = parent;
    }
    return outerDirs(root, chain);
}
function isInside(dir, ancestor) {
    return dir === ancestor || dir.startsWith(ancestor.endsWith(external_node_path_.sep) ? ancestor : ancestor + external_node_path_.sep);
}
function outerDirs(root, chain) {
    return chain.map((abs, i) => {
        let names = [];
        try {
            names = (0,external_node_fs_.readdirSync)(abs, { withFileTypes: true })
                .filter((e) => e.isFile() && isManifestName(e.name))
                .map((e) => e.name)
                .sort();
        }
        catch {
            // An unreadable folder above the root declares nothing detection can use.
        }
        return {
            rel: Array.from({ length: i + 1 }, () => '..').join('/'),
            below: (0,external_node_path_.relative)(abs, (0,external_node_path_.resolve)(root)).split(external_node_path_.sep).join('/'),
            names,
        };
    });
}

;// CONCATENATED MODULE: ./packages/stack/src/detect.ts








/** Walks a repository once and reports its languages, projects, workspaces and commands. */
async function detectStack(options) {
    const logger = options.logger ?? lite/* nullLogger */.Gi;
    const clock = options.clock ?? lite/* systemClock */.ml;
    const started = clock.monotonic();
    const inventory = walk({
        root: options.root,
        exclude: options.exclude ?? [],
        maxFiles: options.maxFiles ?? 200_000,
        logger,
    });
    const ctx = new DetectContext(options.root, inventory, logger, options.annotationPrefix ?? '', (0,external_node_path_.basename)(options.root) || 'root', foldersAbove(options.root, options.ceiling));
    for (const w of inventory.warnings)
        ctx.warn(w);
    const dirs = [...inventory.manifests.keys()].sort(byPath);
    // Test data, fixtures and benchmarks declare no workspaces; they are projects only as members.
    const real = dirs.filter((d) => !inventory.notProject.has(d));
    const workspaces = await findWorkspaces(ctx, real);
    const memberOf = assignMembers(ctx, dirs, workspaces);
    const candidates = dirs.filter((d) => !inventory.notProject.has(d) || memberOf.has(d));
    // Folders are independent of each other: read their manifests concurrently, keep path order.
    const found = await Promise.all(candidates.map((dir) => projectAt(ctx, dir, workspaces, memberOf.get(dir))));
    const kept = dropEnclosedStaticSites(found.filter((p) => p !== undefined));
    const projects = kept.map((f) => f.project);
    for (const p of projects)
        for (const w of p.warnings)
            logger.warning(`${oneLine(p.path)}: ${w}`, {
                file: (options.annotationPrefix ?? '') + p.manifest,
                title: 'detect-stack',
            });
    return {
        schemaVersion: 1,
        root: options.displayRoot ?? '.',
        languages: languageShares(inventory.languageBytes),
        monorepo: monorepoOf(workspaces, projects, memberOf),
        projects,
        primary: (await primaryOf(ctx, kept, inventory))?.path ?? null,
        warnings: ctx.warnings,
        stats: {
            files: inventory.files,
            directories: inventory.directories,
            elapsedMs: Math.round(clock.monotonic() - started),
            truncated: inventory.truncated,
        },
    };
}
/** Workspaces declared in the tree, and above it (up to the repository root) by detectors that look there. */
async function findWorkspaces(ctx, dirs) {
    const outer = ctx.outer.map((o) => o.rel);
    const perDir = await Promise.all([...dirs, ...outer].map(async (dir) => {
        const here = [];
        for (const detector of DETECTORS) {
            if (dir.startsWith('..') && !detector.workspaceAbove)
                continue;
            const decl = detector.workspace ? await detector.workspace(ctx, dir) : undefined;
            if (decl)
                here.push({ dir, detector, decl });
        }
        return here;
    }));
    return perDir.flat();
}
/** How deep a folder is: the root 0, `a/b` 2, `..` -1; a nearer workspace root claims its members last. */
function depth(dir) {
    if (dir === '.')
        return 0;
    const parts = dir.split('/');
    return dir.startsWith('..') ? -parts.length : parts.length;
}
/** Member globs past this many are not used: each is compiled and tried against every folder. */
const MAX_MEMBER_GLOBS = 5000;
/** Each member folder → the workspace root that claims it (the nearest one when nested). */
function assignMembers(ctx, dirs, workspaces) {
    const memberOf = new Map();
    for (const ws of [...workspaces].sort((a, b) => depth(a.dir) - depth(b.dir))) {
        const members = [...new Set(ws.decl.members)];
        if (members.length > MAX_MEMBER_GLOBS)
            ctx.warn(`workspace at ${ws.dir} (${ws.decl.tool}) lists ${members.length} members; only the first ${MAX_MEMBER_GLOBS} are used`);
        const used = members.slice(0, MAX_MEMBER_GLOBS);
        const include = used.filter((m) => !m.startsWith('!')).map(normaliseGlob);
        const exclude = used.filter((m) => m.startsWith('!')).map((m) => normaliseGlob(m.slice(1)));
        const report = (message) => ctx.warn(`workspace at ${ws.dir} (${ws.decl.tool}): member ${message}`);
        const isIncluded = compileGlobs(include, report, { dot: false });
        const isExcluded = compileGlobs(exclude, report);
        for (const dir of dirs) {
            if (dir === ws.dir || !ws.detector.applies(ctx, dir))
                continue;
            const rel = ctx.pathFrom(ws.dir, dir);
            if (rel !== undefined && rel !== '.' && isIncluded(rel) && !isExcluded(rel))
                memberOf.set(dir, ws.dir);
        }
    }
    return memberOf;
}
function normaliseGlob(glob) {
    return glob.replace(/^\.\//, '').replace(/\/+$/, '');
}
async function projectAt(ctx, dir, workspaces, workspaceRoot) {
    const applicable = DETECTORS.filter((d) => d.applies(ctx, dir));
    const others = [];
    let chosen;
    for (const detector of applicable) {
        const ws = workspaces.find((w) => w.dir === dir && w.detector === detector);
        if (ws && !ws.decl.rootIsProject)
            continue;
        if (chosen) {
            if (detector.name !== 'static' && !chosen.detector.covers?.includes(detector.name))
                others.push(detector.name);
            continue;
        }
        const draft = await detector.project(ctx, { dir, workspaceRoot });
        if (draft)
            chosen = { detector, draft };
    }
    if (!chosen)
        return undefined;
    const { draft } = chosen;
    const dockerfile = ctx
        .names(dir)
        .filter((n) => /^(Dockerfile|Containerfile)(\..+)?$|\.dockerfile$/.test(n))
        .sort(dockerfileOrder)[0];
    const procfile = ctx.has(dir, 'Procfile') ? context_joinRel(dir, 'Procfile') : null;
    const commands = { ...draft.commands };
    if (procfile) {
        const web = /^web:\s*(.+)$/m.exec((await ctx.text(procfile)) ?? '')?.[1]?.trim();
        if (web)
            commands.start = web;
    }
    const warnings = draft.warnings.map(oneLine);
    if (others.length)
        warnings.push(`also has manifests for ${others.join(', ')}; reported as ${draft.runtime.name}`);
    const project = {
        path: dir,
        name: draft.name,
        runtime: draft.runtime,
        packageManager: draft.packageManager,
        frameworks: draft.frameworks,
        commands,
        output: draft.output ?? null,
        dockerfile: dockerfile ? context_joinRel(dir, dockerfile) : null,
        procfile,
        manifest: draft.manifest,
        warnings,
    };
    return { project, serves: draft.serves ?? draft.frameworks.length > 0 };
}
function dockerfileOrder(a, b) {
    const rank = (n) => (n === 'Dockerfile' ? 0 : n === 'Containerfile' ? 1 : 2);
    return rank(a) - rank(b) || a.localeCompare(b);
}
/** A static site inside another project is that project's assets, not a project of its own. */
function dropEnclosedStaticSites(found) {
    const paths = new Set(found.map((f) => f.project.path));
    return found.filter(({ project: p }) => {
        if (p.runtime.name !== 'static' || p.frameworks.length > 0)
            return true;
        for (let d = parentOf(p.path); d !== undefined; d = parentOf(d))
            if (paths.has(d))
                return false;
        return true;
    });
}
/**
 * A workspace declared at the root, or else the nearest one above it that claims what was
 * analysed, names the repository's tool and its members. Without one, several projects are
 * independent (tool null), even when one of them is a workspace itself.
 */
function monorepoOf(workspaces, projects, memberOf) {
    const claimed = new Set(memberOf.values());
    const rootWorkspace = workspaces.find((w) => w.dir === '.' && claimed.has('.')) ??
        workspaces
            .filter((w) => w.dir.startsWith('..') && claimed.has(w.dir))
            .sort((a, b) => depth(b.dir) - depth(a.dir))[0];
    if (rootWorkspace && (rootWorkspace.dir === '.' || projects.length > 1)) {
        const members = projects.filter((p) => memberOf.has(p.path) && p.path !== '.').map((p) => p.path);
        return { tool: rootWorkspace.decl.tool, workspaces: members.sort(byPath) };
    }
    if (projects.length > 1)
        return { tool: null, workspaces: projects.map((p) => p.path) };
    return null;
}
/**
 * The primary project: an application (a start command, a framework that serves, a Dockerfile or
 * Procfile, or what the root's own scripts build) before a library; then the root, then what the
 * root's scripts build, then the most code beneath it. Never one in a test, fixture or benchmark folder.
 */
async function primaryOf(ctx, found, inventory) {
    const eligible = found.filter((f) => !inventory.notProject.has(f.project.path));
    if (eligible.length === 0)
        return undefined;
    const targets = new Set();
    for (const detector of DETECTORS)
        for (const t of (await detector.builds?.(ctx, '.')) ?? [])
            targets.add(t);
    const built = (p) => targets.has(p.name) || targets.has(p.path);
    const isApp = (f) => f.serves || f.project.commands.start !== null || f.project.dockerfile !== null || built(f.project);
    const apps = eligible.filter(isApp);
    const pool = (apps.length > 0 ? apps : eligible).map((f) => f.project);
    const root = pool.find((p) => p.path === '.');
    if (root)
        return root;
    const named = pool.filter(built);
    return mostCode(named.length > 0 ? named : pool, inventory);
}
/** The project with the most code beneath it, each folder's bytes going to the nearest project at or above it. */
function mostCode(projects, inventory) {
    const bytes = new Map(projects.map((p) => [p.path, 0]));
    for (const [dir, n] of inventory.dirBytes) {
        for (let d = dir; d !== undefined; d = parentOf(d)) {
            const sum = bytes.get(d);
            if (sum !== undefined) {
                bytes.set(d, sum + n);
                break;
            }
        }
    }
    let best;
    for (const p of projects)
        if (!best || bytes.get(p.path) > bytes.get(best.path))
            best = p;
    return best;
}
/** Byte order of POSIX paths, the same on every machine. */
function byPath(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./packages/stack/src/matrix.ts
/** `{"include":[…]}` with one entry per project, for `strategy.matrix: ${{ fromJSON(…) }}`. */
function toMatrix(stack) {
    return {
        include: stack.projects.map((p) => ({
            path: p.path,
            name: p.name,
            runtime: p.runtime.name,
            'runtime-version': p.runtime.version ?? '',
            'package-manager': p.packageManager?.name ?? '',
            'install-command': p.commands.install ?? '',
            'build-command': p.commands.build ?? '',
            'test-command': p.commands.test ?? '',
        })),
    };
}

;// CONCATENATED MODULE: ./packages/stack/src/index.ts









/***/ })

};
