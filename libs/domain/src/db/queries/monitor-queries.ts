import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { monitors, type MonitorRow } from '../schema';

export async function findMonitor(db: Db, id: string): Promise<MonitorRow | undefined> {
  const [row] = await db.select().from(monitors).where(eq(monitors.id, id));
  return row;
}

export function listMonitorRows(db: Db): Promise<MonitorRow[]> {
  return db.select().from(monitors).orderBy(asc(monitors.name), asc(monitors.createdAt));
}

/** Only what the overview shows: 1,000 monitors' full rows (headers, bodies...) would cost several ms more. */
export function listMonitorSummaryRows(db: Db) {
  return db
    .select({
      id: monitors.id,
      name: monitors.name,
      kind: monitors.kind,
      url: monitors.url,
      settings: monitors.settings,
      status: monitors.status,
      paused: monitors.paused,
      intervalSeconds: monitors.intervalSeconds,
      overdueAt: monitors.overdueAt,
      staleSince: monitors.staleSince,
      staleReason: monitors.staleReason,
      lastLatencyMs: monitors.lastLatencyMs,
      lastCheckedAt: monitors.lastCheckedAt,
      lastError: monitors.lastError,
    })
    .from(monitors)
    .orderBy(asc(monitors.name), asc(monitors.createdAt));
}
