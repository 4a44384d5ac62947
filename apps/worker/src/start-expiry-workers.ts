import type { Worker } from 'bullmq';
import {
  QUEUE_NAMES,
  announceExpiryChange,
  createExpiryJobDeps,
  remindExpiryCountdown,
  expiryJobDataSchema,
  notifyDepsFor,
  runDomainJob,
  runTlsJob,
  type AppConfig,
  type ExpiryJobDeps,
  type Logger,
  type Runtime,
} from '@mini-netumo/domain';

/** Tests swap in their CA, resolver, clock and cache windows; production uses the settings alone. */
export type ExpiryOverrides = Partial<Omit<ExpiryJobDeps, 'db' | 'events' | 'logger' | 'queues'>> & { registryGapMs?: number };

export interface ExpiryWorkerOptions {
  runtime: Runtime;
  logger: Logger;
  config: Pick<AppConfig, 'expiry'>;
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
  const queues = { tls: runtime.queues.queue(QUEUE_NAMES.checkTls), domain: runtime.queues.queue(QUEUE_NAMES.checkDomain) };

  const notify = notifyDepsFor(runtime, logger);
  const deps = createExpiryJobDeps({ db: runtime.database.db, events: runtime.events, logger }, options.config.expiry, {
    onIncidentChange: (change) => announceExpiryChange(notify, change),
    onCountdown: async (countdown) => void (await remindExpiryCountdown(notify, countdown)),
    ...options.overrides,
    queues,
  });
  const lane = (name: string, concurrency: number, run: (monitorId: string, force: boolean) => Promise<unknown>) => {
    const worker = runtime.queues.worker(
      name,
      async (job) => {
        const data = expiryJobDataSchema.safeParse(job.data);
        // A malformed job can never succeed: drop it, don't retry it.
        if (!data.success) return logger.warn('dropping malformed expiry job', { queue: name, jobId: job.id });
        await run(data.data.monitorId, data.data.force ?? false);
      },
      { concurrency },
    );
    worker.on('failed', (job, error) => logger.warn('expiry job failed; BullMQ retries it', { queue: name, jobId: job?.id, error }));
    return worker;
  };
  return {
    tls: lane(QUEUE_NAMES.checkTls, TLS_CONCURRENCY, (monitorId) => runTlsJob(deps, monitorId)),
    domain: lane(QUEUE_NAMES.checkDomain, DOMAIN_CONCURRENCY, (monitorId, force) => runDomainJob(deps, monitorId, { force })),
  };
}
