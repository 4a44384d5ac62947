import type postgres from 'postgres';
import { nextSlotAfter } from '@mini-netumo/domain';

/**
 * HTTP monitors inserted directly (creating them is not what is measured), each first due at its next slot on its
 * own beat, as a fleet built up over time is: no burst of every monitor at once, and no second round off the beat.
 * A random first moment instead made the first claim move each monitor onto its beat as little as a quarter
 * interval later, so for over an interval every monitor ran twice as often as it should: at 100,000 every 60 s
 * the worker fell up to 9 s behind in that stretch and caught up ~90 s after the insert (what a bulk import of
 * that size does), and a bench window that began in it measured the import, not the fleet.
 */
export async function insertBenchMonitors(
  sql: postgres.Sql,
  options: { targetUrl: string; count: number; intervalSeconds: number; label: string },
): Promise<void> {
  const { targetUrl, count, intervalSeconds, label } = options;
  const intervalMs = intervalSeconds * 1_000;
  for (let from = 1; from <= count; from += 50_000) {
    const to = Math.min(count, from + 49_999);
    const rows = await sql<{ id: string }[]>`
      insert into monitors (name, url, interval_seconds, timeout_ms, expected_status_codes, failure_threshold, retries)
      select ${label} || ' ' || n, ${targetUrl} || '?m=' || n, ${intervalSeconds}, 10000, '200-299', 2, 0
      from generate_series(${from}::int, ${to}::int) as n
      returning id`;
    const now = Date.now();
    const ids = rows.map((row) => row.id);
    const slots = ids.map((id) => new Date(nextSlotAfter(id, intervalMs, now)).toISOString());
    await sql`
      update monitors m set next_check_at = v.slot
      from unnest(${sql.array(ids)}::uuid[], ${sql.array(slots)}::timestamptz[]) as v(id, slot)
      where m.id = v.id`;
  }
}

export async function countResults(sql: postgres.Sql, since?: Date): Promise<number> {
  const [row] = since
    ? await sql<
        { count: number }[]
      >`select count(*)::int as count from check_results where checked_at >= ${since.toISOString()}::timestamptz`
    : await sql<{ count: number }[]>`select count(*)::int as count from check_results`;
  return row?.count ?? 0;
}

/** How late checks started after their slot (checked_at − slot_at), in ms, for those started in [from, to). */
export async function lagPercentiles(sql: postgres.Sql, from: Date, to: Date): Promise<{ p50: number; p95: number; p99: number }> {
  // Nearest rank, as the bench's other percentiles.
  const [row] = await sql<{ lags: number[] | null }[]>`
    select percentile_disc(array[0.5, 0.95, 0.99]) within group (order by extract(epoch from (checked_at - slot_at)) * 1000) as lags
    from check_results
    where checked_at >= ${from.toISOString()}::timestamptz and checked_at < ${to.toISOString()}::timestamptz and slot_at is not null`;
  const [p50 = 0, p95 = 0, p99 = 0] = (row?.lags ?? []).map((lag) => Math.round(Number(lag)));
  return { p50, p95, p99 };
}

/**
 * Monitors whose checking fell behind at this moment: past the deadline the product itself keeps (a result within
 * an interval and its margin), or due for more than 5 s with no worker having taken the check. Counted at the end
 * of a window; a count of results against monitors × window ÷ interval would swing by hundreds at 100,000
 * monitors with random phases, and say nothing about any one monitor.
 */
export async function missedChecks(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ count: number }[]>`
    select count(*)::int as count from monitors
    where not paused and (overdue_at < now() or next_check_at < now() - interval '5 seconds')`;
  return row?.count ?? 0;
}
