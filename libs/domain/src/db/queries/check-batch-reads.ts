import type postgres from 'postgres';
import { toMonitorRow, type RawRow } from '../raw-rows';
import type { MonitorRow } from '../schema';

/** The worker's read before its checks, for every check starting at once: one statement instead of one each. */
export async function findMonitorsForChecks(sql: postgres.Sql, ids: string[]): Promise<MonitorRow[]> {
  const rows = await sql<RawRow[]>`select * from monitors where id = any(${sql.array(ids)}::uuid[])`;
  return rows.map(toMonitorRow);
}
