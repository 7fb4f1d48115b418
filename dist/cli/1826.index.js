export const id = 1826;
export const ids = [1826];
export const modules = {

/***/ 51826:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   downCommand: () => (/* binding */ downCommand),
/* harmony export */   statusCommand: () => (/* binding */ statusCommand)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36740);
// `slipway status` and `slipway down`: commands of the CLI only, over deploy-canary's state.


const inputs = {
    environment: { description: 'The environment.', required: false, default: 'production' },
    'state-dir': {
        description: "deploy-canary's state folder (absolute, ~/…, or relative to the current folder).",
        required: false,
        default: '~/.slipway',
    },
};
/** The state folder as deploy-canary resolves it. */
function stateDir(value, env) {
    return (0,_slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__/* .userPath */ .rZ)('state-dir', value, env.GITHUB_WORKSPACE || process.cwd(), env.HOME || (0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)(), 'folder');
}
const statusMetadata = {
    name: 'status',
    description: 'Shows which release of an environment holds which share of its traffic, and whether each runs.',
    inputs,
    outputs: {
        status: {
            description: 'JSON: releases with role, weight and process, the local proxy, the lock holder, the last verdicts with their reasons, the last transition.',
        },
    },
};
const statusCommand = {
    metadata: statusMetadata,
    async run({ env, logger, setOutput }) {
        const reader = new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__/* .InputReader */ .i_(statusMetadata, env);
        const { environmentStatus } = await Promise.all(/* import() */[__webpack_require__.e(7934), __webpack_require__.e(8815), __webpack_require__.e(4006), __webpack_require__.e(2856), __webpack_require__.e(4942), __webpack_require__.e(6913), __webpack_require__.e(5359), __webpack_require__.e(1202), __webpack_require__.e(3873)]).then(__webpack_require__.bind(__webpack_require__, 60493));
        const s = await environmentStatus(stateDir(reader.raw('state-dir'), env), reader.raw('environment'), _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .ml);
        setOutput('status', JSON.stringify(s));
        if (s.ledgerRecovered)
            logger.warning(s.ledgerRecovered);
        const lines = [`environment ${s.environment}${s.canaryPhase ? ` (canary ${s.canaryPhase})` : ''}`];
        if (s.proxy)
            lines.push(`front door ${s.proxy.frontDoor} (local proxy, pid ${s.proxy.pid})`);
        if (s.releases.length === 0)
            lines.push('no release deployed');
        for (const r of s.releases) {
            const served = s.proxy?.totals[r.id];
            lines.push(`  ${r.role.padEnd(8)} ${r.id.padEnd(24)} ${String(r.weight).padStart(3)}%  ${r.running ? `running (pid ${r.pid}) ${r.upstream}` : 'stopped'}${served ? `  ${served.requests} requests, ${served.errors} 5xx` : ''}`);
        }
        if (s.lock)
            lines.push(`lock held by ${s.lock.owner} (run ${s.lock.runId}, pid ${s.lock.pid} on ${s.lock.host}) since ${s.lock.acquiredAt}, until ${s.lock.expiresAt}${s.lock.stale ? `; stale: ${s.lock.stale}, the next run takes it over` : ''}`);
        else
            lines.push('lock free');
        if (s.verdicts.length) {
            lines.push('last verdicts:');
            for (const v of s.verdicts)
                lines.push(`  ${v.at} ${v.outcome.padEnd(11)} ${v.release ?? ''}${v.reason ? `: ${v.reason}` : ''}`);
        }
        if (s.lastTransition)
            lines.push(`last: ${s.lastTransition}`);
        logger.info(lines.join('\n'));
    },
};
const downMetadata = {
    name: 'down',
    description: 'Stops an environment: its local proxy and every release process; the ledger stays.',
    inputs,
    outputs: { stopped: { description: 'What was stopped, one per line.' } },
};
const downCommand = {
    metadata: downMetadata,
    async run({ env, logger, setOutput }) {
        const reader = new _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__/* .InputReader */ .i_(downMetadata, env);
        const { downEnvironment } = await Promise.all(/* import() */[__webpack_require__.e(7934), __webpack_require__.e(8815), __webpack_require__.e(4006), __webpack_require__.e(2856), __webpack_require__.e(4942), __webpack_require__.e(6913), __webpack_require__.e(5359), __webpack_require__.e(1202), __webpack_require__.e(3873)]).then(__webpack_require__.bind(__webpack_require__, 60493));
        const environment = reader.raw('environment');
        const stopped = await downEnvironment(stateDir(reader.raw('state-dir'), env), environment, _slipway_action_kit_lite__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .ml);
        setOutput('stopped', stopped.join('\n'));
        logger.info(stopped.length ? `stopped ${stopped.join(', ')}` : `nothing of ${environment} was running`);
    },
};


/***/ })

};
