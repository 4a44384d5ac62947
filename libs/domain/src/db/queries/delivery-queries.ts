import { and, desc, eq, inArray, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import type { AlertDelivery, AlertType, DeliveryStatus } from '@mini-netumo/contracts';
import { toAlertDelivery } from '../alert-delivery-row';
import type { Executor } from '../executor';
import { alertDeliveries, channels, incidents, monitors, type AlertDeliveryRow, type StoredAttempt } from '../schema';

export interface NewDelivery {
  eventId: string;
  incidentId: string;
  channelId: string;
  type: AlertType;
}

/** One row per alert and channel; the key is what providers deduplicate on, fixed before anything is sent. */
export async function insertDeliveries(db: Executor, deliveries: NewDelivery[]): Promise<AlertDeliveryRow[]> {
  if (deliveries.length === 0) return [];
  return db
    .insert(alertDeliveries)
    .values(deliveries.map((delivery) => ({ ...delivery, idempotencyKey: `${delivery.eventId}.${delivery.channelId}` })))
    .onConflictDoNothing()
    .returning();
}

export async function findDelivery(db: Executor, id: string): Promise<AlertDeliveryRow | undefined> {
  const [row] = await db.select().from(alertDeliveries).where(eq(alertDeliveries.id, id));
  return row;
}

/** Recorded before the provider is called: still set at the next start means the worker died mid-send. */
export async function markSending(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(alertDeliveries).set({ sendingSince: at, updatedAt: at }).where(eq(alertDeliveries.id, id));
}

export interface AttemptUpdate {
  status: DeliveryStatus;
  attempts: StoredAttempt[];
  attemptCount: number;
  lastError: string | null;
  fallbackChannelId?: string | null;
  deliveredAt?: Date | null;
}

export async function saveAttempt(db: Executor, id: string, update: AttemptUpdate): Promise<void> {
  await db
    .update(alertDeliveries)
    .set({ ...update, sendingSince: null, updatedAt: new Date() })
    .where(eq(alertDeliveries.id, id));
}

/** A dead letter back to the start: the primary channel, fresh job ids (generation), attempts kept as history. */
export async function resetForRetry(db: Executor, id: string): Promise<AlertDeliveryRow | undefined> {
  const [row] = await db
    .update(alertDeliveries)
    .set({
      status: 'pending',
      fallbackChannelId: null,
      sendingSince: null,
      generation: sql`${alertDeliveries.generation} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(alertDeliveries.id, id), eq(alertDeliveries.status, 'dead')))
    .returning();
  return row;
}

export async function deleteDelivery(db: Executor, id: string): Promise<AlertDeliveryRow | undefined> {
  const [row] = await db.delete(alertDeliveries).where(eq(alertDeliveries.id, id)).returning();
  return row;
}

export interface DeliveryFilter {
  ids?: string[];
  status?: DeliveryStatus;
  incidentId?: string;
  channelId?: string;
  monitorId?: string;
  limit: number;
  offset: number;
}

/** Deliveries with their monitor and channel names, newest first. */
export async function listDeliveryViews(db: Executor, filter: DeliveryFilter): Promise<AlertDelivery[]> {
  const conditions: SQL[] = [];
  if (filter.ids) conditions.push(inArray(alertDeliveries.id, filter.ids));
  if (filter.status) conditions.push(eq(alertDeliveries.status, filter.status));
  if (filter.incidentId) conditions.push(eq(alertDeliveries.incidentId, filter.incidentId));
  if (filter.channelId) conditions.push(eq(alertDeliveries.channelId, filter.channelId));
  if (filter.monitorId) conditions.push(eq(incidents.monitorId, filter.monitorId));
  const rows = await db
    .select({
      delivery: alertDeliveries,
      monitorId: monitors.id,
      monitorName: monitors.name,
      channelName: channels.name,
      channelKind: channels.kind,
    })
    .from(alertDeliveries)
    .innerJoin(incidents, eq(incidents.id, alertDeliveries.incidentId))
    .innerJoin(monitors, eq(monitors.id, incidents.monitorId))
    .innerJoin(channels, eq(channels.id, alertDeliveries.channelId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(alertDeliveries.createdAt), desc(alertDeliveries.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return rows.map(toAlertDelivery);
}

export async function deliveryView(db: Executor, id: string): Promise<AlertDelivery | undefined> {
  const [view] = await listDeliveryViews(db, { ids: [id], limit: 1, offset: 0 });
  return view;
}

/** Pending or failed deliveries untouched since `before`: their job may be lost (the sweep looks at them). */
export function staleDeliveries(db: Executor, before: Date, limit = 200): Promise<AlertDeliveryRow[]> {
  return db
    .select()
    .from(alertDeliveries)
    .where(and(inArray(alertDeliveries.status, ['pending', 'failed']), lt(alertDeliveries.updatedAt, before)))
    .orderBy(alertDeliveries.updatedAt)
    .limit(limit);
}

/** When each channel last got something about this incident (opened, reminder…): reminders count from there. */
export async function lastAlertPerChannel(db: Executor, incidentId: string): Promise<Map<string, Date>> {
  const rows = await db
    .select({ channelId: alertDeliveries.channelId, at: sql<string>`max(${alertDeliveries.createdAt})` })
    .from(alertDeliveries)
    .where(and(eq(alertDeliveries.incidentId, incidentId), sql`${alertDeliveries.type} <> 'resolved'`))
    .groupBy(alertDeliveries.channelId);
  return new Map(rows.map((row) => [row.channelId, new Date(row.at)]));
}

/** Whether anything was ever queued about this incident's trouble: a resolve is only worth telling then. */
export async function wasAnnounced(db: Executor, incidentId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: alertDeliveries.id })
    .from(alertDeliveries)
    .where(and(eq(alertDeliveries.incidentId, incidentId), sql`${alertDeliveries.type} <> 'resolved'`))
    .limit(1);
  return !!row;
}

/**
 * The channels told about this incident's trouble (opened, reminder, flapping…), or being told right now:
 * the ones an acknowledgement answers. A dead letter never reached its channel, so it does not count.
 */
export async function channelsToldAbout(db: Executor, incidentId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ channelId: alertDeliveries.channelId })
    .from(alertDeliveries)
    .where(
      and(
        eq(alertDeliveries.incidentId, incidentId),
        notInArray(alertDeliveries.type, ['resolved', 'acknowledged']),
        inArray(alertDeliveries.status, ['pending', 'failed', 'delivered']),
      ),
    );
  return rows.map((row) => row.channelId);
}
