import { createServer, type Server } from 'node:http';
import express from 'express';
import type { HeartbeatIntake, Logger, PublicListenerSettings } from '@mini-netumo/domain';
import { createPingHandler } from './ping-handler';
import { internalError, notFound } from './plain-answer';
import { createPublicPagesHandler, type PublicPageSnapshots } from './serving/public-pages-handler';

export interface PublicServerOptions {
  intake: HeartbeatIntake;
  /** Status pages and badges, from memory. */
  snapshots: PublicPageSnapshots;
  logger: Logger;
  settings: Pick<PublicListenerSettings, 'pingRateLimitPerMinute' | 'pageRateLimitPerMinute'>;
  /** How long a ping may wait for its commit before the answer is 503 (default 10 s, curl's usual `-m 10`). */
  pingAnswerWithinMs?: number;
}

/**
 * The public listener (not yet listening): only what the world may reach: heartbeat pings, status pages and
 * badges. Nothing here reads private data or writes configuration: no /trpc, no dashboard, no health details.
 * All three are answered before Express (ping-handler.ts says why); every other path is a plain 404.
 */
export function createPublicServer(options: PublicServerOptions): Server {
  const pings = createPingHandler(options.intake, options.logger, {
    limitPerMinute: options.settings.pingRateLimitPerMinute,
    answerWithinMs: options.pingAnswerWithinMs ?? 10_000,
  });
  const pages = createPublicPagesHandler(options.snapshots, options.logger, { limitPerMinute: options.settings.pageRateLimitPerMinute });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((_req, res) => notFound(res));
  // Express's own handler would show a stack trace outside production; the world sees no internals.
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    options.logger.warn('public request failed', { error: error instanceof Error ? error.message : String(error) });
    if (!res.headersSent) internalError(res);
  });
  return createServer((req, res) => {
    if (!pings(req, res) && !pages(req, res)) app(req, res);
  });
}
