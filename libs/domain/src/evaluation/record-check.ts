import type postgres from 'postgres';
import { isActiveKind, type CheckResult, type Incident, type MonitorState } from '@mini-netumo/contracts';
import { countCheck } from '../core/process-metrics';
import { toIncident } from '../alerting/incidents/incident-row';
import {
  allocateResultIds,
  insertResults,
  lockMonitorStates,
  openDownIncidents,
  resolveDownIncidents,
  updateMonitors,
  upsertRollups,
  type CheckToStore,
  type DownIncidentOpening,
  type DownIncidentResolve,
  type MonitorStateRow,
  type MonitorUpdate,
  type RollupDelta,
} from '../db/queries/check-batch-writes';
import type { RollupIncrement } from '../db/rollup-counts';
import type { DomainContext } from '../runtime/domain-context';
import { overdueAfter } from '../monitor-model/overdue-rules';
import { evaluateCheck } from './monitor-state';
import { dayBucket, hourBucket, rollupIncrement } from './rollup-increment';

export interface RecordedCheck {
  /** The monitor's state after this check (its batch's last check of it). */
  state: MonitorState;
  result: CheckResult;
  /** The incident opened or resolved by this check, if any. */
  incident: Incident | null;
}

/** A finished check of any kind; the batch writer's shape, so recording never depends on the probe. */
export type CheckToRecord = CheckToStore;

/** What the batch writer must do, decided in TypeScript by the state machine. */
export interface BatchPlan {
  results: CheckToRecord[];
  rollups: RollupDelta[];
  monitorUpdates: MonitorUpdate[];
  incidentsOpened: DownIncidentOpening[];
  incidentsResolved: DownIncidentResolve[];
  /** Per stored result: did it open or resolve an incident? */
  transitions: ('opened' | 'resolved' | null)[];
}

/**
 * Stores checks, adds them to the rollups and advances each monitor, for a whole batch in one transaction
 * with a handful of statements (writing one check at a time cost seven round trips each). Monitor rows are
 * locked in id order, so two batches never deadlock, and the checks of one monitor are applied in order.
 * A check whose monitor was deleted or paused meanwhile is dropped: its result no longer matters. So is a
 * re-run of a slot already stored (a job retried after its result committed, a stalled job run again).
 */
export async function recordChecks(
  ctx: Pick<DomainContext, 'sql'>,
  checks: CheckToRecord[],
  now = new Date(),
): Promise<(RecordedCheck | null)[]> {
  if (checks.length === 0) return [];
  return ctx.sql.begin((tx) => recordChecksIn(tx, checks, now)) as Promise<(RecordedCheck | null)[]>;
}

/**
 * recordChecks inside the caller's transaction: a heartbeat's ping and the verdict it leads to commit together,
 * so a ping answered 200 never lacks its verdict. `locked`: the states of monitor rows the caller already
 * locked in this transaction (the heartbeat intake and sweeper do), which saves reading them again.
 */
export async function recordChecksIn(
  tx: postgres.TransactionSql,
  checks: CheckToRecord[],
  now = new Date(),
  locked?: Map<string, MonitorStateRow>,
): Promise<(RecordedCheck | null)[]> {
  if (checks.length === 0) return [];
  const states = locked ?? (await lockMonitorStates(tx, [...new Set(checks.map((check) => check.monitorId))]));
  const plan = planBatch(states, checks, now);
  if (plan.results.length === 0) return checks.map(() => null);
  const ids = await allocateResultIds(tx, plan.results.length);
  // Independent writes, issued together: postgres.js pipelines them on the transaction's connection (one write
  // and one round trip instead of five), and PostgreSQL runs them in this order.
  const [, , updatedRows, openedRows, resolvedRows] = await Promise.all([
    insertResults(tx, ids, plan.results),
    upsertRollups(tx, plan.rollups),
    updateMonitors(tx, plan.monitorUpdates),
    openDownIncidents(tx, plan.incidentsOpened),
    resolveDownIncidents(tx, plan.incidentsResolved),
  ]);
  for (const check of plan.results)
    countCheck({ verdict: check.verdict, slotAt: check.slotAt, checkedAt: check.checkedAt, latencyMs: check.outcome.latencyMs });
  const monitors = statesAfter(plan.monitorUpdates, updatedRows);
  const opened = new Map(openedRows.map((row) => [row.monitorId, row]));
  const resolved = new Map(resolvedRows.map((row) => [row.monitorId, row]));

  const position = new Map(plan.results.map((check, i) => [check, i]));
  return checks.map((check) => {
    const i = position.get(check);
    const monitor = monitors.get(check.monitorId);
    if (i === undefined || !monitor) return null;
    const transition = plan.transitions[i];
    const incident =
      transition === 'opened' ? opened.get(check.monitorId) : transition === 'resolved' ? resolved.get(check.monitorId) : undefined;
    return { state: monitor, result: toResult(ids[i]!, check), incident: incident ? toIncident(incident) : null };
  });
}

/**
 * The states the batch wrote, as the dashboard sees them: a stored result clears staleness and moves the deadline
 * ahead, so none is stale; only `updatedAt` comes from the rows.
 */
function statesAfter(updates: MonitorUpdate[], rows: { id: string; updatedAt: Date }[]): Map<string, MonitorState> {
  const updatedAt = new Map(rows.map((row) => [row.id, row.updatedAt]));
  const states = new Map<string, MonitorState>();
  for (const update of updates) {
    const at = updatedAt.get(update.id);
    if (!at) continue; // deleted while its check ran
    states.set(update.id, {
      id: update.id,
      status: update.status,
      consecutiveFailures: update.consecutiveFailures,
      consecutiveSuccesses: update.consecutiveSuccesses,
      lastCheckedAt: update.checkedAt,
      lastLatencyMs: update.latencyMs,
      lastError: update.error,
      stale: null,
      updatedAt: at,
    });
  }
  return states;
}

function toResult(id: number, check: CheckToRecord): CheckResult {
  const { outcome } = check;
  return {
    id,
    monitorId: check.monitorId,
    checkedAt: check.checkedAt,
    ok: outcome.ok,
    verdict: check.verdict,
    inMaintenance: check.inMaintenance,
    attempts: check.attempts,
    statusCode: outcome.statusCode,
    latencyMs: outcome.latencyMs,
    timings: outcome.timings,
    errorKind: outcome.errorKind,
    errorMessage: outcome.errorMessage,
  };
}

export async function recordCheck(ctx: Pick<DomainContext, 'sql'>, check: CheckToRecord): Promise<RecordedCheck | null> {
  const [recorded] = await recordChecks(ctx, [check]);
  return recorded ?? null;
}

/** `now` is when the batch is stored: the next result is due an interval (plus the margin) after it. */
export function planBatch(states: Map<string, MonitorStateRow>, checks: CheckToRecord[], now: Date): BatchPlan {
  const plan: BatchPlan = { results: [], rollups: [], monitorUpdates: [], incidentsOpened: [], incidentsResolved: [], transitions: [] };
  const rollups = new Map<string, RollupDelta>();
  const updates = new Map<string, MonitorUpdate>();
  for (const check of checks) {
    const state = states.get(check.monitorId);
    if (!state || state.paused) continue;
    if (state.lastSlotAt && check.slotAt.getTime() <= state.lastSlotAt.getTime()) continue;
    state.lastSlotAt = check.slotAt;
    plan.results.push(check);
    const increment = rollupIncrement(check.verdict, check.outcome.latencyMs, check.inMaintenance);
    for (const [granularity, bucketStart] of [
      ['hour', hourBucket(check.checkedAt)],
      ['day', dayBucket(check.checkedAt)],
    ] as const) {
      const key = `${check.monitorId}|${granularity}|${bucketStart.getTime()}`;
      const delta = rollups.get(key);
      rollups.set(
        key,
        delta
          ? mergeIncrement(delta, increment)
          : { monitorId: check.monitorId, granularity, bucketStart, ...increment, histogram: [...increment.histogram] },
      );
    }
    const { next, transition } = evaluateCheck(state, check.verdict, state);
    Object.assign(state, next); // the next check of the same monitor in this batch starts from here
    updates.set(check.monitorId, {
      id: check.monitorId,
      ...next,
      checkedAt: check.checkedAt,
      latencyMs: check.outcome.latencyMs,
      error: check.outcome.errorMessage,
      slotAt: check.slotAt,
      // Only an active monitor can fall overdue: a heartbeat's silence is its own verdict (its deadline).
      overdueAt: isActiveKind(state.kind) ? overdueAfter(now, state.intervalSeconds) : null,
    });
    if (transition?.to === 'down') {
      plan.incidentsOpened.push({ monitorId: check.monitorId, at: check.checkedAt, cause: check.outcome.errorMessage });
      plan.transitions.push('opened');
    } else if (transition?.from === 'down' && transition.to === 'up') {
      plan.incidentsResolved.push({ monitorId: check.monitorId, at: check.checkedAt });
      plan.transitions.push('resolved');
    } else plan.transitions.push(null);
  }
  plan.rollups = [...rollups.values()];
  plan.monitorUpdates = [...updates.values()];
  return plan;
}

function mergeIncrement(into: RollupDelta, add: RollupIncrement): RollupDelta {
  into.checks += add.checks;
  into.failures += add.failures;
  into.unknowns += add.unknowns;
  into.maintenance += add.maintenance;
  into.latencyCount += add.latencyCount;
  into.latencySum += add.latencySum;
  into.latencyMin =
    add.latencyMin === null ? into.latencyMin : into.latencyMin === null ? add.latencyMin : Math.min(into.latencyMin, add.latencyMin);
  into.latencyMax =
    add.latencyMax === null ? into.latencyMax : into.latencyMax === null ? add.latencyMax : Math.max(into.latencyMax, add.latencyMax);
  add.histogram.forEach((count, i) => (into.histogram[i] = (into.histogram[i] ?? 0) + count));
  return into;
}
