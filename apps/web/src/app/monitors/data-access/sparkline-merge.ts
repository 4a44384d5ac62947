import type { BucketState, CheckResult, SparkPoint } from '@mini-netumo/contracts';

export type { SparkPoint };

const HOUR_MS = 3_600_000;
const HOURS = 24;
const hourOf = (date: Date) => Math.floor(date.getTime() / HOUR_MS) * HOUR_MS;

/** 24 empty hours ending with the hour of `now`: the bar of a monitor the summary has not seen yet. */
export function emptySparkline(now: Date): SparkPoint[] {
  const last = hourOf(now);
  return Array.from({ length: HOURS }, (_, i) => ({
    bucketStart: new Date(last - (HOURS - 1 - i) * HOUR_MS),
    state: 'none' as const,
    avgLatencyMs: null,
  }));
}

/** Weakest first: a bucket shows the strongest state among its checks (a check in maintenance is `maintenance`). */
const STATE_RANK: readonly BucketState[] = ['none', 'unknown', 'maintenance', 'up', 'down'];

/**
 * The server's rule for one bucket, applied one check at a time: any failure outside maintenance makes it
 * down, any success outside it up; only maintenance and unknown checks make it maintenance; all-unknown is
 * unknown. Order does not matter, so live checks and a later refetch agree.
 */
export function mergeState(current: BucketState, verdict: CheckResult['verdict'], inMaintenance: boolean): BucketState {
  const incoming: BucketState = inMaintenance ? 'maintenance' : verdict;
  return STATE_RANK.indexOf(incoming) > STATE_RANK.indexOf(current) ? incoming : current;
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
  const state = mergeState(point.state, result.verdict, result.inMaintenance);
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
