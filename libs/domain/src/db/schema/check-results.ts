import { bigserial, boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CheckErrorKind, CheckVerdict } from '@mini-netumo/contracts';
import { monitors } from './monitors';

/**
 * The raw time series of checks. In PostgreSQL the table is PARTITIONED BY RANGE (checked_at), one partition
 * per day (migration 0001), so retention drops whole partitions instead of deleting rows; hence the primary
 * key includes checked_at. Drizzle does not model partitioning: see db/maintenance/partitions.ts.
 */
export const checkResults = pgTable(
  'check_results',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    monitorId: uuid('monitor_id')
      .notNull()
      .references(() => monitors.id, { onDelete: 'cascade' }),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    /** The time the check was due (its schedule slot, or when "check now" asked): one result per slot. */
    slotAt: timestamp('slot_at', { withTimezone: true }),
    ok: boolean('ok').notNull(),
    verdict: text('verdict').$type<CheckVerdict>().notNull(),
    /** A maintenance window covered the monitor when the check ran: the check counts in no uptime. */
    inMaintenance: boolean('in_maintenance').notNull().default(false),
    attempts: integer('attempts').notNull().default(1),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms'),
    dnsMs: integer('dns_ms'),
    connectMs: integer('connect_ms'),
    tlsMs: integer('tls_ms'),
    firstByteMs: integer('first_byte_ms'),
    errorKind: text('error_kind').$type<CheckErrorKind>(),
    errorMessage: text('error_message'),
  },
  (table) => [
    primaryKey({ columns: [table.id, table.checkedAt] }),
    index('check_results_monitor_time_idx').on(table.monitorId, table.checkedAt.desc()),
  ],
);

export type CheckResultRow = typeof checkResults.$inferSelect;
