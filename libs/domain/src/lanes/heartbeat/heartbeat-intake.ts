import type { HeartbeatPingKind } from '@mini-netumo/contracts';
import { lockedStates, type CheckToStore } from '../../db/queries/check-batch-writes';
import { insertPingsAndTimes, lockHeartbeatsByKey, type HeartbeatTimesUpdate, type PingToStore } from '../../db/queries/heartbeat-queries';
import { recordChecksIn } from '../../evaluation/record-check';
import type { MaintenanceCoverage } from '../../maintenance-windows/maintenance-cache';
import type { DomainContext } from '../../runtime/domain-context';
import { createMicroBatcher } from '../../core/micro-batcher';
import { createAnnouncer, type Announce } from './heartbeat-announcer';
import { heartbeatStateOf } from '../../checks/heartbeat/heartbeat-kind';
import { applyPing, type HeartbeatState } from '../../checks/heartbeat/heartbeat-transitions';
import { isWellFormedPingKey } from '../../checks/heartbeat/ping-key';

/** A ping as the public listener received it. */
export interface ReceivedPing {
  key: string;
  kind: HeartbeatPingKind;
  exitStatus: number | null;
  runId: string | null;
  method: string;
  sourceAddress: string | null;
  userAgent: string | null;
  body: string | null;
  bodyTruncated: boolean;
  receivedAt: Date;
}

export interface HeartbeatIntake {
  /** Resolves once the ping (and the verdict it led to) is committed; `unknown` for a key no heartbeat has. */
  receive(ping: ReceivedPing): Promise<'stored' | 'unknown'>;
  /** Stores what is waiting and finishes announcing it; call before closing the database. */
  flush(): Promise<void>;
}

/**
 * Stores pings in batches: every ping that arrives within a few milliseconds shares one transaction (one commit
 * instead of one each: the difference between hundreds and thousands of durable pings a second), and each
 * caller hears back only after that commit. Within the transaction the heartbeats are locked, each ping moves
 * its heartbeat's times in arrival order, and the checks they lead to are recorded with them.
 */
export function createHeartbeatIntake(
  ctx: DomainContext,
  maintenance: MaintenanceCoverage,
  options: { maxBatch?: number; waitMs?: number } = {},
): HeartbeatIntake {
  const announcer = createAnnouncer(ctx);
  const batcher = createMicroBatcher((pings: ReceivedPing[]) => storePings(ctx, maintenance, pings, announcer.later), {
    maxBatch: options.maxBatch ?? 500,
    waitMs: options.waitMs ?? 2,
    // Batches write the same rows; one at a time keeps each heartbeat's pings in order.
    serial: true,
  });
  return {
    receive: (ping) => (isWellFormedPingKey(ping.key) ? batcher.add(ping) : Promise.resolve('unknown')),
    async flush() {
      await batcher.flush();
      await announcer.settled();
    },
  };
}

async function storePings(
  ctx: DomainContext,
  maintenance: MaintenanceCoverage,
  pings: ReceivedPing[],
  announce: Announce,
): Promise<('stored' | 'unknown')[]> {
  const { answers, recorded, moved } = await ctx.sql.begin(async (tx) => {
    const heartbeats = new Map(
      (await lockHeartbeatsByKey(tx, [...new Set(pings.map((ping) => ping.key))])).map((row) => [row.pingKey, row]),
    );
    const states = new Map<string, HeartbeatState & { id: string }>();
    const toStore: PingToStore[] = [];
    const checks: CheckToStore[] = [];
    const answers = pings.map((ping): 'stored' | 'unknown' => {
      const row = heartbeats.get(ping.key);
      if (!row) return 'unknown';
      const state = states.get(row.id) ?? heartbeatStateOf(row);
      const step = applyPing(state, { kind: ping.kind, exitStatus: ping.exitStatus, at: ping.receivedAt, runId: ping.runId });
      // The next ping of this heartbeat in the batch starts from here (one failure and one success threshold).
      const verdict = step.check ? { up: step.check.ok, lastSlotAt: ping.receivedAt } : {};
      states.set(row.id, { ...state, ...step.times, ...verdict });
      const { key: _key, ...stored } = ping;
      toStore.push({ ...stored, monitorId: row.id, durationMs: step.durationMs });
      if (step.check) {
        const verdict = step.check.ok ? 'up' : 'down';
        checks.push({
          monitorId: row.id,
          // A ping that reached the database after a later slot was recorded (a miss decided while it was on
          // its way) still counts, just after that slot: otherwise the recovery it brings would be dropped.
          slotAt: laterOf(ping.receivedAt, state.lastSlotAt),
          checkedAt: ping.receivedAt,
          outcome: step.check,
          verdict,
          attempts: 1,
          inMaintenance: false,
        });
      }
      return 'stored';
    });
    // Pings in a maintenance window count; a failure reported in one alerts nobody and counts in no uptime.
    for (const check of checks) if (!check.outcome.ok) check.inMaintenance = await maintenance.covers(check.monitorId, check.checkedAt);
    // Times first, so the monitor each recorded check returns (and the dashboards receive) carries them. Both
    // are issued at once: postgres.js pipelines them, and PostgreSQL runs them in this order.
    const moved = [...states.values()].map(timesUpdateOf);
    const locked = lockedStates([...heartbeats.values()]);
    const [, recorded] = await Promise.all([insertPingsAndTimes(tx, toStore, moved), recordChecksIn(tx, checks, new Date(), locked)]);
    return { answers, recorded, moved };
  });
  announce(recorded, moved);
  return answers;
}

const laterOf = (receivedAt: Date, lastSlotAt: Date | null) =>
  lastSlotAt && lastSlotAt.getTime() >= receivedAt.getTime() ? new Date(lastSlotAt.getTime() + 1) : receivedAt;

const timesUpdateOf = (state: HeartbeatState & { id: string }): HeartbeatTimesUpdate => ({
  id: state.id,
  lastPingAt: state.lastPingAt,
  expectedAt: state.expectedAt,
  deadlineAt: state.deadlineAt,
  runStartedAt: state.runStartedAt,
  runId: state.runId,
});
