import { monitorStateOf } from '@mini-netumo/contracts';
import { claimSweep, countOverdue, findOverdue, markStale, postponeOverdue, recordSweep } from '../db/queries/watchdog-queries';
import { toMonitor } from '../monitor-model/monitor-row';
import { enqueueCatchUpCheck, nextSlotAfter } from '../queue/check-schedules';
import { eachConcurrently } from '../core/each-concurrently';
import { QUEUE_CALL_DEADLINE_MS } from '../queue/queue-call';
import { QUEUE_NAMES, checkJobDataSchema } from '../queue/queue-names';
import type { ScheduleSync } from '../scheduling/sync-schedules';
import { withTimeout } from '../core/with-timeout';
import type { DomainContext } from '../runtime/domain-context';
import { updateDegradation } from './degradation';
import { inFlightDeadline, overdueAfter } from '../monitor-model/overdue-rules';
import { lateBy } from '../monitor-model/staleness';

/** The watchdog's machinery beside the context, from the worker that runs it. */
export interface WatchdogLane {
  schedules: ScheduleSync;
  /** Monitors this process is checking now: after a FLUSHALL the queue no longer knows its own active jobs. */
  localInFlight(): Iterable<string>;
}

export interface OverdueSweepReport {
  /** Past their deadline but with a check in flight: given until it can end. */
  inFlight: number;
  /** Overdue with nothing in flight: schedule re-created and a check queued. */
  repaired: number;
  /** Overdue, but the queue could not be reached to repair them. */
  unreachable: number;
  /** Stale or past their deadline after this sweep, fleet-wide. */
  overdue: number;
}

/** Per sweep; a fleet that lost every schedule is repaired over a few sweeps rather than in one long one. */
const MAX_PER_SWEEP = 5_000;
const REPAIRED = 'its schedule was re-created and a check queued';
/** A monitor whose next slot is nearer than this gets no catch-up check: the slot's check comes first. */
const CATCH_UP_MIN_LEAD_MS = 5_000;
const UNREACHABLE = 'the job queue cannot be reached, so no check can run';

/**
 * One sweep. Judges from PostgreSQL alone (a deadline per monitor, moved on by every result), so it
 * notices what the queue cannot tell about itself: schedulers gone with a flushed Redis, or removed by a
 * race. An overdue monitor with no check in flight gets its schedule re-created from its row and a check
 * now, and is shown stale until its next result. Returns null when another worker took this sweep.
 */
export async function sweepOverdue(ctx: DomainContext, lane: WatchdogLane, now = new Date()): Promise<OverdueSweepReport | null> {
  const { sql } = ctx;
  const settings = ctx.settings.watchdog;
  if (!(await claimSweep(sql, now, settings.sweepEveryMs * 0.8))) return null;
  const candidates = await findOverdue(sql, now, MAX_PER_SWEEP);
  const active = await activeMonitorIds(ctx, lane);
  const busy = candidates.filter((monitor) => active?.has(monitor.id));
  const overdue = candidates.filter((monitor) => !active?.has(monitor.id));
  await postponeOverdue(
    sql,
    busy.map((monitor) => ({ id: monitor.id, until: inFlightDeadline(now, monitor) })),
  );

  // Marked first, and only while still past the deadline: a result stored since the read (the candidates are
  // a moment old) has moved it, and that monitor must not get a second check right behind its fresh one.
  const staleWith = (why: string) =>
    markStale(
      sql,
      now,
      overdue.map((monitor) => ({
        id: monitor.id,
        since: monitor.overdueAt,
        reason: `${lateBy(monitor.intervalSeconds)}; ${why}`,
        nextLook: overdueAfter(now, monitor.intervalSeconds),
      })),
    );
  let marked = await staleWith(active ? REPAIRED : UNREACHABLE);
  const repaired = active !== null && marked.length > 0 && (await repair(ctx, lane, marked, now));
  if (active && marked.length > 0 && !repaired) marked = await staleWith(UNREACHABLE);
  await publishStale(
    ctx,
    marked.map((row) => toMonitor(row)),
  );

  const count = await countOverdue(sql, now);
  await recordSweep(sql, { overdue: count, repairs: repaired ? marked.length : 0 });
  await updateDegradation(ctx, { overdue: count, threshold: settings.overdueThreshold, queueReachable: active !== null, now });
  const report = {
    inFlight: busy.length,
    repaired: repaired ? marked.length : 0,
    unreachable: repaired ? 0 : marked.length,
    overdue: count,
  };
  if (marked.length > 0) ctx.logger.warn('overdue monitors found', { ...report });
  return report;
}

/** Runs a sweep every period until stopped; a failed sweep (database away) is logged and tried again. */
export function startWatchdog(ctx: DomainContext, lane: WatchdogLane): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = sweepOverdue(ctx, lane)
      .catch((error: unknown) => ctx.logger.warn('watchdog sweep failed; next one in a moment', { error }))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, ctx.settings.watchdog.sweepEveryMs);
      });
  };
  timer = setTimeout(tick, ctx.settings.watchdog.sweepEveryMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** Monitors with a check running on any worker (the queue's active list) or here; null when the queue is unreachable. */
async function activeMonitorIds(ctx: Pick<DomainContext, 'queues'>, lane: WatchdogLane): Promise<Set<string> | null> {
  try {
    const jobs = await withTimeout(ctx.queues.queue(QUEUE_NAMES.checkHttp).getActive(), QUEUE_CALL_DEADLINE_MS, 'listing active checks');
    const ids = new Set(lane.localInFlight());
    for (const job of jobs) {
      const data = checkJobDataSchema.safeParse(job?.data);
      if (data.success) ids.add(data.data.monitorId);
    }
    return ids;
  } catch {
    return null;
  }
}

/**
 * Its schedules from its row, and a check now unless its next slot is moments away anyway: a catch-up right
 * before a regular check would only check it twice in a row.
 */
async function repair(
  ctx: Pick<DomainContext, 'queues' | 'logger'>,
  lane: WatchdogLane,
  monitors: { id: string; intervalSeconds: number }[],
  now: Date,
): Promise<boolean> {
  const checkQueue = ctx.queues.queue(QUEUE_NAMES.checkHttp);
  const ids = monitors.map((monitor) => monitor.id);
  const catchUp = monitors.filter(
    (monitor) => nextSlotAfter(monitor.id, monitor.intervalSeconds * 1_000, now.getTime()) - now.getTime() > CATCH_UP_MIN_LEAD_MS,
  );
  try {
    await eachConcurrently(catchUp, 32, (monitor) =>
      withTimeout(enqueueCatchUpCheck(checkQueue, monitor.id), QUEUE_CALL_DEADLINE_MS, 'queueing a catch-up check'),
    );
    await lane.schedules.sync(ids);
    return true;
  } catch (error) {
    ctx.logger.warn('could not repair overdue schedules; trying again next sweep', { monitors: ids.length, error });
    return false;
  }
}

async function publishStale(ctx: Pick<DomainContext, 'events' | 'logger'>, monitors: ReturnType<typeof toMonitor>[]): Promise<void> {
  try {
    await Promise.all(monitors.map((monitor) => ctx.events.publish({ type: 'monitor.state', state: monitorStateOf(monitor) })));
  } catch (error) {
    ctx.logger.warn('could not publish stale monitors', { error });
  }
}
