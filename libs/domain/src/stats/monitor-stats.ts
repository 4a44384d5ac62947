import type { MonitorStats, StatsWindow } from '@mini-netumo/contracts';
import { rollupsForMonitor } from '../db/queries/rollup-reads';
import { decidedChecks } from '../evaluation/uptime';
import { requireMonitor } from '../monitor-model/require-monitor';
import type { DomainContext } from '../runtime/domain-context';
import { averageLatency, fold, onGrid, quantile, stateOf } from './rollup-math';
import { pointsSince, statusBar90d, uptimeByWindow, windowStarts } from './uptime-windows';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const WINDOW_DAYS: Record<StatsWindow, number> = { '24h': 1, '7d': 7, '30d': 30, '90d': 90, '1y': 365 };

/** Everything the monitor page shows, from two rollup reads (hourly for 7 days, daily for a year). */
export async function monitorStats(ctx: DomainContext, monitorId: string, window: StatsWindow, now = new Date()): Promise<MonitorStats> {
  const { db } = ctx;
  await requireMonitor(db, monitorId);
  const { hoursBack, daysBack } = windowStarts(now);

  const [hourly, daily] = await Promise.all([
    rollupsForMonitor(db, monitorId, 'hour', hoursBack(24 * 7)),
    rollupsForMonitor(db, monitorId, 'day', daysBack(365)),
  ]);
  const hourlyWindow = window === '24h' || window === '7d';
  const windowPoints = hourlyWindow
    ? pointsSince(hourly, hoursBack(24 * WINDOW_DAYS[window]))
    : pointsSince(daily, daysBack(WINDOW_DAYS[window]));
  const windowFold = fold(windowPoints);

  const series = hourlyWindow
    ? onGrid(hourly, hoursBack(24 * WINDOW_DAYS[window]), HOUR_MS, 24 * WINDOW_DAYS[window], seriesPoint)
    : onGrid(daily, daysBack(WINDOW_DAYS[window]), DAY_MS, WINDOW_DAYS[window], seriesPoint);

  return {
    monitorId,
    window,
    uptime: uptimeByWindow(hourly, daily, now),
    avgLatencyMs: {
      // The current and the previous hour: an hourly rollup cannot be cut at exactly 60 minutes ago.
      '1h': averageLatency(fold(pointsSince(hourly, hoursBack(2)))),
      '24h': averageLatency(fold(pointsSince(hourly, hoursBack(24)))),
      '7d': averageLatency(fold(hourly)),
    },
    percentiles: { p50: quantile(windowFold, 0.5), p95: quantile(windowFold, 0.95), p99: quantile(windowFold, 0.99) },
    errorRate: errorRate(windowFold),
    checks: windowFold.checks,
    maintenance: windowFold.maintenance,
    series,
    statusBar90d: statusBar90d(daily, now),
  };
}

function seriesPoint(bucketStart: Date, folded: ReturnType<typeof fold>) {
  return {
    bucketStart,
    checks: folded.checks,
    failures: folded.failures,
    unknowns: folded.unknowns,
    maintenance: folded.maintenance,
    avgLatencyMs: averageLatency(folded),
    p95LatencyMs: quantile(folded, 0.95),
    state: stateOf(folded),
  };
}

/** Percent of decided checks that failed: unknown and maintenance checks are neither, as for uptime. */
function errorRate(folded: ReturnType<typeof fold>): number | null {
  const decided = decidedChecks(folded);
  return decided > 0 ? Math.round((folded.failures / decided) * 10_000) / 100 : null;
}
