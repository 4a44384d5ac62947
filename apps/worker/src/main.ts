import { createLogger, loadConfig, openRuntime } from '@mini-netumo/domain';
import { startMaintenance } from './start-maintenance';
import { startWorker } from './start-worker';

const logger = createLogger('worker');

async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await openRuntime(config, logger);
  await startWorker({ runtime, logger, config });
  await startMaintenance(runtime, logger, config.resultRetentionDays);
  logger.info('worker started', { queueBackend: runtime.queues.kind, concurrency: config.workerConcurrency });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping; finishing jobs in flight', { signal });
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  logger.error('failed to start', { error });
  process.exit(1);
});
