import type { Request, Response } from 'express';
import { QUEUE_NAMES, notifyDepsFor, type Logger, type Runtime } from '@mini-netumo/domain';

/** What every procedure may use. Built once per request from long-lived dependencies. */
export interface Context {
  runtime: Runtime;
  logger: Logger;
}

/** Dependencies only; tests call this through `createCaller` without any HTTP. */
export function createContextInner(deps: { runtime: Runtime; logger: Logger }): Context {
  return { runtime: deps.runtime, logger: deps.logger };
}

/**
 * Adapts an Express request. AUTH SEAM: there is no authentication yet (the owner adds it); this is the one
 * place to read a session or token from `req` and put the caller on the context.
 */
export function createContextFactory(deps: { runtime: Runtime; logger: Logger }) {
  return ({ req: _req, res: _res }: { req: Request; res: Response }): Context => createContextInner(deps);
}

/** The handles the monitor service needs, taken from the context. */
export function monitorDeps(ctx: Context) {
  return {
    db: ctx.runtime.database.db,
    checkQueue: ctx.runtime.queues.queue(QUEUE_NAMES.checkHttp),
    events: ctx.runtime.events,
    logger: ctx.logger,
    expiryQueues: expiryQueues(ctx),
  };
}

/** The certificate and domain lanes' queues. */
export function expiryQueues(ctx: Context) {
  return { tls: ctx.runtime.queues.queue(QUEUE_NAMES.checkTls), domain: ctx.runtime.queues.queue(QUEUE_NAMES.checkDomain) };
}

/** The handles announcing, delivering and managing alerts need (channels, alerts, incidents, notifications). */
export function notifyDeps(ctx: Context) {
  return notifyDepsFor(ctx.runtime, ctx.logger);
}
