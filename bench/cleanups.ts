// What a benchmark must stop, newest first: run on the way out, and also on Ctrl-C.

/** The registry: push a stop function for everything started. */
export const cleanups: (() => Promise<unknown> | void)[] = [];

/** Runs the stop functions registered since `from` (all by default), newest first; a failing one is logged and the rest still run. */
export async function runCleanups(from = 0): Promise<void> {
  for (const stop of cleanups.splice(from).reverse())
    await Promise.resolve()
      .then(stop)
      .catch((e: unknown) => console.error(`cleanup failed: ${String(e)}`));
}
