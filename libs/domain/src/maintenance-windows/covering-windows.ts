import { eq, isNull, or } from 'drizzle-orm';
import { maintenanceScheduleSchema, type MaintenanceSchedule } from '@mini-netumo/contracts';
import type { Executor } from '../db/executor';
import { maintenanceWindows } from '../db/schema';

/** What deciding "is this monitor in maintenance" needs of a window. */
export interface CoveringWindow {
  id: string;
  /** null: every monitor. */
  monitorId: string | null;
  schedule: MaintenanceSchedule;
}

/** jsonb keeps the schedule's dates as text; the contract's schema turns them back (it coerces nothing else). */
export function toSchedule(raw: Record<string, unknown>): MaintenanceSchedule {
  const schedule =
    raw['type'] === 'once' ? { ...raw, startsAt: new Date(String(raw['startsAt'])), endsAt: new Date(String(raw['endsAt'])) } : raw;
  return maintenanceScheduleSchema.parse(schedule);
}

export const coversMonitor = (window: Pick<CoveringWindow, 'monitorId'>, monitorId: string): boolean =>
  window.monitorId === null || window.monitorId === monitorId;

/**
 * The windows of one monitor plus the global ones, or every window when no monitor is given. A schedule this
 * version cannot read (written by a newer one) is left out and its id reported: it must not hide the others.
 */
export async function loadCoveringWindows(db: Executor, monitorId?: string): Promise<{ windows: CoveringWindow[]; unreadable: string[] }> {
  const rows = await db
    .select({ id: maintenanceWindows.id, monitorId: maintenanceWindows.monitorId, schedule: maintenanceWindows.schedule })
    .from(maintenanceWindows)
    .where(monitorId ? or(eq(maintenanceWindows.monitorId, monitorId), isNull(maintenanceWindows.monitorId)) : undefined);
  const windows: CoveringWindow[] = [];
  const unreadable: string[] = [];
  for (const row of rows) {
    try {
      windows.push({ id: row.id, monitorId: row.monitorId, schedule: toSchedule(row.schedule) });
    } catch {
      unreadable.push(row.id);
    }
  }
  return { windows, unreadable };
}
