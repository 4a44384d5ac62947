import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { IncidentUpdateState } from '@mini-netumo/contracts';
import { incidents } from './incidents';

/**
 * What the world is told about an incident, on the status pages listing its monitor. An edit rewrites the row and a
 * delete marks it; the incident's timeline (incident_events) keeps every version.
 */
export const incidentUpdates = pgTable(
  'incident_updates',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    state: text('state').$type<IncidentUpdateState>().notNull(),
    message: text('message').notNull(),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [index('incident_updates_incident_time_idx').on(table.incidentId, table.postedAt)],
);

export type IncidentUpdateRow = typeof incidentUpdates.$inferSelect;
