import type postgres from 'postgres';

/**
 * A month of rollups for `count` monitors, written by PostgreSQL itself (generate_series): what a fleet that has
 * run for a month looks like to the overview, which reads the last 24 hourly buckets and 30 daily ones. Hourly
 * buckets go back two days only: 30 days of them for 10,000 monitors would be 7 million rows nobody reads here.
 */
export async function seedHistory(sql: postgres.Sql, count: number, now: Date): Promise<string[]> {
  const ids = await sql<{ id: string }[]>`
    insert into monitors (name, url, interval_seconds, timeout_ms, expected_status_codes, failure_threshold, paused, status)
    select 'history ' || n, 'http://127.0.0.1:9/' || n, 300, 10000, '200-299', 2, true, 'paused'
    from generate_series(1, ${count}) as n
    returning id`;
  const end = now.toISOString();
  for (const [granularity, step, span] of [
    ['hour', '1 hour', '2 days'],
    ['day', '1 day', '30 days'],
  ] as const) {
    await sql.unsafe(`
      insert into check_rollups (monitor_id, granularity, bucket_start, checks, failures, unknowns, latency_count,
        latency_sum, latency_min, latency_max, histogram)
      select m.id, '${granularity}', b, 12, (random() < 0.02)::int, 0, 12, 12 * 80, 20, 400,
        array[0,0,0,1,1,2,2,2,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0]
      from monitors m
      cross join generate_series(date_trunc('${granularity}', '${end}'::timestamptz) - interval '${span}',
        date_trunc('${granularity}', '${end}'::timestamptz), interval '${step}') as b
      where m.name like 'history %'`);
  }
  return ids.map((row) => row.id);
}
