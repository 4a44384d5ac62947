import type { Queue } from 'bullmq';
import type { DomainContext } from '../runtime/domain-context';
import { listSchedulerIds } from '../queue/monitor-schedulers';
import { scheduleDailyMaintenance } from '../queue/maintenance-schedule';
import { NOTIFY_SWEEP_SCHEDULER, scheduleNotifySweep } from '../queue/notify-jobs';
import type { QueueBackend } from '../queue/queue-backend';
import { LEGACY_CHECK_QUEUE, QUEUE_NAMES, type QueueName } from '../queue/queue-names';
import { SCHEDULE_LANES } from './schedule-lanes';
import type { ScheduleSync } from './sync-schedules';

export interface RebuildReport {
  monitors: number;
  /** Schedules on the certificate and domain lanes after the rebuild. */
  scheduled: number;
  /** Schedulers removed: paused, deleted or not wanted (an http monitor has no certificate lane). */
  removed: number;
}

const CHUNK = 500;

/**
 * Every queue schedule from PostgreSQL, the source of truth: per-monitor schedules on the certificate and domain
 * lanes, then the fleet-wide maintenance and notify sweep. Safe to run at any time beside edits (see
 * createScheduleSync) and on any number of workers at once: every step is an upsert or a removal decided under
 * the row's lock. (Checks need none of this: their schedule is a column.)
 */
export async function rebuildSchedules(ctx: DomainContext, schedules: ScheduleSync): Promise<RebuildReport> {
  await emptyLegacyCheckQueue(ctx.queues.queue(LEGACY_CHECK_QUEUE));
  const ids = (await ctx.sql<{ id: string }[]>`select id from monitors order by id`).map((row) => row.id);
  const report: RebuildReport = { monitors: ids.length, scheduled: 0, removed: 0 };
  const present = new Map<QueueName, ReadonlySet<string>>();
  for (const lane of SCHEDULE_LANES) present.set(lane.queue, new Set(await listSchedulerIds(ctx.queues.queue(lane.queue))));
  const syncAll = async (list: string[]) => {
    for (let i = 0; i < list.length; i += CHUNK) {
      const done = await schedules.sync(list.slice(i, i + CHUNK), present);
      report.scheduled += done.scheduled;
      report.removed += done.removed;
    }
  };
  await syncAll(ids);
  // Schedulers whose monitor was not in the list: deleted ones go; one created since is found under its lock and kept.
  const known = new Set(ids);
  await syncAll([...new Set([...present.values()].flatMap((lane) => [...lane]))].filter((id) => !known.has(id)));
  await scheduleDailyMaintenance(ctx.queues.queue(QUEUE_NAMES.maintenance));
  // Last: its presence tells the schedule keeper that a rebuild finished (see keepSchedules).
  await scheduleNotifySweep(ctx.queues.queue(QUEUE_NAMES.notify), ctx.settings.notify.sweepEveryMs);
  return report;
}

/** Check schedulers and jobs of an earlier version: nothing processes them any more. Costs one call once empty. */
async function emptyLegacyCheckQueue(queue: Queue): Promise<void> {
  const schedulers = await listSchedulerIds(queue);
  for (const id of schedulers) await queue.removeJobScheduler(id);
  if (schedulers.length > 0) await queue.drain(true);
}

/** True while the fleet-wide sweep's scheduler exists: gone means the queue lost its schedules. */
export async function schedulesPresent(queues: Pick<QueueBackend, 'queue'>): Promise<boolean> {
  return (await queues.queue(QUEUE_NAMES.notify).getJobScheduler(NOTIFY_SWEEP_SCHEDULER)) !== undefined;
}
