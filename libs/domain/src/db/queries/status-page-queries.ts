import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import type { Executor } from '../executor';
import { statusPageMonitors, statusPages, type StatusPageMonitorRow, type StatusPageRow } from '../schema';

export function findStatusPageRow(db: Executor, id: string): Promise<StatusPageRow | undefined> {
  return db
    .select()
    .from(statusPages)
    .where(eq(statusPages.id, id))
    .then((rows) => rows[0]);
}

export function findStatusPageRowBySlug(db: Db, slug: string): Promise<StatusPageRow | undefined> {
  return db
    .select()
    .from(statusPages)
    .where(eq(statusPages.slug, slug))
    .then((rows) => rows[0]);
}

export function listStatusPageRows(db: Db): Promise<StatusPageRow[]> {
  return db.select().from(statusPages).orderBy(asc(statusPages.title), asc(statusPages.createdAt));
}

/** The monitors of these pages in page order (group, then position). */
export function pageMonitorRows(db: Executor, pageIds: readonly string[]): Promise<StatusPageMonitorRow[]> {
  if (pageIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(statusPageMonitors)
    .where(inArray(statusPageMonitors.pageId, [...pageIds]))
    .orderBy(asc(statusPageMonitors.pageId), asc(statusPageMonitors.groupIndex), asc(statusPageMonitors.position));
}

/** Replaces a page's monitors with the groups given, in their order. */
export async function replacePageMonitors(
  tx: Executor,
  pageId: string,
  groups: readonly { monitorIds: readonly string[] }[],
  displayNames: Readonly<Record<string, string>>,
): Promise<void> {
  await tx.delete(statusPageMonitors).where(eq(statusPageMonitors.pageId, pageId));
  const rows = groups.flatMap((group, groupIndex) =>
    group.monitorIds.map((monitorId, position) => ({
      pageId,
      monitorId,
      groupIndex,
      position,
      displayName: displayNames[monitorId] ?? null,
    })),
  );
  if (rows.length) await tx.insert(statusPageMonitors).values(rows);
}

/** Whether a monitor is on at least one page: only those have public badges. */
export async function isOnAnyStatusPage(db: Db, monitorId: string): Promise<boolean> {
  const rows = await db
    .select({ pageId: statusPageMonitors.pageId })
    .from(statusPageMonitors)
    .where(eq(statusPageMonitors.monitorId, monitorId))
    .limit(1);
  return rows.length > 0;
}
