import { and, desc, eq, gte, lt, or, type SQL } from 'drizzle-orm';
import type { CheckResult, CheckErrorKind, CheckVerdict } from '@mini-netumo/contracts';
import { ValidationError } from '../../errors';
import type { Db } from '../client';
import { toCheckResult } from '../monitor-row';
import { checkResults } from '../schema';

export interface ResultsFilter {
  monitorId: string;
  from?: Date;
  to?: Date;
  kind?: CheckErrorKind;
  verdict?: CheckVerdict;
  limit: number;
  cursor?: string;
}

/**
 * Keyset paging, newest first: each page continues after the last (checked_at, id) of the previous one,
 * so deep pages cost the same as the first and new checks arriving meanwhile do not shift the pages.
 */
export async function listResultsPage(db: Db, filter: ResultsFilter): Promise<{ items: CheckResult[]; nextCursor: string | null }> {
  const conditions: SQL[] = [eq(checkResults.monitorId, filter.monitorId)];
  if (filter.from) conditions.push(gte(checkResults.checkedAt, filter.from));
  if (filter.to) conditions.push(lt(checkResults.checkedAt, filter.to));
  if (filter.kind) conditions.push(eq(checkResults.errorKind, filter.kind));
  if (filter.verdict) conditions.push(eq(checkResults.verdict, filter.verdict));
  if (filter.cursor) {
    const { at, id } = decodeCursor(filter.cursor);
    conditions.push(or(lt(checkResults.checkedAt, at), and(eq(checkResults.checkedAt, at), lt(checkResults.id, id)))!);
  }
  const rows = await db
    .select()
    .from(checkResults)
    .where(and(...conditions))
    .orderBy(desc(checkResults.checkedAt), desc(checkResults.id))
    .limit(filter.limit + 1);
  const items = rows.slice(0, filter.limit).map(toCheckResult);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > filter.limit && last ? encodeCursor(last.checkedAt, last.id) : null };
}

const encodeCursor = (at: Date, id: number) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

function decodeCursor(cursor: string): { at: Date; id: number } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (Number.isNaN(at.getTime()) || !/^\d+$/.test(id ?? '')) throw new ValidationError('cursor is not a cursor from a previous page');
  return { at, id: Number(id) };
}

/** Oldest first, for exports; capped so one request cannot pull millions of rows into memory. */
export const resultsInWindow = (db: Db, monitorId: string, from: Date, to: Date, max: number) =>
  db
    .select()
    .from(checkResults)
    .where(and(eq(checkResults.monitorId, monitorId), gte(checkResults.checkedAt, from), lt(checkResults.checkedAt, to)))
    .orderBy(checkResults.checkedAt, checkResults.id)
    .limit(max);
