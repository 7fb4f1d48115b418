// Which of the backend's two servers serves which release. A release that a server already points
// at stays there; an incoming release goes to the server that serves least (one in maintenance
// first), so the release it replaces keeps its own server, and its connections, until the weights
// have moved past it. Re-addressing the serving server instead would let HAProxy carry requests on
// over connections it already holds to the replaced release. The servers' names are only names:
// after a promotion the server called `canary` may well serve the stable release.
import { live, sameAddr, type SlotState } from './plan.js';
import type { SlotEntry } from './slot-file.js';

/** One server of the backend as HAProxy holds it, and the release the slot file says it serves. */
export interface Slot {
  server: string;
  state: SlotState;
  /** The release id recorded for this server, when its recorded address is still the server's. */
  recorded?: string;
}

/** A release a step asks for in one role, where it runs and its share (0: out). */
export interface Wanted {
  id: string;
  ip: string;
  port: number;
  weight: number;
}

/** The server chosen for each role (always two different servers). */
export interface Roles {
  stable: string;
  canary: string;
}

/** Chooses a server for each role: releases already in a server keep it, incoming ones take the least-serving one. */
export function assignRoles(slots: readonly [Slot, Slot], stable?: Wanted, canary?: Wanted): Roles {
  const chosen: Partial<Record<keyof Roles, Slot>> = {};
  const free = (): Slot[] => slots.filter((s) => s !== chosen.stable && s !== chosen.canary);
  const roles: [keyof Roles, Wanted | undefined][] = [
    ['stable', stable],
    ['canary', canary],
  ];
  // Only a release that is to serve claims a server by address: one that goes out claims nothing.
  for (const [role, release] of roles) {
    if (!release || release.weight === 0) continue;
    const holding = free().filter((s) => sameAddr(s.state.addr, release.ip, release.port));
    chosen[role] = holding.sort(byHolding(release.id))[0];
  }
  for (const [role, release] of roles)
    if (!chosen[role] && release && release.weight > 0) chosen[role] = free().sort(byLeastServing(role))[0];
  for (const [role] of roles) if (!chosen[role]) chosen[role] = free().sort(byLeastServing(role))[0];
  return { stable: chosen.stable!.server, canary: chosen.canary!.server };
}

/** Of two servers at a release's address: the one recorded as serving it, then the serving one. */
function byHolding(id: string): (a: Slot, b: Slot) => number {
  const rank = (s: Slot): number => (s.recorded === id ? 0 : 2) + (live(s.state) ? 0 : 1);
  return (a, b) => rank(a) - rank(b);
}

/** In maintenance before serving, then the smaller weight; on a tie, the server named after the role. */
function byLeastServing(role: keyof Roles): (a: Slot, b: Slot) => number {
  const rank = (s: Slot): number => (live(s.state) ? 2 + s.state.weight : s.state.enabled ? 1 : 0);
  return (a, b) => rank(a) - rank(b) || Number(b.server === role) - Number(a.server === role);
}

/**
 * Which release each server serves once the step is done: the release of its role, when that one
 * is to serve or (going out) is still at the server's address. Servers serving none are left out.
 */
export function holdersAfter(
  slots: readonly Slot[],
  roles: Roles,
  wanted: Record<keyof Roles, Wanted | undefined>,
): Map<string, SlotEntry> {
  const holders = new Map<string, SlotEntry>();
  for (const role of ['stable', 'canary'] as const) {
    const release = wanted[role];
    const slot = slots.find((s) => s.server === roles[role]);
    if (!release || !slot) continue;
    if (release.weight > 0 || sameAddr(slot.state.addr, release.ip, release.port))
      holders.set(slot.server, { release: release.id, addr: `${release.ip}:${release.port}` });
  }
  return holders;
}
