import { DAY_MS, HOUR_MS, type BucketState } from '@mini-netumo/contracts';
import type { RollupPoint } from '../db/queries/rollup-reads';
import { dayBucket, hourBucket } from '../evaluation/rollup-increment';
import { uptimePercent } from '../evaluation/uptime';
import { fold, onGrid, stateOf } from './rollup-math';

/** The starts of the hourly and daily windows that end at `now`'s hour and day: `hoursBack(24)` is 24 hours incl. this one. */
export function windowStarts(now: Date) {
  const thisHour = hourBucket(now).getTime();
  const today = dayBucket(now).getTime();
  return {
    hoursBack: (n: number) => new Date(thisHour - (n - 1) * HOUR_MS),
    daysBack: (n: number) => new Date(today - (n - 1) * DAY_MS),
  };
}

export const pointsSince = (points: readonly RollupPoint[], from: Date) => points.filter((point) => point.bucketStart >= from);

/**
 * Uptime per window, maintenance excluded: the last 24 hours from hourly rollups, days from daily ones. The monitor
 * page and the public status pages both read it here, so the two never disagree.
 */
export function uptimeByWindow(hourly: readonly RollupPoint[], daily: readonly RollupPoint[], now: Date) {
  const { hoursBack, daysBack } = windowStarts(now);
  return {
    '24h': uptimePercent(fold(pointsSince(hourly, hoursBack(24)))),
    '7d': uptimePercent(fold(pointsSince(daily, daysBack(7)))),
    '30d': uptimePercent(fold(pointsSince(daily, daysBack(30)))),
    '90d': uptimePercent(fold(pointsSince(daily, daysBack(90)))),
    '1y': uptimePercent(fold(daily)),
  };
}

/** The 90 daily bars ending today, oldest first; a day without rollups is `none`. */
export function statusBar90d(daily: readonly RollupPoint[], now: Date): { day: Date; state: BucketState; uptime: number | null }[] {
  const from = windowStarts(now).daysBack(90);
  return onGrid(pointsSince(daily, from), from, DAY_MS, 90, (day, folded) => ({
    day,
    state: stateOf(folded),
    uptime: uptimePercent(folded),
  }));
}
