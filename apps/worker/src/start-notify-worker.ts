import type { Worker } from 'bullmq';
import {
  DeliveryRetryError,
  NOTIFY_JOB_NAMES,
  QUEUE_NAMES,
  deliverAlert,
  deliveryBackoff,
  domainContext,
  notifyJobDataSchema,
  runNotifySweep,
  type Logger,
  type Runtime,
} from '@mini-netumo/domain';

/**
 * The `notify` queue: `deliver` jobs (one alert to one channel, retried with the delivery backoff, which
 * honours Retry-After) and the periodic `sweep` (reminders, flapping, lost jobs; its scheduler is rebuilt with every other schedule). Thin: the work is in the domain.
 */
export async function startNotifyWorker(options: { runtime: Runtime; logger: Logger }): Promise<Worker> {
  const { runtime, logger } = options;
  const worker = runtime.queues.worker(
    QUEUE_NAMES.notify,
    async (job) => {
      if (job.name === NOTIFY_JOB_NAMES.sweep) {
        const report = await runNotifySweep(domainContext(runtime, logger));
        if (report && (report.missed || report.settled.length || report.reminders || report.requeued || report.dead))
          logger.info('notify sweep', { ...report });
        return;
      }
      const data = notifyJobDataSchema.safeParse(job.data);
      if (!data.success) return logger.warn('dropping malformed notify job', { jobId: job.id });
      await deliverAlert(domainContext(runtime, logger), {
        data: data.data,
        attemptsMade: job.attemptsMade,
        attempts: job.opts.attempts ?? 1,
      });
    },
    { concurrency: runtime.settings.notify.concurrency, settings: { backoffStrategy: deliveryBackoff(runtime.settings.notify) } },
  );
  worker.on('failed', (job, error) => {
    // A provider failure is recorded on the delivery already (secrets removed); only our own trouble is news here.
    if (!(error instanceof DeliveryRetryError))
      logger.warn('notify job failed', { jobId: job?.id, name: job?.name, attempts: job?.attemptsMade, error });
  });
  return worker;
}
