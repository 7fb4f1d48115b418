// What the daemon keeps of the traffic between two readings by the controller. The judge needs exact
// counts but only a sample of latencies, and readings may be minutes apart under heavy load, so the
// latencies are reservoir-sampled: memory stays flat however long the window.
import type { TrafficSample } from '../../types.js';

/** The most latencies kept per release per window. */
const MAX_LATENCIES = 10_000;

interface Window extends TrafficSample {
  /** Successful responses seen in this window, of which `latenciesMs` is a uniform sample. */
  seen: number;
}

/** Per-release traffic since the last take, plus totals since the start. */
export class TrafficLedger {
  private window = new Map<string, Window>();
  private readonly totals = new Map<string, { requests: number; errors: number }>();

  constructor(
    private readonly cap = MAX_LATENCIES,
    private readonly random: () => number = Math.random,
  ) {}

  /** Adds what the proxy counted since its previous sample. */
  add(samples: ReadonlyMap<string, TrafficSample>): void {
    for (const [id, sample] of samples) {
      let w = this.window.get(id);
      if (!w) this.window.set(id, (w = { requests: 0, errors: 0, latenciesMs: [], seen: 0 }));
      w.requests += sample.requests;
      w.errors += sample.errors;
      for (const ms of sample.latenciesMs) {
        w.seen++;
        if (w.latenciesMs.length < this.cap) w.latenciesMs.push(ms);
        else {
          const slot = Math.floor(this.random() * w.seen);
          if (slot < this.cap) w.latenciesMs[slot] = ms;
        }
      }
      const total = this.totals.get(id) ?? { requests: 0, errors: 0 };
      total.requests += sample.requests;
      total.errors += sample.errors;
      this.totals.set(id, total);
    }
  }

  /** The window since the previous take; starts a new one. */
  take(): Map<string, TrafficSample> {
    const taken = this.window;
    this.window = new Map();
    return new Map(
      [...taken].map(([id, w]) => [id, { requests: w.requests, errors: w.errors, latenciesMs: w.latenciesMs }]),
    );
  }

  /** Requests and errors per release since the daemon started. */
  cumulative(): Record<string, { requests: number; errors: number }> {
    return Object.fromEntries([...this.totals].map(([id, t]) => [id, { ...t }]));
  }
}
