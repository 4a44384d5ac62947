import { OVERVIEW_HOURS, SPARK_STATE_CODES, encodeLatencies, type OverviewSnapshot } from '@mini-netumo/contracts';
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

/** The first of the 24 hourly cells of the overview's bars; the last is the hour of `now`. */
export function overviewFirstHour(now: Date): Date {
  return new Date(hourBucket(now).getTime() - (OVERVIEW_HOURS - 1) * HOUR_MS);
}

/**
 * The overview for every monitor, built straight into columns (see overviewSnapshotSchema), in at most five
 * queries (monitors; hourly and daily digests, each as a cached settled part plus a live edge) whatever the fleet
 * size: PostgreSQL aggregates, so the api handles one row per monitor per query. No object or date per bar cell:
 * building rows first cost more than the queries at 10,000 monitors.
 */
export async function statsOverview(ctx: DomainContext, now = new Date()): Promise<OverviewSnapshot> {
  const { db } = ctx;
  const firstHour = overviewFirstHour(now);
  const monthStart = new Date(dayBucket(now).getTime() - 29 * DAY_MS);
  const weekStart = new Date(dayBucket(now).getTime() - 6 * DAY_MS);
  const [monitors, hourlyBy, dailyBy] = await Promise.all([
    listMonitorSummaryRows(db),
    hourlyDigestsSince(db, firstHour, now),
    dailyDigestsSince(db, weekStart, monthStart, now),
  ]);

  const snapshot: OverviewSnapshot = {
    firstHourMs: firstHour.getTime(),
    monitorId: [],
    name: [],
    kind: [],
    target: [],
    status: [],
    staleSinceMs: [],
    staleReason: [],
    lastError: [],
    lastLatencyMs: [],
    lastCheckedAtMs: [],
    uptime24h: [],
    uptime7d: [],
    uptime30d: [],
    sparkStates: [],
    sparkLatencies: [],
  };
  for (const monitor of monitors) {
    const hours = hourlyBy.get(monitor.id);
    const days = dailyBy.get(monitor.id);
    const stale = stalenessOf(monitor, now);
    snapshot.monitorId.push(monitor.id);
    snapshot.name.push(monitor.name);
    snapshot.kind.push(monitor.kind);
    snapshot.target.push(targetOf(monitor));
    snapshot.status.push(monitor.status);
    snapshot.staleSinceMs.push(stale?.since.getTime() ?? null);
    snapshot.staleReason.push(stale?.reason ?? null);
    snapshot.lastError.push(monitor.lastError);
    snapshot.lastLatencyMs.push(monitor.lastLatencyMs);
    snapshot.lastCheckedAtMs.push(monitor.lastCheckedAt?.getTime() ?? null);
    snapshot.uptime24h.push(hours ? uptimePercent(hours) : null);
    snapshot.uptime7d.push(days ? uptimePercent(days.week) : null);
    snapshot.uptime30d.push(days ? uptimePercent(days.month) : null);
    appendBar(snapshot, hours);
  }
  return snapshot;
}

/** 24 hourly cells; an hour with no checks is `none` (never up). */
function appendBar(snapshot: OverviewSnapshot, digest: HourlyDigest | undefined): void {
  const states = Array<string>(OVERVIEW_HOURS).fill(SPARK_STATE_CODES.none);
  const latencies = Array<number | null>(OVERVIEW_HOURS).fill(null);
  for (const cell of digest?.cells ?? []) {
    if (cell.hour < 0 || cell.hour >= OVERVIEW_HOURS) continue;
    states[cell.hour] = SPARK_STATE_CODES[bucketState(cell)];
    latencies[cell.hour] = cell.avgLatencyMs ?? null;
  }
  snapshot.sparkStates.push(states.join(''));
  snapshot.sparkLatencies.push(encodeLatencies(latencies));
}
