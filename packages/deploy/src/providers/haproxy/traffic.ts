// Turns HAProxy's per-server counters, which only grow, into traffic per release between readings.
// A slot changes hands when a new release takes it, so counts are settled to the release that
// held the slot at each reading, before the slot is given to another one.
import type { TrafficSample } from '../../types.js';
import type { StatRecord } from './runtime-api.js';

/** The counters of one slot in one `show stat` reading. */
export interface SlotCounters {
  /** `stot`: requests HAProxy sent to the server (one per HTTP request, keep-alive or not). */
  requests: number;
  /** `hrsp_5xx` plus `econ` (could not connect) and `eresp` (no valid response). */
  errors: number;
  /** `rtime`: HAProxy's mean response time in ms over the server's last 1024 requests. */
  meanMs: number;
}

/** The counters of a `show stat` row (empty fields, as in TCP mode, count as 0). */
export function countersOf(row: StatRecord): SlotCounters {
  const n = (field: string): number => Number(row[field] || 0) || 0;
  return { requests: n('stot'), errors: n('hrsp_5xx') + n('econ') + n('eresp'), meanMs: n('rtime') };
}

/** Per-release traffic since the last `take()`, built from successive readings of the slots. */
export class TrafficLedger {
  private readonly baseline = new Map<string, SlotCounters>();
  private readonly holder = new Map<string, string>();
  private asked = new Set<string>();
  private pending = new Map<string, TrafficSample>();

  /** Credits what each slot served since the previous reading to the release holding it. */
  settle(reading: ReadonlyMap<string, SlotCounters>): void {
    for (const [slot, now] of reading) {
      const before = this.baseline.get(slot);
      this.baseline.set(slot, now);
      const release = this.holder.get(slot);
      if (!before || !release) continue;
      // Counters fall only when HAProxy restarted: then everything since the restart is new.
      const reset = now.requests < before.requests || now.errors < before.errors;
      const requests = reset ? now.requests : now.requests - before.requests;
      const errors = Math.min(requests, reset ? now.errors : now.errors - before.errors);
      const sample = this.pending.get(release) ?? { requests: 0, errors: 0, latenciesMs: [] };
      sample.requests += requests;
      sample.errors += errors;
      // HAProxy keeps only a moving mean, so each reading adds that one approximate figure.
      if (requests > errors && now.meanMs > 0) sample.latenciesMs.push(now.meanMs);
      this.pending.set(release, sample);
    }
  }

  /** Records which release a slot now serves (after settling the previous holder's counts). */
  assign(slot: string, release: string | undefined): void {
    if (release === undefined) this.holder.delete(slot);
    else this.holder.set(slot, release);
  }

  /** Names the releases the last step asked for: each is reported, with zeros if no slot served it. */
  report(releases: Iterable<string>): void {
    this.asked = new Set(releases);
  }

  /** The traffic gathered since the last call, or undefined while no slot has a known release and no step named one. */
  take(): Map<string, TrafficSample> | undefined {
    if (this.holder.size === 0 && this.pending.size === 0 && this.asked.size === 0) return undefined;
    const taken = this.pending;
    this.pending = new Map();
    for (const release of [...this.holder.values(), ...this.asked])
      if (!taken.has(release)) taken.set(release, { requests: 0, errors: 0, latenciesMs: [] });
    return taken;
  }
}
