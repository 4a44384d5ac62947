import type postgres from 'postgres';
import type { Db } from '../client';
import { deletePingsBefore } from '../queries/heartbeat-queries';
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

/** What housekeeping reads of the DomainContext, spelled here because db/ imports nothing from above it. */
export interface MaintenanceContext {
  db: Db;
  sql: postgres.Sql;
  settings: { resultRetentionDays: number };
}

/** The daily housekeeping: partitions ahead, expired raw results and heartbeat pings dropped, very old rollups removed. */
export async function runMaintenance(ctx: MaintenanceContext, now = new Date()): Promise<MaintenanceReport> {
  const partitionsCreated = await ensureResultPartitions(ctx.sql, now);
  const partitionsDropped = await dropExpiredResultPartitions(ctx.sql, now, ctx.settings.resultRetentionDays);
  await deletePingsBefore(ctx.sql, new Date(now.getTime() - ctx.settings.resultRetentionDays * DAY_MS));
  await deleteRollupsBefore(ctx.db, 'hour', new Date(now.getTime() - HOURLY_ROLLUP_DAYS * DAY_MS));
  await deleteRollupsBefore(ctx.db, 'day', new Date(now.getTime() - DAILY_ROLLUP_DAYS * DAY_MS));
  return { partitionsCreated, partitionsDropped };
}
