import {
  createLogger,
  domainContext,
  loadConfig,
  metricsRegistry,
  onShutdownSignal,
  openRuntime,
  registerFleetMetrics,
  survivePostgresRestarts,
} from '@mini-netumo/domain';
import { startMaintenance } from './start-maintenance';
import { startWorker } from './start-worker';
import { startSelfHeartbeat } from './self-heartbeat';
import { startWorkerHttp } from './worker-http';
import { keepHeapInProportion } from './heap-growth';

const logger = createLogger('worker');

async function main(): Promise<void> {
  keepHeapInProportion();
  survivePostgresRestarts(logger);
  const config = loadConfig();
  const runtime = await openRuntime(config, logger);
  await startWorker({ runtime, logger, config });
  await startMaintenance(runtime, logger);
  registerFleetMetrics(domainContext(runtime, logger), metricsRegistry, config.metrics);
  const http = startWorkerHttp({ runtime, registry: metricsRegistry, host: config.host, port: config.workerHttpPort, logger });
  const stopSelfHeartbeat = config.selfHeartbeatUrl
    ? startSelfHeartbeat({ runtime, logger, url: config.selfHeartbeatUrl })
    : () => undefined;
  logger.info('worker started', { queueBackend: runtime.queues.kind, concurrency: config.workerConcurrency });

  // Closing the runtime closes the workers first, which finish the checks in flight.
  onShutdownSignal(logger, async () => {
    stopSelfHeartbeat();
    http.close();
    await runtime.close();
  });
}

main().catch((error: unknown) => {
  logger.error('failed to start', { error });
  process.exit(1);
});
