import { inArray, isNull, or } from 'drizzle-orm';
import { DAY_MS, type MaintenanceSchedule, type PublicMaintenance } from '@mini-netumo/contracts';
import type { Db } from '../db/client';
import { maintenanceWindows } from '../db/schema';
import { toSchedule } from '../maintenance-windows/covering-windows';
import { currentOrNextOccurrence } from '../maintenance-windows/window-occurrence';

/** Upcoming maintenance is announced this far ahead. */
const ANNOUNCE_AHEAD_MS = 7 * DAY_MS;

export interface PageWindow {
  name: string;
  /** null: every monitor. */
  monitorId: string | null;
  schedule: MaintenanceSchedule;
}

/** The windows over a page's monitors (their own and the global ones); one this version cannot read is left out. */
export async function windowsOver(db: Db, monitorIds: readonly string[]): Promise<PageWindow[]> {
  const rows = await db
    .select({ name: maintenanceWindows.name, monitorId: maintenanceWindows.monitorId, schedule: maintenanceWindows.schedule })
    .from(maintenanceWindows)
    .where(
      monitorIds.length
        ? or(isNull(maintenanceWindows.monitorId), inArray(maintenanceWindows.monitorId, [...monitorIds]))
        : isNull(maintenanceWindows.monitorId),
    );
  return rows.flatMap((row) => {
    try {
      return [{ name: row.name, monitorId: row.monitorId, schedule: toSchedule(row.schedule) }];
    } catch {
      return [];
    }
  });
}

/** Maintenance in progress or starting within a week, soonest first, with the page's names for what it covers. */
export function publicMaintenance(
  windows: readonly PageWindow[],
  publicNames: ReadonlyMap<string, string>,
  now: Date,
): PublicMaintenance[] {
  return windows
    .flatMap((window) => {
      const occurrence = currentOrNextOccurrence(window.schedule, now, ANNOUNCE_AHEAD_MS);
      if (!occurrence) return [];
      const monitors = window.monitorId === null ? [...publicNames.values()] : [publicNames.get(window.monitorId) ?? ''];
      return [
        {
          name: window.name,
          startsAt: occurrence.startsAt.toISOString(),
          endsAt: occurrence.endsAt.toISOString(),
          inProgress: occurrence.startsAt.getTime() <= now.getTime(),
          monitors,
        },
      ];
    })
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
