// Seeded simulation of a service's answers, for the statistics tests: the same seed gives the same
// samples on every machine, so false-alarm counts are exact rather than flaky.

/** A small deterministic generator (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Latency like a real service: log-normal around a median, in ms. */
export function latency(rand: () => number, medianMs: number): number {
  const u = Math.max(rand(), 1e-12);
  const v = rand();
  return medianMs * Math.exp(0.3 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
}

/** One window of traffic as a router counts it: `requests` answers, each an error with probability `errorRate`. */
export function trafficWindow(
  rand: () => number,
  requests: number,
  errorRate: number,
  medianMs: number,
): { requests: number; errors: number; latenciesMs: number[] } {
  const w = { requests, errors: 0, latenciesMs: [] as number[] };
  for (let i = 0; i < requests; i++) {
    if (rand() < errorRate) w.errors++;
    else w.latenciesMs.push(latency(rand, medianMs));
  }
  return w;
}
