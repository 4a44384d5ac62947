import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { monitors } from './monitors';

export type RollupGranularity = 'hour' | 'day';

/**
 * Per monitor per hour and per day: counts, latency sum/min/max and a fixed-bucket latency histogram
 * (evaluation/latency-histogram.ts) from which percentiles come. Kept far longer than raw rows; every
 * statistic the dashboard shows is read from here, never by scanning check_results.
 */
export const checkRollups = pgTable(
  'check_rollups',
  {
    monitorId: uuid('monitor_id')
      .notNull()
      .references(() => monitors.id, { onDelete: 'cascade' }),
    granularity: text('granularity').$type<RollupGranularity>().notNull(),
    bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
    checks: integer('checks').notNull().default(0),
    failures: integer('failures').notNull().default(0),
    unknowns: integer('unknowns').notNull().default(0),
    /** Checks made in a maintenance window; they count here and never in failures or unknowns. */
    maintenance: integer('maintenance').notNull().default(0),
    latencyCount: integer('latency_count').notNull().default(0),
    latencySum: bigint('latency_sum', { mode: 'number' }).notNull().default(0),
    latencyMin: integer('latency_min'),
    latencyMax: integer('latency_max'),
    histogram: integer('histogram').array().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.monitorId, table.granularity, table.bucketStart] }),
    // The overview reads one granularity since a time for all monitors at once.
    index('check_rollups_granularity_bucket_idx').on(table.granularity, table.bucketStart),
  ],
);

export type CheckRollupRow = typeof checkRollups.$inferSelect;
