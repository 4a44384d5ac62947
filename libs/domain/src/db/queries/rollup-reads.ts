import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../client';
import type { RollupIncrement } from '../rollup-counts';
import { checkRollups, type RollupGranularity } from '../schema';

export interface RollupPoint extends RollupIncrement {
  monitorId: string;
  bucketStart: Date;
}

const columns = {
  monitorId: checkRollups.monitorId,
  bucketStart: checkRollups.bucketStart,
  checks: checkRollups.checks,
  failures: checkRollups.failures,
  unknowns: checkRollups.unknowns,
  maintenance: checkRollups.maintenance,
  latencyCount: checkRollups.latencyCount,
  latencySum: checkRollups.latencySum,
  latencyMin: checkRollups.latencyMin,
  latencyMax: checkRollups.latencyMax,
  histogram: checkRollups.histogram,
};

/** One monitor's buckets since `from`, oldest first (primary key order). */
export function rollupsForMonitor(db: Db, monitorId: string, granularity: RollupGranularity, from: Date): Promise<RollupPoint[]> {
  return db
    .select(columns)
    .from(checkRollups)
    .where(and(eq(checkRollups.monitorId, monitorId), eq(checkRollups.granularity, granularity), gte(checkRollups.bucketStart, from)))
    .orderBy(asc(checkRollups.bucketStart));
}

/** Several monitors' buckets since `from`, each monitor's oldest first: a status page's monitors in one read. */
export function rollupsForMonitors(
  db: Db,
  monitorIds: readonly string[],
  granularity: RollupGranularity,
  from: Date,
): Promise<RollupPoint[]> {
  if (monitorIds.length === 0) return Promise.resolve([]);
  return db
    .select(columns)
    .from(checkRollups)
    .where(
      and(inArray(checkRollups.monitorId, [...monitorIds]), eq(checkRollups.granularity, granularity), gte(checkRollups.bucketStart, from)),
    )
    .orderBy(asc(checkRollups.monitorId), asc(checkRollups.bucketStart));
}

/** Removes rollups older than the cutoff; used by the daily maintenance job. */
export async function deleteRollupsBefore(db: Db, granularity: RollupGranularity, cutoff: Date): Promise<void> {
  await db.delete(checkRollups).where(and(eq(checkRollups.granularity, granularity), lt(checkRollups.bucketStart, cutoff)));
}
