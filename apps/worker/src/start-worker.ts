import type { Worker } from 'bullmq';
import {
  QUEUE_NAMES,
  checkJobDataSchema,
  createCanary,
  createCheckRecorder,
  createHostLimiter,
  createMaintenanceCache,
  createMonitorLoader,
  listMonitorRows,
  notifyDepsFor,
  reconcileCheckSchedules,
  runScheduledCheck,
  type AppConfig,
  type Logger,
  type Runtime,
} from '@mini-netumo/domain';
import { startExpiryWorkers, type ExpiryOverrides } from './start-expiry-workers';
import { startNotifyWorker } from './start-notify-worker';

export interface WorkerOptions {
  runtime: Runtime;
  logger: Logger;
  config: Pick<AppConfig, 'workerConcurrency' | 'canaryUrl' | 'perHostConcurrency' | 'expiry'>;
  /** Test seams of the certificate and domain lanes (a CA, a resolver, a clock). */
  expiry?: ExpiryOverrides;
}

/**
 * Reconciles every scheduler from PostgreSQL, then processes `check-http` jobs. Thin: the work is in the
 * domain; this file only wires the queue to it.
 */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { runtime, logger, config } = options;
  const checkQueue = runtime.queues.queue(QUEUE_NAMES.checkHttp);
  const reconciled = await reconcileCheckSchedules(checkQueue, await listMonitorRows(runtime.database.db));
  logger.info('schedules reconciled', reconciled);

  const canary = createCanary(config.canaryUrl);
  const recorder = createCheckRecorder(runtime.database);
  const deps = {
    monitors: createMonitorLoader(runtime.database.sql),
    recorder,
    events: runtime.events,
    checkQueue,
    logger,
    canary,
    hostLimiter: createHostLimiter(config.perHostConcurrency),
    maintenance: createMaintenanceCache({ db: runtime.database.db, logger }),
    notify: notifyDepsFor(runtime, logger),
  };
  const worker = runtime.queues.worker(
    QUEUE_NAMES.checkHttp,
    async (job) => {
      const data = checkJobDataSchema.safeParse(job.data);
      // A malformed job (another version, a hand-made scheduler) can never succeed: drop it, don't retry it.
      if (!data.success) return logger.warn('dropping malformed check job', { jobId: job.id });
      await runScheduledCheck(deps, data.data.monitorId);
    },
    { concurrency: config.workerConcurrency },
  );
  worker.on('failed', (job, error) => {
    logger.warn('check job failed; BullMQ retries it', { jobId: job?.id, attempts: job?.attemptsMade, error });
  });
  worker.on('closing', () => void recorder.flush());
  worker.on('closed', () => canary.stop());
  // The certificate and domain lanes: their own queues, closed with the runtime like this one.
  await startExpiryWorkers({ runtime, logger, config, overrides: options.expiry });
  // Alert delivery and its periodic sweep, on the notify queue.
  await startNotifyWorker({ runtime, logger });
  return worker;
}
