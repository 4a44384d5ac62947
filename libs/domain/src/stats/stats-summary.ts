import type { MonitorSummary } from '@mini-netumo/contracts';
import type { Db } from '../db/client';
import { listMonitorRows } from '../db/queries/monitor-queries';
import { rollupsForAll, type RollupPoint } from '../db/queries/rollup-reads';
import { dayBucket, hourBucket } from '../evaluation/rollup-increment';
import { uptimePercent } from '../evaluation/uptime';
import { averageLatency, fold, onGrid, stateOf } from './rollup-math';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The overview for every monitor in three queries (monitors, 24 hourly buckets, 30 daily buckets), whatever
 * the fleet size: the dashboard's first screen must not cost one query per monitor.
 */
export async function statsSummary(db: Db, now = new Date()): Promise<MonitorSummary[]> {
  const firstHour = new Date(hourBucket(now).getTime() - 23 * HOUR_MS);
  const firstDay = new Date(dayBucket(now).getTime() - 29 * DAY_MS);
  const weekStart = new Date(dayBucket(now).getTime() - 6 * DAY_MS);
  const [monitors, hourly, daily] = await Promise.all([
    listMonitorRows(db),
    rollupsForAll(db, 'hour', firstHour),
    rollupsForAll(db, 'day', firstDay),
  ]);
  const hourlyBy = groupByMonitor(hourly);
  const dailyBy = groupByMonitor(daily);

  return monitors.map((monitor) => {
    const hours = hourlyBy.get(monitor.id) ?? [];
    const days = dailyBy.get(monitor.id) ?? [];
    return {
      monitorId: monitor.id,
      name: monitor.name,
      url: monitor.url,
      status: monitor.status,
      lastLatencyMs: monitor.lastLatencyMs,
      lastCheckedAt: monitor.lastCheckedAt,
      uptime24h: uptimePercent(fold(hours)),
      uptime7d: uptimePercent(fold(days.filter((day) => day.bucketStart >= weekStart))),
      uptime30d: uptimePercent(fold(days)),
      sparkline24h: onGrid(hours, firstHour, HOUR_MS, 24, (bucketStart, folded) => ({
        bucketStart,
        state: stateOf(folded),
        avgLatencyMs: averageLatency(folded),
      })),
    };
  });
}

function groupByMonitor(points: RollupPoint[]): Map<string, RollupPoint[]> {
  const groups = new Map<string, RollupPoint[]>();
  for (const point of points) {
    const group = groups.get(point.monitorId);
    if (group) group.push(point);
    else groups.set(point.monitorId, [point]);
  }
  return groups;
}
