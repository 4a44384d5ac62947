import type { MonitorSummary } from '@mini-netumo/contracts';
import { listMonitorSummaryRows } from '../db/queries/monitor-queries';
import { targetOf } from '../checks/monitor-kinds';
import type { HourlyDigest } from '../db/queries/summary-reads';
import { dayBucket, hourBucket } from '../evaluation/rollup-increment';
import { bucketState, uptimePercent } from '../evaluation/uptime';
import type { DomainContext } from '../runtime/domain-context';
import { stalenessOf } from '../monitor-model/staleness';
import { dailyDigestsSince, hourlyDigestsSince } from './summary-digests';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The overview for every monitor in at most five queries (monitors; hourly and daily digests, each as a
 * cached settled part plus a live edge), whatever the fleet size; PostgreSQL aggregates, so the api
 * handles one row per monitor per query.
 */
export async function statsSummary(ctx: DomainContext, now = new Date()): Promise<MonitorSummary[]> {
  const { db } = ctx;
  const firstHour = new Date(hourBucket(now).getTime() - 23 * HOUR_MS);
  const monthStart = new Date(dayBucket(now).getTime() - 29 * DAY_MS);
  const weekStart = new Date(dayBucket(now).getTime() - 6 * DAY_MS);
  const [monitors, hourlyBy, dailyBy] = await Promise.all([
    listMonitorSummaryRows(db),
    hourlyDigestsSince(db, firstHour, now),
    dailyDigestsSince(db, weekStart, monthStart, now),
  ]);

  return monitors.map((monitor) => {
    const hours = hourlyBy.get(monitor.id);
    const days = dailyBy.get(monitor.id);
    return {
      monitorId: monitor.id,
      name: monitor.name,
      kind: monitor.kind,
      target: targetOf(monitor),
      status: monitor.status,
      stale: stalenessOf(monitor, now),
      lastLatencyMs: monitor.lastLatencyMs,
      lastCheckedAt: monitor.lastCheckedAt,
      uptime24h: hours ? uptimePercent(hours) : null,
      uptime7d: days ? uptimePercent(days.week) : null,
      uptime30d: days ? uptimePercent(days.month) : null,
      sparkline24h: sparkline(hours, firstHour),
    };
  });
}

/** 24 hourly cells; an hour with no checks is `none` (never up). */
function sparkline(digest: HourlyDigest | undefined, firstHour: Date): MonitorSummary['sparkline24h'] {
  const byHour = new Map(digest?.cells.map((cell) => [cell.hour, cell]) ?? []);
  return Array.from({ length: 24 }, (_, hour) => {
    const cell = byHour.get(hour);
    return {
      bucketStart: new Date(firstHour.getTime() + hour * HOUR_MS),
      state: cell ? bucketState(cell) : ('none' as const),
      avgLatencyMs: cell?.avgLatencyMs ?? null,
    };
  });
}
