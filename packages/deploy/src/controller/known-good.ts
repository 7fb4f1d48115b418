// A fresh runner's empty ledger, filled in from GitHub's deployment history: on a platform (the
// command provider with a deploy-command) the releases live on after the runner is gone, so the
// releases that last went live there are what the ledger would have said. Only there: a host's
// own releases cannot be taken over from a history of names.
import type { Logger } from '@slipway/action-kit/lite';
import type { Ledger } from '../ledger.js';
import type { ReleaseHost } from './plan.js';

/** A release that went live, as GitHub's deployment history recorded it. */
export interface KnownGood {
  releaseId: string;
  version: string;
  /** The commit deployed. */
  sha: string;
}

/** Reads up to `count` releases that went live, newest first; empty when none or unreadable (it warns itself). */
export type KnownGoodSource = (count: number) => Promise<KnownGood[]>;

/**
 * When the ledger knows no stable release and no canary, records what the platform says runs
 * (ReleaseHost.live) as stable, and up to `count - 1` releases it ran before as kept for rollback;
 * returns their ids, newest first (empty when there was nothing to do).
 */
export async function seedFromPlatform(
  ledger: Ledger,
  host: ReleaseHost,
  count: number,
  runId: string,
  logger: Logger,
  now: Date,
): Promise<string[]> {
  const doc = ledger.document;
  if (!host.live || doc.stable || doc.canary) return [];
  const found = await host.live(count);
  if (found.length === 0) return [];
  const where = host.platform ?? 'the platform';
  // Oldest first, so that each becomes stable in turn and the one running now is stable at the end.
  for (const [i, r] of [...found].reverse().entries())
    await ledger.transition(
      {
        to: 'recovered',
        stable: { ...r, startedAt: now.toISOString() },
        note:
          i === found.length - 1
            ? `the ledger had no stable release: ${r.id} runs on ${where} and is taken as stable`
            : `the ledger had no stable release: ${r.id} ran on ${where} before, as its history records`,
      },
      runId,
    );
  logger.info(
    `the ledger of ${doc.environment} had no stable release: ${found[0]!.id} runs on ${where}${
      found.length > 1
        ? ` (before it: ${found
            .slice(1)
            .map((r) => r.id)
            .join(', ')})`
        : ''
    }`,
  );
  return found.map((r) => r.id);
}

/**
 * When the ledger has never seen a release, records the ones GitHub says went live (newest as
 * stable, the others kept for rollback); returns them (empty when there was nothing to do).
 */
export async function seedFromGithub(
  ledger: Ledger,
  source: KnownGoodSource | undefined,
  count: number,
  runId: string,
  logger: Logger,
  now: Date,
): Promise<KnownGood[]> {
  const doc = ledger.document;
  if (!source || doc.stable || doc.canary || doc.releases.length > 0) return [];
  const found = await source(count);
  if (found.length === 0) return [];
  // Oldest first, so that each becomes stable in turn and the newest is stable at the end.
  for (const r of [...found].reverse())
    await ledger.transition(
      {
        to: 'recovered',
        stable: { id: r.releaseId, version: r.version, upstream: '', startedAt: now.toISOString() },
        note: `the ledger was empty: ${r.releaseId} (commit ${r.sha.slice(0, 12)}) went live, as GitHub's deployment history records`,
      },
      runId,
    );
  logger.info(
    `the ledger of ${doc.environment} was empty: recovered ${found.map((r) => r.releaseId).join(', ')} from GitHub Deployments (newest first); ${found[0]!.releaseId} is taken as live`,
  );
  return found;
}
