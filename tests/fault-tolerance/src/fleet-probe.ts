import postgres from 'postgres';

/** How far the fleet got since a moment: how many active monitors have a result after it, and when the last one did. */
export interface Coverage {
  total: number;
  checked: number;
  /** From `since` to the first new result of the monitor that waited longest; null while some have none. */
  allCheckedAfterMs: number | null;
}

/** One look at the monitors' rows. */
export interface FleetSnapshot {
  /** Monitors with `stale_since` set. */
  stale: number;
  down: number;
  /** Active monitors past their own overdue deadline (`overdue_at`) by more than a poll's slack. */
  overdueIds: string[];
  /** Active monitors with no result for longer than the silence limit and no `stale_since`. */
  silentIds: string[];
}

/** Slack on `overdue_at` for the api and /health, read a moment apart from the test's own query. */
const OVERDUE_SLACK_MS = 3_000;

/** What must never happen, counted over everything stored so far. */
export interface Integrity {
  /** Two results of one monitor for the same schedule slot. */
  slotDuplicates: number;
  /**
   * Two results of one monitor less than 2 s apart for slots less than 2 s apart (or without a slot),
   * neither of them its first (the creation check): the same check stored twice under two slots. A late
   * retry of an old slot just before the next slot is not one.
   */
  closePairs: number;
  /** A few of them, for the failure message: `monitor: checked_at (slot_at) → checked_at (slot_at)`. */
  closePairExamples: string[];
  /** Results stored since the run began without their slot: the duplicate guard above would not see them. */
  resultsWithoutSlot: number;
  downIncidents: number;
  alertDeliveries: number;
}

/** The ground truth, read straight from PostgreSQL with a connection of the test's own. */
export interface FleetProbe {
  coverage(since: Date, options?: { skipFirstResult?: boolean }): Promise<Coverage>;
  snapshot(silenceLimitMs: number): Promise<FleetSnapshot>;
  /** Per active monitor, results with checked_at in (from, to], not counting its first result ever. */
  fewestResultsBetween(from: Date, to: Date): Promise<{ monitors: number; fewest: number; below: (min: number) => number }>;
  integrity(runStartedAt: Date): Promise<Integrity>;
  /** In-app notices created since a moment (system notices: monitoring degraded, recovered). */
  noticesSince(since: Date): Promise<{ title: string; createdAt: Date }[]>;
  /** Active monitors with no next check in their schedule column: nothing would ever check them. */
  unscheduledMonitorIds(): Promise<string[]>;
  sql: postgres.Sql;
  close(): Promise<void>;
}

export function openFleetProbe(databaseUrl: string): FleetProbe {
  // Short timeouts: while the database restarts, a probe fails fast and the watcher records it as unreachable.
  const sql = postgres(databaseUrl, { max: 3, connect_timeout: 3, idle_timeout: 5, onnotice: () => undefined });
  const closePairs = sql`
    select * from (select monitor_id, checked_at, slot_at, row_number() over w as n,
                          lag(checked_at) over w as prev_at, lag(slot_at) over w as prev_slot
                   from check_results window w as (partition by monitor_id order by checked_at)) pairs
    where n > 2 and checked_at - prev_at < interval '2 seconds'
      and (slot_at is null or prev_slot is null or abs(extract(epoch from slot_at - prev_slot)) < 2)`;
  return {
    unscheduledMonitorIds: () =>
      retried(async () =>
        (await sql<{ id: string }[]>`select id from monitors where not paused and kind <> 'heartbeat' and next_check_at is null`).map(
          (row) => row.id,
        ),
      ),
    sql,
    async coverage(since, options = {}) {
      const skipFirst = options.skipFirstResult ?? false;
      const [row] = await sql<{ total: number; checked: number; latest: Date | null }[]>`
        select count(*)::int as total, count(first_after)::int as checked, max(first_after) as latest
        from monitors m
        left join lateral (
          select min(r.checked_at) as first_after from check_results r
          where r.monitor_id = m.id and r.checked_at > ${since}
            and (not ${skipFirst} or r.checked_at > (select min(f.checked_at) from check_results f where f.monitor_id = m.id))
        ) first on true
        where not m.paused`;
      const { total, checked, latest } = row ?? { total: 0, checked: 0, latest: null };
      return { total, checked, allCheckedAfterMs: checked === total && latest ? latest.getTime() - since.getTime() : null };
    },
    async snapshot(silenceLimitMs) {
      const rows = await sql<{ id: string; stale: boolean; down: boolean; overdue: boolean; silent: boolean }[]>`
        select m.id, m.stale_since is not null as stale, m.status = 'down' as down,
               coalesce(m.overdue_at < now() - ${OVERDUE_SLACK_MS} * interval '1 millisecond', false) as overdue,
               coalesce(last.at, m.created_at) < now() - ${silenceLimitMs} * interval '1 millisecond' as silent
        from monitors m
        left join lateral (select max(r.checked_at) as at from check_results r where r.monitor_id = m.id) last on true
        where not m.paused`;
      return {
        stale: rows.filter((row) => row.stale).length,
        down: rows.filter((row) => row.down).length,
        overdueIds: rows.filter((row) => row.overdue).map((row) => row.id),
        silentIds: rows.filter((row) => row.silent && !row.stale).map((row) => row.id),
      };
    },
    async fewestResultsBetween(from, to) {
      const rows = await retried(async () => {
        // A client of its own for this one count: twice in CI (each time after PostgreSQL restarted under the
        // shared client) the answer held another statement's rows, parsed as these (778 rows for 600 monitors,
        // counts that were NaN). A fresh connection has no earlier statement to mix in.
        const once = postgres(databaseUrl, { max: 1, connect_timeout: 3, onnotice: () => undefined });
        try {
          const counted = await once<{ n: number }[]>`
            select count(r.checked_at)::int as n
            from monitors m
            left join check_results r on r.monitor_id = m.id and r.checked_at > ${from} and r.checked_at <= ${to}
              and r.checked_at > (select min(f.checked_at) from check_results f where f.monitor_id = m.id)
            where not m.paused
            group by m.id`;
          // Such an answer is read again rather than judged.
          if (counted.some((row) => !Number.isInteger(row.n))) throw new Error('the count came back without a whole number');
          return counted;
        } finally {
          await once.end({ timeout: 1 });
        }
      });
      const counts = rows.map((row) => row.n);
      return {
        monitors: counts.length,
        fewest: counts.length ? Math.min(...counts) : 0,
        below: (min) => counts.filter((n) => n < min).length,
      };
    },
    integrity: (runStartedAt) =>
      retried(async () => {
        const [row] = await sql<Omit<Integrity, 'closePairExamples'>[]>`
        select
          (select count(*) from (select 1 from check_results where slot_at is not null
                                 group by monitor_id, slot_at having count(*) > 1) d)::int as "slotDuplicates",
          (select count(*) from (${closePairs}) p)::int as "closePairs",
          (select count(*) from check_results where slot_at is null and checked_at > ${runStartedAt})::int as "resultsWithoutSlot",
          (select count(*) from incidents where kind = 'down')::int as "downIncidents",
          (select count(*) from alert_deliveries)::int as "alertDeliveries"`;
        if (!row) throw new Error('integrity query returned nothing');
        const examples = await sql<{ monitorId: string; prevAt: Date; prevSlot: Date | null; at: Date; slot: Date | null }[]>`
        select monitor_id as "monitorId", prev_at as "prevAt", prev_slot as "prevSlot", checked_at as at, slot_at as slot
        from (${closePairs}) p order by checked_at limit 3`;
        const time = (at: Date | null) => at?.toISOString().slice(11, 23) ?? 'null';
        const closePairExamples = examples.map(
          (pair) =>
            `${pair.monitorId.slice(0, 8)}: ${time(pair.prevAt)} (slot ${time(pair.prevSlot)}) → ${time(pair.at)} (slot ${time(pair.slot)})`,
        );
        return { ...row, closePairExamples };
      }),
    noticesSince: (since) =>
      retried(
        () => sql<{ title: string; createdAt: Date }[]>`
        select title, created_at as "createdAt" from notifications where created_at > ${since} order by created_at`,
      ),
    close: () => sql.end({ timeout: 5 }),
  };
}

/** A connection cut by a database restart can fail the next read on it; the observer tries again. */
export async function retried<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
