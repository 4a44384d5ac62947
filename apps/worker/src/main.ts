import { createLogger, loadConfig, onShutdownSignal, openRuntime, survivePostgresRestarts } from '@mini-netumo/domain';
import { startMaintenance } from './start-maintenance';
import { startWorker } from './start-worker';

const logger = createLogger('worker');

async function main(): Promise<void> {
  survivePostgresRestarts(logger);
  const config = loadConfig();
  const runtime = await openRuntime(config, logger);
  await startWorker({ runtime, logger, config });
  await startMaintenance(runtime, logger);
  logger.info('worker started', { queueBackend: runtime.queues.kind, concurrency: config.workerConcurrency });

  // Closing the runtime closes the workers first, which finish the checks in flight.
  onShutdownSignal(logger, () => runtime.close());
}

main().catch((error: unknown) => {
  logger.error('failed to start', { error });
  process.exit(1);
});
