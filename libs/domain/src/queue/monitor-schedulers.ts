import type { Queue } from 'bullmq';
import { stableOffsetMs } from '../core/stable-offset';
import { type ExpiryJobData } from './queue-names';
import { upsertScheduler } from './upsert-scheduler';

/** Failed job attempts retry our own infrastructure trouble (a DB blip), never the target's failure. */
const JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { count: 100 },
  removeOnFail: { count: 500 },
} as const;

/**
 * One monitor's scheduler on one queue (the certificate and domain lanes, once a day each): every `everySeconds`
 * at the monitor's stable offset, or none (null). Upserting an unchanged scheduler keeps its slots, so a rebuild
 * may call this for every monitor.
 */
export async function applySchedule(
  queue: Queue,
  monitorId: string,
  everySeconds: number | null,
): Promise<'scheduled' | 'removed' | 'absent'> {
  if (everySeconds === null) return (await queue.removeJobScheduler(monitorId)) ? 'removed' : 'absent';
  const every = everySeconds * 1_000;
  const data: ExpiryJobData = { monitorId };
  await upsertScheduler(queue, monitorId, { every, offset: stableOffsetMs(monitorId, every) }, { name: 'check', data, opts: JOB_OPTIONS });
  return 'scheduled';
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
