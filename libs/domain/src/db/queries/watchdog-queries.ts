import type postgres from 'postgres';
import { toMonitorRow, type RawRow } from '../raw-rows';
import type { MonitorRow } from '../schema';

/** What the watchdog reads of an overdue monitor: enough to judge it, word it and give it a next deadline. */
export interface OverdueMonitor {
  id: string;
  intervalSeconds: number;
  overdueAt: Date;
  /** Its schedule: null for an active monitor only if something outside the product cleared it. */
  nextCheckAt: Date | null;
}

const list = (sql: postgres.Sql, values: unknown[]) => sql.array(values as never[]);

/**
 * Takes this sweep for the calling worker: true for exactly one of the workers that ask within `gapMs` of
 * each other, so the fleet is swept once per period however many workers run (no lock is held).
 */
export async function claimSweep(sql: postgres.Sql, now: Date, gapMs: number): Promise<boolean> {
  const rows = await sql`
    insert into watchdog_state (id, swept_at) values (1, ${now.toISOString()}::timestamptz)
    on conflict (id) do update set swept_at = excluded.swept_at
    where watchdog_state.swept_at <= excluded.swept_at - make_interval(secs => ${gapMs / 1_000})
    returning id`;
  return rows.length === 1;
}

/** Active monitors past their deadline, oldest first; the partial index on overdue_at answers it. */
export async function findOverdue(sql: postgres.Sql, now: Date, limit: number): Promise<OverdueMonitor[]> {
  const rows = await sql<{ id: string; intervalSeconds: number; overdueAt: string; nextCheckAt: string | null }[]>`
    select id, interval_seconds as "intervalSeconds", overdue_at as "overdueAt", next_check_at as "nextCheckAt"
    from monitors where not paused and overdue_at < ${now.toISOString()}::timestamptz
    order by overdue_at limit ${limit}`;
  return rows.map((row) => ({
    ...row,
    overdueAt: new Date(row.overdueAt),
    nextCheckAt: row.nextCheckAt === null ? null : new Date(row.nextCheckAt),
  }));
}

/** Active monitors with no schedule get one, due now; returns how many. */
export async function restoreSchedules(sql: postgres.Sql, ids: string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await sql`
    update monitors set next_check_at = ${now.toISOString()}::timestamptz
    where id = any(${list(sql, ids)}::uuid[]) and next_check_at is null and not paused and kind <> 'heartbeat'
    returning id`;
  return rows.length;
}

/**
 * Calls monitors stale (keeping the first `since`) and gives each its next deadline: the watchdog looks
 * again one interval later, not every sweep. Only those still past their deadline at `now` (a result may
 * have landed since they were read); returns their rows. A monitor whose result is being stored right now
 * (its row locked by the recorder, which locks in id order) is skipped, not waited for: updating the rest in
 * the join's order while the recorder held some of them deadlocked, and the recorder's whole batch was run again.
 */
export async function markStale(
  sql: postgres.Sql,
  now: Date,
  marks: { id: string; since: Date; reason: string; nextLook: Date }[],
): Promise<MonitorRow[]> {
  if (marks.length === 0) return [];
  const rows = await sql<RawRow[]>`
    update monitors m set stale_since = coalesce(m.stale_since, v.since), stale_reason = v.reason, overdue_at = v.next
    from unnest(${list(
      sql,
      marks.map((m) => m.id),
    )}::uuid[], ${list(
      sql,
      marks.map((m) => m.since.toISOString()),
    )}::timestamptz[],
      ${list(
        sql,
        marks.map((m) => m.reason),
      )}::text[], ${list(
        sql,
        marks.map((m) => m.nextLook.toISOString()),
      )}::timestamptz[]) as v(id, since, reason, next)
    where m.id = v.id and m.id in (
      select id from monitors
      where id = any(${list(
        sql,
        marks.map((m) => m.id),
      )}::uuid[]) and not paused and overdue_at < ${now.toISOString()}::timestamptz
      order by id for update skip locked)
    returning m.*`;
  return rows.map(toMonitorRow);
}

/** Active monitors that are stale or past their deadline: what /health reports and degradation counts. */
export async function countOverdue(sql: postgres.Sql, now: Date): Promise<number> {
  const [row] = await sql<{ count: number }[]>`
    select count(*)::int as count from monitors
    where not paused and (overdue_at < ${now.toISOString()}::timestamptz or stale_since is not null)`;
  return row?.count ?? 0;
}

export async function recordSweep(sql: postgres.Sql, result: { overdue: number; repairs: number }): Promise<void> {
  await sql`update watchdog_state set overdue = ${result.overdue}, repairs = repairs + ${result.repairs} where id = 1`;
}

/** Marks monitoring degraded; true only for the call that changed it (one notice per degradation). */
export async function startDegraded(sql: postgres.Sql, since: Date): Promise<boolean> {
  const rows =
    await sql`update watchdog_state set degraded_since = ${since.toISOString()}::timestamptz where id = 1 and degraded_since is null returning id`;
  return rows.length === 1;
}

/** Ends a degradation; returns when it began, or null when there was none (or another worker ended it). */
export async function endDegraded(sql: postgres.Sql): Promise<Date | null> {
  const rows = await sql<{ since: string }[]>`
    update watchdog_state w set degraded_since = null from (select degraded_since as since from watchdog_state where id = 1 for update) old
    where w.id = 1 and old.since is not null returning old.since`;
  return rows[0] ? new Date(rows[0].since) : null;
}

export interface WatchdogSnapshot {
  sweptAt: Date | null;
  repairs: number;
  degradedSince: Date | null;
}

export async function readWatchdog(sql: postgres.Sql): Promise<WatchdogSnapshot> {
  const [row] = await sql<{ sweptAt: string; repairs: string; degradedSince: string | null }[]>`
    select swept_at as "sweptAt", repairs::text as repairs, degraded_since as "degradedSince" from watchdog_state where id = 1`;
  return {
    sweptAt: row ? new Date(row.sweptAt) : null,
    repairs: row ? Number(row.repairs) : 0,
    degradedSince: row?.degradedSince ? new Date(row.degradedSince) : null,
  };
}
