import type { Worker } from 'bullmq';
import {
  QUEUE_NAMES,
  announceExpiryChange,
  createExpiryLane,
  domainContext,
  remindExpiryCountdown,
  expiryJobDataSchema,
  runDomainJob,
  runTlsJob,
  type DomainContext,
  type ExpiryJobData,
  type ExpiryLane,
  type Logger,
  type Runtime,
} from '@mini-netumo/domain';

/** Tests swap in their CA, resolver, clock and cache windows; production uses the settings alone. */
export type ExpiryOverrides = Partial<ExpiryLane> & { registryGapMs?: number };

export interface ExpiryWorkerOptions {
  runtime: Runtime;
  logger: Logger;
  overrides?: ExpiryOverrides;
}

/** Handshakes are cheap; registries are not, and the pacer queues their lookups anyway. */
const TLS_CONCURRENCY = 10;
const DOMAIN_CONCURRENCY = 4;

/**
 * The expiry lanes: processes the daily `check-tls` and `check-domain` jobs (their schedulers are rebuilt
 * with every other schedule, see startWorker). Thin: the work is in the domain's runTlsJob and runDomainJob.
 */
export async function startExpiryWorkers(options: ExpiryWorkerOptions): Promise<{ tls: Worker; domain: Worker }> {
  const { runtime, logger } = options;
  const lane = createExpiryLane(domainContext(runtime, logger), {
    onIncidentChange: announceExpiryChange,
    onCountdown: async (ctx, countdown) => void (await remindExpiryCountdown(ctx, countdown)),
    ...options.overrides,
  });
  const worker = (name: string, concurrency: number, run: (ctx: DomainContext, job: ExpiryJobData) => Promise<unknown>) => {
    const each = runtime.queues.worker(
      name,
      async (job) => {
        const data = expiryJobDataSchema.safeParse(job.data);
        // A malformed job can never succeed: drop it, don't retry it.
        if (!data.success) return logger.warn('dropping malformed expiry job', { queue: name, jobId: job.id });
        await run(domainContext(runtime, logger), data.data);
      },
      { concurrency },
    );
    each.on('failed', (job, error) => logger.warn('expiry job failed; BullMQ retries it', { queue: name, jobId: job?.id, error }));
    return each;
  };
  return {
    tls: worker(QUEUE_NAMES.checkTls, TLS_CONCURRENCY, (ctx, job) => runTlsJob(ctx, job, lane)),
    domain: worker(QUEUE_NAMES.checkDomain, DOMAIN_CONCURRENCY, (ctx, job) => runDomainJob(ctx, job, lane)),
  };
}
