import type { CheckResult } from '@mini-netumo/contracts';
import { newestResults } from '../db/queries/result-queries';
import { readResultsPage, type ResultsPageQuery } from '../db/queries/results-page';
import { requireMonitor } from '../monitor-model/require-monitor';
import type { DomainContext } from '../runtime/domain-context';
import { ValidationError } from '../core/errors';

export interface ResultsFilter extends Omit<ResultsPageQuery, 'after'> {
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** The monitor's latest results, newest first; NOT_FOUND for an unknown monitor, not an empty list. */
export async function recentResults(ctx: DomainContext, monitorId: string, limit: number): Promise<CheckResult[]> {
  await requireMonitor(ctx.db, monitorId);
  return newestResults(ctx.db, monitorId, limit);
}

/** One page of results, newest first, filtered by time, failure kind and verdict; `nextCursor` continues it. */
export async function listResultsPage(
  ctx: DomainContext,
  filter: ResultsFilter,
): Promise<{ items: CheckResult[]; nextCursor: string | null }> {
  await requireMonitor(ctx.db, filter.monitorId);
  const { cursor, ...query } = filter;
  const { items, more } = await readResultsPage(ctx.db, { ...query, after: cursor ? decodeCursor(cursor) : undefined });
  const last = items.at(-1);
  return { items, nextCursor: more && last ? encodeCursor(last.checkedAt, last.id) : null };
}

const encodeCursor = (at: Date, id: number) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

function decodeCursor(cursor: string): { at: Date; id: number } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (Number.isNaN(at.getTime()) || !/^\d+$/.test(id ?? ''))
    throw ValidationError.at(['cursor'], 'cursor is not a cursor from a previous page');
  return { at, id: Number(id) };
}
