import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AlertType, DeliveryStatus } from '@mini-netumo/contracts';
import { channels } from './channels';
import { incidentEvents } from './incident-events';
import { incidents } from './incidents';

/** One attempt as stored in jsonb (dates as ISO text). */
export interface StoredAttempt {
  at: string;
  channelId: string;
  fallback: boolean;
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** The worker stopped during this send: whether the provider got it is unknown. */
  interrupted?: true;
}

/**
 * One alert (incident event) on its way to one channel: the dead-letter queue is the rows with status
 * `dead`. The idempotency key is recorded before the first send and goes to providers that honour it, so a
 * worker killed mid-send re-delivers at most once.
 */
export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    eventId: uuid('event_id')
      .notNull()
      .references(() => incidentEvents.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    type: text('type').$type<AlertType>().notNull(),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    fallbackChannelId: uuid('fallback_channel_id').references(() => channels.id, { onDelete: 'set null' }),
    /** The latest attempts only (see MAX_STORED_ATTEMPTS); attemptCount counts them all. */
    attempts: jsonb('attempts').$type<StoredAttempt[]>().notNull().default([]),
    attemptCount: integer('attempt_count').notNull().default(0),
    lastError: text('last_error'),
    idempotencyKey: text('idempotency_key').notNull(),
    /** Set just before a send and cleared after it: still set at the next start means a worker died mid-send. */
    sendingSince: timestamp('sending_since', { withTimezone: true }),
    /** Bumped by a manual retry, so the retry's jobs get fresh ids. */
    generation: integer('generation').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('alert_deliveries_idempotency_key').on(table.idempotencyKey),
    index('alert_deliveries_status_idx').on(table.status, table.updatedAt.desc()),
    index('alert_deliveries_incident_idx').on(table.incidentId),
    index('alert_deliveries_channel_idx').on(table.channelId, table.createdAt.desc()),
  ],
);

export type AlertDeliveryRow = typeof alertDeliveries.$inferSelect;
