import type { BucketState, CheckResult, MonitorSummary } from '@mini-netumo/contracts';

export type SparkPoint = MonitorSummary['sparkline24h'][number];

const HOUR_MS = 3_600_000;
const HOURS = 24;
const hourOf = (date: Date) => Math.floor(date.getTime() / HOUR_MS) * HOUR_MS;

/** 24 empty hours ending with the hour of `now`: the bar of a monitor the summary has not seen yet. */
export function emptySparkline(now: Date): SparkPoint[] {
  const last = hourOf(now);
  return Array.from({ length: HOURS }, (_, i) => ({ bucketStart: new Date(last - (HOURS - 1 - i) * HOUR_MS), state: 'none' as const, avgLatencyMs: null }));
}

/**
 * The server's rule for one bucket, applied one check at a time: any failure makes it down, all-unknown
 * is unknown, otherwise up. Order does not matter, so live checks and a later refetch agree.
 */
export function mergeState(current: BucketState, verdict: CheckResult['verdict']): BucketState {
  if (current === 'down' || verdict === 'down') return 'down';
  if (verdict === 'up') return 'up';
  return current === 'none' ? 'unknown' : current;
}

/**
 * The bar with one more check in it; when the check opens a new hour, the bar slides left. A check older
 * than the bar is ignored. Returns the same array when nothing changes.
 */
export function withCheck(points: readonly SparkPoint[], result: CheckResult): readonly SparkPoint[] {
  const last = points.at(-1);
  if (!last) return points;
  const hour = hourOf(result.checkedAt);
  const slid = hour > last.bucketStart.getTime() ? slide(points, hour) : points;
  const index = slid.findIndex((point) => point.bucketStart.getTime() === hour);
  const point = slid[index];
  if (!point) return points;
  const state = mergeState(point.state, result.verdict);
  const avgLatencyMs = point.avgLatencyMs ?? (result.verdict === 'up' ? result.latencyMs : null);
  if (slid === points && state === point.state && avgLatencyMs === point.avgLatencyMs) return points;
  const next = [...slid];
  next[index] = { ...point, state, avgLatencyMs };
  return next;
}

/**
 * The bar ending with the hour of `now`: a bar fetched before the hour turned would otherwise end an hour
 * early until its monitor's next check. Returns the same array when it is current.
 */
export function alignedTo(points: readonly SparkPoint[], now: Date): readonly SparkPoint[] {
  const last = points.at(-1);
  const hour = hourOf(now);
  return !last || last.bucketStart.getTime() >= hour ? points : slide(points, hour);
}

/** Moves the window so it ends with `hour`, filling the new hours with `none`. */
function slide(points: readonly SparkPoint[], hour: number): SparkPoint[] {
  const length = points.length;
  const fresh = Array.from({ length }, (_, i) => new Date(hour - (length - 1 - i) * HOUR_MS));
  const known = new Map(points.map((point) => [point.bucketStart.getTime(), point]));
  return fresh.map((bucketStart) => known.get(bucketStart.getTime()) ?? { bucketStart, state: 'none' as const, avgLatencyMs: null });
}
