// Abort and rollback are one path: the canary's weight goes to 0 in a single router operation
// (stable takes all traffic at once, at its full share, not step by step), the canary is stopped
// once in-flight requests had time to finish, and the ledger forgets it. Each step is recorded
// before it is acted on, so a run that dies here is finished by the next one.
import type { Logger, Clock } from '@slipway/action-kit/lite';
import type { DeepReadonly, Ledger, ReleaseRecord } from '../ledger.js';
import { isLockLost } from '../lock.js';
import type { Release, TrafficRouter } from '../types.js';
import type { ReleaseHost } from './plan.js';

/** Time in-flight requests of an aborted canary get before it is stopped; shorter when the run is being cancelled. */
const IN_FLIGHT_GRACE_MS = 5000;
const CANCELLED_GRACE_MS = 1000;
/** Time a release gets to exit on SIGTERM before its process group is killed. */
export const STOP_GRACE_MS = 5000;

/** What rolling a canary back needs. */
export interface AbortContext {
  ledger: Ledger;
  /** The router, created on first use: a deploy that fails before any traffic moves never starts one. */
  router: () => Promise<TrafficRouter>;
  host: ReleaseHost;
  clock: Clock;
  logger: Logger;
  runId: string;
  drainMs: number;
  cancelled: boolean;
  /** Told the moment stable has all traffic (before the canary's in-flight grace and stop). */
  onSwitched?: () => void;
}

/**
 * Sends all traffic back to stable and stops the canary. `outcome` is `rolled-back` when the
 * canary had traffic (or may have had it), `failed` when it never got any (readiness, a hook).
 */
export async function abortCanary(
  c: AbortContext,
  reason: string,
  outcome: 'rolled-back' | 'failed' = 'rolled-back',
): Promise<void> {
  const canary = c.ledger.unfinished();
  if (!canary) return;
  const stable = c.ledger.document.stable;
  const hadTraffic = canary.weight > 0 || canary.phase === 'promoting' || canary.phase === 'aborting';
  // Recorded first, so that a run dying here is finished by the next. When it cannot be recorded (a
  // full disk), traffic still goes back to stable: the ledger's canary stays unfinished, and the
  // next run aborts it again, which changes nothing more.
  let unrecorded: unknown;
  try {
    await c.ledger.transition({ to: 'aborting', weight: 0, note: reason }, c.runId);
  } catch (err) {
    // A rollback that took the environment over owns the canary now: touch nothing.
    if (isLockLost(err)) throw err;
    unrecorded = err;
    c.logger.warning(
      `could not record the abort (${(err as Error).message}); moving all traffic to stable all the same`,
    );
  }
  if (stable) {
    // One operation: the canary's weight to 0 and stable to its whole share.
    await (await c.router()).setWeights(plain(stable), undefined, 0);
    c.logger.info(`abort: all traffic on ${stable.id}; no new request reaches ${canary.release.id}`);
  }
  c.onSwitched?.();
  if (unrecorded !== undefined) throw unrecorded;
  if (canary.release.pid !== undefined && c.host.alive(canary.release.pid)) {
    if (hadTraffic) await c.clock.sleep(Math.min(c.drainMs, c.cancelled ? CANCELLED_GRACE_MS : IN_FLIGHT_GRACE_MS));
    await c.host.stop(canary.release.pid, c.cancelled ? CANCELLED_GRACE_MS : STOP_GRACE_MS);
  }
  if (outcome === 'failed') await c.ledger.transition({ to: 'failed', note: reason }, c.runId);
  else await c.ledger.abort(c.runId, reason);
}

/** A ledger record as the router takes it. */
export function plain(r: DeepReadonly<ReleaseRecord>): Release {
  return { id: r.id, version: r.version, upstream: r.upstream, ...(r.dir !== undefined ? { dir: r.dir } : {}) };
}
