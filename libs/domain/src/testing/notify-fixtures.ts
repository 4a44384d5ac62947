import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { alertDeliveries, incidentEvents, incidents, type IncidentRow } from '../db/schema';

/** What a worker killed during a send leaves behind: the delivery unfinished, its send marked as started. */
export async function simulateInterruptedSend(db: Db, deliveryId: string): Promise<void> {
  await db.update(alertDeliveries).set({ status: 'pending', sendingSince: new Date() }).where(eq(alertDeliveries.id, deliveryId));
}

/** An open incident whose opening never reached the timeline (the check's hook failed right after storing it). */
export async function insertUnannouncedIncident(db: Db, monitorId: string): Promise<IncidentRow> {
  const [row] = await db
    .insert(incidents)
    .values({ monitorId, kind: 'down', state: 'open', openedAt: new Date(), cause: 'lost hook' })
    .returning();
  if (!row) throw new Error('insert returned no incident');
  return row;
}

/** A pending delivery whose job never reached the queue (the queue refused right after the row was written). */
export async function insertDeliveryWithoutJob(db: Db, incidentId: string, channelId: string): Promise<string> {
  const [event] = await db.insert(incidentEvents).values({ incidentId, type: 'reminder', at: new Date() }).returning();
  if (!event) throw new Error('insert returned no event');
  const [row] = await db
    .insert(alertDeliveries)
    .values({ eventId: event.id, incidentId, channelId, type: 'reminder', idempotencyKey: `${event.id}.${channelId}` })
    .returning();
  if (!row) throw new Error('insert returned no delivery');
  return row.id;
}
