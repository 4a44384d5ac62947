import type postgres from 'postgres';

const DAY_MS = 86_400_000;
const PARTITION_NAME = /^check_results_p(\d{4})(\d{2})(\d{2})$/;

const partitionName = (day: Date) => `check_results_p${day.toISOString().slice(0, 10).replace(/-/g, '')}`;
const utcDay = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

/**
 * Creates the daily partitions of check_results from yesterday to `daysAhead` days ahead. Idempotent.
 * Rows for a day without a partition land in check_results_default, so a late run loses nothing.
 */
export async function ensureResultPartitions(sql: postgres.Sql, now: Date, daysAhead = 7): Promise<string[]> {
  const created: string[] = [];
  for (let offset = -1; offset <= daysAhead; offset++) {
    const day = new Date(utcDay(now).getTime() + offset * DAY_MS);
    const next = new Date(day.getTime() + DAY_MS);
    const name = partitionName(day);
    const [exists] = await sql`select 1 from pg_class where relname = ${name}`;
    if (exists) continue;
    try {
      await sql.unsafe(
        `create table if not exists "${name}" partition of check_results for values from ('${day.toISOString()}') to ('${next.toISOString()}')`,
      );
      created.push(name);
    } catch (error) {
      // The default partition already holds rows of that day (e.g. the product ran before maintenance did):
      // leave them there; they are still read and still expire with the default partition's sweep below.
      if ((error as { code?: string }).code !== '23514') throw error;
    }
  }
  return created;
}

/**
 * Retention: drops whole daily partitions older than `retentionDays` (instant, no vacuum debt), and sweeps
 * the few rows that may sit in the default partition with an ordinary delete.
 */
export async function dropExpiredResultPartitions(sql: postgres.Sql, now: Date, retentionDays: number): Promise<string[]> {
  const cutoff = new Date(utcDay(now).getTime() - retentionDays * DAY_MS);
  const partitions = await sql<{ name: string }[]>`
    select c.relname as name from pg_inherits i
    join pg_class c on c.oid = i.inhrelid
    join pg_class p on p.oid = i.inhparent
    where p.relname = 'check_results'`;
  const dropped: string[] = [];
  for (const { name } of partitions) {
    const match = PARTITION_NAME.exec(name);
    if (!match) continue;
    const dayEnd = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) + DAY_MS);
    if (dayEnd <= cutoff) {
      await sql.unsafe(`drop table if exists "${name}"`);
      dropped.push(name);
    }
  }
  // An ISO string, not a Date: drizzle replaces postgres.js's date serialiser on this client.
  await sql`delete from check_results_default where checked_at < ${cutoff.toISOString()}`;
  return dropped;
}
