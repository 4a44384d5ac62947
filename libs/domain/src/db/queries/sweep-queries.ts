import { and, desc, eq, gt, lt, ne, notExists, sql } from 'drizzle-orm';
import type { Executor } from '../executor';
import { incidentEvents, incidents, type IncidentRow } from '../schema';

const hasEvent = (db: Executor, type: 'opened' | 'resolved') =>
  db
    .select({ one: sql`1` })
    .from(incidentEvents)
    .where(and(eq(incidentEvents.incidentId, incidents.id), eq(incidentEvents.type, type)));

/** Unresolved incidents whose opening is not on the timeline (the hook failed, or another lane opened them). */
export function unannouncedOpenings(db: Executor, openedBefore: Date, limit = 200): Promise<IncidentRow[]> {
  return db
    .select()
    .from(incidents)
    .where(and(ne(incidents.state, 'resolved'), lt(incidents.openedAt, openedBefore), notExists(hasEvent(db, 'opened'))))
    .limit(limit);
}

/** Recently resolved incidents whose resolve is not on the timeline. */
export function unannouncedResolves(db: Executor, between: { from: Date; to: Date }, limit = 200): Promise<IncidentRow[]> {
  return db
    .select()
    .from(incidents)
    .where(
      and(
        eq(incidents.state, 'resolved'),
        gt(incidents.resolvedAt, between.from),
        lt(incidents.resolvedAt, between.to),
        notExists(hasEvent(db, 'resolved')),
      ),
    )
    .limit(limit);
}

/** Open (not acknowledged) incidents: the only ones that get reminders. */
export function openUnacknowledgedIncidents(db: Executor, limit = 1_000): Promise<IncidentRow[]> {
  return db.select().from(incidents).where(eq(incidents.state, 'open')).orderBy(incidents.openedAt).limit(limit);
}

/** The monitor's latest incident of a kind: a flapping notice's "settled" goes there. */
export async function latestIncident(db: Executor, monitorId: string, kind: IncidentRow['kind']): Promise<IncidentRow | undefined> {
  const [row] = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.monitorId, monitorId), eq(incidents.kind, kind)))
    .orderBy(desc(incidents.openedAt))
    .limit(1);
  return row;
}
