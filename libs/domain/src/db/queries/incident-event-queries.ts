import { and, asc, eq } from 'drizzle-orm';
import type { IncidentEvent, IncidentEventType, Suppression } from '@mini-netumo/contracts';
import type { Executor } from '../executor';
import { incidentEvents, type IncidentEventRow } from '../schema';

export interface NewIncidentEvent {
  incidentId: string;
  type: IncidentEventType;
  at?: Date;
  actor?: string | null;
  note?: string | null;
  channelId?: string | null;
  suppressedBy?: Suppression | null;
  countdownDays?: number | null;
}

/** Appends to the timeline; returns null when "opened", "resolved" or a countdown step is already there (each happens once). */
export async function appendIncidentEvent(db: Executor, event: NewIncidentEvent): Promise<IncidentEventRow | null> {
  const [row] = await db
    .insert(incidentEvents)
    .values({ ...event, at: event.at ?? new Date() })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function markEventSuppressed(db: Executor, eventId: string, suppressedBy: Suppression): Promise<void> {
  await db.update(incidentEvents).set({ suppressedBy }).where(eq(incidentEvents.id, eventId));
}

export async function findIncidentEvent(db: Executor, id: string): Promise<IncidentEventRow | undefined> {
  const [row] = await db.select().from(incidentEvents).where(eq(incidentEvents.id, id));
  return row;
}

export async function findOpening(db: Executor, incidentId: string): Promise<IncidentEventRow | undefined> {
  const [row] = await db
    .select()
    .from(incidentEvents)
    .where(and(eq(incidentEvents.incidentId, incidentId), eq(incidentEvents.type, 'opened')));
  return row;
}

export function incidentTimeline(db: Executor, incidentId: string): Promise<IncidentEvent[]> {
  return db.select().from(incidentEvents).where(eq(incidentEvents.incidentId, incidentId)).orderBy(asc(incidentEvents.at));
}
