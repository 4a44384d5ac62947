import { bigint, check, integer, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * The schedule watchdog's memory, one row for the whole fleet (whichever worker sweeps): when it last
 * looked, what it found, how many schedules it re-created, and whether monitoring is degraded right now.
 * The api reads it for /health; a sweep too long ago means no worker is watching.
 */
export const watchdogState = pgTable(
  'watchdog_state',
  {
    id: integer('id').primaryKey().default(1),
    sweptAt: timestamp('swept_at', { withTimezone: true }).notNull(),
    overdue: integer('overdue').notNull().default(0),
    repairs: bigint('repairs', { mode: 'number' }).notNull().default(0),
    /** Set when the overdue count went above the threshold (one notice), cleared on recovery (one notice). */
    degradedSince: timestamp('degraded_since', { withTimezone: true }),
  },
  (table) => [check('watchdog_state_one_row', sql`${table.id} = 1`)],
);

export type WatchdogStateRow = typeof watchdogState.$inferSelect;
