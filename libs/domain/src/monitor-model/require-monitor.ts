import type { Db } from '../db/client';
import { findMonitor } from '../db/queries/monitor-queries';
import type { MonitorRow } from '../db/schema';
import { NotFoundError } from '../core/errors';

/** The monitor's row; NOT_FOUND when there is none, so a read about an unknown monitor is never an empty answer. */
export async function requireMonitor(db: Db, id: string): Promise<MonitorRow> {
  const row = await findMonitor(db, id);
  if (!row) throw new NotFoundError('monitor', id);
  return row;
}
