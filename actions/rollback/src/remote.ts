// rollback on a remote host: the same hand-over as deploy-canary's (see its remote.ts), with
// rollback's own inputs and outputs.
import type { ActionSeams } from '@slipway/action-kit/lite';
import { runRemotely } from '@slipway/deploy-canary-action/remote';
import { metadata } from './metadata.generated.js';

export { hostGiven, removeRemoteSession } from '@slipway/deploy-canary-action/remote';

/** Runs the rollback on the host the `host` input names. */
export function rollbackOnHost(seams: ActionSeams): Promise<void> {
  return runRemotely(metadata, seams);
}
