import { and, eq, gt, or, sql } from 'drizzle-orm';
import type { Executor } from '../executor';
import { flappingHolds, incidents, type FlappingHoldRow } from '../schema';

/** Up/down changes of a monitor since `since`: each down incident opened, and each resolved, is one. */
export async function countStateChanges(db: Executor, monitorId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({
      changes: sql<number>`(count(*) filter (where ${incidents.openedAt} > ${since.toISOString()}::timestamptz)
        + count(*) filter (where ${incidents.resolvedAt} > ${since.toISOString()}::timestamptz))::int`,
    })
    .from(incidents)
    .where(
      and(
        eq(incidents.monitorId, monitorId),
        eq(incidents.kind, 'down'),
        or(gt(incidents.openedAt, since), gt(incidents.resolvedAt, since)),
      ),
    );
  return row?.changes ?? 0;
}

export async function findFlappingHold(db: Executor, monitorId: string): Promise<FlappingHoldRow | undefined> {
  const [row] = await db.select().from(flappingHolds).where(eq(flappingHolds.monitorId, monitorId));
  return row;
}

/** Returns false when the monitor was already on hold (another change got there first). */
export async function startFlappingHold(db: Executor, hold: FlappingHoldRow): Promise<boolean> {
  const rows = await db.insert(flappingHolds).values(hold).onConflictDoNothing().returning();
  return rows.length > 0;
}

export function listFlappingHolds(db: Executor): Promise<FlappingHoldRow[]> {
  return db.select().from(flappingHolds);
}

export async function endFlappingHold(db: Executor, monitorId: string): Promise<void> {
  await db.delete(flappingHolds).where(eq(flappingHolds.monitorId, monitorId));
}
