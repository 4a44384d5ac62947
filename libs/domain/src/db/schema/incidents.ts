import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Incident } from '@mini-netumo/contracts';
import { monitors } from './monitors';

/** A stretch of trouble. At most one unresolved incident per monitor and kind, enforced by the database. */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    monitorId: uuid('monitor_id')
      .notNull()
      .references(() => monitors.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<Incident['kind']>().notNull(),
    state: text('state').$type<Incident['state']>().notNull().default('open'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    cause: text('cause'),
    /**
     * What a tls or domain incident is about: the certificate's SHA-256 fingerprint, or the registration
     * (`example.com expires 2026-05-01`). One incident per subject; monitors sharing a certificate share it.
     */
    subject: text('subject'),
  },
  (table) => [
    uniqueIndex('incidents_one_open_per_kind')
      .on(table.monitorId, table.kind)
      .where(sql`state <> 'resolved'`),
    index('incidents_opened_idx').on(table.openedAt.desc()),
  ],
);

export type IncidentRow = typeof incidents.$inferSelect;
