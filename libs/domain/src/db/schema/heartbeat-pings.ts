import { bigserial, boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { HeartbeatPingKind } from '@mini-netumo/contracts';
import { monitors } from './monitors';

/**
 * Every ping a heartbeat received, as it came: the ping log. Kept as long as raw check results
 * (RESULT_RETENTION_DAYS); the verdicts it led to are in check_results and the rollups.
 */
export const heartbeatPings = pgTable(
  'heartbeat_pings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    monitorId: uuid('monitor_id')
      .notNull()
      .references(() => monitors.id, { onDelete: 'cascade' }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    kind: text('kind').$type<HeartbeatPingKind>().notNull(),
    /** `/ping/<key>/<0-255>`: the job's exit status. */
    exitStatus: integer('exit_status'),
    method: text('method').notNull(),
    sourceAddress: text('source_address'),
    userAgent: text('user_agent'),
    body: text('body'),
    /** The body was longer than the limit and is stored cut. */
    bodyTruncated: boolean('body_truncated').notNull().default(false),
    runId: uuid('run_id'),
    /** A finish that ended an open run: how long the run took. */
    durationMs: integer('duration_ms'),
  },
  (table) => [
    index('heartbeat_pings_monitor_time_idx').on(table.monitorId, table.receivedAt.desc()),
    index('heartbeat_pings_time_idx').on(table.receivedAt),
  ],
);
export type HeartbeatPingRow = typeof heartbeatPings.$inferSelect;
