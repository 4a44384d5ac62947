import type { Worker } from 'bullmq';
import { QUEUE_NAMES, runMaintenance, type Logger, type Runtime } from '@mini-netumo/domain';

/** 03:17 UTC: off the hour, when most schedules bunch up. */
const DAILY_PATTERN = '17 3 * * *';

/**
 * Daily housekeeping on its own queue: one scheduler for the whole fleet, so with many workers it still
 * runs once a day. It also runs at start, so a fresh install has its partitions before the first check.
 */
export async function startMaintenance(runtime: Runtime, logger: Logger, retentionDays: number): Promise<Worker> {
  const run = async () => {
    const report = await runMaintenance(runtime.database, retentionDays);
    logger.info('maintenance done', { ...report });
  };
  await run();
  const queue = runtime.queues.queue(QUEUE_NAMES.maintenance);
  await queue.upsertJobScheduler('daily-maintenance', { pattern: DAILY_PATTERN, tz: 'UTC' }, { name: 'maintenance' });
  return runtime.queues.worker(QUEUE_NAMES.maintenance, run, { concurrency: 1 });
}
