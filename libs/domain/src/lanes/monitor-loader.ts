import { findMonitorsForChecks } from '../db/queries/check-batch-reads';
import type { MonitorRow } from '../db/schema';
import type { DomainContext } from '../runtime/domain-context';
import { createMicroBatcher } from '../core/micro-batcher';

/**
 * Reads a monitor's row as its check starts, so an edit takes effect at the next check. Checks that start in
 * the same turn of the event loop share one query: the worker's profile showed a statement per check costing
 * more CPU (ours and PostgreSQL's) than the check's own row.
 */
export interface MonitorLoader {
  /** The row as stored now; undefined when the monitor was deleted. */
  load(id: string): Promise<MonitorRow | undefined>;
}

export function createMonitorLoader(ctx: DomainContext): MonitorLoader {
  const batcher = createMicroBatcher(async (ids: string[]) => {
    const rows = new Map((await findMonitorsForChecks(ctx.sql, [...new Set(ids)])).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id));
  });
  return { load: (id) => batcher.add(id) };
}
