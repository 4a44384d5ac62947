import { asc, eq, isNull, or } from 'drizzle-orm';
import type { MaintenanceSchedule, MaintenanceWindow } from '@mini-netumo/contracts';
import type { Executor } from '../db/executor';
import { findMonitor } from '../db/queries/monitor-queries';
import { maintenanceWindows, type MaintenanceWindowRow } from '../db/schema';
import { requireMonitor } from '../monitor-model/require-monitor';
import type { DomainContext } from '../runtime/domain-context';
import { NotFoundError, ValidationError } from '../core/errors';
import { loadCoveringWindows, toSchedule } from './covering-windows';
import { isWindowOpen } from './window-schedule';

function toMaintenanceWindow(row: MaintenanceWindowRow, now: Date): MaintenanceWindow {
  const schedule = toSchedule(row.schedule);
  return {
    id: row.id,
    name: row.name,
    monitorId: row.monitorId,
    schedule,
    activeNow: isWindowOpen(schedule, now),
    createdAt: row.createdAt,
  };
}

/**
 * Windows of one monitor plus the global ones (or every window when no monitor is given); NOT_FOUND for an
 * unknown monitor, not the global windows as if they were its.
 */
export async function listMaintenanceWindows(ctx: DomainContext, monitorId?: string, now = new Date()): Promise<MaintenanceWindow[]> {
  if (monitorId) await requireMonitor(ctx.db, monitorId);
  const rows = await ctx.db
    .select()
    .from(maintenanceWindows)
    .where(monitorId ? or(eq(maintenanceWindows.monitorId, monitorId), isNull(maintenanceWindows.monitorId)) : undefined)
    .orderBy(asc(maintenanceWindows.name), asc(maintenanceWindows.createdAt));
  return rows.map((row) => toMaintenanceWindow(row, now));
}

export async function createMaintenanceWindow(
  ctx: DomainContext,
  input: { name: string; monitorId: string | null; schedule: MaintenanceSchedule },
  now = new Date(),
): Promise<MaintenanceWindow> {
  if (input.monitorId && !(await findMonitor(ctx.db, input.monitorId)))
    throw ValidationError.at(['monitorId'], `monitorId: monitor ${input.monitorId} does not exist`);
  const [row] = await ctx.db
    .insert(maintenanceWindows)
    .values({ ...input, schedule: input.schedule as unknown as Record<string, unknown> })
    .returning();
  if (!row) throw new Error('insert returned no maintenance window');
  return toMaintenanceWindow(row, now);
}

export async function deleteMaintenanceWindow(ctx: DomainContext, id: string): Promise<{ id: string }> {
  const [row] = await ctx.db.delete(maintenanceWindows).where(eq(maintenanceWindows.id, id)).returning({ id: maintenanceWindows.id });
  if (!row) throw new NotFoundError('maintenance window', id);
  return row;
}

/**
 * Whether any window covering this monitor (its own or a global one) is open at `at`: then nothing notifies.
 * The worker's checks ask the same of an in-memory copy (maintenance-cache.ts) instead, once per check.
 */
export async function isUnderMaintenance(db: Executor, monitorId: string, at: Date): Promise<boolean> {
  const { windows } = await loadCoveringWindows(db, monitorId);
  return windows.some((window) => isWindowOpen(window.schedule, at));
}
