export const id = 8460;
export const ids = [8460];
export const modules = {

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
