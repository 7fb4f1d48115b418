// The order of runtime API steps that moves the two slots from what HAProxy holds to what a step
// asks for. Each command takes effect on its own, so every state between two commands is live
// traffic; the order keeps each of those states safe:
// - a slot changes address only in maintenance, once no request is in flight on it: HAProxy drops
//   a server's idle connections when its address changes, but a connection still in use goes back
//   to the pool afterwards and would carry the next release's requests to the old address;
// - a slot is given its address (and weight) while it takes no traffic, and only then made ready,
//   so no request ever reaches the placeholder address from the configuration;
// - a serving slot that must serve another release is first taken out while the other slot
//   serves; only when nothing else serves is it re-addressed in place (weight first, then address);
// - the stable slot is settled before the canary slot, so a new canary never gets a larger share
//   than asked while the stable's weight is still on its way;
// - taking the canary out (the abort) or the old stable out (a promotion or rollback, once the
//   incoming release serves) is the very first command, one `state maint`, whenever the stable
//   slot already serves the right release; otherwise the stable comes up first, so the front door
//   never goes dark.
// Which slot plays which role is slots.ts's choice; the plan only orders the commands.

/** What HAProxy holds for one slot, from `show stat`. */
export interface SlotState {
  /** False while the server is in maintenance (`MAINT` in `show stat`). */
  enabled: boolean;
  weight: number;
  /** `ip:port`, as `show stat` reports it. */
  addr: string;
}

/** What a step asks of one slot: weight 0 takes it out, any other weight needs an address. */
export interface SlotTarget {
  weight: number;
  ip?: string;
  port?: number;
}

/** One slot: its server name in the backend, where it is, where it must go. */
export interface SlotMove {
  server: string;
  current: SlotState;
  target: SlotTarget;
}

/**
 * One step of a plan: `set server <backend>/<server> <set>` (`weight 90`, `state maint`, `addr … port …`),
 * or a wait until the server, in maintenance, has no request in flight.
 */
export type PlanStep = { server: string; set: string } | { server: string; untilIdle: true };

/** The steps, in order, that move the slots playing `stable` and `canary` to their targets. */
export function planCommands(stable: SlotMove, canary: SlotMove): PlanStep[] {
  // Each slot's state as the commands so far leave it.
  const now = new Map([stable, canary].map((slot) => [slot.server, { ...slot.current }]));
  const state = (slot: SlotMove): SlotState => now.get(slot.server)!;
  const out: PlanStep[] = [];
  const set = (slot: SlotMove, what: string, change: Partial<SlotState>): void => {
    out.push({ server: slot.server, set: what });
    Object.assign(state(slot), change);
  };
  const takeOut = (slot: SlotMove): void => {
    if (state(slot).enabled) set(slot, 'state maint', { enabled: false });
  };
  const bringTo = (slot: SlotMove, other: SlotMove): void => {
    const { target } = slot;
    const addr = `${target.ip}:${target.port}`;
    const readdress = (): void => set(slot, `addr ${target.ip} port ${target.port}`, { addr });
    const weigh = (): void => {
      if (state(slot).weight !== target.weight) set(slot, `weight ${target.weight}`, { weight: target.weight });
    };
    const moves = !sameAddr(state(slot).addr, target.ip!, target.port!);
    if (live(state(slot)) && (!moves || !live(state(other)))) {
      // Serving already: a new weight, and a new address only when nothing else could serve meanwhile.
      weigh();
      if (moves) readdress();
      return;
    }
    if (moves) {
      takeOut(slot);
      out.push({ server: slot.server, untilIdle: true });
      readdress();
    }
    weigh();
    if (!state(slot).enabled) set(slot, 'state ready', { enabled: true });
  };

  const stableSettled =
    live(stable.current) &&
    stable.target.weight > 0 &&
    sameAddr(stable.current.addr, stable.target.ip!, stable.target.port!);
  const canaryOutFirst = canary.target.weight === 0 && (stableSettled || stable.target.weight === 0);
  if (canaryOutFirst) takeOut(canary);
  if (stable.target.weight > 0) bringTo(stable, canary);
  if (canary.target.weight > 0) bringTo(canary, stable);
  else if (!canaryOutFirst) takeOut(canary);
  if (stable.target.weight === 0) takeOut(stable);
  return out;
}

/** True when the slot takes new requests. */
export function live(s: SlotState): boolean {
  return s.enabled && s.weight > 0;
}

/** True when `show stat`'s `addr` (`1.2.3.4:80`; IPv6 with or without brackets) is ip:port. */
export function sameAddr(addr: string, ip: string, port: number): boolean {
  return plainAddr(addr) === `${ip}:${port}`;
}

/** `ip:port` without the brackets `show stat` puts around an IPv6 address. */
export function plainAddr(addr: string): string {
  return addr.replace(/^\[(.*)\]:(\d+)$/, '$1:$2');
}
