// The routing table of the local proxy: which upstreams get new requests, and in what proportion.
import type { Release } from '../../types.js';

/** A release as the proxy reaches it, with the part it plays in the rollout. */
export interface Upstream {
  id: string;
  role: 'stable' | 'canary';
  /** `http://host:port`, the key its connection pool is kept under. */
  origin: string;
  host: string;
  port: number;
}

interface Slot {
  upstream: Upstream;
  weight: number;
  current: number;
}

/** Where a release is reached; only plain HTTP, since the releases listen on loopback ports. */
function upstreamOf(release: Release, role: Upstream['role']): Upstream {
  const url = new URL(release.upstream);
  if (url.protocol !== 'http:' || url.port === '')
    throw new Error(`release ${release.id}: upstream ${release.upstream} is not http://host:port`);
  // URL keeps IPv6 literals in brackets; sockets want them bare.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { id: release.id, role, origin: url.origin, host, port: Number(url.port) };
}

/**
 * One immutable routing table. Picks by smooth weighted round-robin (nginx's): deterministic, so
 * over any run of 100 picks each upstream gets exactly its weight, spread out rather than in bursts.
 * Upstreams with weight 0 are not in the table at all, so they cannot be picked.
 */
export class RoutingTable {
  private readonly slots: Slot[];
  private readonly total: number;

  /** A table for the given weights; entries with weight 0 are dropped. */
  constructor(entries: readonly { upstream: Upstream; weight: number }[]) {
    this.slots = entries.filter((e) => e.weight > 0).map((e) => ({ ...e, current: 0 }));
    this.total = this.slots.reduce((sum, s) => sum + s.weight, 0);
  }

  /** The upstream for the next request, or undefined when nothing is routed. */
  pick(): Upstream | undefined {
    let best: Slot | undefined;
    for (const slot of this.slots) {
      slot.current += slot.weight;
      if (!best || slot.current > best.current) best = slot;
    }
    if (best) best.current -= this.total;
    return best?.upstream;
  }

  /** The routed upstream playing `role`, if it has a weight above 0. */
  routed(role: Upstream['role']): Upstream | undefined {
    return this.slots.find((s) => s.upstream.role === role)?.upstream;
  }

  /** Every upstream in the table. */
  upstreams(): Upstream[] {
    return this.slots.map((s) => s.upstream);
  }
}

/**
 * The table for a rollout step: `canaryWeight` percent to the canary, the rest to the stable. A
 * missing release's share goes to the other one (the first release of an environment has no
 * stable), except that a canary at 0 never gets traffic, even with no stable to take it.
 */
export function tableFor(stable: Release | undefined, canary: Release | undefined, canaryWeight: number): RoutingTable {
  if (!Number.isInteger(canaryWeight) || canaryWeight < 0 || canaryWeight > 100)
    throw new Error(`canary weight ${canaryWeight} is not a whole percentage 0–100`);
  if (stable && canary && stable.id === canary.id)
    throw new Error(`release ${stable.id} cannot be both the stable and the canary`);
  return new RoutingTable([
    ...(stable ? [{ upstream: upstreamOf(stable, 'stable'), weight: canary ? 100 - canaryWeight : 100 }] : []),
    ...(canary
      ? [{ upstream: upstreamOf(canary, 'canary'), weight: stable || canaryWeight === 0 ? canaryWeight : 100 }]
      : []),
  ]);
}
