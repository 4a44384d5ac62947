import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ChannelKind } from '@mini-netumo/contracts';

/**
 * A place alerts go: global, chosen per monitor (monitor_channels). `config` holds the kind's settings with
 * secrets in clear: the database is the trust boundary; the API masks them and the logger never sees them.
 */
export const channels = pgTable('channels', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  kind: text('kind').$type<ChannelKind>().notNull(),
  config: jsonb('config').$type<Record<string, unknown>>().notNull(),
  enabled: boolean('enabled').notNull().default(true),
  isDefault: boolean('is_default').notNull().default(false),
  fallbackChannelId: uuid('fallback_channel_id').references((): AnyPgColumn => channels.id, { onDelete: 'set null' }),
  reminderIntervalMinutes: integer('reminder_interval_minutes'),
  /** Also told when monitoring itself is degraded and when it recovers. */
  systemNotices: boolean('system_notices').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ChannelRow = typeof channels.$inferSelect;
