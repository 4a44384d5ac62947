import { and, desc, eq, gte, lt, or, type SQL } from 'drizzle-orm';
import type { CheckResult, CheckErrorKind, CheckVerdict } from '@mini-netumo/contracts';
import { toCheckResult } from '../check-result-row';
import type { Db } from '../client';
import { checkResults } from '../schema';

/** Where a page starts: after this (checked_at, id), newest first. */
export interface ResultsPosition {
  at: Date;
  id: number;
}

export interface ResultsPageQuery {
  monitorId: string;
  from?: Date;
  to?: Date;
  kind?: CheckErrorKind;
  verdict?: CheckVerdict;
  limit: number;
  after?: ResultsPosition;
}

/**
 * Keyset paging, newest first: each page continues after the last (checked_at, id) of the previous one,
 * so deep pages cost the same as the first and new checks arriving meanwhile do not shift the pages.
 */
export async function readResultsPage(db: Db, query: ResultsPageQuery): Promise<{ items: CheckResult[]; more: boolean }> {
  const conditions: SQL[] = [eq(checkResults.monitorId, query.monitorId)];
  if (query.from) conditions.push(gte(checkResults.checkedAt, query.from));
  if (query.to) conditions.push(lt(checkResults.checkedAt, query.to));
  if (query.kind) conditions.push(eq(checkResults.errorKind, query.kind));
  if (query.verdict) conditions.push(eq(checkResults.verdict, query.verdict));
  if (query.after) {
    const { at, id } = query.after;
    conditions.push(or(lt(checkResults.checkedAt, at), and(eq(checkResults.checkedAt, at), lt(checkResults.id, id)))!);
  }
  const rows = await db
    .select()
    .from(checkResults)
    .where(and(...conditions))
    .orderBy(desc(checkResults.checkedAt), desc(checkResults.id))
    .limit(query.limit + 1);
  return { items: rows.slice(0, query.limit).map(toCheckResult), more: rows.length > query.limit };
}

/** Oldest first, for exports; capped so one request cannot pull millions of rows into memory. */
export const resultsInWindow = (db: Db, monitorId: string, from: Date, to: Date, max: number) =>
  db
    .select()
    .from(checkResults)
    .where(and(eq(checkResults.monitorId, monitorId), gte(checkResults.checkedAt, from), lt(checkResults.checkedAt, to)))
    .orderBy(checkResults.checkedAt, checkResults.id)
    .limit(max);
