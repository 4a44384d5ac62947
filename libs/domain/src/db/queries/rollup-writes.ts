import { sql } from 'drizzle-orm';
import type { CheckVerdict } from '@mini-netumo/contracts';
import { dayBucket, hourBucket, rollupIncrement } from '../../evaluation/rollup-increment';
import type { Db } from '../client';
import { checkRollups } from '../schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Adds one check to its hour and day rollups in one statement. Done in the check's own transaction, so
 * statistics are always exactly the stored checks, with no aggregation job to fall behind.
 */
export async function addToRollups(tx: Tx | Db, monitorId: string, checkedAt: Date, verdict: CheckVerdict, latencyMs: number | null, inMaintenance: boolean) {
  const increment = rollupIncrement(verdict, latencyMs, inMaintenance);
  await tx
    .insert(checkRollups)
    .values([
      { monitorId, granularity: 'hour', bucketStart: hourBucket(checkedAt), ...increment },
      { monitorId, granularity: 'day', bucketStart: dayBucket(checkedAt), ...increment },
    ])
    .onConflictDoUpdate({
      target: [checkRollups.monitorId, checkRollups.granularity, checkRollups.bucketStart],
      set: {
        checks: sql`${checkRollups.checks} + excluded.checks`,
        failures: sql`${checkRollups.failures} + excluded.failures`,
        unknowns: sql`${checkRollups.unknowns} + excluded.unknowns`,
        maintenance: sql`${checkRollups.maintenance} + excluded.maintenance`,
        latencyCount: sql`${checkRollups.latencyCount} + excluded.latency_count`,
        latencySum: sql`${checkRollups.latencySum} + excluded.latency_sum`,
        latencyMin: sql`least(${checkRollups.latencyMin}, excluded.latency_min)`,
        latencyMax: sql`greatest(${checkRollups.latencyMax}, excluded.latency_max)`,
        histogram: sql`(select array_agg(a + b order by i) from unnest(${checkRollups.histogram}, excluded.histogram) with ordinality as h(a, b, i))`,
      },
    });
}
