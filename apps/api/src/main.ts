import path from 'node:path';
import { createLogger, loadConfig, onShutdownSignal, openRuntime, survivePostgresRestarts } from '@mini-netumo/domain';
import { createServer } from './create-server';

const logger = createLogger('api');
// From the working directory (the repo root for npm start and nx serve): the file itself may be a bundle in dist/.
const DEFAULT_WEB_DIR = path.resolve('dist/apps/web/browser');

async function main(): Promise<void> {
  survivePostgresRestarts(logger);
  const config = loadConfig();
  const runtime = await openRuntime(config, logger);
  const app = createServer({ runtime, logger, webDistDir: config.webDistDir ?? DEFAULT_WEB_DIR });
  const server = app.listen(config.port, config.host, () => {
    logger.info('listening', { url: `http://${config.host}:${config.port}`, queueBackend: runtime.queues.kind });
  });
  server.on('error', (error) => {
    logger.error('cannot listen', { error });
    process.exit(1);
  });

  onShutdownSignal(logger, async () => {
    // Open SSE streams would keep close() waiting forever; end them.
    server.closeAllConnections();
    server.close();
    await runtime.close();
  });
}

main().catch((error: unknown) => {
  logger.error('failed to start', { error });
  process.exit(1);
});
