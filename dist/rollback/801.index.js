export const id = 801;
export const ids = [801];
export const modules = {

/***/ 9801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  detectStack: () => (/* reexport */ detectStack)
});

// UNUSED EXPORTS: DETECTORS, PRUNED_DIRS, detectorByName, globProblem, languageOf, oneLine, showGlob, toMatrix, walk

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 12 modules
var lite = __webpack_require__(3436);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./node_modules/valibot/dist/index.mjs
var valibot_dist = __webpack_require__(7934);
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
    texts = new Map();
    docs = new Map();
    seen = new Set();
    warnings = [];
    constructor(root, inventory, logger, 
    /** Prefix that makes a repository-relative path workspace-relative, for annotations. */
    annotationPrefix = '', 
    /** Name of the root folder, used as the name of a root project without one of its own. */
    rootName = 'root') {
        this.root = root;
        this.inventory = inventory;
        this.logger = logger;
        this.annotationPrefix = annotationPrefix;
        this.rootName = rootName;
    }
    /** True when the folder has a manifest of that name. */
    has(dir, name) {
        return this.inventory.manifests.get(dir)?.includes(name) ?? false;
    }
    /** Manifest names in a folder. */
    names(dir) {
        return this.inventory.manifests.get(dir) ?? [];
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
                const { parse } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
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
            ? { file: this.annotationPrefix + file, ...(line ? { startLine: line } : {}), title: 'detect-stack' }
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


/** package.json dependencies that name a framework, meta-frameworks first so they lead the list. */
const NODE_FRAMEWORK_DEPS = [
    ['next', 'next'],
    ['nuxt', 'nuxt'],
    ['@remix-run/react', 'remix'],
    ['@react-router/dev', 'react-router'],
    ['@sveltejs/kit', 'sveltekit'],
    ['astro', 'astro'],
    ['gatsby', 'gatsby'],
    ['@docusaurus/core', 'docusaurus'],
    ['@angular/core', 'angular'],
    ['@nestjs/core', 'nestjs'],
    ['express', 'express'],
    ['fastify', 'fastify'],
    ['hono', 'hono'],
    ['koa', 'koa'],
    ['vite', 'vite'],
];
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
const nodeDeps = () => opt(table(stringFields(NODE_FRAMEWORK_DEPS.map(([d]) => d))));
/** The parts of package.json detection reads. */
const PackageJsonSchema = table({
    name: optString(),
    packageManager: optString(),
    scripts: opt(table(stringFields(['build', 'test', 'start']))),
    dependencies: nodeDeps(),
    devDependencies: nodeDeps(),
    engines: opt(table({ node: optString() })),
    volta: opt(table({ node: optString() })),
    workspaces: opt(valibot_dist/* union */.KCZ([valibot_dist/* array */.YOg(valibot_dist/* string */.YjP()), table({ packages: optStrings() })])),
});
/** lerna.json: the member globs. */
const LernaJsonSchema = table({ packages: optStrings() });
/** rush.json: the project folders. */
const RushJsonSchema = table({ projects: opt(valibot_dist/* array */.YOg(table({ projectFolder: optString() }))) });
/** pnpm-workspace.yaml: the member globs. */
const PnpmWorkspaceSchema = table({ packages: optStrings() });
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
/** Go modules and go.work workspaces; `toolchain` wins over `go`, as setup-go reads it. */
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
        const toolchain = capture(text, /^toolchain\s+go(\S+)/m);
        const go = capture(text, /^go\s+(\S+)/m);
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
            runtime: {
                name: 'go',
                version: toolchain ?? go ?? null,
                source: toolchain ? `${manifest}#toolchain` : go ? `${manifest}#go` : null,
            },
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
/**
 * The folders of go.work `use` directives, single (`use ./a`) and blocks (`use (` … `)`), read
 * line by line: a regex over the whole file rescans to the end from every unclosed `use (`.
 */
function goWorkUses(text) {
    const members = new Set();
    const add = (item) => {
        if (item)
            members.add(item.replace(/^\.\/?/, '') || '.');
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

;// CONCATENATED MODULE: ./packages/stack/src/detectors/gradle.ts





const BUILD_FILES = ['build.gradle.kts', 'build.gradle'];
const SETTINGS_FILES = ['settings.gradle.kts', 'settings.gradle'];
async function firstFile(ctx, dir, names) {
    for (const name of names) {
        if (!ctx.has(dir, name))
            continue;
        const path = context_joinRel(dir, name);
        const text = await ctx.text(path);
        if (text !== undefined)
            return { path, text: stripBlocks(text, '/*', '*/').replace(/(^|\s)\/\/.*$/gm, '$1') };
    }
    return undefined;
}
/** Gradle builds, Groovy and Kotlin DSL, multi-project settings, toolchains. */
const gradleDetector = {
    name: 'gradle',
    priority: 50,
    applies: (ctx, dir) => [...BUILD_FILES, ...SETTINGS_FILES].some((n) => ctx.has(dir, n)),
    async workspace(ctx, dir) {
        const settings = await firstFile(ctx, dir, SETTINGS_FILES);
        if (!settings)
            return undefined;
        const members = [];
        for (const m of settings.text.matchAll(/\binclude\s*\(?([^)\n]*)\)?/g)) {
            for (const q of m[1].matchAll(/["']:?([^"']+)["']/g))
                members.push(q[1].replace(/:/g, '/'));
        }
        if (members.length === 0)
            return undefined;
        return { tool: 'gradle', members, rootIsProject: await ctx.exists(context_joinRel(dir, 'src')) };
    },
    async project(ctx, { dir }) {
        const build = await firstFile(ctx, dir, BUILD_FILES);
        if (!build)
            return undefined;
        const pinned = await nearestVersion(ctx, dir, JAVA_SOURCES);
        const declared = capture(build.text, /JavaLanguageVersion\.of\(\s*(\d+)\s*\)/) ??
            capture(build.text, /jvmToolchain\(\s*(\d+)\s*\)/) ??
            capture(build.text, /sourceCompatibility\s*=\s*(?:JavaVersion\.VERSION_)?['"]?([\d._]+)/)?.replace(/_/g, '.');
        const version = pinned ?? (declared ? { value: declared.replace(/^1\.(?=\d+$)/, ''), source: build.path } : undefined);
        const frameworks = [];
        const boot = /org\.springframework\.boot['"]?\)?\s*version\s*['"]([^'"\n]+)['"]/.exec(build.text);
        if (boot || /org\.springframework\.boot/.test(build.text))
            frameworks.push({ name: 'spring-boot', version: boot?.[1] ?? null, source: build.path });
        const gradle = wrapperOr(ctx, dir, 'gradlew', 'gradle');
        const settingsHere = SETTINGS_FILES.some((n) => ctx.has(dir, n));
        return {
            name: (settingsHere
                ? capture((await firstFile(ctx, dir, SETTINGS_FILES))?.text, /rootProject\.name\s*=\s*['"]([^'"\n]+)['"]/)
                : undefined) ?? folderName(dir, ctx.rootName),
            manifest: build.path,
            runtime: { name: 'java', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: {
                name: 'gradle',
                version: null,
                lockfile: ctx.has(dir, 'gradle.lockfile') ? context_joinRel(dir, 'gradle.lockfile') : null,
                source: build.path,
            },
            frameworks,
            commands: {
                install: `${gradle} dependencies`,
                build: `${gradle} build -x test`,
                test: `${gradle} test`,
                start: frameworks.length > 0
                    ? 'java -jar build/libs/*.jar'
                    : /\bapplication\b/.test(build.text)
                        ? `${gradle} run`
                        : null,
            },
            warnings: [],
        };
    },
};

;// CONCATENATED MODULE: ./packages/stack/src/detectors/maven.ts






/** The pom without comments and without its <parent> block, plus the parent block alone. */
async function readPom(ctx, dir) {
    const text = await ctx.text(context_joinRel(dir, 'pom.xml'));
    if (text === undefined)
        return undefined;
    const clean = stripBlocks(text, '<!--', '-->');
    const parent = between(clean, '<parent>', '</parent>');
    return { body: parent === undefined ? clean : clean.replace(`<parent>${parent}</parent>`, ''), parent: parent ?? '' };
}
/** Maven projects and multi-module builds, with the wrapper when there is one. */
const mavenDetector = {
    name: 'maven',
    priority: 50,
    applies: (ctx, dir) => ctx.has(dir, 'pom.xml'),
    async workspace(ctx, dir) {
        if (!ctx.has(dir, 'pom.xml'))
            return undefined;
        const pom = await readPom(ctx, dir);
        const modules = [...(pom?.body.matchAll(/<module>\s*([^<]+?)\s*<\/module>/g) ?? [])].map((m) => m[1].replace(/\/pom\.xml$/, ''));
        if (modules.length === 0)
            return undefined;
        return {
            tool: 'maven',
            members: modules,
            rootIsProject: capture(pom?.body, /<packaging>\s*(\w+)\s*<\/packaging>/) !== 'pom',
        };
    },
    async project(ctx, { dir, workspaceRoot }) {
        const manifest = context_joinRel(dir, 'pom.xml');
        const pom = await readPom(ctx, dir);
        if (!pom)
            return undefined;
        if (capture(pom.body, /<packaging>\s*(\w+)\s*<\/packaging>/) === 'pom' && /<module>/.test(pom.body))
            return undefined;
        const rootPom = workspaceRoot && workspaceRoot !== dir ? await readPom(ctx, workspaceRoot) : undefined;
        const prop = (name) => capture(pom.body, new RegExp(`<${name.replace(/\./g, '\\.')}>\\s*([^<]+?)\\s*</`)) ??
            capture(rootPom?.body, new RegExp(`<${name.replace(/\./g, '\\.')}>\\s*([^<]+?)\\s*</`));
        const pinned = await nearestVersion(ctx, dir, JAVA_SOURCES);
        const propName = ['maven.compiler.release', 'maven.compiler.source', 'java.version'].find((p) => prop(p) !== undefined);
        const version = pinned ?? (propName ? { value: prop(propName), source: `${manifest}#${propName}` } : undefined);
        const frameworks = [];
        const bootParent = [pom.parent, rootPom?.parent ?? ''].find((p) => /spring-boot-starter-parent/.test(p));
        if (bootParent || /<groupId>\s*org\.springframework\.boot\s*<\/groupId>/.test(pom.body)) {
            frameworks.push({
                name: 'spring-boot',
                version: capture(bootParent, /<version>\s*([^<]+?)\s*<\/version>/) ?? null,
                source: manifest,
            });
        }
        const mvn = wrapperOr(ctx, dir, 'mvnw', 'mvn');
        const member = workspaceRoot && workspaceRoot !== dir
            ? ` -f ${(0,lite/* shellQuote */.ZL)(`${relativeTo(dir, workspaceRoot)}/pom.xml`)} -pl ${(0,lite/* shellQuote */.ZL)(relativeTo(workspaceRoot, dir))} -am`
            : '';
        return {
            name: capture(pom.body, /<artifactId>\s*([^<]+?)\s*<\/artifactId>/) ?? folderName(dir, ctx.rootName),
            manifest,
            runtime: { name: 'java', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: { name: 'maven', version: null, lockfile: null, source: manifest },
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

;// CONCATENATED MODULE: ./packages/stack/src/detectors/node.ts




const LOCKFILES = [
    ['pnpm-lock.yaml', 'pnpm'],
    ['yarn.lock', 'yarn'],
    ['bun.lock', 'bun'],
    ['bun.lockb', 'bun'],
    ['package-lock.json', 'npm'],
    ['npm-shrinkwrap.json', 'npm'],
];
const NPM_DEFAULT_TEST = /no test specified/;
const DELEGATING_BUILD = /\b(turbo|nx|lerna)\b|\s(-ws|--workspaces|-r|--recursive|--filter)\b|workspaces foreach/;
/** Node.js projects (npm, pnpm, yarn classic and berry, bun), their workspaces and frameworks. */
const nodeDetector = {
    name: 'node',
    priority: 10,
    applies: (ctx, dir) => ctx.has(dir, 'package.json'),
    async workspace(ctx, dir) {
        if (!ctx.has(dir, 'package.json'))
            return undefined;
        const pkg = await ctx.json(context_joinRel(dir, 'package.json'), PackageJsonSchema);
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
        if (members.size === 0)
            return undefined;
        const orchestrator = ['turbo.json', 'nx.json', 'lerna.json', 'rush.json'].find((f) => ctx.has(dir, f));
        const pm = (await packageManager(ctx, { dir, workspaceRoot: undefined }, pkg)).name;
        const build = pkg?.scripts?.build;
        const decl = {
            tool: orchestrator ? orchestrator.replace(/\.json$/, '') : `${pm}-workspaces`,
            members: [...members],
            rootIsProject: typeof build === 'string' && !DELEGATING_BUILD.test(` ${build}`),
        };
        return decl;
    },
    async project(ctx, scope) {
        const manifest = context_joinRel(scope.dir, 'package.json');
        const pkg = await ctx.json(manifest, PackageJsonSchema);
        if (!pkg)
            return undefined;
        const rootPkg = scope.workspaceRoot
            ? await ctx.json(context_joinRel(scope.workspaceRoot, 'package.json'), PackageJsonSchema)
            : undefined;
        const warnings = [];
        const pm = await packageManager(ctx, scope, pkg, rootPkg, warnings);
        const runtimeName = pm.name === 'bun' ? 'bun' : 'node';
        const version = runtimeName === 'bun'
            ? await bunVersion(ctx, scope.dir, pm)
            : await nodeVersion(ctx, scope, pkg, rootPkg, warnings);
        const scripts = pkg.scripts ?? {};
        const run = pm.name === 'npm' ? 'npm run' : `${pm.name} run`;
        const draft = {
            name: pkg.name || folderName(scope.dir, ctx.rootName),
            manifest,
            runtime: { name: runtimeName, version: version?.value ?? null, source: version?.source ?? null },
            packageManager: pm,
            frameworks: frameworks(pkg, manifest),
            commands: {
                install: installCommand(pm, await isBerry(ctx, pm)),
                build: scripts.build ? `${run} build` : null,
                test: scripts.test && !NPM_DEFAULT_TEST.test(scripts.test)
                    ? pm.name === 'bun'
                        ? 'bun run test'
                        : `${pm.name} test`
                    : null,
                start: scripts.start ? (pm.name === 'bun' ? 'bun run start' : `${pm.name} start`) : null,
            },
            warnings,
        };
        return draft;
    },
};
/** The package manager: `packageManager` first (corepack enforces it), else the nearest lockfile. */
async function packageManager(ctx, scope, pkg, rootPkg, warnings = []) {
    const declared = parsePackageManagerField(pkg?.packageManager ?? rootPkg?.packageManager);
    const declaredSource = pkg?.packageManager
        ? context_joinRel(scope.dir, 'package.json#packageManager')
        : scope.workspaceRoot
            ? context_joinRel(scope.workspaceRoot, 'package.json#packageManager')
            : null;
    const lock = await nearestLockfile(ctx, scope.dir, warnings);
    if (declared) {
        if (lock && lock.pm !== declared.name) {
            warnings.push(`packageManager says ${declared.name} but the lockfile is ${lock.path} (${lock.pm}); using ${declared.name}`);
        }
        const lockfile = lock && lock.pm === declared.name ? lock.path : null;
        return { name: declared.name, version: declared.version, lockfile, source: declaredSource };
    }
    if (lock)
        return { name: lock.pm, version: null, lockfile: lock.path, source: lock.path };
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
async function nearestLockfile(ctx, dir, warnings) {
    for (let d = dir; d !== undefined; d = d === '.' ? undefined : parentDir(d)) {
        const here = LOCKFILES.filter(([name]) => ctx.has(d, name)).map(([name, pm]) => ({ path: context_joinRel(d, name), pm }));
        if (here.length === 0)
            continue;
        if (here.length === 1)
            return here[0];
        const times = await Promise.all(here.map((l) => ctx.mtime(l.path)));
        let best = 0;
        times.forEach((t, i) => {
            if (t > times[best])
                best = i;
        });
        const chosen = here[best];
        const why = times.every((t) => t === times[0]) ? 'by precedence' : '(newer)';
        warnings.push(`two or more lockfiles in ${d}: ${here.map((l) => l.path.split('/').pop()).join(' and ')}; using ${chosen.path.split('/').pop()} ${why}`);
        return chosen;
    }
    return undefined;
}
function parentDir(d) {
    const i = d.lastIndexOf('/');
    return i < 0 ? '.' : d.slice(0, i);
}
async function isBerry(ctx, pm) {
    if (pm.name !== 'yarn')
        return false;
    if (pm.version && /^\d+\./.test(pm.version) && Number(pm.version.split('.')[0]) >= 2)
        return true;
    if (!pm.lockfile)
        return false;
    const lockDir = pm.lockfile.includes('/') ? pm.lockfile.slice(0, pm.lockfile.lastIndexOf('/')) : '.';
    if (ctx.has(lockDir, '.yarnrc.yml'))
        return true;
    return /^__metadata:/m.test((await ctx.text(pm.lockfile)) ?? '');
}
function installCommand(pm, berry) {
    switch (pm.name) {
        case 'pnpm':
            return pm.lockfile ? 'pnpm install --frozen-lockfile' : 'pnpm install';
        case 'yarn':
            return berry ? 'yarn install --immutable' : pm.lockfile ? 'yarn install --frozen-lockfile' : 'yarn install';
        case 'bun':
            return pm.lockfile ? 'bun install --frozen-lockfile' : 'bun install';
        default:
            return pm.lockfile ? 'npm ci' : 'npm install';
    }
}
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
async function nodeVersion(ctx, scope, pkg, rootPkg, warnings) {
    const pinned = await nearestVersion(ctx, scope.dir, NODE_SOURCES);
    const enginesOwner = pkg.engines?.node ? scope.dir : rootPkg?.engines?.node ? scope.workspaceRoot : undefined;
    const engines = pkg.engines?.node ?? rootPkg?.engines?.node;
    const enginesFound = engines && enginesOwner
        ? { value: engines, source: context_joinRel(enginesOwner, 'package.json#engines.node') }
        : undefined;
    if (pinned && enginesFound) {
        // Loaded only when both a pin and an engines range exist: most runs never need it.
        const { default: semver } = await __webpack_require__.e(/* import() */ 88).then(__webpack_require__.t.bind(__webpack_require__, 2088, 23));
        if (!semver.valid(semver.coerce(pinned.value)) || !semver.validRange(engines))
            return pinned;
        const exact = semver.valid(pinned.value) ?? semver.coerce(pinned.value).version;
        if (!semver.satisfies(exact, engines)) {
            warnings.push(`${pinned.source} says ${pinned.value} but ${enginesFound.source} requires ${engines}; using ${pinned.value}`);
        }
    }
    return pinned ?? enginesFound;
}
async function bunVersion(ctx, dir, pm) {
    const file = await nearestVersion(ctx, dir, [plainFile('.bun-version'), toolVersions('bun'), miseTools('bun')]);
    if (file)
        return file;
    return pm.version && pm.source ? { value: pm.version, source: pm.source } : undefined;
}
function frameworks(pkg, manifest) {
    const deps = { ...pkg.devDependencies, ...pkg.dependencies };
    const found = [];
    for (const [dep, name] of NODE_FRAMEWORK_DEPS) {
        const version = deps[dep];
        if (typeof version === 'string')
            found.push({
                name,
                version,
                source: `${manifest}#${pkg.dependencies?.[dep] ? 'dependencies' : 'devDependencies'}.${dep}`,
            });
    }
    return found;
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

;// CONCATENATED MODULE: ./packages/stack/src/detectors/python.ts





const python_FRAMEWORKS = ['django', 'flask', 'fastapi'];
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
    applies: (ctx, dir) => ['pyproject.toml', 'Pipfile', 'setup.py', 'setup.cfg', 'uv.lock', 'poetry.lock'].some((n) => ctx.has(dir, n)) ||
        ctx.names(dir).some((n) => /^requirements[\w.-]*\.txt$/.test(n)),
    async project(ctx, { dir }) {
        const pyproject = ctx.has(dir, 'pyproject.toml')
            ? await ctx.toml(context_joinRel(dir, 'pyproject.toml'), PyProjectSchema)
            : undefined;
        const pipfile = ctx.has(dir, 'Pipfile') ? await ctx.toml(context_joinRel(dir, 'Pipfile'), PipfileSchema) : undefined;
        const requirements = ctx
            .names(dir)
            .filter((n) => /^requirements[\w.-]*\.txt$/.test(n))
            .sort((a, b) => a.length - b.length || a.localeCompare(b));
        const pm = python_packageManager(ctx, dir, pyproject, requirements);
        const deps = await dependencies(ctx, dir, pyproject, pipfile, requirements);
        const warnings = [];
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
/** Lower-cased distribution name → declared version (exact pins without `==`), with the file. */
async function dependencies(ctx, dir, pyproject, pipfile, requirements) {
    const deps = new Map();
    const add = (spec, source) => {
        const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*([^;#]*)/.exec(spec);
        if (!m)
            return;
        const name = m[1].toLowerCase().replace(/[._]/g, '-');
        if (!deps.has(name))
            deps.set(name, { version: cleanSpec(m[2]), source });
    };
    const py = context_joinRel(dir, 'pyproject.toml');
    pyproject?.project?.dependencies?.forEach((d) => add(d, `${py}#project.dependencies`));
    Object.values(pyproject?.project?.['optional-dependencies'] ?? {})
        .flat()
        .forEach((d) => add(d, `${py}#project.optional-dependencies`));
    Object.values(pyproject?.['dependency-groups'] ?? {})
        .flat()
        .forEach((d) => typeof d === 'string' && add(d, `${py}#dependency-groups`));
    const poetryTables = [
        pyproject?.tool?.poetry?.dependencies,
        ...Object.values(pyproject?.tool?.poetry?.group ?? {}).map((g) => g.dependencies),
    ];
    for (const table of poetryTables) {
        for (const [name, v] of Object.entries(table ?? {})) {
            // A constraint list (several versions by marker) names no single version.
            const spec = typeof v === 'string' ? v : Array.isArray(v) ? '' : (v.version ?? '');
            // Poetry writes a bare version for an exact pin where PEP 508 needs ==.
            if (name !== 'python')
                add(`${name} ${/^\d/.test(spec) ? `==${spec}` : spec}`, `${py}#tool.poetry.dependencies`);
        }
    }
    for (const table of [pipfile?.packages, pipfile?.['dev-packages']]) {
        for (const [name, v] of Object.entries(table ?? {}))
            add(`${name} ${typeof v === 'string' && v !== '*' ? v : ''}`, context_joinRel(dir, 'Pipfile'));
    }
    for (const file of requirements) {
        const path = context_joinRel(dir, file);
        for (const line of ((await ctx.text(path)) ?? '').split(/\r?\n/))
            if (!/^\s*(-|#|$)/.test(line))
                add(line, path);
    }
    return deps;
}
function cleanSpec(spec) {
    const s = spec.trim();
    if (s === '')
        return null;
    return /^==\s*[^,]+$/.test(s) ? s.replace(/^==\s*/, '') : s;
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
var picomatch = __webpack_require__(4006);
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
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
/** Folders whose manifests are test data, not projects (their code still counts toward languages). */
const NOT_PROJECT_DIRS = new Set(['fixtures', '__fixtures__', 'testdata', 'test-fixtures', '__mocks__']);
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
]);
/** True for files detect-stack reads or looks for by name. */
function isManifestName(name) {
    if (MANIFEST_NAMES.has(name))
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
            if (!notProject && isManifestName(name)) {
                const list = inv.manifests.get(rel);
                if (list)
                    list.push(name);
                else
                    inv.manifests.set(rel, [name]);
            }
            bytesHere += countLanguage(abs, name, childRel, attributes, inv);
        }
        if (bytesHere > 0)
            inv.dirBytes.set(rel, bytesHere);
        const childNotProject = notProject || NOT_PROJECT_DIRS.has(rel.slice(rel.lastIndexOf('/') + 1));
        for (let i = childDirs.length - 1; i >= 0; i--)
            stack.push({ rel: childDirs[i], notProject: childNotProject || NOT_PROJECT_DIRS.has(basename(childDirs[i])) });
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
    const ctx = new DetectContext(options.root, inventory, logger, options.annotationPrefix ?? '', (0,external_node_path_.basename)(options.root) || 'root');
    for (const w of inventory.warnings)
        ctx.warn(w);
    const dirs = [...inventory.manifests.keys()].sort(byPath);
    const workspaces = await findWorkspaces(ctx, dirs);
    const memberOf = assignMembers(ctx, dirs, workspaces);
    // Folders are independent of each other: read their manifests concurrently, keep path order.
    const found = await Promise.all(dirs.map((dir) => projectAt(ctx, dir, workspaces, memberOf.get(dir))));
    const projects = dropEnclosedStaticSites(found.filter((p) => p !== undefined));
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
        primary: primaryOf(projects, inventory)?.path ?? null,
        warnings: ctx.warnings,
        stats: {
            files: inventory.files,
            directories: inventory.directories,
            elapsedMs: Math.round(clock.monotonic() - started),
            truncated: inventory.truncated,
        },
    };
}
async function findWorkspaces(ctx, dirs) {
    const perDir = await Promise.all(dirs.map(async (dir) => {
        const here = [];
        for (const detector of DETECTORS) {
            const decl = detector.workspace ? await detector.workspace(ctx, dir) : undefined;
            if (decl)
                here.push({ dir, detector, decl });
        }
        return here;
    }));
    return perDir.flat();
}
/** Member globs past this many are not used: each is compiled and tried against every folder. */
const MAX_MEMBER_GLOBS = 5000;
/** Each member folder → the workspace root that claims it (the nearest one when nested). */
function assignMembers(ctx, dirs, workspaces) {
    const memberOf = new Map();
    for (const ws of [...workspaces].sort((a, b) => a.dir.length - b.dir.length)) {
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
            const rel = relativeBelow(ws.dir, dir);
            if (rel !== undefined && isIncluded(rel) && !isExcluded(rel))
                memberOf.set(dir, ws.dir);
        }
    }
    return memberOf;
}
function normaliseGlob(glob) {
    return glob.replace(/^\.\//, '').replace(/\/+$/, '');
}
function relativeBelow(parent, dir) {
    if (parent === '.')
        return dir;
    return dir.startsWith(`${parent}/`) ? dir.slice(parent.length + 1) : undefined;
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
            if (detector.name !== 'static')
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
    return {
        path: dir,
        name: draft.name,
        runtime: draft.runtime,
        packageManager: draft.packageManager,
        frameworks: draft.frameworks,
        commands,
        dockerfile: dockerfile ? context_joinRel(dir, dockerfile) : null,
        procfile,
        manifest: draft.manifest,
        warnings,
    };
}
function dockerfileOrder(a, b) {
    const rank = (n) => (n === 'Dockerfile' ? 0 : n === 'Containerfile' ? 1 : 2);
    return rank(a) - rank(b) || a.localeCompare(b);
}
/** A static site inside another project is that project's assets, not a project of its own. */
function dropEnclosedStaticSites(projects) {
    const paths = new Set(projects.map((p) => p.path));
    return projects.filter((p) => {
        if (p.runtime.name !== 'static')
            return true;
        for (let d = parentOf(p.path); d !== undefined; d = parentOf(d))
            if (paths.has(d))
                return false;
        return true;
    });
}
/**
 * A workspace declared at the root names the repository's tool and its members. Without one,
 * several projects are independent (tool null), even when one of them is a workspace itself.
 */
function monorepoOf(workspaces, projects, memberOf) {
    const rootWorkspace = workspaces.find((w) => w.dir === '.' && [...memberOf.values()].includes('.'));
    if (rootWorkspace) {
        const members = projects
            .filter((p) => memberOf.get(p.path) === '.' || (memberOf.has(p.path) && p.path !== '.'))
            .map((p) => p.path);
        return { tool: rootWorkspace.decl.tool, workspaces: members.sort(byPath) };
    }
    if (projects.length > 1)
        return { tool: null, workspaces: projects.map((p) => p.path) };
    return null;
}
/** The root project if there is one, else the project with the most code beneath it. */
function primaryOf(projects, inventory) {
    const root = projects.find((p) => p.path === '.');
    if (root)
        return root;
    // Give each folder's bytes to the nearest project at or above it: one climb per folder.
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

;// CONCATENATED MODULE: ./packages/stack/src/index.ts









/***/ })

};
