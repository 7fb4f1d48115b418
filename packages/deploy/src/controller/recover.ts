// Finishing what a dead run left: the action's post step (after main was killed) and `slipway`
// call this to put an unfinished canary's traffic back on stable through the same abort path.
import { isUserError } from '@slipway/action-kit/lite';
import { Ledger } from '../ledger.js';
import { acquire } from '../lock.js';
import { routerFor } from '../registry.js';
import { abortCanary } from './abort.js';
import { releaseHost, routerContext } from './host.js';
import type { DeploySeams } from './plan.js';

/** Where the unfinished canary is, and whose it is. */
export interface RecoverOptions {
  stateDir: string;
  environment: string;
  provider: string;
  settings: Record<string, string>;
  workspace: string;
  /** Only a canary this run left is rolled back; undefined rolls back whichever is unfinished. */
  runId?: string;
}

/**
 * Rolls back a canary left unfinished (not one paused on purpose); returns what it did, or
 * undefined when there was nothing to do. Takes the environment's lock like a deploy does: the
 * dead run's lock is stale (its process is gone) and is taken over.
 */
export async function recoverCanary(o: RecoverOptions, seams: DeploySeams): Promise<string | undefined> {
  const peek = await Ledger.open(o.stateDir, o.environment, seams.clock, { repair: false });
  const left = peek.unfinished();
  if (!left || left.phase === 'paused' || (o.runId !== undefined && left.runId !== o.runId)) return undefined;
  const runId = `${o.runId ?? 'recover'}-recover`;
  let lock;
  try {
    lock = await acquire({
      stateDir: o.stateDir,
      environment: o.environment,
      owner: `deploy-canary recovery of run ${left.runId}`,
      runId,
      ttlMs: 5 * 60 * 1000,
      clock: seams.clock,
    });
  } catch (err) {
    // A live run holds the environment (a rollback that took this run's lock over): the canary is its to finish.
    if (!isUserError(err)) throw err;
    seams.logger.info(`${err.message} It finishes canary ${left.release.id}.`);
    return undefined;
  }
  try {
    // Read again under the lock: another run may have finished it meanwhile.
    const ledger = await Ledger.open(o.stateDir, o.environment, seams.clock, { logger: seams.logger });
    const canary = ledger.unfinished();
    if (!canary || canary.phase === 'paused' || canary.release.id !== left.release.id) return undefined;
    const context = routerContext(o, seams);
    const router = await routerFor(o.provider, context);
    try {
      const reason = `run ${canary.runId} ended with canary ${canary.release.id} ${canary.phase} at ${canary.weight}%`;
      await abortCanary(
        {
          ledger,
          router: async () => router,
          host: seams.host ?? releaseHost(o.provider, context),
          clock: seams.clock,
          logger: seams.logger,
          runId,
          drainMs: 1000,
          cancelled: true,
        },
        `${reason}; rolled back`,
      );
      return `${reason}: rolled back, all traffic on ${ledger.document.stable?.id ?? 'no release'}`;
    } finally {
      await router.close().catch(() => {});
    }
  } finally {
    await lock.release().catch(() => false);
  }
}
