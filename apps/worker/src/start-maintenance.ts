import type { Worker } from 'bullmq';
import { QUEUE_NAMES, domainContext, runMaintenance, type Logger, type Runtime } from '@mini-netumo/domain';

/**
 * Daily housekeeping on its own queue (one scheduler for the whole fleet, rebuilt with every other
 * schedule). It also runs at start, so a fresh install has its partitions before the first check.
 */
export async function startMaintenance(runtime: Runtime, logger: Logger): Promise<Worker> {
  const run = async () => {
    const report = await runMaintenance(domainContext(runtime, logger));
    logger.info('maintenance done', { ...report });
  };
  await run();
  return runtime.queues.worker(QUEUE_NAMES.maintenance, run, { concurrency: 1 });
}
