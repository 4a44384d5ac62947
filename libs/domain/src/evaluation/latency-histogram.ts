/**
 * Upper bounds (ms, inclusive) of the latency histogram kept in every rollup; the last bucket is open-ended.
 * Roughly log-spaced so relative error stays small from 1 ms to 60 s: a percentile read from it is off by at
 * most one bucket width, which the dashboard can live with, and 24 integers per row cost almost nothing.
 */
export const HISTOGRAM_BOUNDS_MS = [
  2, 5, 10, 15, 20, 30, 40, 50, 75, 100, 150, 200, 300, 400, 500, 750, 1_000, 1_500, 2_000, 3_000, 5_000, 10_000, 30_000,
] as const;
export const HISTOGRAM_SIZE = HISTOGRAM_BOUNDS_MS.length + 1;

/** Index (0-based) of the bucket a latency falls into. */
export function histogramBucket(latencyMs: number): number {
  for (let i = 0; i < HISTOGRAM_BOUNDS_MS.length; i++) {
    if (latencyMs <= HISTOGRAM_BOUNDS_MS[i]!) return i;
  }
  return HISTOGRAM_BOUNDS_MS.length;
}

export const emptyHistogram = (): number[] => new Array<number>(HISTOGRAM_SIZE).fill(0);

export function addHistograms(into: number[], from: readonly number[]): number[] {
  for (let i = 0; i < HISTOGRAM_SIZE; i++) into[i] = (into[i] ?? 0) + (from[i] ?? 0);
  return into;
}

/**
 * The q-th quantile (0 < q <= 1) by linear interpolation inside the bucket that holds it, clamped to the
 * observed min and max (so a single sample reads back exactly). Null when there are no samples.
 */
export function histogramQuantile(histogram: readonly number[], q: number, min: number | null, max: number | null): number | null {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0 || min === null || max === null) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < HISTOGRAM_SIZE; i++) {
    const count = histogram[i] ?? 0;
    if (count === 0) continue;
    if (seen + count >= rank) {
      const lower = Math.max(i === 0 ? 0 : HISTOGRAM_BOUNDS_MS[i - 1]!, min);
      const upper = Math.min(i < HISTOGRAM_BOUNDS_MS.length ? HISTOGRAM_BOUNDS_MS[i]! : max, max);
      const fraction = (rank - seen) / count;
      return Math.round(lower + (Math.max(upper, lower) - lower) * fraction);
    }
    seen += count;
  }
  return max;
}
