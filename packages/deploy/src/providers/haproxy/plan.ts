// The order of runtime API commands that moves the two slots from what HAProxy holds to what a
// step asks for. Each command takes effect on its own, so every state between two commands is
// live traffic; the order keeps each of those states safe:
// - a slot is given its address (and weight) while it takes no traffic, and only then made ready,
//   so no request ever reaches the placeholder address from the configuration;
// - a slot that serves one release and must serve another first gets its new weight, then its
//   new address, so the new release never runs at the old release's weight;
// - the stable slot is settled before the canary slot, so a new canary never gets a larger share
//   than asked while the stable's weight is still on its way;
// - taking the canary out (weight 0, the abort) is the very first command, one `state maint`,
//   whenever the stable slot already serves the right release; otherwise (an abort at 100%, when
//   the stable sits in maintenance) the stable comes up first, so the front door never goes dark.

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

/** The runtime API commands, in order, that move `stable` and `canary` of `backend` to their targets. */
export function planCommands(backend: string, stable: SlotMove, canary: SlotMove): string[] {
  const set = (slot: SlotMove, what: string): string => `set server ${backend}/${slot.server} ${what}`;
  const live = (s: SlotState): boolean => s.enabled && s.weight > 0;
  const out: string[] = [];
  const takeOut = (slot: SlotMove): void => {
    if (slot.current.enabled) out.push(set(slot, 'state maint'));
  };
  const bringTo = (slot: SlotMove): void => {
    const { target, current } = slot;
    const addr = `addr ${target.ip} port ${target.port}`;
    const moves = !sameAddr(current.addr, target.ip!, target.port!);
    if (live(current)) {
      if (current.weight !== target.weight) out.push(set(slot, `weight ${target.weight}`));
      if (moves) out.push(set(slot, addr));
      return;
    }
    if (moves) out.push(set(slot, addr));
    out.push(set(slot, `weight ${target.weight}`));
    if (!current.enabled) out.push(set(slot, 'state ready'));
  };

  const stableSettled =
    live(stable.current) &&
    stable.target.weight > 0 &&
    sameAddr(stable.current.addr, stable.target.ip!, stable.target.port!);
  const canaryOutFirst = canary.target.weight === 0 && (stableSettled || stable.target.weight === 0);
  if (canaryOutFirst) takeOut(canary);
  if (stable.target.weight > 0) bringTo(stable);
  if (canary.target.weight > 0) bringTo(canary);
  else if (!canaryOutFirst) takeOut(canary);
  if (stable.target.weight === 0) takeOut(stable);
  return out;
}

/** True when `show stat`'s `addr` (`1.2.3.4:80`; IPv6 with or without brackets) is ip:port. */
function sameAddr(addr: string, ip: string, port: number): boolean {
  return addr === `${ip}:${port}` || addr === `[${ip}]:${port}`;
}
