import { fileURLToPath } from 'node:url';
import { createLogger, loadConfig, onShutdownSignal, openRuntime, survivePostgresRestarts } from '@mini-netumo/domain';
import { createServer } from './create-server';

const logger = createLogger('api');
const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../dist/apps/web/browser', import.meta.url));

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
