import type { TRPCError } from '@trpc/server';
import { rateLimitedWarning, type Logger } from '@mini-netumo/domain';

/**
 * What the server writes when a procedure fails, over tRPC or REST alike: an internal error with its cause (the
 * client read only "Internal server error"), and a dependency away at most one line per 10 s, with what failed
 * underneath. A refusal of the client's input is the client's business and is not logged.
 */
export function procedureErrorLog(logger: Logger): (error: TRPCError, procedure: string | undefined) => void {
  const unavailable = rateLimitedWarning(logger, 'procedure answered 503: a dependency is not reachable');
  return (error, procedure) => {
    if (error.code === 'INTERNAL_SERVER_ERROR') logger.error('procedure failed', { procedure, error: error.cause ?? error });
    else if (error.code === 'SERVICE_UNAVAILABLE') unavailable({ procedure, error: error.cause ?? error });
  };
}
