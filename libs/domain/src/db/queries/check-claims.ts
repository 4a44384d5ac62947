import type postgres from 'postgres';
import { toMonitorRow, type RawRow } from '../raw-rows';
import type { MonitorRow } from '../schema';

type Tx = postgres.TransactionSql;
const list = (sql: postgres.Sql | Tx, values: unknown[]) => sql.array(values as never[]);

/**
 * Active monitors due by `horizon`, earliest first, locked: rows another worker holds are skipped, so each slot is
 * claimed by one worker however many ask. The caller moves them on (`moveClaimed`) in the same transaction.
 */
export async function claimDueChecks(tx: Tx, horizon: Date, limit: number): Promise<MonitorRow[]> {
  const rows = await tx<RawRow[]>`
    select * from monitors
    where next_check_at <= ${horizon.toISOString()}::timestamptz and not paused
    order by next_check_at limit ${limit} for update skip locked`;
  return rows.map(toMonitorRow);
}

export interface ClaimedMove {
  id: string;
  nextCheckAt: Date;
  overdueAt: Date | null;
}

/** Claimed rows on to their next slot, with the deadline that keeps a check in flight from looking overdue. */
export async function moveClaimed(tx: Tx, moves: ClaimedMove[]): Promise<void> {
  if (moves.length === 0) return;
  await tx`
    update monitors m set next_check_at = v.next_check_at, overdue_at = v.overdue_at
    from unnest(${list(
      tx,
      moves.map((move) => move.id),
    )}::uuid[],
      ${list(
        tx,
        moves.map((move) => move.nextCheckAt.toISOString()),
      )}::timestamptz[],
      ${list(
        tx,
        moves.map((move) => move.overdueAt?.toISOString() ?? null),
      )}::timestamptz[]) as v(id, next_check_at, overdue_at)
    where m.id = v.id`;
}

export interface UnstartedClaim {
  id: string;
  slotAt: Date;
  /** Where the claim moved it: a row changed since (an edit, a pause) keeps its own value. */
  movedTo: Date;
}

/** Gives claimed slots that never started back to the schedule (a worker stopping), for another worker to take. */
export async function releaseClaims(sql: postgres.Sql, claims: UnstartedClaim[]): Promise<void> {
  if (claims.length === 0) return;
  await sql`
    update monitors m set next_check_at = v.slot_at
    from unnest(${list(
      sql,
      claims.map((claim) => claim.id),
    )}::uuid[],
      ${list(
        sql,
        claims.map((claim) => claim.slotAt.toISOString()),
      )}::timestamptz[],
      ${list(
        sql,
        claims.map((claim) => claim.movedTo.toISOString()),
      )}::timestamptz[]) as v(id, slot_at, moved_to)
    where m.id = v.id and m.next_check_at = v.moved_to`;
}
