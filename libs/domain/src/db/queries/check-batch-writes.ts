import type postgres from 'postgres';
import type { CheckResult, CheckTimings, CheckVerdict, MonitorKind, MonitorStatus } from '@mini-netumo/contracts';
import { toIncidentRow, type RawRow } from '../raw-rows';
import type { RollupIncrement } from '../rollup-counts';
import type { IncidentRow, MonitorRow } from '../schema';

/**
 * The hot path's SQL, in postgres.js directly: building these statements through the query builder cost
 * more CPU than running them (bench profile). Each statement handles a whole batch through unnest().
 * Note: drizzle makes this client return timestamps as strings and send json as text, hence the mapping.
 */
type Tx = postgres.TransactionSql;

/** A column of the batch as one array parameter; the SQL casts it (`::int[]`), so nulls and types are explicit. */
const list = (tx: Tx, values: unknown[]) => tx.array(values as never[]);

/**
 * What a probe measured, whatever its kind: the stored result's fields. Active probes are always timed (a failed
 * probe is data too); a heartbeat's verdict has no timings, and a latency only as the run's duration.
 */
export type ProbeOutcome = Pick<CheckResult, 'ok' | 'statusCode' | 'errorKind' | 'errorMessage'> & {
  latencyMs: number | null;
  timings: CheckTimings | null;
};

/** One finished check, as the worker hands it to the recorder and the batch stores it. */
export interface CheckToStore {
  monitorId: string;
  /** When the check was due (see jobSlotAt): a slot already stored, or older than the newest, is dropped. */
  slotAt: Date;
  checkedAt: Date;
  outcome: ProbeOutcome;
  verdict: CheckVerdict;
  attempts: number;
  /** A maintenance window covered the monitor when the check started: excluded from uptime, not from the state. */
  inMaintenance: boolean;
}

/** One rollup row's worth of increments, summed over the checks of a batch that fall in it. */
export interface RollupDelta extends RollupIncrement {
  monitorId: string;
  granularity: 'hour' | 'day';
  bucketStart: Date;
}

/** A monitor's state after the batch's checks of it, decided by the state machine. */
export interface MonitorUpdate {
  id: string;
  status: MonitorStatus;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  checkedAt: Date;
  latencyMs: number | null;
  error: string | null;
  slotAt: Date;
  /** Null for a heartbeat, which is never overdue (see planBatch). */
  overdueAt: Date | null;
}

export interface DownIncidentOpening {
  monitorId: string;
  at: Date;
  cause: string | null;
}

export interface DownIncidentResolve {
  monitorId: string;
  at: Date;
}

export interface MonitorStateRow {
  id: string;
  kind: MonitorKind;
  paused: boolean;
  status: MonitorStatus;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  failureThreshold: number;
  recoveryThreshold: number;
  intervalSeconds: number;
  /** The newest stored slot; a check of this slot or an older one is a re-run and is dropped. */
  lastSlotAt: Date | null;
}

/** The columns a batch decides a monitor's next state from (MonitorStateRow), as property names. */
const STATE_KEYS = [
  'id',
  'kind',
  'paused',
  'status',
  'consecutiveFailures',
  'consecutiveSuccesses',
  'failureThreshold',
  'recoveryThreshold',
  'intervalSeconds',
  'lastSlotAt',
] as const satisfies readonly (keyof MonitorStateRow)[];

/** The states of monitor rows the caller already holds locked (a heartbeat batch or sweep locks its rows first), by id. */
export function lockedStates(rows: MonitorRow[]): Map<string, MonitorStateRow> {
  return new Map(rows.map((row) => [row.id, Object.fromEntries(STATE_KEYS.map((key) => [key, row[key]])) as unknown as MonitorStateRow]));
}

/** Locks the monitors in id order (two batches can then never deadlock) and reads their state. */
export async function lockMonitorStates(tx: Tx, ids: string[]): Promise<Map<string, MonitorStateRow>> {
  const rows = await tx<MonitorStateRow[]>`
    select id, kind, paused, status, consecutive_failures as "consecutiveFailures",
      consecutive_successes as "consecutiveSuccesses", failure_threshold as "failureThreshold",
      recovery_threshold as "recoveryThreshold", interval_seconds as "intervalSeconds", last_slot_at as "lastSlotAt"
    from monitors where id = any(${list(tx, ids)}::uuid[]) order by id for update`;
  return new Map(rows.map((row) => [row.id, { ...row, lastSlotAt: row.lastSlotAt === null ? null : new Date(String(row.lastSlotAt)) }]));
}

/** Ids first, so every stored result is known without relying on RETURNING's row order. */
export async function allocateResultIds(tx: Tx, count: number): Promise<number[]> {
  const rows = await tx<{ id: string }[]>`select nextval('check_results_row_id_seq')::text as id from generate_series(1, ${count})`;
  return rows.map((row) => Number(row.id));
}

export async function insertResults(tx: Tx, ids: number[], results: CheckToStore[]): Promise<void> {
  const col = <T>(pick: (check: CheckToStore) => T) => results.map(pick);
  await tx`
    insert into check_results (id, monitor_id, slot_at, checked_at, ok, verdict, in_maintenance, attempts, status_code, latency_ms, dns_ms,
      connect_ms, tls_ms, first_byte_ms, error_kind, error_message)
    select * from unnest(${list(tx, ids)}::bigint[], ${list(
      tx,
      col((c) => c.monitorId),
    )}::uuid[], ${list(
      tx,
      col((c) => c.slotAt.toISOString()),
    )}::timestamptz[],
      ${list(
        tx,
        col((c) => c.checkedAt.toISOString()),
      )}::timestamptz[],
      ${list(
        tx,
        col((c) => c.outcome.ok),
      )}::boolean[], ${list(
        tx,
        col((c) => c.verdict),
      )}::text[], ${list(
        tx,
        col((c) => c.inMaintenance),
      )}::boolean[],
      ${list(
        tx,
        col((c) => c.attempts),
      )}::int[],
      ${list(
        tx,
        col((c) => c.outcome.statusCode),
      )}::int[], ${list(
        tx,
        col((c) => c.outcome.latencyMs),
      )}::int[], ${list(
        tx,
        col((c) => c.outcome.timings?.dnsMs ?? null),
      )}::int[],
      ${list(
        tx,
        col((c) => c.outcome.timings?.connectMs ?? null),
      )}::int[], ${list(
        tx,
        col((c) => c.outcome.timings?.tlsMs ?? null),
      )}::int[],
      ${list(
        tx,
        col((c) => c.outcome.timings?.firstByteMs ?? null),
      )}::int[], ${list(
        tx,
        col((c) => c.outcome.errorKind),
      )}::text[], ${list(
        tx,
        col((c) => c.outcome.errorMessage),
      )}::text[])`;
}

/** Adds each delta to its hour/day rollup; histograms are added element by element. */
export async function upsertRollups(tx: Tx, deltas: RollupDelta[]): Promise<void> {
  const col = <T>(pick: (delta: RollupDelta) => T) => deltas.map(pick);
  await tx`
    insert into check_rollups (monitor_id, granularity, bucket_start, checks, failures, unknowns, maintenance, latency_count,
      latency_sum, latency_min, latency_max, histogram)
    select m, g, b, c, f, u, mt, lc, ls, lmin, lmax, h::int[]
    from unnest(${list(
      tx,
      col((d) => d.monitorId),
    )}::uuid[], ${list(
      tx,
      col((d) => d.granularity),
    )}::text[], ${list(
      tx,
      col((d) => d.bucketStart.toISOString()),
    )}::timestamptz[],
      ${list(
        tx,
        col((d) => d.checks),
      )}::int[], ${list(
        tx,
        col((d) => d.failures),
      )}::int[], ${list(
        tx,
        col((d) => d.unknowns),
      )}::int[],
      ${list(
        tx,
        col((d) => d.maintenance),
      )}::int[], ${list(
        tx,
        col((d) => d.latencyCount),
      )}::int[],
      ${list(
        tx,
        col((d) => d.latencySum),
      )}::bigint[], ${list(
        tx,
        col((d) => d.latencyMin),
      )}::int[], ${list(
        tx,
        col((d) => d.latencyMax),
      )}::int[],
      ${list(
        tx,
        col((d) => `{${d.histogram.join(',')}}`),
      )}::text[]) as t(m, g, b, c, f, u, mt, lc, ls, lmin, lmax, h)
    on conflict (monitor_id, granularity, bucket_start) do update set
      checks = check_rollups.checks + excluded.checks,
      failures = check_rollups.failures + excluded.failures,
      unknowns = check_rollups.unknowns + excluded.unknowns,
      maintenance = check_rollups.maintenance + excluded.maintenance,
      latency_count = check_rollups.latency_count + excluded.latency_count,
      latency_sum = check_rollups.latency_sum + excluded.latency_sum,
      latency_min = least(check_rollups.latency_min, excluded.latency_min),
      latency_max = greatest(check_rollups.latency_max, excluded.latency_max),
      histogram = (select array_agg(a + b order by i) from unnest(check_rollups.histogram, excluded.histogram) with ordinality as h(a, b, i))`;
}

/**
 * Returns only each row's id and `updated_at`: the caller knows the rest of the new state (it planned it), and
 * reading whole rows back cost the worker a row parse and a mapping per check at fleet scale.
 */
export async function updateMonitors(tx: Tx, updates: MonitorUpdate[]): Promise<{ id: string; updatedAt: Date }[]> {
  const col = <T>(pick: (update: MonitorUpdate) => T) => updates.map(pick);
  const rows = await tx<RawRow[]>`
    update monitors m set status = v.status, consecutive_failures = v.cf, consecutive_successes = v.cs,
      last_checked_at = v.at, last_latency_ms = v.latency, last_error = v.error,
      last_slot_at = v.slot, overdue_at = v.overdue, stale_since = null, stale_reason = null
    from unnest(${list(
      tx,
      col((u) => u.id),
    )}::uuid[], ${list(
      tx,
      col((u) => u.status),
    )}::text[], ${list(
      tx,
      col((u) => u.consecutiveFailures),
    )}::int[],
      ${list(
        tx,
        col((u) => u.consecutiveSuccesses),
      )}::int[], ${list(
        tx,
        col((u) => u.checkedAt.toISOString()),
      )}::timestamptz[],
      ${list(
        tx,
        col((u) => u.latencyMs),
      )}::int[], ${list(
        tx,
        col((u) => u.error),
      )}::text[],
      ${list(
        tx,
        col((u) => u.slotAt.toISOString()),
      )}::timestamptz[], ${list(
        tx,
        col((u) => u.overdueAt?.toISOString() ?? null),
      )}::timestamptz[])
      as v(id, status, cf, cs, at, latency, error, slot, overdue)
    where m.id = v.id
    returning m.id, m.updated_at`;
  return rows.map((row) => ({ id: String(row['id']), updatedAt: new Date(String(row['updated_at'])) }));
}

/** The partial unique index allows one open incident per monitor and kind; DO NOTHING keeps the first. */
export async function openDownIncidents(tx: Tx, opened: DownIncidentOpening[]): Promise<IncidentRow[]> {
  if (opened.length === 0) return [];
  const rows = await tx<RawRow[]>`
    insert into incidents (monitor_id, kind, state, opened_at, cause)
    select m, 'down', 'open', at, cause
    from unnest(${list(
      tx,
      opened.map((o) => o.monitorId),
    )}::uuid[], ${list(
      tx,
      opened.map((o) => o.at.toISOString()),
    )}::timestamptz[], ${list(
      tx,
      opened.map((o) => o.cause),
    )}::text[]) as t(m, at, cause)
    on conflict do nothing
    returning *`;
  return rows.map(toIncidentRow);
}

export async function resolveDownIncidents(tx: Tx, resolved: DownIncidentResolve[]): Promise<IncidentRow[]> {
  if (resolved.length === 0) return [];
  const rows = await tx<RawRow[]>`
    update incidents i set state = 'resolved', resolved_at = v.at
    from unnest(${list(
      tx,
      resolved.map((r) => r.monitorId),
    )}::uuid[], ${list(
      tx,
      resolved.map((r) => r.at.toISOString()),
    )}::timestamptz[]) as v(m, at)
    where i.monitor_id = v.m and i.kind = 'down' and i.state <> 'resolved'
    returning i.*`;
  return rows.map(toIncidentRow);
}
