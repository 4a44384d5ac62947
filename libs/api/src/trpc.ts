import { TRPCError, initTRPC } from '@trpc/server';
import { DomainError, databaseUnavailable, isDatabaseUnavailable, isSessionEndedByServer } from '@mini-netumo/domain';
import { clientMessage } from './client-message';
import type { Context } from './context';
import { fieldErrorsOf } from './field-errors';
import { inputTransformer } from './input-transformer';
import type { ProcedureMeta } from './rest/rest-route';

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: inputTransformer,
    // Never send stacks to the browser; errors are logged server-side with theirs.
    isDev: false,
    errorFormatter({ shape, error, path, type }) {
      return { ...shape, message: clientMessage({ error, path, type }), data: { ...shape.data, fieldErrors: fieldErrorsOf(error) } };
    },
  });

/** Before the one retry of a call whose database session the server ended: long enough for the pool to reconnect. */
const RETRY_AFTER_SESSION_ENDED_MS = 200;

/**
 * Domain errors carry their own code; map them once here instead of in every procedure. A database that
 * is restarting is a 503 the caller may retry, not a 500. A call whose session PostgreSQL ended under it (a
 * pooled connection that outlived a restart: the fault suite met one 20 s after) is made once more on another
 * connection first: nothing of the failed statement committed.
 */
const mapDomainErrors = t.middleware(async ({ next }) => {
  let result = await next();
  if (!result.ok && isSessionEndedByServer(result.error.cause)) {
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_SESSION_ENDED_MS));
    result = await next();
  }
  if (result.ok) return result;
  const cause = isDatabaseUnavailable(result.error.cause) ? databaseUnavailable(result.error.cause) : result.error.cause;
  if (cause instanceof DomainError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/** No authentication yet: every procedure is public. The owner's auth goes into the context (see context.ts). */
export const publicProcedure = t.procedure.use(mapDomainErrors);
