import type { Logger } from '../logging/logger';

/** Runs `stop` once on SIGINT or SIGTERM, then exits; a second signal while stopping is ignored. */
export function onShutdownSignal(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handle = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    try {
      await stop();
      process.exit(0);
    } catch (error) {
      logger.error('unclean stop', { error });
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void handle('SIGINT'));
  process.on('SIGTERM', () => void handle('SIGTERM'));
}
