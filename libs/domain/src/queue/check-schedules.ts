import type { Queue } from 'bullmq';
import { type CheckJobData } from './queue-names';

export interface SchedulableMonitor {
  id: string;
  intervalSeconds: number;
  paused: boolean;
}

/** Failed job attempts retry our own infrastructure trouble (a DB blip), never the target's failure. */
const JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { count: 100 },
  removeOnFail: { count: 500 },
} as const;

/**
 * A stable offset in [0, interval) from the monitor id: monitors created together do not all fire in the
 * same second, and a restart keeps each monitor on its own beat.
 */
export function stableOffsetMs(monitorId: string, intervalMs: number): number {
  let hash = 2166136261;
  for (let i = 0; i < monitorId.length; i++) {
    hash ^= monitorId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) % intervalMs;
}

/** Makes the monitor's scheduler match its configuration: one scheduler per active monitor, none when paused. */
export async function syncCheckSchedule(queue: Queue, monitor: SchedulableMonitor): Promise<void> {
  if (monitor.paused) {
    await queue.removeJobScheduler(monitor.id);
    return;
  }
  const every = monitor.intervalSeconds * 1_000;
  const data: CheckJobData = { monitorId: monitor.id };
  await queue.upsertJobScheduler(
    monitor.id,
    { every, offset: stableOffsetMs(monitor.id, every) },
    { name: 'check', data, opts: JOB_OPTIONS },
  );
}

export async function removeCheckSchedule(queue: Queue, monitorId: string): Promise<void> {
  await queue.removeJobScheduler(monitorId);
}

/** A one-off check now, beside the schedule (the "Check now" button). */
export async function enqueueCheckNow(queue: Queue, monitorId: string): Promise<void> {
  const data: CheckJobData = { monitorId };
  await queue.add('check-now', data, JOB_OPTIONS);
}

/**
 * Rebuilds the schedule from PostgreSQL, the source of truth: an emptied Redis loses nothing, and schedulers
 * of deleted or paused monitors go away.
 */
export async function reconcileCheckSchedules(
  queue: Queue,
  monitors: SchedulableMonitor[],
): Promise<{ upserted: number; removed: number }> {
  const active = monitors.filter((monitor) => !monitor.paused);
  for (const monitor of active) await syncCheckSchedule(queue, monitor);
  const wanted = new Set(active.map((monitor) => monitor.id));
  let removed = 0;
  const pageSize = 500;
  // Collect first, then remove: removing while paging would shift the pages.
  const stale: string[] = [];
  for (let start = 0; ; start += pageSize) {
    const page = await queue.getJobSchedulers(start, start + pageSize - 1, true);
    for (const scheduler of page) {
      const id = scheduler.key;
      if (id && !wanted.has(id)) stale.push(id);
    }
    if (page.length < pageSize) break;
  }
  for (const id of stale) {
    if (await queue.removeJobScheduler(id)) removed++;
  }
  return { upserted: active.length, removed };
}
