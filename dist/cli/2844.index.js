export const id = 2844;
export const ids = [2844,413];
export const modules = {

/***/ 32844:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: ./packages/artifact/src/index.ts + 12 modules
var src = __webpack_require__(79521);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./actions/build-artifact/src/inputs.ts


/** action.yml's default, also used when the input is set to an empty string. */
const DEFAULT_TIMEOUT_MS = 60 * 60_000;
/** A day: longer than any hosted job may run, so only a mistyped unit is refused. */
const MAX_TIMEOUT_MS = 24 * 3_600_000;
/** The longest command the shell can be given as one argument: 128 KiB less its terminating NUL and slipway's prefix. */
const MAX_COMMAND_BYTES = 128 * 1024 - 64;
/** The largest mtime a ustar header holds (11 octal digits). */
const MAX_EPOCH = 0o77777777777;
/**
 * Reads and validates every input. `path` and `output-dir` may be absolute or under `~` (HOME);
 * a relative `path` is in the workspace, a relative `output-dir` in `path`.
 */
function parseInputs(reader, workspace, home = (0,external_node_os_.homedir)()) {
    const repo = (0,lite/* workspaceFolder */.ih)('path', reader.raw('path'), workspace, { home });
    const output = (0,lite/* workspaceFolder */.ih)('output-dir', reader.raw('output-dir'), workspace, {
        base: repo.abs,
        mayNotExist: true,
        home,
    });
    const include = reader.list('include');
    const version = reader.optional('version');
    if (version !== undefined && /[\s/\\]/.test(version))
        throw new lite/* UserError */.yo(`'${version}' contains spaces or slashes.`, { input: 'version' }, 'Use a version such as 1.2.3 or v1.2.3-rc.1.');
    const command = reader.optional('command');
    // The runner cannot pass a NUL (environment variables end there), but the CLI's readers can.
    for (const [input, value] of [
        ['command', command],
        ['name', reader.optional('name')],
        ['version', reader.optional('version')],
    ])
        if (value?.includes('\0'))
            throw new lite/* UserError */.yo('holds a NUL character, which no command or file name can contain.', { input }, 'Remove it.');
    if (command !== undefined && Buffer.byteLength(command) > MAX_COMMAND_BYTES)
        throw new lite/* UserError */.yo(`is ${Buffer.byteLength(command)} bytes long; a command is passed to the shell as one argument, which Linux caps at 128 KiB.`, { input: 'command' }, 'Put the commands in a script in the repository and run that.');
    const epoch = reader.optional('source-date-epoch');
    return Object.freeze({
        repoRoot: repo.abs,
        repoRel: repo.rel,
        stack: parseStack(reader.raw('stack')),
        project: reader.optional('project'),
        install: reader.boolean('install'),
        command,
        include: include.length ? include : undefined,
        exclude: reader.list('exclude'),
        name: reader.optional('name'),
        outputDir: output.abs,
        version,
        sourceDateEpoch: epoch === undefined ? undefined : reader.integer('source-date-epoch', { min: 0, max: MAX_EPOCH }),
        cache: reader.boolean('cache'),
        upload: reader.boolean('upload'),
        retentionDays: reader.optional('retention-days') === undefined
            ? undefined
            : reader.integer('retention-days', { min: 1, max: 90 }),
        sbom: reader.boolean('sbom'),
        provenance: reader.boolean('provenance'),
        allowSecretFiles: reader.boolean('allow-secret-files'),
        timeoutMs: reader.optional('timeout') === undefined
            ? DEFAULT_TIMEOUT_MS
            : reader.duration('timeout', { min: 1000, max: MAX_TIMEOUT_MS }),
    });
}
/** A detect-stack document, checked for the fields build-artifact relies on. */
function parseStack(text) {
    if (text.trim() === '')
        return undefined;
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (err) {
        throw new lite/* UserError */.yo(`is not valid JSON: ${(0,lite/* describeJsonError */.M1)(text, err)}.`, { input: 'stack' }, "Pass the detect-stack step's `stack` output as it is: ${{ steps.<id>.outputs.stack }}.");
    }
    const isObject = typeof doc === 'object' && doc !== null && !Array.isArray(doc);
    const problem = !isObject
        ? 'it is not an object'
        : doc.schemaVersion !== 1
            ? `schemaVersion is ${JSON.stringify(doc.schemaVersion)}, not 1`
            : !Array.isArray(doc.projects)
                ? 'it has no projects array'
                : (field('primary', doc.primary, 'string', true) ??
                    doc.projects.map((p, i) => projectProblem(p, `projects[${i}]`)).find((x) => x !== undefined));
    if (problem)
        throw new lite/* UserError */.yo(`is not a detect-stack document: ${problem}.`, { input: 'stack' }, "Pass the detect-stack step's `stack` output as it is.");
    // Fields build-artifact reads but a hand-written document may leave out.
    const projects = doc.projects.map((p) => ({
        ...p,
        frameworks: p.frameworks ?? [],
        packageManager: p.packageManager ?? null,
        output: p.output ?? null,
    }));
    return { ...doc, projects };
}
/** What is wrong with a value where a field of `kind` is wanted (`nullable`: null or absent also do). */
function field(name, value, kind, nullable = false) {
    if (value === undefined || value === null)
        return nullable ? undefined : `${name} is missing`;
    const actual = Array.isArray(value) ? 'array' : typeof value;
    if (actual !== kind)
        return `${name} is ${actual === 'object' ? 'an object' : `a${actual === 'array' ? 'n' : ''} ${actual}`}, not a${kind === 'object' ? 'n' : ''} ${kind}`;
    if (kind === 'string' && value.includes('\0'))
        return `${name} holds a NUL character`;
    return undefined;
}
/** What is wrong with one project of a stack document, for the fields build-artifact reads. */
function projectProblem(value, at) {
    const top = field(at, value, 'object');
    if (top)
        return top;
    const p = value;
    const runtime = p.runtime;
    const manager = p.packageManager;
    const commands = p.commands;
    const frameworks = p.frameworks;
    return (field(`${at}.path`, p.path, 'string') ??
        field(`${at}.name`, p.name, 'string') ??
        field(`${at}.runtime`, runtime, 'object') ??
        field(`${at}.runtime.name`, runtime.name, 'string') ??
        field(`${at}.runtime.version`, runtime.version, 'string', true) ??
        field(`${at}.packageManager`, manager, 'object', true) ??
        (manager
            ? (field(`${at}.packageManager.name`, manager.name, 'string') ??
                field(`${at}.packageManager.lockfile`, manager.lockfile, 'string', true))
            : undefined) ??
        field(`${at}.commands`, commands, 'object') ??
        ['install', 'build', 'test', 'start']
            .map((c) => field(`${at}.commands.${c}`, commands[c], 'string', true) ??
            (typeof commands[c] === 'string' && Buffer.byteLength(commands[c]) > MAX_COMMAND_BYTES
                ? `${at}.commands.${c} is over 128 KiB, longer than a shell can be given`
                : undefined))
            .find((x) => x !== undefined) ??
        (frameworks !== undefined && !Array.isArray(frameworks)
            ? `${at}.frameworks is not an array`
            : (frameworks ?? [])
                .map((f, j) => field(`${at}.frameworks[${j}]`, f, 'object') ??
                field(`${at}.frameworks[${j}].name`, f.name, 'string'))
                .find((x) => x !== undefined)) ??
        field(`${at}.output`, p.output, 'string', true));
}

// EXTERNAL MODULE: ./actions/build-artifact/src/metadata.generated.ts
var metadata_generated = __webpack_require__(90413);
// EXTERNAL MODULE: ./packages/security/src/index.ts + 58 modules
var security_src = __webpack_require__(56166);
;// CONCATENATED MODULE: ./actions/build-artifact/src/redact.ts


let engine;
/** The reported form of a secret ends with its length: `ghp_…(40 chars)`. */
const REPORTED_LENGTH = /\((\d+) chars\)$/;
/** When a finding's length cannot be read, the secret is taken to run to the next separator. */
const TOKEN_RUN = /^[^\s'"`,;]+/;
/**
 * Masks what the security package's secret rules find in a build's output, and URL passwords,
 * showing each secret's first 4 characters and its length (`ghp_…(40 chars)`), the way
 * security-scan reports them. The engine reports where a secret starts and its redacted form;
 * the length is read from that form (see the report: an export that returns spans would do better).
 */
function redactSecrets(text) {
    // A log is masked more eagerly than a scan reports: a token whose checksum is off (a typo, a
    // truncated paste) is still someone's token, so the rules' documented checks are left out here.
    engine ??= new security_src/* SecretEngine */.DO(security_src/* DEFAULT_RULES */.ck.map(({ verify: _verify, ...rule }) => rule));
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        lineStarts.push(i + 1);
    const spans = engine.scan(text, 'build-output.log', 1).map((f) => {
        const start = (lineStarts[f.line - 1] ?? 0) + (f.column ?? 1) - 1;
        const length = Number(REPORTED_LENGTH.exec(f.message)?.[1] ?? TOKEN_RUN.exec(text.slice(start))?.[0].length ?? 0);
        return { start, end: start + length };
    });
    let out = '';
    let at = 0;
    for (const span of spans.sort((a, b) => a.start - b.start)) {
        if (span.end <= at)
            continue;
        const start = Math.max(span.start, at);
        out += text.slice(at, start) + (0,security_src/* redact */.E$)(text.slice(start, span.end));
        at = span.end;
    }
    return (0,lite/* redactCredentials */.UY)(out + text.slice(at));
}

;// CONCATENATED MODULE: ./actions/build-artifact/src/summary.ts


function size(bytes) {
    return bytes >= 1048576
        ? `${(bytes / 1048576).toFixed(1)} MiB`
        : bytes >= 1024
            ? `${(bytes / 1024).toFixed(1)} KiB`
            : `${bytes} B`;
}
/** The summary of a built artifact: what, how big, which digest, and where the time went. */
function artifactSummary(r, rel) {
    const s = new lite/* SummaryBuilder */.CF().heading('build-artifact');
    s.table(['', ''], [
        ['artifact', `\`${rel(r.artifactPath)}\`${r.artifactUrl ? ` ([download](${r.artifactUrl}))` : ''}`],
        [
            'project',
            `${r.project.path} (${r.project.runtime.name}${r.project.runtime.version ? ` ${r.project.runtime.version}` : ''})`,
        ],
        ['version', r.version],
        ['digest', `\`${r.digest}\``],
        ['size', `${size(r.size)} · ${r.files} files`],
        ['source date', new Date(r.sourceDateEpoch * 1000).toISOString()],
        ['install / build', `\`${r.commands.install ?? 'none'}\` / \`${r.commands.build ?? 'none'}\``],
        ['dependency cache', r.cacheNote],
        ['SBOM', r.sbomPath ? `\`${rel(r.sbomPath)}\` (${r.sbomComponents ?? 0} runtime components)` : 'off'],
        ['provenance', r.provenancePath ? `\`${rel(r.provenancePath)}\` (unsigned; sign with actions/attest)` : 'off'],
    ]);
    if (r.timings.length) {
        s.mermaid([
            'pie showData title Time per step (ms)',
            ...r.timings.filter((t) => t.ms > 0).map((t) => `  "${t.step}" : ${t.ms}`),
        ].join('\n'));
    }
    return s;
}
/** The summary of a failed command: its last lines (already redacted by the build), so nobody has to scroll the log. */
function failureSummary(err) {
    return new lite/* SummaryBuilder */.CF()
        .heading('build-artifact failed')
        .text(err.timeoutMs === undefined
        ? `The ${err.step} command \`${err.command}\` exited with code ${err.exitCode}. Its last lines:`
        : `The ${err.step} command \`${err.command}\` was stopped after ${(0,lite/* formatDuration */.a3)(err.timeoutMs)}, the timeout. Its last lines:`)
        .text('```\n' + err.outputTail.replace(/```/g, "'''") + '\n```');
}

;// CONCATENATED MODULE: ./actions/build-artifact/src/main.ts






/** Builds the project, packages it, sets the outputs and the job summary. */
async function run({ env, logger, setOutput }) {
    const workspace = (0,lite/* realWorkspace */.id)(env.GITHUB_WORKSPACE || process.cwd());
    const inputs = parseInputs(new lite/* InputReader */.i_(metadata_generated.metadata, env), workspace, env.HOME);
    // Relative to the workspace when inside it, else absolute (output-dir in RUNNER_TEMP).
    const rel = (abs) => (0,lite/* shownPath */.pS)(abs, workspace);
    let result;
    try {
        result = await (0,src/* buildArtifact */.LR)({ ...inputs, include: inputs.include ? [...inputs.include] : undefined, exclude: [...inputs.exclude] }, { exec: lite/* actionsExec */.dw, logger, env, redact: redactSecrets });
    }
    catch (err) {
        if (err instanceof src/* CommandError */.Qd)
            await failureSummary(err).write(env);
        throw err;
    }
    const out = new lite/* OutputWriter */.PO(metadata_generated.metadata, setOutput);
    out.set('artifact-path', rel(result.artifactPath));
    out.set('digest', result.digest);
    out.set('size', result.size);
    out.set('version', result.version);
    out.set('name', result.name);
    out.set('manifest-path', rel(result.manifestPath));
    out.set('sbom-path', result.sbomPath ? rel(result.sbomPath) : '');
    out.set('provenance-path', result.provenancePath ? rel(result.provenancePath) : '');
    out.set('artifact-id', result.artifactId ?? '');
    out.set('artifact-url', result.artifactUrl ?? '');
    out.set('cache-hit', result.cacheHit);
    logger.info(`build-artifact: ${rel(result.artifactPath)} ${result.digest} (${result.size} bytes, ${result.files} files)`);
    await artifactSummary(result, rel).write(env);
}


/***/ }),

/***/ 90413:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   metadata: () => (/* binding */ metadata)
/* harmony export */ });
/** build-artifact's inputs and outputs as declared in action.yml. */
const metadata = {
    "name": "build-artifact",
    "description": "Builds a project and packages its output as a bit-for-bit reproducible .tar.gz with a manifest, a CycloneDX 1.6 SBOM and an SLSA v1 provenance statement; caches dependencies and uploads the artifact.",
    "inputs": {
        "path": {
            "description": "Repository root: relative to the workspace, absolute, or ~/…. A path into the workspace must not lead out of it through a symbolic link.",
            "required": false,
            "default": "."
        },
        "stack": {
            "description": "The `stack` output of detect-stack. When empty, the repository is detected in-process with the same library.",
            "required": false,
            "default": ""
        },
        "project": {
            "description": "Which project of the stack to build, by its `path`; empty means the primary project.",
            "required": false,
            "default": ""
        },
        "install": {
            "description": "Run the project's install command (`npm ci`, `pip install -r …`, `go mod download` …) before building.",
            "required": false,
            "default": "true"
        },
        "command": {
            "description": "Build command, run in the project's folder; empty means the one detect-stack found, `none` packages the tree as it is.",
            "required": false,
            "default": ""
        },
        "include": {
            "description": "Globs (relative to the project) of what goes into the artifact, separated by commas or newlines; empty means the default for the runtime and framework (dist/**, .next/**, target/*.jar, the Go or Rust binary …).",
            "required": false,
            "default": ""
        },
        "exclude": {
            "description": "Globs to leave out, separated by commas or newlines.",
            "required": false,
            "default": ""
        },
        "name": {
            "description": "Artifact name; empty means `<repo>-<project>`.",
            "required": false,
            "default": ""
        },
        "output-dir": {
            "description": "Where the archive, manifest, SBOM and provenance are written: relative to `path`, absolute (a folder in RUNNER_TEMP, say), or ~/…. Never packaged itself.",
            "required": false,
            "default": ".slipway/artifacts"
        },
        "version": {
            "description": "Release version; empty means `git describe --tags --always`.",
            "required": false,
            "default": ""
        },
        "source-date-epoch": {
            "description": "Seconds since the epoch used for every timestamp in the archive; empty means the SOURCE_DATE_EPOCH variable, else the HEAD commit time.",
            "required": false,
            "default": ""
        },
        "cache": {
            "description": "Restore and save the package manager's download cache with the GitHub Actions cache (key: runtime, version, OS and a hash of the lockfiles).",
            "required": false,
            "default": "true"
        },
        "upload": {
            "description": "Upload the archive, manifest, SBOM and provenance as a workflow artifact when the job has an artifact service; a local run skips it with a notice.",
            "required": false,
            "default": "true"
        },
        "retention-days": {
            "description": "Days to keep the uploaded artifact, 1 to 90; empty means the repository default.",
            "required": false,
            "default": ""
        },
        "sbom": {
            "description": "Write a CycloneDX 1.6 JSON SBOM of the runtime dependencies read from the lockfiles.",
            "required": false,
            "default": "true"
        },
        "provenance": {
            "description": "Write an unsigned in-toto Statement v1 with an SLSA provenance v1 predicate for the archive (sign it with actions/attest).",
            "required": false,
            "default": "true"
        },
        "allow-secret-files": {
            "description": "Package files that look like secrets (.env, *.pem, *.key, id_rsa, .npmrc with a token …) instead of refusing to.",
            "required": false,
            "default": "false"
        },
        "timeout": {
            "description": "How long the install and the build command may each run, such as `60m` or `1h30m`; when it runs out the command and everything it started are stopped and the step fails.",
            "required": false,
            "default": "60m"
        }
    },
    "outputs": {
        "artifact-path": {
            "description": "Path of the .tar.gz: relative to the workspace, or absolute when output-dir lies outside it."
        },
        "digest": {
            "description": "SHA-256 of the archive, as `sha256:<hex>`."
        },
        "size": {
            "description": "Size of the archive in bytes."
        },
        "version": {
            "description": "The release version used."
        },
        "name": {
            "description": "The artifact name used for the upload."
        },
        "manifest-path": {
            "description": "Path of the manifest (JSON: every file with path, type, size, mode and SHA-256): relative to the workspace, or absolute when output-dir lies outside it."
        },
        "sbom-path": {
            "description": "Path of the CycloneDX SBOM, as artifact-path; empty when sbom is false."
        },
        "provenance-path": {
            "description": "Path of the provenance statement, as artifact-path; empty when provenance is false."
        },
        "artifact-id": {
            "description": "ID of the uploaded artifact; empty when not uploaded."
        },
        "artifact-url": {
            "description": "URL of the uploaded artifact; empty when not uploaded."
        },
        "cache-hit": {
            "description": "`true` for an exact dependency-cache hit, `partial` for a restore-key hit, else `false`."
        }
    }
};


/***/ })

};
