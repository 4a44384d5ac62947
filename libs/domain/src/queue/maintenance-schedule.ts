import type { Queue } from 'bullmq';
import { upsertScheduler } from './upsert-scheduler';

/** 03:17 UTC: off the hour, when most schedules bunch up. */
const DAILY_PATTERN = '17 3 * * *';

/** One scheduler for the whole fleet: with many workers, housekeeping still runs once a day. */
export async function scheduleDailyMaintenance(queue: Queue): Promise<void> {
  await upsertScheduler(queue, 'daily-maintenance', { pattern: DAILY_PATTERN, tz: 'UTC' }, { name: 'maintenance' });
}
