import type { Database } from '../client';
import { deleteRollupsBefore } from '../queries/rollup-reads';
import { dropExpiredResultPartitions, ensureResultPartitions } from './result-partitions';

const DAY_MS = 86_400_000;
/** Hourly rollups feed charts up to 90 days back; daily ones the yearly view. Both are kept at least a year. */
const HOURLY_ROLLUP_DAYS = 400;
const DAILY_ROLLUP_DAYS = 3 * 365;

export interface MaintenanceReport {
  partitionsCreated: string[];
  partitionsDropped: string[];
}

/** The daily housekeeping: partitions ahead, expired raw results dropped, very old rollups removed. */
export async function runMaintenance(database: Database, retentionDays: number, now = new Date()): Promise<MaintenanceReport> {
  const partitionsCreated = await ensureResultPartitions(database.sql, now);
  const partitionsDropped = await dropExpiredResultPartitions(database.sql, now, retentionDays);
  await deleteRollupsBefore(database.db, 'hour', new Date(now.getTime() - HOURLY_ROLLUP_DAYS * DAY_MS));
  await deleteRollupsBefore(database.db, 'day', new Date(now.getTime() - DAILY_ROLLUP_DAYS * DAY_MS));
  return { partitionsCreated, partitionsDropped };
}
