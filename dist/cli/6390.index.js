export const id = 6390;
export const ids = [6390];
export const modules = {

/***/ 36390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   auditCommand: () => (/* binding */ auditCommand),
/* harmony export */   metricsCommand: () => (/* binding */ metricsCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(36740);
// `slipway metrics` and `slipway audit`: commands of the CLI only, over deploy-canary's audit trail.



const common = {
    environment: { description: 'The environment.', required: false, default: 'production' },
    'state-dir': {
        description: "deploy-canary's state folder (absolute, ~/…, or relative to the current folder).",
        required: false,
        default: '~/.slipway',
    },
};
/** The state folder as deploy-canary resolves it. */
function stateDir(value, env) {
    return (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_2__/* .userPath */ .rZ)('state-dir', value, env.GITHUB_WORKSPACE || process.cwd(), env.HOME || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), 'folder');
}
/** The start of the period `since` names (a duration back from now), or undefined for the whole trail. */
function sinceOf(reader, now) {
    return reader.raw('since') === '' ? undefined : now - reader.duration('since');
}
const metricsMetadata = {
    name: 'metrics',
    description: 'Shows the four DORA delivery metrics of an environment, computed from its audit trail.',
    inputs: {
        ...common,
        since: { description: 'How far back to look, such as 30d or 12h; empty for the whole trail.', default: '30d' },
    },
    outputs: {
        metrics: { description: 'JSON: deploys, frequency, lead time, change failure rate, time to restore, weeks.' },
    },
};
const metricsCommand = {
    metadata: metricsMetadata,
    async run({ env, logger, setOutput }) {
        const reader = new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_2__/* .InputReader */ .i_(metricsMetadata, env);
        const now = _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_2__/* .systemClock */ .ml.now();
        const since = sinceOf(reader, now);
        const { deliveryMetrics, metricsMarkdown } = await Promise.all(/* import() */[__webpack_require__.e(7934), __webpack_require__.e(8815), __webpack_require__.e(4006), __webpack_require__.e(2856), __webpack_require__.e(4942), __webpack_require__.e(6913), __webpack_require__.e(5359), __webpack_require__.e(1202), __webpack_require__.e(3873)]).then(__webpack_require__.bind(__webpack_require__, 60493));
        const m = await deliveryMetrics(stateDir(reader.raw('state-dir'), env), reader.raw('environment'), {
            ...(since !== undefined ? { since } : {}),
            until: now,
            clock: _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_2__/* .systemClock */ .ml,
        });
        setOutput('metrics', JSON.stringify(m));
        if (m.skippedLines > 0)
            logger.warning(`${m.skippedLines} lines of the audit trail are not transitions: skipped`);
        // The step summary is what the CLI prints on stdout, and what a runner shows on the job's page.
        const markdown = metricsMarkdown(m);
        if (env.GITHUB_STEP_SUMMARY)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile)(env.GITHUB_STEP_SUMMARY, markdown, 'utf8');
        else
            logger.info(markdown);
    },
};
const auditMetadata = {
    name: 'audit',
    description: "Prints an environment's audit trail: every ledger transition, one JSON object a line.",
    inputs: {
        ...common,
        since: { description: 'How far back to look, such as 30d or 12h; empty for the whole trail.', default: '' },
    },
    outputs: {
        entries: { description: 'The transitions, one JSON object a line, oldest first.' },
        count: { description: 'How many transitions.' },
    },
};
const auditCommand = {
    metadata: auditMetadata,
    async run({ env, logger, setOutput }) {
        const reader = new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_2__/* .InputReader */ .i_(auditMetadata, env);
        const now = _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_2__/* .systemClock */ .ml.now();
        const since = sinceOf(reader, now);
        const { auditEntries } = await Promise.all(/* import() */[__webpack_require__.e(7934), __webpack_require__.e(8815), __webpack_require__.e(4006), __webpack_require__.e(2856), __webpack_require__.e(4942), __webpack_require__.e(6913), __webpack_require__.e(5359), __webpack_require__.e(1202), __webpack_require__.e(3873)]).then(__webpack_require__.bind(__webpack_require__, 60493));
        const lines = [];
        const entries = auditEntries(stateDir(reader.raw('state-dir'), env), reader.raw('environment'), {
            ...(since !== undefined ? { since } : {}),
            onInvalid: (line) => logger.warning(`audit.jsonl line ${line} is not a transition: skipped`),
        });
        for await (const t of entries) {
            const line = JSON.stringify(t);
            logger.info(line);
            lines.push(line);
        }
        setOutput('entries', lines.join('\n'));
        setOutput('count', String(lines.length));
    },
};


/***/ })

};
