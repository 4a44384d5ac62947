import {
  createCanary,
  createCheckRecorder,
  createHostLimiter,
  createMaintenanceCache,
  createScheduleSync,
  domainContext,
  keepSchedules,
  rebuildSchedules,
  startCheckClaimer,
  startHeartbeatDeadlines,
  startWatchdog,
  type AppConfig,
  type CheckClaimer,
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
 * Claims and runs due checks from PostgreSQL at once (their schedule is a column: nothing to rebuild), decides
 * heartbeat deadlines, runs the certificate, domain and notify queues, and keeps those queues' schedules true:
 * rebuilt from PostgreSQL in the background at start and whenever the queue comes back or loses them, while the
 * watchdog tells when checks fall behind. Thin: the work is in the domain; this file only wires it together.
 */
export async function startWorker(options: WorkerOptions): Promise<CheckClaimer> {
  const { runtime, logger, config } = options;
  // The process's one context: every check and what runs beside them (rebuilds, the keeper, the watchdog).
  const ctx = domainContext(runtime, logger);
  const canary = createCanary(config.canaryUrl);
  const recorder = createCheckRecorder(ctx);
  const lane: CheckLane = {
    recorder,
    canary,
    hostLimiter: createHostLimiter(config.perHostConcurrency),
    maintenance: createMaintenanceCache(ctx),
  };
  const claimer = startCheckClaimer(ctx, lane, { concurrency: config.workerConcurrency });
  // Heartbeats have no checks to run: their passed deadlines are read from PostgreSQL and become DOWN checks.
  const deadlines = startHeartbeatDeadlines(ctx, lane.maintenance);
  const watchdog = startWatchdog(ctx);

  // The queues' schedules (certificate and domain lanes, the daily maintenance, the notify sweep) come from
  // PostgreSQL too; checks do not wait for them. A rebuild that fails is retried by the keeper.
  const schedules = createScheduleSync(ctx);
  const rebuild = () => rebuildSchedules(ctx, schedules);
  const keeper = keepSchedules(ctx, { rebuild });
  const firstRebuild = rebuild().then(
    (report) => logger.info('schedules rebuilt from PostgreSQL', { reason: 'worker start', ...report }),
    (error: unknown) => logger.warn('schedule rebuild at start failed; the keeper tries again', { error }),
  );

  // Closing the runtime closes the queues' workers first; then the checks in flight end, their results are
  // stored and announced, and only then do the events and the database close.
  runtime.onClose(async () => {
    await Promise.all([keeper.stop(), watchdog.stop(), deadlines.stop(), firstRebuild]);
    await claimer.stop();
    await recorder.flush();
    canary.stop();
  });
  // The certificate and domain lanes: their own queues, closed with the runtime.
  await startExpiryWorkers({ runtime, logger, overrides: options.expiry });
  // Alert delivery and its periodic sweep, on the notify queue.
  await startNotifyWorker({ runtime, logger });
  return claimer;
}
