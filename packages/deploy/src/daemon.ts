// Entry points call this first: started as a daemon (SLIPWAY_DAEMON set), the program runs the
// daemon instead of an action, loading the proxy only then so that actions start fast.

/**
 * How to start this program again as the daemon: its own node and entry script (an action bundle,
 * the CLI); SLIPWAY_DAEMON_COMMAND (a JSON array) names another entry, which the tests use to run
 * the daemon from source.
 */
export function selfCommand(env: NodeJS.ProcessEnv = process.env): string[] {
  const given = env.SLIPWAY_DAEMON_COMMAND;
  if (given) {
    const parsed: unknown = JSON.parse(given);
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((p) => typeof p === 'string'))
      throw new Error('SLIPWAY_DAEMON_COMMAND must be a JSON array of strings');
    return parsed as string[];
  }
  return [process.execPath, process.argv[1]!];
}

/** Runs the daemon named by SLIPWAY_DAEMON and returns true, or returns false at once when it is not set. */
export async function maybeRunDaemon(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (env.SLIPWAY_DAEMON !== 'local-proxy') return false;
  const { runLocalProxyDaemon } = await import('./providers/local/daemon.js');
  await runLocalProxyDaemon(env);
  return true;
}
