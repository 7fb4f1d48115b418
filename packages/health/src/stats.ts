/** The q-quantile (0–1) of sorted values, by linear interpolation between closest ranks. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Latency percentiles of a set of samples, rounded to 0.1 ms. */
export function percentiles(latencies: readonly number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const r = (q: number): number => Math.round(quantile(sorted, q) * 10 + 1e-9) / 10;
  return { p50: r(0.5), p95: r(0.95), p99: r(0.99) };
}
