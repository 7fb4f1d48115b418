// Entry points call this first: started as a daemon (SLIPWAY_DAEMON set), the program runs the
// daemon instead of an action, loading the proxy only then so that actions start fast.

/** Runs the daemon named by SLIPWAY_DAEMON and returns true, or returns false at once when it is not set. */
export async function maybeRunDaemon(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (env.SLIPWAY_DAEMON !== 'local-proxy') return false;
  const { runLocalProxyDaemon } = await import('./providers/local/daemon.js');
  await runLocalProxyDaemon(env);
  return true;
}
