import { monitorStateOf } from '@mini-netumo/contracts';
import { claimSweep, countOverdue, findOverdue, markStale, recordSweep, restoreSchedules } from '../db/queries/watchdog-queries';
import { toMonitor } from '../monitor-model/monitor-row';
import type { DomainContext } from '../runtime/domain-context';
import { updateDegradation } from './degradation';
import { overdueAfter, overdueMarginMs } from '../monitor-model/overdue-rules';
import { lateBy } from '../monitor-model/staleness';

export interface OverdueSweepReport {
  /** Overdue because their schedule was missing: given one, due now. */
  repaired: number;
  /** Newly found overdue in this sweep, and shown stale until their next result. */
  marked: number;
  /** Stale or past their deadline after this sweep, fleet-wide. */
  overdue: number;
}

/** Per sweep; a fleet that fell behind is marked over a few sweeps rather than in one long one. */
const MAX_PER_SWEEP = 5_000;
const RESTORED = 'its schedule was missing and has been restored';
const UNCLAIMED = 'no worker has taken its check: the workers are behind their schedule, or none is running';
const UNFINISHED = 'its last check did not finish (see the worker log)';

/**
 * One sweep. Judges from PostgreSQL alone: a deadline per monitor, moved on by every result and by every
 * claim (past the longest the check can take, so one in flight is never called overdue). An overdue monitor
 * is shown stale, with why, until its next result; one whose schedule column was cleared gets it back. Returns
 * null when another worker took this sweep.
 */
export async function sweepOverdue(ctx: DomainContext, now = new Date()): Promise<OverdueSweepReport | null> {
  const { sql } = ctx;
  const settings = ctx.settings.watchdog;
  if (!(await claimSweep(sql, now, settings.sweepEveryMs * 0.8))) return null;
  const overdue = await findOverdue(sql, now, MAX_PER_SWEEP);
  const unscheduled = overdue.filter((monitor) => monitor.nextCheckAt === null).map((monitor) => monitor.id);
  const repaired = await restoreSchedules(sql, unscheduled, now);
  const why = (monitor: (typeof overdue)[number]) => {
    if (monitor.nextCheckAt === null) return RESTORED;
    const unclaimedFor = now.getTime() - monitor.nextCheckAt.getTime();
    return unclaimedFor > overdueMarginMs(monitor.intervalSeconds) ? UNCLAIMED : UNFINISHED;
  };
  // Marked only while still past the deadline: a result stored since the read (the list is a moment old) moved it.
  const marked = await markStale(
    sql,
    now,
    overdue.map((monitor) => ({
      id: monitor.id,
      since: monitor.overdueAt,
      reason: `${lateBy(monitor.intervalSeconds)}; ${why(monitor)}`,
      nextLook: overdueAfter(now, monitor.intervalSeconds),
    })),
  );
  await publishStale(
    ctx,
    marked.map((row) => toMonitor(row)),
  );

  const count = await countOverdue(sql, now);
  await recordSweep(sql, { overdue: count, repairs: repaired });
  await updateDegradation(ctx, { overdue: count, threshold: settings.overdueThreshold, now });
  const report = { repaired, marked: marked.length, overdue: count };
  if (marked.length > 0) ctx.logger.warn('overdue monitors found', { ...report });
  return report;
}

/** Runs a sweep every period until stopped; a failed sweep (database away) is logged and tried again. */
export function startWatchdog(ctx: DomainContext): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = sweepOverdue(ctx)
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

async function publishStale(ctx: Pick<DomainContext, 'events' | 'logger'>, monitors: ReturnType<typeof toMonitor>[]): Promise<void> {
  try {
    await Promise.all(monitors.map((monitor) => ctx.events.publish({ type: 'monitor.state', state: monitorStateOf(monitor) })));
  } catch (error) {
    ctx.logger.warn('could not publish stale monitors', { error });
  }
}
