// Remote hosts over SSH: one shared connection per host, host keys always checked, errors mapped
// to the input that fixes them.
export { parseHost, targetLabel, type SshTarget } from './host.js';
export { openSsh } from './session.js';
export { runOnHost, type HostRunOptions, type HostRunOutcome, type HostRunSeams } from './delegate.js';
export type { RemoteResult, RemoteRunOptions, SshOptions, SshSession } from './types.js';
/** Quotes one word for the remote shell; callers build run()'s command text with it. */
export { shellQuote } from '@slipway/action-kit/lite';
