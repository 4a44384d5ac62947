import { lockedStates, type CheckToStore } from '../../db/queries/check-batch-writes';
import { wakeableSleep } from '../../core/wakeable-sleep';
import {
  claimDueHeartbeats,
  nextHeartbeatDeadline,
  updateHeartbeatTimes,
  type HeartbeatTimesUpdate,
} from '../../db/queries/heartbeat-queries';
import { recordChecksIn } from '../../evaluation/record-check';
import { rateLimitedWarning } from '../../logging/rate-limited-warning';
import type { MaintenanceCoverage } from '../../maintenance-windows/maintenance-cache';
import type { DomainContext } from '../../runtime/domain-context';
import { announceAll, createAnnouncer, type Announce } from './heartbeat-announcer';
import { heartbeatStateOf } from '../../checks/heartbeat/heartbeat-kind';
import { applyDeadline } from '../../checks/heartbeat/heartbeat-transitions';

export interface HeartbeatDeadlines {
  stop(): Promise<void>;
}

export interface HeartbeatDeadlineOptions {
  /** Heartbeats decided per transaction; more due than this are taken in the next round at once. */
  batch?: number;
  /**
   * The longest sleep between looks: a ping on another process may set a deadline earlier than the one this
   * sweeper sleeps towards, and is found within this.
   */
  maxSleepMs?: number;
  now?: () => Date;
}

/**
 * How long after a deadline it is decided. A ping received just before its deadline may still be on its way to
 * the database (the intake gathers a batch for a few milliseconds, and under load waits for the batch before);
 * deciding the deadline first would record a false DOWN and alert for a job that was on time.
 */
export const DEADLINE_SETTLE_MS = 500;

/** Deadlines were due but another worker's sweep held them all: it decides them; look again shortly. */
const BUSY_ELSEWHERE_PAUSE_MS = 100;

/**
 * Turns passed heartbeat deadlines into DOWN checks. No queue job or timer per heartbeat: the deadlines are a
 * column with a partial index, and one loop sleeps until the earliest (at most `maxSleepMs`), decides every
 * deadline due in one transaction (rows claimed FOR UPDATE SKIP LOCKED, so several workers share the work and
 * never decide one twice), and looks again. After a restart there is nothing to rebuild: PostgreSQL has it all.
 */
export function startHeartbeatDeadlines(
  ctx: DomainContext,
  maintenance: MaintenanceCoverage,
  options: HeartbeatDeadlineOptions = {},
): HeartbeatDeadlines {
  const { batch = 500, maxSleepMs = 1_000, now = () => new Date() } = options;
  const failed = rateLimitedWarning(ctx.logger, 'heartbeat deadline sweep failed; retrying');
  const announcer = createAnnouncer(ctx);

  let stopped = false;
  const { sleep, wake } = wakeableSleep();

  const loop = (async () => {
    while (!stopped) {
      let pauseMs = maxSleepMs;
      try {
        // One read while nothing is due, not a transaction: the loop looks every second, heartbeats or none.
        const next = await nextHeartbeatDeadline(ctx.sql);
        const dueInMs = next ? next.getTime() + DEADLINE_SETTLE_MS - now().getTime() : Number.POSITIVE_INFINITY;
        if (dueInMs > 0) pauseMs = Math.min(maxSleepMs, dueInMs);
        else {
          const decided = await sweepDue(ctx, maintenance, now(), batch, announcer.later);
          // Decided some: look again at once (more may be due). None: another worker holds them; not a spin.
          pauseMs = decided > 0 ? 0 : BUSY_ELSEWHERE_PAUSE_MS;
        }
      } catch (error) {
        failed({ error });
      }
      if (!stopped) await sleep(pauseMs);
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake();
      await loop;
      await announcer.settled();
    },
  };
}

/**
 * One round: every heartbeat whose deadline passed by `now` (less DEADLINE_SETTLE_MS; up to `batch`) gets its
 * DOWN check, in one transaction. What it decided is announced after the commit (by default before this resolves).
 */
export async function sweepDue(
  ctx: DomainContext,
  maintenance: MaintenanceCoverage,
  now: Date,
  batch: number,
  announce: (...args: Parameters<Announce>) => void | Promise<void> = (recorded, moved) => announceAll(ctx, recorded, moved),
): Promise<number> {
  const { recorded, moved, decided } = await ctx.sql.begin(async (tx) => {
    const rows = await claimDueHeartbeats(tx, new Date(now.getTime() - DEADLINE_SETTLE_MS), batch);
    const checks: CheckToStore[] = [];
    const updates: HeartbeatTimesUpdate[] = [];
    for (const row of rows) {
      const step = applyDeadline(heartbeatStateOf(row), now);
      updates.push({ id: row.id, ...step.times });
      const dueAt = row.deadlineAt ?? now;
      if (step.check) {
        checks.push({
          monitorId: row.id,
          // The slot is the deadline, the check time when it was decided: their gap is the detection lag.
          slotAt: dueAt,
          checkedAt: now,
          outcome: step.check,
          verdict: 'down',
          attempts: 1,
          // A miss in a maintenance window alerts nobody and counts in no uptime.
          inMaintenance: await maintenance.covers(row.id, dueAt),
        });
      }
    }
    await updateHeartbeatTimes(tx, updates);
    const recorded = await recordChecksIn(tx, checks, now, lockedStates(rows));
    return { recorded, moved: updates, decided: rows.length };
  });
  await announce(recorded, moved);
  return decided;
}
