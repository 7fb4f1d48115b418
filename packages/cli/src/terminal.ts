// What a person at a terminal sees: a spinner (ora) carrying the latest progress line while an
// action works, warnings and errors in colour (picocolors), and at the end a ✔ or ✖ with the time
// it took. Only on a terminal: with NO_COLOR, CI=true, TERM=dumb, when stderr is a file or a
// pipe, or a terminal of no width, the CLI prints plain lines, and neither library is even loaded.

/** Prints above the spinner, and moves it. */
export interface Terminal {
  start(title: string): void;
  line(text: string, kind: 'info' | 'warning' | 'error' | 'debug'): void;
  stop(ok: boolean, text: string): void;
}

/** Whether the CLI may draw on this stream: a terminal, colour not turned off, not in CI. */
export function wantsTerminal(stream: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): boolean {
  return (
    stream.isTTY === true &&
    // A terminal of no width (a pseudo-terminal nobody sized) cannot hold a spinner line.
    (stream.columns ?? 0) > 0 &&
    (env.NO_COLOR === undefined || env.NO_COLOR === '') &&
    env.CI !== 'true' &&
    env.GITHUB_ACTIONS !== 'true' &&
    env.TERM !== 'dumb'
  );
}

/** A terminal on the stream, or undefined where plain lines are wanted. */
export async function createTerminal(
  stream: NodeJS.WriteStream,
  env: NodeJS.ProcessEnv,
): Promise<Terminal | undefined> {
  if (!wantsTerminal(stream, env)) return undefined;
  const [{ default: ora }, { default: colours }] = await Promise.all([import('ora'), import('picocolors')]);
  const spinner = ora({ stream, discardStdin: false, isEnabled: true });
  let title = '';
  let started = 0;
  const width = (): number => Math.max((stream.columns ?? 80) - 4, 20);
  const fit = (text: string): string => {
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
      const painted =
        kind === 'error'
          ? colours.red(text)
          : kind === 'warning'
            ? colours.yellow(text)
            : kind === 'debug'
              ? colours.dim(text)
              : text;
      if (spinner.isSpinning) spinner.clear();
      stream.write(`${painted}\n`);
      if (spinner.isSpinning) {
        if (kind === 'info') spinner.text = `${colours.bold(title)} ${colours.dim(fit(text))}`;
        spinner.render();
      }
    },
    stop(ok, text) {
      const took = colours.dim(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
      if (ok) spinner.succeed(`${colours.bold(title)} ${text} ${took}`);
      else spinner.fail(`${colours.bold(title)} ${colours.red(text)} ${took}`);
    },
  };
}
