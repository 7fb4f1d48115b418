export const id = 1169;
export const ids = [1169];
export const modules = {

/***/ 11169:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyCommand: () => (/* binding */ verifyCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36740);


/** `slipway verify-artifact`: a command of the CLI only, shaped like an action so flags and help come the same way. */
const metadata = {
    name: 'verify-artifact',
    description: 'Re-hashes a build-artifact archive against its manifest and, with --into, extracts it safely.',
    inputs: {
        archive: { description: 'The .tar.gz to verify.', required: true },
        manifest: { description: 'Its manifest (.manifest.json).', required: true },
        into: { description: 'Folder to extract into (created; must be empty). Without it, only verify.' },
    },
    outputs: { files: { description: 'Entries verified.' }, digest: { description: 'SHA-256 of the archive.' } },
};
const verifyCommand = {
    metadata,
    async run({ env, logger, setOutput }) {
        const reader = new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__/* .InputReader */ .i_(metadata, env);
        const cwd = env.GITHUB_WORKSPACE || process.cwd();
        const { verifyArtifact } = await Promise.all(/* import() */[__webpack_require__.e(7934), __webpack_require__.e(8815), __webpack_require__.e(4006), __webpack_require__.e(3292), __webpack_require__.e(7091), __webpack_require__.e(5940), __webpack_require__.e(5359), __webpack_require__.e(9521)]).then(__webpack_require__.bind(__webpack_require__, 79521));
        const into = reader.optional('into');
        let result;
        try {
            result = await verifyArtifact({
                archive: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, reader.required('archive')),
                manifest: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, reader.required('manifest')),
                ...(into ? { into: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, into) } : {}),
            });
        }
        catch (err) {
            // verifyArtifact names the archive and manifest itself; what is left is the --into folder
            // (a parent that is a file, no permission): a problem to fix, not a crash to report.
            const e = err;
            if (e.code && e.syscall)
                throw new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${e.path ?? 'a path'} ${e.code === 'ENOENT' ? 'does not exist' : `cannot be used (${e.code})`}.`, {}, 'Check the --archive, --manifest and --into paths.');
            throw err;
        }
        setOutput('files', String(result.files));
        setOutput('digest', `sha256:${result.digest}`);
        logger.info(`verify-artifact: ${result.files} entries match the manifest (sha256:${result.digest})${into ? `; extracted into ${into}` : ''}`);
    },
};


/***/ })

};
