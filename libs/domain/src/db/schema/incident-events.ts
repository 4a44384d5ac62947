import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { IncidentEventType, Suppression } from '@mini-netumo/contracts';
import { channels } from './channels';
import { incidents } from './incidents';

/**
 * An incident's timeline. The unique index makes "opened" and "resolved" happen once per incident: a
 * notice that is already recorded is never sent again, whoever tries (a retried job, the sweep).
 */
export const incidentEvents = pgTable(
  'incident_events',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    type: text('type').$type<IncidentEventType>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor'),
    note: text('note'),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'set null' }),
    suppressedBy: text('suppressed_by').$type<Suppression>(),
    /** A countdown reminder's step (7, 3, 1 days before expiry): unique per incident, so no step is reminded twice. */
    countdownDays: integer('countdown_days'),
  },
  (table) => [
    uniqueIndex('incident_events_once_per_incident')
      .on(table.incidentId, table.type)
      .where(sql`type in ('opened', 'resolved')`),
    uniqueIndex('incident_events_once_per_countdown_step')
      .on(table.incidentId, table.countdownDays)
      .where(sql`countdown_days is not null`),
    index('incident_events_incident_time_idx').on(table.incidentId, table.at),
  ],
);

export type IncidentEventRow = typeof incidentEvents.$inferSelect;
