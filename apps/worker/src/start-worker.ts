import type { Worker } from 'bullmq';
import {
  QUEUE_NAMES,
  checkJobDataSchema,
  createCanary,
  createCheckRecorder,
  createHostLimiter,
  createMaintenanceCache,
  createMonitorLoader,
  createScheduleSync,
  domainContext,
  jobSlotAt,
  keepSchedules,
  rateLimitedWarning,
  rebuildSchedules,
  runScheduledCheck,
  startHeartbeatDeadlines,
  startWatchdog,
  type AppConfig,
  type CheckLane,
  type Logger,
  type Runtime,
} from '@mini-netumo/domain';
import { startExpiryWorkers, type ExpiryOverrides } from './start-expiry-workers';
import { startNotifyWorker } from './start-notify-worker';

export interface WorkerOptions {
  runtime: Runtime;
  logger: Logger;
  config: Pick<AppConfig, 'workerConcurrency' | 'canaryUrl' | 'perHostConcurrency'>;
  /** Test seams of the certificate and domain lanes (a CA, a resolver, a clock). */
  expiry?: ExpiryOverrides;
}

/**
 * Rebuilds every schedule from PostgreSQL, then processes `check-http` jobs, and keeps the schedules true
 * while it runs: the keeper rebuilds them when the queue comes back or loses them, the watchdog repairs
 * any monitor that falls overdue. Thin: the work is in the domain; this file only wires the queue to it.
 */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { runtime, logger, config } = options;
  // The process's one context: every job and what runs beside them (rebuilds, the keeper, the watchdog).
  const ctx = domainContext(runtime, logger);
  const schedules = createScheduleSync(ctx);
  const rebuild = () => rebuildSchedules(ctx, schedules);
  logger.info('schedules rebuilt from PostgreSQL', { reason: 'worker start', ...(await rebuild()) });

  const canary = createCanary(config.canaryUrl);
  const recorder = createCheckRecorder(ctx);
  const lane: CheckLane = {
    monitors: createMonitorLoader(ctx),
    recorder,
    schedules,
    canary,
    hostLimiter: createHostLimiter(config.perHostConcurrency),
    maintenance: createMaintenanceCache(ctx),
  };
  // Checks running in this process, by monitor: the watchdog must not call them overdue.
  const inFlight = new Map<string, number>();
  const worker = runtime.queues.worker(
    QUEUE_NAMES.checkHttp,
    async (job) => {
      const data = checkJobDataSchema.safeParse(job.data);
      // A malformed job (another version, a hand-made scheduler) can never succeed: drop it, don't retry it.
      if (!data.success) return logger.warn('dropping malformed check job', { jobId: job.id });
      const { monitorId } = data.data;
      inFlight.set(monitorId, (inFlight.get(monitorId) ?? 0) + 1);
      try {
        await runScheduledCheck(ctx, { monitorId, slotAt: jobSlotAt(job) }, lane);
      } finally {
        const left = (inFlight.get(monitorId) ?? 1) - 1;
        if (left > 0) inFlight.set(monitorId, left);
        else inFlight.delete(monitorId);
      }
    },
    { concurrency: config.workerConcurrency },
  );
  // During a database outage every check fails at once: one line per 10 s, with the count held back.
  const checkFailed = rateLimitedWarning(logger, 'check job failed; BullMQ retries it');
  worker.on('failed', (job, error) => checkFailed({ jobId: job?.id, attempts: job?.attemptsMade, error: error.message }));

  const keeper = keepSchedules(ctx, { rebuild });
  const watchdog = startWatchdog(ctx, { schedules, localInFlight: () => inFlight.keys() });
  // Heartbeats have no jobs: their passed deadlines are read from PostgreSQL and become DOWN checks.
  const deadlines = startHeartbeatDeadlines(ctx, lane.maintenance);
  // Closing the runtime closes this worker first: stop watching at once, so nothing repairs a closing queue.
  const stopLoops = () => Promise.all([keeper.stop(), watchdog.stop(), deadlines.stop()]);
  worker.on('closing', () => void stopLoops());
  // Then, with no check running, the last results are stored and announced before the events and database close.
  runtime.onClose(async () => {
    await stopLoops();
    await recorder.flush();
  });
  worker.on('closed', () => canary.stop());
  // The certificate and domain lanes: their own queues, closed with the runtime like this one.
  await startExpiryWorkers({ runtime, logger, overrides: options.expiry });
  // Alert delivery and its periodic sweep, on the notify queue.
  await startNotifyWorker({ runtime, logger });
  return worker;
}
