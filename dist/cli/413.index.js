export const id = 413;
export const ids = [413];
export const modules = {

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
