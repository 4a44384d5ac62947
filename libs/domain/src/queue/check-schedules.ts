import type { Queue } from 'bullmq';
import { type CheckJobData } from './queue-names';
import { upsertScheduler } from './upsert-scheduler';

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

/** The monitor's next slot after `now`, aligned as BullMQ aligns an `every` scheduler with an offset. */
export function nextSlotAfter(monitorId: string, intervalMs: number, now: number): number {
  const slot = Math.floor(now / intervalMs) * intervalMs + stableOffsetMs(monitorId, intervalMs);
  return slot > now ? slot : slot + intervalMs;
}

/** Makes the monitor's scheduler match its configuration: one scheduler per active monitor, none when paused. */
export async function syncCheckSchedule(queue: Queue, monitor: SchedulableMonitor): Promise<void> {
  await applySchedule(queue, monitor.id, monitor.paused ? null : monitor.intervalSeconds);
}

/**
 * One monitor's scheduler on one queue: every `everySeconds` at the monitor's stable offset, or none (null).
 * Upserting an unchanged scheduler keeps its slots, so a rebuild may call this for every monitor.
 */
export async function applySchedule(
  queue: Queue,
  monitorId: string,
  everySeconds: number | null,
): Promise<'scheduled' | 'removed' | 'absent'> {
  if (everySeconds === null) return (await queue.removeJobScheduler(monitorId)) ? 'removed' : 'absent';
  const every = everySeconds * 1_000;
  const data: CheckJobData = { monitorId };
  await upsertScheduler(queue, monitorId, { every, offset: stableOffsetMs(monitorId, every) }, { name: 'check', data, opts: JOB_OPTIONS });
  return 'scheduled';
}

/** A one-off check now, beside the schedule (the "Check now" button). */
export async function enqueueCheckNow(queue: Queue, monitorId: string): Promise<void> {
  const data: CheckJobData = { monitorId };
  await queue.add('check-now', data, JOB_OPTIONS);
}

/**
 * A check now for a monitor the watchdog found overdue. One per monitor at a time (a fixed job id, removed
 * once done), so repeated sweeps while it waits behind a backlog add nothing.
 */
export async function enqueueCatchUpCheck(queue: Queue, monitorId: string): Promise<void> {
  const data: CheckJobData = { monitorId };
  await queue.add('catch-up', data, { ...JOB_OPTIONS, jobId: `catch-up-${monitorId}`, removeOnComplete: true, removeOnFail: true });
}

/** Every job scheduler id on the queue, paged (a fleet can have 100,000). */
export async function listSchedulerIds(queue: Queue): Promise<string[]> {
  const pageSize = 1_000;
  const ids: string[] = [];
  for (let start = 0; ; start += pageSize) {
    const page = await queue.getJobSchedulers(start, start + pageSize - 1, true);
    for (const scheduler of page) if (scheduler.key) ids.push(scheduler.key);
    if (page.length < pageSize) return ids;
  }
}
