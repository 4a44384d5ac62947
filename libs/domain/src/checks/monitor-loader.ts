import type postgres from 'postgres';
import { findMonitorsForChecks } from '../db/queries/check-batch-reads';
import type { MonitorRow } from '../db/schema';

/**
 * Reads a monitor's row as its check starts, so an edit takes effect at the next check. Checks that start in
 * the same turn of the event loop share one query: the worker's profile showed a statement per check costing
 * more CPU (ours and PostgreSQL's) than the check's own row.
 */
export interface MonitorLoader {
  /** The row as stored now; undefined when the monitor was deleted. */
  load(id: string): Promise<MonitorRow | undefined>;
}

interface Waiting {
  id: string;
  resolve: (row: MonitorRow | undefined) => void;
  reject: (error: unknown) => void;
}

export function createMonitorLoader(sql: postgres.Sql): MonitorLoader {
  let waiting: Waiting[] = [];
  let scheduled = false;

  const read = async () => {
    scheduled = false;
    const batch = waiting;
    waiting = [];
    try {
      const rows = new Map((await findMonitorsForChecks(sql, [...new Set(batch.map((each) => each.id))])).map((row) => [row.id, row]));
      for (const each of batch) each.resolve(rows.get(each.id));
    } catch (error) {
      for (const each of batch) each.reject(error);
    }
  };

  return {
    load(id) {
      return new Promise((resolve, reject) => {
        waiting.push({ id, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => void read());
        }
      });
    },
  };
}
