import { desc, eq } from 'drizzle-orm';
import type { CheckResult } from '@mini-netumo/contracts';
import { toCheckResult } from '../check-result-row';
import type { Db } from '../client';
import { checkResults } from '../schema';

/** Newest first, served by the (monitor_id, checked_at desc) index. */
export async function newestResults(db: Db, monitorId: string, limit: number): Promise<CheckResult[]> {
  const rows = await db
    .select()
    .from(checkResults)
    .where(eq(checkResults.monitorId, monitorId))
    .orderBy(desc(checkResults.checkedAt), desc(checkResults.id))
    .limit(limit);
  return rows.map(toCheckResult);
}
