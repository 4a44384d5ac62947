import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../executor';
import { incidentUpdates, type IncidentUpdateRow } from '../schema';

/** The updates still shown (not deleted), of these incidents, oldest first. */
export function shownIncidentUpdates(db: Executor, incidentIds: readonly string[]): Promise<IncidentUpdateRow[]> {
  if (incidentIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(incidentUpdates)
    .where(and(inArray(incidentUpdates.incidentId, [...incidentIds]), isNull(incidentUpdates.deletedAt)))
    .orderBy(asc(incidentUpdates.postedAt), asc(incidentUpdates.id));
}

/** A shown update, locked for a change. */
export async function lockShownIncidentUpdate(tx: Executor, id: string): Promise<IncidentUpdateRow | undefined> {
  const [row] = await tx
    .select()
    .from(incidentUpdates)
    .where(and(eq(incidentUpdates.id, id), isNull(incidentUpdates.deletedAt)))
    .for('update');
  return row;
}
