import { desc, eq } from 'drizzle-orm';
import type { CheckResult } from '@mini-netumo/contracts';
import type { Db } from '../client';
import { toCheckResult } from '../monitor-row';
import { checkResults } from '../schema';

/** Newest first, served by the (monitor_id, checked_at desc) index. */
export async function recentResults(db: Db, monitorId: string, limit: number): Promise<CheckResult[]> {
  const rows = await db
    .select()
    .from(checkResults)
    .where(eq(checkResults.monitorId, monitorId))
    .orderBy(desc(checkResults.checkedAt), desc(checkResults.id))
    .limit(limit);
  return rows.map(toCheckResult);
}
