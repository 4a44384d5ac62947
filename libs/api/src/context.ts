import type { Request, Response } from 'express';
import { domainContext, type DomainContext, type Logger, type Runtime } from '@mini-netumo/domain';

/**
 * What every procedure may use: the DomainContext the domain verbs take, built once per request from the
 * process's long-lived runtime. The caller (once there is authentication) joins it here.
 */
export type Context = DomainContext;

/** Dependencies only; tests call this through `createCaller` without any HTTP. */
export function createContextInner(deps: { runtime: Runtime; logger: Logger }): Context {
  return domainContext(deps.runtime, deps.logger);
}

/**
 * Adapts an Express request. AUTH SEAM: there is no authentication yet (the owner adds it); this is the one
 * place to read a session or token from `req` and put the caller on the context.
 */
export function createContextFactory(deps: { runtime: Runtime; logger: Logger }) {
  return ({ req: _req, res: _res }: { req: Request; res: Response }): Context => createContextInner(deps);
}
