import { desc, eq } from 'drizzle-orm';
import type { CheckResult } from '@mini-netumo/contracts';
import type { Db } from '../client';
import { checkResults } from '../schema';

/** Newest first, served by the (monitor_id, checked_at desc) index. */
export function recentResults(db: Db, monitorId: string, limit: number): Promise<CheckResult[]> {
  return db
    .select()
    .from(checkResults)
    .where(eq(checkResults.monitorId, monitorId))
    .orderBy(desc(checkResults.checkedAt), desc(checkResults.id))
    .limit(limit);
}
