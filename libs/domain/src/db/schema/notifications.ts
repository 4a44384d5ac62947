import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { NotificationSeverity } from '@mini-netumo/contracts';
import { channels } from './channels';
import { incidents } from './incidents';
import { monitors } from './monitors';

/** The in-app channel's inbox. The idempotency key makes a re-delivered alert land once. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'set null' }),
    incidentId: uuid('incident_id').references(() => incidents.id, { onDelete: 'cascade' }),
    monitorId: uuid('monitor_id').references(() => monitors.id, { onDelete: 'cascade' }),
    severity: text('severity').$type<NotificationSeverity>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('notifications_idempotency_key').on(table.idempotencyKey),
    index('notifications_created_idx').on(table.createdAt.desc()),
    index('notifications_unread_idx')
      .on(table.createdAt.desc())
      .where(sql`read_at is null`),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;
