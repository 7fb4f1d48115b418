// What the process that starts the local proxy daemon and the daemon agree on. Kept apart from
// daemon.ts so that starting a daemon (spawn.ts) does not load the proxy itself, and undici with it.

/** The value of SLIPWAY_DAEMON that makes a slipway entry point run this daemon instead. */
export const LOCAL_PROXY_DAEMON = 'local-proxy';

/** What the daemon tells the process that started it, through the handshake file. */
export type Handshake = { ok: true } | { error: { code: string; message: string } };
