import { asc, eq, inArray } from 'drizzle-orm';
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
const summaryColumns = {
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
};

export function listMonitorSummaryRows(db: Db) {
  return db.select(summaryColumns).from(monitors).orderBy(asc(monitors.name), asc(monitors.createdAt));
}

export type MonitorSummaryRow = Awaited<ReturnType<typeof listMonitorSummaryRows>>[number];

/** The same columns for some monitors (a status page's), in no particular order. */
export function monitorSummaryRowsFor(db: Db, ids: readonly string[]): Promise<MonitorSummaryRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select(summaryColumns)
    .from(monitors)
    .where(inArray(monitors.id, [...ids]));
}
