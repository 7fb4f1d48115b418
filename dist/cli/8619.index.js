export const id = 8619;
export const ids = [8619,8460];
export const modules = {

/***/ 58619:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: ./packages/stack/src/index.ts + 39 modules
var src = __webpack_require__(45940);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./actions/detect-stack/src/inputs.ts



/** More exclude globs than anyone writes by hand; each one is tried against every path walked. */
const MAX_EXCLUDE_GLOBS = 1000;
/**
 * Reads and validates every input; the workspace is GITHUB_WORKSPACE, else the current folder.
 * `path` may be relative to the workspace, absolute, or under `~` (HOME).
 */
function parseInputs(reader, workspace, home = (0,external_node_os_.homedir)()) {
    const exclude = excludeGlobs(reader.list('exclude'));
    const maxFiles = reader.integer('max-files', { min: 1, max: 10_000_000 });
    const folder = (0,lite/* workspaceFolder */.ih)('path', reader.raw('path'), workspace, { home });
    return Object.freeze({
        root: folder.abs,
        displayRoot: folder.rel,
        annotationPrefix: folder.rel === '.' ? '' : `${folder.rel.replace(/\/$/, '')}/`,
        exclude: Object.freeze(exclude),
        maxFiles,
    });
}
/** The exclude globs, each one checked now so that a bad one names the input instead of failing mid-walk. */
function excludeGlobs(globs) {
    if (globs.length > MAX_EXCLUDE_GLOBS)
        throw new lite/* UserError */.yo(`has ${globs.length} globs, more than the ${MAX_EXCLUDE_GLOBS} it takes.`, { input: 'exclude' }, 'Exclude whole folders (`generated/**`) rather than files one by one.');
    for (const glob of globs) {
        const problem = (0,src/* globProblem */.AI)(glob, { dot: true });
        if (problem !== undefined)
            throw new lite/* UserError */.yo(`glob ${(0,src/* showGlob */.GF)(glob)} cannot be used: ${problem}.`, { input: 'exclude' });
    }
    return globs;
}

// EXTERNAL MODULE: ./actions/detect-stack/src/metadata.generated.ts
var metadata_generated = __webpack_require__(58460);
;// CONCATENATED MODULE: ./actions/detect-stack/src/printable.ts
// Folder names, versions and warnings come from the repository: a name may hold a newline followed
// by `::warning …`, or Markdown that draws something in the job summary. These helpers keep such
// text on one line and inert.

/**
 * Inline Markdown that shows the text as written: one line, and every character that could open
 * Markdown or HTML written as an entity. Entities rather than backslashes, because table cells
 * double every backslash.
 */
function markdownText(text) {
    return (0,src/* oneLine */.TN)(text).replace(/[\\`*_{}[\]<>#!|~&]/g, (c) => `&#${c.charCodeAt(0)};`);
}
/** An inline code span that the text cannot close early, whatever backticks it holds. */
function codeSpan(text) {
    const line = (0,src/* oneLine */.TN)(text);
    const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${line}${pad}${fence}`;
}

;// CONCATENATED MODULE: ./actions/detect-stack/src/summary.ts



/**
 * The job summary: projects, languages as a pie chart, and every warning. Paths, versions and
 * warnings come from the repository, so each is escaped: it shows as text, never as Markdown.
 */
function stackSummary(stack) {
    const s = new lite/* SummaryBuilder */.CF().heading('detect-stack');
    const mono = stack.monorepo ? ` · monorepo (${stack.monorepo.tool ?? 'independent projects'})` : '';
    s.text(`${stack.projects.length} project(s) in ${codeSpan(stack.root)}${mono} · ${stack.stats.files} files in ${stack.stats.elapsedMs} ms${stack.stats.truncated ? ' · **walk truncated at max-files**' : ''}`);
    if (stack.projects.length > 0) {
        s.table(['project', 'runtime', 'package manager', 'frameworks', 'build', 'test'], stack.projects.map((p) => [
            p.path === stack.primary ? `**${markdownText(p.path)}** (primary)` : markdownText(p.path),
            markdownText(`${p.runtime.name}${p.runtime.version ? ` ${p.runtime.version}` : ''}`),
            p.packageManager
                ? markdownText(`${p.packageManager.name}${p.packageManager.version ? ` ${p.packageManager.version}` : ''}`)
                : '',
            markdownText(p.frameworks.map((f) => `${f.name}${f.version ? ` ${f.version}` : ''}`).join(', ')),
            p.commands.build ? codeSpan(p.commands.build) : '',
            p.commands.test ? codeSpan(p.commands.test) : '',
        ]));
    }
    else {
        s.text('No buildable project was found.');
    }
    const top = stack.languages.slice(0, 8);
    if (top.length > 0) {
        s.mermaid([
            'pie showData title Languages (bytes of code)',
            ...top.map((l) => `  "${(0,src/* oneLine */.TN)(l.name).replace(/["`]/g, "'")}" : ${l.bytes}`),
        ].join('\n'));
    }
    const warnings = [...stack.warnings, ...stack.projects.flatMap((p) => p.warnings.map((w) => `${p.path}: ${w}`))];
    if (warnings.length > 0)
        s.heading('Warnings', 3).text(warnings.map((w) => `- ${markdownText(w)}`).join('\n'));
    return s;
}

;// CONCATENATED MODULE: ./actions/detect-stack/src/main.ts





/** Detects the stack and sets every output and the job summary. */
async function run({ env, logger, setOutput }) {
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const inputs = parseInputs(new lite/* InputReader */.i_(metadata_generated.metadata, env), workspace, env.HOME);
    const stack = await (0,src.detectStack)({
        root: inputs.root,
        // A path inside a workspace member reads the enclosing root's package manager and lockfile:
        // the climb stops at the repository's .git, or at the workspace without one.
        ceiling: workspace,
        displayRoot: inputs.displayRoot,
        exclude: inputs.exclude,
        maxFiles: inputs.maxFiles,
        logger,
        annotationPrefix: inputs.annotationPrefix,
    });
    const primary = stack.projects.find((p) => p.path === stack.primary);
    const out = new lite/* OutputWriter */.PO(metadata_generated.metadata, setOutput);
    out.set('stack', stack);
    out.set('primary-language', stack.languages[0]?.name ?? '');
    out.set('runtime', primary?.runtime.name ?? '');
    out.set('runtime-version', primary?.runtime.version ?? '');
    out.set('package-manager', primary?.packageManager?.name ?? '');
    out.set('build-command', primary?.commands.build ?? '');
    out.set('test-command', primary?.commands.test ?? '');
    out.set('start-command', primary?.commands.start ?? '');
    out.set('matrix', (0,src/* toMatrix */.D3)(stack));
    out.set('monorepo', stack.projects.length > 1);
    out.set('dockerfile', primary?.dockerfile ?? '');
    out.set('primary-path', primary?.path ?? '');
    out.set('build-output', primary?.output ?? '');
    out.set('build-system', stack.monorepo?.tool ?? '');
    // The path and version come from the repository: kept on one line, they cannot start a
    // workflow command of their own (the runner's logger also fences any `::` it prints).
    logger.info(primary
        ? `detect-stack: ${stack.projects.length} project(s); primary ${(0,src/* oneLine */.TN)(primary.path)} is ${primary.runtime.name}${primary.runtime.version ? ` ${(0,src/* oneLine */.TN)(primary.runtime.version)}` : ''} with ${primary.packageManager?.name ?? 'no package manager'} (${stack.stats.files} files, ${stack.stats.elapsedMs} ms)`
        : `detect-stack: no buildable project found in ${(0,src/* oneLine */.TN)(inputs.displayRoot)} (${stack.stats.files} files)`);
    await stackSummary(stack).write(env);
}


/***/ }),

/***/ 58460:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   metadata: () => (/* binding */ metadata)
/* harmony export */ });
/** detect-stack's inputs and outputs as declared in action.yml. */
const metadata = {
    "name": "detect-stack",
    "description": "Reports what a repository is and how to build, test and run it: languages, projects, runtimes and their versions, package managers, frameworks, commands and a job matrix.",
    "inputs": {
        "path": {
            "description": "Folder to analyse: relative to the workspace, absolute (a checkout in RUNNER_TEMP, say), or ~/…. A path into the workspace must not lead out of it through a symbolic link, and the walk never follows one.",
            "required": false,
            "default": "."
        },
        "exclude": {
            "description": "Extra globs to skip (relative to `path`), separated by commas or newlines. Dependency trees, build output and VCS folders are always skipped.",
            "required": false,
            "default": ""
        },
        "max-files": {
            "description": "Stop walking after this many files, set `stats.truncated` and warn. From 1 to 10000000.",
            "required": false,
            "default": "200000"
        }
    },
    "outputs": {
        "stack": {
            "description": "The full detection document as JSON (schema version 1, see docs/stack.schema.json)."
        },
        "primary-language": {
            "description": "The language with the most bytes of code, linguist-style (for example `TypeScript`)."
        },
        "runtime": {
            "description": "Runtime of the primary project: node, deno, bun, python, go, rust, java, dotnet, ruby, php, elixir or static."
        },
        "runtime-version": {
            "description": "Runtime version of the primary project as declared (`20.11.1`, `>=18`, `3.12`); empty when nothing declares it."
        },
        "package-manager": {
            "description": "Package manager of the primary project (npm, pnpm, yarn, bun, deno, pip, poetry, uv, pipenv, pdm, go, cargo, maven, gradle, dotnet, bundler, composer, mix)."
        },
        "build-command": {
            "description": "Build command of the primary project, to run in its folder; empty when there is none."
        },
        "test-command": {
            "description": "Test command of the primary project, to run in its folder; empty when there is none."
        },
        "start-command": {
            "description": "Start command of the primary project, to run in its folder; empty when there is none."
        },
        "matrix": {
            "description": "JSON `{\"include\":[...]}` with one entry per project (path, name, runtime, runtime-version, package-manager, install-command, build-command, test-command), for `strategy.matrix: ${{ fromJSON(...) }}`."
        },
        "monorepo": {
            "description": "`true` when the repository holds more than one project, else `false`."
        },
        "dockerfile": {
            "description": "Path of the primary project's Dockerfile or Containerfile, relative to `path`; empty when it has none."
        },
        "primary-path": {
            "description": "Folder of the primary project, relative to `path` (`.` for the root)."
        },
        "build-output": {
            "description": "Folder the primary project's build writes (such as `.next`, `dist` or `_site`), relative to its folder; empty when unknown."
        },
        "build-system": {
            "description": "Tool that orchestrates the repository's build: nx, turbo, lerna, rush, npm-, pnpm-, yarn- or bun-workspaces, go-work, cargo-workspace, maven or gradle; empty for independent projects."
        }
    }
};


/***/ })

};
