export const id = 832;
export const ids = [832];
export const modules = {

/***/ 90832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createTerminal: () => (/* binding */ createTerminal)
/* harmony export */ });
/* unused harmony export wantsTerminal */
// What a person at a terminal sees: a spinner (ora) carrying the latest progress line while an
// action works, warnings and errors in colour (picocolors), and at the end a ✔ or ✖ with the time
// it took. Only on a terminal: with NO_COLOR, CI=true, TERM=dumb, when stderr is a file or a
// pipe, or a terminal of no width, the CLI prints plain lines, and neither library is even loaded.
/** Whether the CLI may draw on this stream: a terminal, colour not turned off, not in CI. */
function wantsTerminal(stream, env) {
    return (stream.isTTY === true &&
        // A terminal of no width (a pseudo-terminal nobody sized) cannot hold a spinner line.
        (stream.columns ?? 0) > 0 &&
        (env.NO_COLOR === undefined || env.NO_COLOR === '') &&
        env.CI !== 'true' &&
        env.GITHUB_ACTIONS !== 'true' &&
        env.TERM !== 'dumb');
}
/** A terminal on the stream, or undefined where plain lines are wanted. */
async function createTerminal(stream, env) {
    if (!wantsTerminal(stream, env))
        return undefined;
    const [{ default: ora }, { default: colours }] = await Promise.all([__webpack_require__.e(/* import() */ 4538).then(__webpack_require__.bind(__webpack_require__, 14538)), __webpack_require__.e(/* import() */ 7336).then(__webpack_require__.t.bind(__webpack_require__, 57336, 23))]);
    const spinner = ora({ stream, discardStdin: false, isEnabled: true });
    let title = '';
    let started = 0;
    const width = () => Math.max((stream.columns ?? 80) - 4, 20);
    const fit = (text) => {
        const one = text.split('\n')[0] ?? '';
        return one.length > width() ? `${one.slice(0, width() - 1)}…` : one;
    };
    return {
        start(text) {
            title = text;
            started = Date.now();
            spinner.start(colours.bold(text));
        },
        line(text, kind) {
            const painted = kind === 'error'
                ? colours.red(text)
                : kind === 'warning'
                    ? colours.yellow(text)
                    : kind === 'debug'
                        ? colours.dim(text)
                        : text;
            if (spinner.isSpinning)
                spinner.clear();
            stream.write(`${painted}\n`);
            if (spinner.isSpinning) {
                if (kind === 'info')
                    spinner.text = `${colours.bold(title)} ${colours.dim(fit(text))}`;
                spinner.render();
            }
        },
        stop(ok, text) {
            const took = colours.dim(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
            if (ok)
                spinner.succeed(`${colours.bold(title)} ${text} ${took}`);
            else
                spinner.fail(`${colours.bold(title)} ${colours.red(text)} ${took}`);
        },
    };
}


/***/ })

};
