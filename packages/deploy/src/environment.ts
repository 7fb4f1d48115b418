// What `slipway status` shows and what `slipway down` undoes: an environment's releases, who
// holds which share of its traffic, and (for the local provider) its proxy daemon.
import type { Clock } from '@slipway/action-kit/lite';
import { Ledger, type CanaryPhase, type DeepReadonly, type ReleaseRecord } from './ledger.js';
import { localProxyStatus, stopLocalProxy } from './providers/local/spawn.js';
import { releaseAlive, stopRelease } from './release/index.js';
import { lockHolder, type LockHolder } from './lock.js';

/** One release of an environment and whether its process runs. */
export interface ReleaseState {
  id: string;
  version: string;
  role: 'stable' | 'canary' | 'previous';
  /** Share of new requests, percent (from the ledger; the local proxy's own view when it runs). */
  weight: number;
  upstream: string;
  pid?: number;
  running: boolean;
}

/** An environment at a glance. */
export interface EnvironmentStatus {
  environment: string;
  releases: ReleaseState[];
  canaryPhase?: CanaryPhase;
  /** The local proxy daemon, when one runs: its front door and requests per release since it started. */
  proxy?: { frontDoor: string; pid: number; totals: Record<string, { requests: number; errors: number }> };
  lastTransition?: string;
  /** Who holds the environment's lock (a deploy or a rollback at work), and whether it is stale. */
  lock?: LockHolder;
  /** The last outcomes the ledger keeps (promoted, rolled back, failed, recovered), newest first, with their reasons. */
  verdicts: { at: string; release?: string; outcome: string; reason?: string }[];
  /** Set when the ledger is damaged and was read from its last good copy: why, and which copy. */
  ledgerRecovered?: string;
}

/** Reads the ledger (and asks the local proxy, if one runs) without changing anything. */
export async function environmentStatus(
  stateDir: string,
  environment: string,
  clock: Clock,
): Promise<EnvironmentStatus> {
  // Read-only: a damaged ledger is read from its last good copy, and said so, but not repaired here.
  const ledger = await Ledger.open(stateDir, environment, clock, { repair: false });
  const doc = ledger.document;
  const canary = doc.canary;
  const state = (r: DeepReadonly<ReleaseRecord>, role: ReleaseState['role'], weight: number): ReleaseState => ({
    id: r.id,
    version: r.version,
    role,
    weight,
    upstream: r.upstream,
    ...(r.pid !== undefined ? { pid: r.pid } : {}),
    running: r.pid !== undefined && releaseAlive(r.pid),
  });
  const releases: ReleaseState[] = [];
  if (doc.stable) releases.push(state(doc.stable, 'stable', 100 - (canary?.weight ?? 0)));
  if (canary) releases.push(state(canary.release, 'canary', canary.weight));
  // The kept releases include the stable and the canary while they run: each is listed once, by its role.
  const listed = new Set(releases.map((r) => r.id));
  for (const r of doc.releases) if (!listed.has(r.id)) releases.push(state(r, 'previous', 0));
  const proxy = await localProxyStatus(stateDir, environment);
  const last = doc.transitions.at(-1);
  const lock = await lockHolder(stateDir, environment, clock);
  const verdicts = doc.transitions
    .filter((t) => ['promoted', 'rolled-back', 'failed', 'recovered'].includes(t.to))
    .slice(-5)
    .reverse()
    .map((t) => ({
      at: t.at,
      ...(t.release ? { release: t.release } : {}),
      outcome: t.to,
      ...(t.note ? { reason: t.note } : {}),
    }));
  return {
    environment,
    releases,
    verdicts,
    ...(ledger.recovered ? { ledgerRecovered: ledger.recovered } : {}),
    ...(lock ? { lock } : {}),
    ...(canary ? { canaryPhase: canary.phase } : {}),
    ...(proxy ? { proxy: { frontDoor: proxy.frontDoor, pid: proxy.pid, totals: proxy.totals } } : {}),
    ...(last
      ? {
          lastTransition: `${last.at} ${last.from} → ${last.to} at ${last.weight}%${last.note ? `: ${last.note}` : ''}`,
        }
      : {}),
  };
}

/**
 * Stops an environment: the local proxy daemon (if any) and every release process the ledger
 * knows of. The ledger stays, as the record of what was live; the next deploy finds the stable
 * release stopped and starts over as a first release. Returns what it stopped.
 */
export async function downEnvironment(stateDir: string, environment: string, clock: Clock): Promise<string[]> {
  const ledger = await Ledger.open(stateDir, environment, clock, { repair: false });
  const doc = ledger.document;
  const stopped: string[] = [];
  const proxy = await localProxyStatus(stateDir, environment);
  await stopLocalProxy(stateDir, environment);
  if (proxy) stopped.push(`local proxy (pid ${proxy.pid}, ${proxy.frontDoor})`);
  const all = [doc.stable, doc.canary?.release, ...doc.releases].filter((r) => r !== undefined);
  for (const r of all)
    if (r.pid !== undefined && releaseAlive(r.pid)) {
      await stopRelease(r.pid, 5000);
      stopped.push(`release ${r.id} (pid ${r.pid})`);
    }
  return stopped;
}
