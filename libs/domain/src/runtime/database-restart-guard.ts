import { SESSION_ENDED_CODES } from '../db/database-unavailable';
import type { Logger } from '../logging/logger';
import { rateLimitedWarning } from '../logging/rate-limited-warning';

/**
 * BullMQ's PostgreSQL backend holds checked-out `pg` clients without an 'error' listener, so a database
 * restart surfaces as an uncaught 'error' event and would kill the process. Those errors, and only those,
 * are logged instead: the pool drops the broken client and BullMQ reconnects. Anything else still crashes.
 */
export function survivePostgresRestarts(logger: Logger): void {
  // Every pooled client reports its own loss, and each reconnect attempt may too: one line per 10 s is news enough.
  const connectionLost = rateLimitedWarning(logger, 'database connection lost; reconnecting');
  process.on('uncaughtException', (error: Error & { code?: string }) => {
    const serverGone =
      (error.code !== undefined && SESSION_ENDED_CODES.has(error.code)) || error.message === 'Connection terminated unexpectedly';
    if (serverGone) {
      connectionLost({ code: error.code, message: error.message });
      return;
    }
    logger.error('uncaught exception', { error });
    process.exit(1);
  });
}
