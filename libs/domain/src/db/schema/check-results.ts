import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CheckErrorKind } from '@mini-netumo/contracts';
import { monitors } from './monitors';

/** The time series of checks; read newest first per monitor, hence the composite index. */
export const checkResults = pgTable(
  'check_results',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    monitorId: uuid('monitor_id')
      .notNull()
      .references(() => monitors.id, { onDelete: 'cascade' }),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    ok: boolean('ok').notNull(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms'),
    errorKind: text('error_kind').$type<CheckErrorKind>(),
    errorMessage: text('error_message'),
  },
  (table) => [index('check_results_monitor_time_idx').on(table.monitorId, table.checkedAt.desc())],
);

export type CheckResultRow = typeof checkResults.$inferSelect;
