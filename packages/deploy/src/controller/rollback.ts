// Rollback: the last known-good release back in front, in seconds. An unfinished canary (mid-run
// of a dead deploy, or paused on purpose) is aborted first through the one abort path, and that is
// the rollback. Otherwise the target is a release the ledger kept: a traffic switch when its
// process still runs, a restart from its release folder when not. Every rollback is a ledger entry.
import { stat } from 'node:fs/promises';
import { errorMessage, UserError } from '@slipway/action-kit/lite';
import { Ledger, type AuditContext, type DeepReadonly, type ReleaseRecord } from '../ledger.js';
import { acquire } from '../lock.js';
import { routerFor } from '../registry.js';
import type { TrafficRouter } from '../types.js';
import { abortCanary, plain, STOP_GRACE_MS } from './abort.js';
import { releaseHost, routerContext } from './host.js';
import { seedFromGithub, seedFromPlatform } from './known-good.js';
import type { DeploySeams, ReleaseHost } from './plan.js';
import { keptArtifact } from '../release/prepare.js';
import type { PreparedRelease } from '../release/types.js';

/** Where to roll back, and to what. */
export interface RollbackOptions {
  provider: string;
  environment: string;
  stateDir: string;
  workspace: string;
  settings: Record<string, string>;
  /** `previous` (the newest release that was stable before the current one) or a release id. */
  to: string;
  reason: string;
  runId: string;
  owner: string;
  healthPath: string;
  readyTimeoutMs: number;
  /** How long the replaced release keeps serving in-flight requests before it stops. */
  drainMs: number;
  /** Actor and commit, stamped on the rollback's ledger transitions. */
  audit?: AuditContext;
}

/** How a rollback ended: the rollback action's outputs. */
export interface RollbackOutcome {
  result: 'rolled-back' | 'noop' | 'failed';
  restoredRelease: string;
  /** The restored release's version ('' when nothing was restored). */
  restoredVersion: string;
  replacedRelease: string;
  /** Where the restored release answers (for a readiness check); empty when nothing was restored. */
  restoredUpstream: string;
  /** From the start of the rollback until all traffic is on the restored release (the drain comes after). */
  durationMs: number;
  reason: string;
}

/** Rolls the environment back; a target the ledger never kept is a UserError on `to`. */
export async function rollback(o: RollbackOptions, seams: DeploySeams): Promise<RollbackOutcome> {
  const { clock, logger } = seams;
  const context = routerContext(o, seams);
  const host = seams.host ?? releaseHost(o.provider, context);
  const started = clock.monotonic();
  // A rollback never waits: it takes the lock even from a live deploy (mid-analysis, or held at a
  // confirmation gate), which stops acting at its next lock check, and aborts that deploy's canary.
  const lock = await acquire({ ...o, ttlMs: 5 * 60 * 1000, clock, takeOver: `rollback: ${o.reason || 'requested'}` });
  if (lock.tookOver) logger.warning(`took over the lock of ${lock.tookOver}`);
  const fromLiveRun = lock.forced;
  let router: Promise<TrafficRouter> | undefined;
  const getRouter = (): Promise<TrafficRouter> => (router ??= routerFor(o.provider, context));
  let upstream = '';
  // Until all traffic is on the restored release: the drain and stop of the replaced one come after.
  let switchedAt: number | undefined;
  let versionOf = (_id: string): string => '';
  const end = (result: RollbackOutcome['result'], restored: string, replaced: string, reason: string) => ({
    result,
    restoredRelease: restored,
    restoredVersion: restored ? versionOf(restored) : '',
    replacedRelease: replaced,
    restoredUpstream: upstream,
    durationMs: Math.round((switchedAt ?? clock.monotonic()) - started),
    reason,
  });
  try {
    const ledger = await Ledger.open(o.stateDir, o.environment, clock, { audit: o.audit ?? {}, logger });
    versionOf = (id) => {
      const doc = ledger.document;
      return [doc.stable, ...doc.releases].find((r) => r?.id === id)?.version ?? '';
    };
    const why = o.reason || 'rollback requested';
    if (host.live) {
      // A fresh runner's empty ledger: what the platform runs and ran before, as it records (a Deployment's revisions).
      await seedFromPlatform(ledger, host, o.to === 'previous' ? 2 : 10, o.runId, logger, new Date(clock.now()));
    } else if (host.platform) {
      // A fresh runner's empty ledger: what went live on the platform, from GitHub's deployment history.
      const count = o.to === 'previous' ? 2 : 20;
      await seedFromGithub(ledger, seams.knownGood, count, o.runId, logger, new Date(clock.now()));
    } else if (!ledger.document.stable && ledger.document.releases.length === 0 && seams.knownGood) {
      // This host's releases cannot be restored from a history of names; say what GitHub knows.
      const [live, before] = await seams.knownGood(2);
      const wanted = o.to === 'previous' ? before : undefined;
      if (live)
        return end(
          'failed',
          '',
          '',
          `the ledger of ${o.environment} in ${o.stateDir} is empty, so this host keeps no release to restore; GitHub's deployment history says ${live.releaseId} went live last${wanted ? ` and ${wanted.releaseId} (commit ${wanted.sha.slice(0, 12)}) before it: deploy that commit's artifact with deploy-canary` : ''}`,
        );
    }
    const canary = ledger.unfinished();
    // Checked before anything moves: a target the ledger never kept changes nothing.
    const target = canary && o.to === 'previous' ? ledger.document.stable : pick(ledger, o.to);
    const onSwitched = () => (switchedAt = clock.monotonic());
    // A canary in flight is what is being rolled back: aborting it puts stable back in front.
    if (canary) {
      const context = { ledger, router: getRouter, host, clock, logger, runId: o.runId, drainMs: o.drainMs };
      const toStable = target !== undefined && target.id === ledger.document.stable?.id;
      await abortCanary({ ...context, cancelled: false, ...(toStable ? { onSwitched } : {}) }, `rollback: ${why}`);
      const stable = ledger.document.stable;
      // The run whose lock this was may have moved traffic in the instant before it saw the takeover:
      // stable gets all traffic once more, now that the canary is stopped.
      if (fromLiveRun && stable) await (await getRouter()).setWeights(plain(stable), undefined, 0);
      if (toStable && stable) {
        upstream = stable.upstream;
        return end('rolled-back', stable.id, canary.release.id, `aborted canary ${canary.release.id}: ${why}`);
      }
      if (!target)
        return end(
          'failed',
          '',
          canary.release.id,
          `aborted canary ${canary.release.id}, but there is no stable release to restore`,
        );
      logger.info(`aborted canary ${canary.release.id}; now restoring ${target.id}`);
    }
    const stable = ledger.document.stable;
    // For the type checker only: without a canary pick() returned a release or threw a UserError,
    // and with one an undefined target ended the rollback above.
    if (!target) throw new Error('internal: rollback reached the restore without a target');
    if (stable && target.id === stable.id) {
      upstream = stable.upstream;
      return end('noop', target.id, target.id, `${target.id} is already live`);
    }
    let restored: DeepReadonly<ReleaseRecord> = target;
    if (!host.alive(target.pid)) {
      // Its process is gone: start it again from the folder the ledger kept.
      if (!target.dir || !target.command)
        return end(
          'failed',
          '',
          stable?.id ?? '',
          `${target.id} is not running and its ledger entry does not say how to start it`,
        );
      let release = { id: target.id, version: target.version, digest: target.digest ?? '', dir: target.dir };
      if (await isDirectory(target.dir)) logger.info(`${target.id} is not running: starting it from ${target.dir}`);
      else {
        // Its files are gone too: redeploy it from the artifact kept for it, once its digest checks out.
        const redeployed = await redeploy(o, target, host);
        if (typeof redeployed === 'string') return end('failed', '', stable?.id ?? '', redeployed);
        release = redeployed;
      }
      const running = await host.start({ release, command: target.command, env: seams.env });
      const ready = await host.waitReady(running, { healthPath: o.healthPath, timeoutMs: o.readyTimeoutMs, clock });
      if (!ready.ready) {
        await host.stop(running.pid, STOP_GRACE_MS);
        return end('failed', '', stable?.id ?? '', `${target.id} did not become ready again: ${ready.reason}`);
      }
      restored = { ...target, pid: running.pid, upstream: running.upstream };
    }
    // Recorded before traffic moves, as every transition; a crash in between is finished by the next run.
    await ledger.transition(
      { to: 'rolled-back', stable: structuredClone(restored) as ReleaseRecord, note: `rollback: ${why}` },
      o.runId,
    );
    await (await getRouter()).setWeights(plain(restored), undefined, 0);
    switchedAt = clock.monotonic();
    logger.info(`rollback: all traffic on ${restored.id}`);
    upstream = restored.upstream;
    if (stable?.pid !== undefined && host.alive(stable.pid)) {
      await clock.sleep(o.drainMs);
      await host.stop(stable.pid, STOP_GRACE_MS);
    }
    return end(
      'rolled-back',
      restored.id,
      stable?.id ?? '',
      `restored ${restored.id} in place of ${stable?.id ?? 'nothing'}: ${why}`,
    );
  } finally {
    await router?.then((r) => r.close()).catch(() => {});
    await lock.release().catch(() => false);
  }
}

/** The release `to` names, from the ledger's stable and kept releases. */
function pick(ledger: Ledger, to: string): DeepReadonly<ReleaseRecord> {
  const doc = ledger.document;
  if (to === 'previous') {
    const previous = doc.releases[0];
    if (!previous)
      throw new UserError(
        `is previous, but ${doc.stable ? `${doc.stable.id} is the only release` : 'no release'} the ledger of ${doc.environment} keeps.`,
        { input: 'to' },
        'Deploy another release first, or name a release id.',
      );
    return previous;
  }
  const found = [doc.stable, ...doc.releases].find((r) => r?.id === to);
  if (!found)
    throw new UserError(
      `'${to.slice(0, 80)}' is not a release the ledger of ${doc.environment} keeps.`,
      { input: 'to' },
      `Use previous or one of: ${[doc.stable, ...doc.releases].flatMap((r) => (r ? [r.id] : [])).join(', ') || '(none)'}.`,
    );
  return found;
}

/**
 * Prepares `target` again from the artifact kept for it (`<environment>/artifacts/<id>`): the
 * archive is verified against its manifest, and the manifest's digest must be the one the ledger
 * recorded. A string says why that is impossible.
 */
async function redeploy(
  o: RollbackOptions,
  target: DeepReadonly<ReleaseRecord>,
  host: ReleaseHost,
): Promise<PreparedRelease | string> {
  const kept = keptArtifact(o.stateDir, o.environment, target.id);
  if (!(await isFile(kept.archive)))
    return `${target.id} is not running, its folder ${target.dir ?? ''} is gone and no artifact was kept for it (${kept.archive}); deploy it again with deploy-canary`;
  let prepared: PreparedRelease;
  try {
    prepared = await host.prepare({
      artifact: kept.archive,
      version: target.version,
      stateDir: o.stateDir,
      environment: o.environment,
    });
  } catch (err) {
    return `the artifact kept for ${target.id} failed verification: ${errorMessage(err)}`;
  }
  if (prepared.id !== target.id || (target.digest !== undefined && prepared.digest !== target.digest))
    return `the artifact kept for ${target.id} is ${prepared.digest}, not the ${target.digest ?? target.id} the ledger recorded; refusing to start it`;
  return prepared;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}
