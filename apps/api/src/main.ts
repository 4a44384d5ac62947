import path from 'node:path';
import type { Server } from 'node:http';
import {
  createHeartbeatIntake,
  createLogger,
  createMaintenanceCache,
  domainContext,
  loadConfig,
  metricsRegistry,
  registerFleetMetrics,
  onShutdownSignal,
  openRuntime,
  survivePostgresRestarts,
  type Logger,
} from '@mini-netumo/domain';
import { createServer } from './create-server';
import { createPublicServer } from './public/create-public-server';
import { openPublicPages } from './public/serving/open-public-pages';

const logger = createLogger('api');
// From the working directory (the repo root for npm start and nx serve): the file itself may be a bundle in dist/.
const DEFAULT_WEB_DIR = path.resolve('dist/apps/web/browser');

async function main(): Promise<void> {
  survivePostgresRestarts(logger);
  const config = loadConfig();
  const runtime = await openRuntime(config, logger);
  registerFleetMetrics(domainContext(runtime, logger), metricsRegistry, config.metrics);
  const app = createServer({
    runtime,
    logger,
    webDistDir: config.webDistDir ?? DEFAULT_WEB_DIR,
    metrics: metricsRegistry,
    mutationsPerMinute: config.mutationRateLimitPerMinute,
  });
  const server = listen(app.listen(config.port, config.host), logger, 'listening', {
    url: `http://${config.host}:${config.port}`,
    queueBackend: runtime.queues.kind,
  });
  // The one listener meant to face the world: pings (later status pages and badges), nothing private.
  const ctx = domainContext(runtime, logger);
  const intake = createHeartbeatIntake(ctx, createMaintenanceCache(ctx));
  const { publicListener } = config;
  const snapshots = await openPublicPages(ctx, publicListener.url);
  const publicApp = createPublicServer({ intake, snapshots, logger, settings: publicListener });
  const publicServer = listen(publicApp.listen(publicListener.port, publicListener.host), logger, 'public listener up', {
    url: publicListener.url,
  });

  onShutdownSignal(logger, async () => {
    // Open SSE streams would keep close() waiting forever; end them.
    server.closeAllConnections();
    server.close();
    publicServer.close();
    // Pings already received are committed (and answered) before the database goes.
    await intake.flush();
    publicServer.closeAllConnections();
    await snapshots.close();
    await runtime.close();
  });
}

/** Logs once listening; a port that cannot be had stops the process with the reason. */
function listen(server: Server, logger: Logger, message: string, fields: Record<string, unknown>): Server {
  server.on('listening', () => logger.info(message, fields));
  server.on('error', (error) => {
    logger.error('cannot listen', { error });
    process.exit(1);
  });
  return server;
}

main().catch((error: unknown) => {
  logger.error('failed to start', { error });
  process.exit(1);
});
