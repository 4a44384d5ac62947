import type postgres from 'postgres';
import type { HeartbeatPing, HeartbeatPingKind } from '@mini-netumo/contracts';
import { toMonitorRow, type RawRow } from '../raw-rows';
import type { MonitorRow } from '../schema';

type Tx = postgres.TransactionSql;
const list = (tx: Tx, values: unknown[]) => tx.array(values as never[]);
const iso = (date: Date | null) => date?.toISOString() ?? null;
const date = (value: unknown) => (value === null || value === undefined ? null : new Date(String(value)));

/** The heartbeats these keys belong to, locked in id order like every batch that writes monitors (no deadlocks). */
export async function lockHeartbeatsByKey(tx: Tx, keys: string[]): Promise<MonitorRow[]> {
  const rows = await tx<RawRow[]>`
    select * from monitors
    where ping_key = any(${list(tx, keys)}::text[]) and kind = 'heartbeat'
    order by id for update`;
  return rows.map(toMonitorRow);
}

/**
 * Heartbeats whose deadline has passed, oldest deadline first, locked; rows another sweeper (or a ping batch)
 * holds are skipped, so two workers never decide the same deadline.
 */
export async function claimDueHeartbeats(tx: Tx, now: Date, limit: number): Promise<MonitorRow[]> {
  const rows = await tx<RawRow[]>`
    select * from monitors
    where deadline_at <= ${now.toISOString()}::timestamptz and not paused
    order by deadline_at limit ${limit} for update skip locked`;
  return rows.map(toMonitorRow);
}

/** The earliest deadline still ahead (or already due), so the sweeper can sleep until it. */
export async function nextHeartbeatDeadline(sql: postgres.Sql): Promise<Date | null> {
  const [row] = await sql`select min(deadline_at) as at from monitors where deadline_at is not null and not paused`;
  return date(row?.['at']);
}

export interface HeartbeatTimesUpdate {
  id: string;
  lastPingAt: Date | null;
  expectedAt: Date | null;
  deadlineAt: Date | null;
  runStartedAt: Date | null;
  runId: string | null;
}

/** The times as rows `v(id, last_ping, expected, deadline, run_started, run_id)`, for an UPDATE … FROM. */
function timesRows(tx: Tx, updates: HeartbeatTimesUpdate[]) {
  const col = <T>(pick: (update: HeartbeatTimesUpdate) => T) => list(tx, updates.map(pick));
  return tx`unnest(${col((u) => u.id)}::uuid[], ${col((u) => iso(u.lastPingAt))}::timestamptz[],
      ${col((u) => iso(u.expectedAt))}::timestamptz[], ${col((u) => iso(u.deadlineAt))}::timestamptz[],
      ${col((u) => iso(u.runStartedAt))}::timestamptz[], ${col((u) => u.runId)}::uuid[])
      as v(id, last_ping, expected, deadline, run_started, run_id)`;
}

const SET_TIMES = (tx: Tx) => tx`last_ping_at = v.last_ping, expected_at = v.expected, deadline_at = v.deadline,
  run_started_at = v.run_started, run_id = v.run_id`;

/** Writes the times the sweeper decided (it holds them, so nothing is read back). */
export async function updateHeartbeatTimes(tx: Tx, updates: HeartbeatTimesUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  await tx`update monitors m set ${SET_TIMES(tx)} from ${timesRows(tx, updates)} where m.id = v.id`;
}

/** A ping as the intake stores it. */
export interface PingToStore {
  monitorId: string;
  receivedAt: Date;
  kind: HeartbeatPingKind;
  exitStatus: number | null;
  method: string;
  sourceAddress: string | null;
  userAgent: string | null;
  body: string | null;
  bodyTruncated: boolean;
  runId: string | null;
  durationMs: number | null;
}

/**
 * A batch of pings and the times they moved, in one statement: one round trip less for every batch the intake
 * writes (the batch holds its heartbeats locked, and the next batch waits for it).
 */
export async function insertPingsAndTimes(tx: Tx, pings: PingToStore[], updates: HeartbeatTimesUpdate[]): Promise<void> {
  if (pings.length === 0) return updateHeartbeatTimes(tx, updates);
  const col = <T>(pick: (ping: PingToStore) => T) => list(tx, pings.map(pick));
  await tx`
    with stored as (
      insert into heartbeat_pings (monitor_id, received_at, kind, exit_status, method, source_address, user_agent, body,
        body_truncated, run_id, duration_ms)
      select * from unnest(${col((p) => p.monitorId)}::uuid[], ${col((p) => p.receivedAt.toISOString())}::timestamptz[],
        ${col((p) => p.kind)}::text[], ${col((p) => p.exitStatus)}::int[], ${col((p) => p.method)}::text[],
        ${col((p) => p.sourceAddress)}::text[], ${col((p) => p.userAgent)}::text[], ${col((p) => p.body)}::text[],
        ${col((p) => p.bodyTruncated)}::boolean[], ${col((p) => p.runId)}::uuid[], ${col((p) => p.durationMs)}::int[])
    )
    update monitors m set ${SET_TIMES(tx)} from ${timesRows(tx, updates)} where m.id = v.id`;
}

/** A heartbeat's log, newest first; `before` (a ping id) pages back. */
export async function listPings(sql: postgres.Sql, monitorId: string, limit: number, before?: number): Promise<HeartbeatPing[]> {
  const rows = await sql`
    select id, received_at, kind, exit_status, method, source_address, user_agent, body, body_truncated, run_id, duration_ms
    from heartbeat_pings
    where monitor_id = ${monitorId}::uuid ${before === undefined ? sql`` : sql`and id < ${before}`}
    order by id desc limit ${limit}`;
  return rows.map((raw) => ({
    id: Number(raw['id']),
    receivedAt: date(raw['received_at']) as Date,
    kind: raw['kind'] as HeartbeatPingKind,
    exitStatus: (raw['exit_status'] as number | null) ?? null,
    method: raw['method'] as string,
    sourceAddress: (raw['source_address'] as string | null) ?? null,
    userAgent: (raw['user_agent'] as string | null) ?? null,
    body: (raw['body'] as string | null) ?? null,
    bodyTruncated: raw['body_truncated'] as boolean,
    runId: (raw['run_id'] as string | null) ?? null,
    durationMs: (raw['duration_ms'] as number | null) ?? null,
  }));
}

/** Retention: pings are kept as long as raw check results. */
export async function deletePingsBefore(sql: postgres.Sql, cutoff: Date): Promise<number> {
  const result = await sql`delete from heartbeat_pings where received_at < ${cutoff.toISOString()}::timestamptz`;
  return result.count;
}
