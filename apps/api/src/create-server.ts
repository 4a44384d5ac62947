import { existsSync } from 'node:fs';
import path from 'node:path';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import compression from 'compression';
import { OVERVIEW_PRELOAD_PATH } from '@mini-netumo/contracts';
import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express';
import { appRouter, createContextFactory, OPENAPI_DOCUMENT_PATH, openApiDocument, REST_BASE_PATH } from '@mini-netumo/api';
import type { Registry } from 'prom-client';
import { checkHealth, checkReadiness, domainContext, type Logger, type Runtime } from '@mini-netumo/domain';
import { mutationLimit } from './mutation-limit';
import { procedureErrorLog } from './procedure-error-log';
import { requestLog } from './request-log';
import { apiDocs } from './rest/api-docs';
import { createRestApi } from './rest/rest-api';
import { sendRestError } from './rest/rest-errors';
import { securityHeaders } from './security-headers';

export interface ServerOptions {
  runtime: Runtime;
  logger: Logger;
  /** The built dashboard; served with an HTML5 fallback when present. */
  webDistDir?: string;
  /** Served at /metrics in Prometheus' text format (main.ts passes the process's, with the fleet's gauges). */
  metrics?: Registry;
  /** One log line per change (request-log.ts); on unless false (the fuzz suite's 30,000 requests would bury its output). */
  logRequests?: boolean;
  /** tRPC mutations one client address may make a minute; unlimited when not given. */
  mutationsPerMinute?: number;
}

/**
 * Answers worth compressing (the overview of 10,000 monitors shrinks about fivefold, the dashboard's bundles
 * too), never the live-event stream: an event must reach the browser when it is written, not when a buffer fills.
 */
function compressible(req: Request, res: Response): boolean {
  if (String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) return false;
  return compression.filter(req, res);
}

/** The HTTP edge: tRPC at /trpc, REST under /api/v1 (documented at /api/docs), /health (with /live and /ready), /metrics, and the dashboard. No business logic lives here. */
export function createServer(options: ServerOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  if (options.logRequests !== false) app.use(requestLog());
  app.use(securityHeaders());
  app.use(compression({ filter: compressible }));

  app.get('/health', async (_req, res) => {
    const health = await checkHealth(domainContext(options.runtime, options.logger));
    res.status(health.ok ? 200 : 503).json(health);
  });
  // Liveness: the process answers. The worker's canary asks this, never /health (see defaultCanaryUrl).
  app.get('/health/live', (_req, res) => {
    res.json({ ok: true });
  });
  // Readiness for orchestrators: database and queue reachable, migrations applied.
  app.get('/health/ready', async (_req, res) => {
    const readiness = await checkReadiness(options.runtime);
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  const metrics = options.metrics;
  if (metrics) {
    app.get('/metrics', async (_req, res) => {
      res.type(metrics.contentType).send(await metrics.metrics());
    });
  }

  const logError = procedureErrorLog(options.logger);
  if (options.mutationsPerMinute) app.use(['/trpc', '/api'], mutationLimit(options.mutationsPerMinute));
  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: createContextFactory({ runtime: options.runtime, logger: options.logger }),
      maxBodySize: 256 * 1024,
      onError: ({ error, path: procedure }) => logError(error, procedure),
    }),
  );

  // The same procedures over REST, with their OpenAPI 3.1 document and interactive docs.
  const openApi = openApiDocument();
  app.get(OPENAPI_DOCUMENT_PATH, (_req, res) => {
    res.json(openApi);
  });
  app.use('/api/docs', apiDocs());
  app.use(REST_BASE_PATH, createRestApi({ runtime: options.runtime, logger: options.logger }));
  // An API path nobody serves is a JSON 404, never the dashboard's HTML.
  app.use('/api', (req, res) => {
    sendRestError(
      res,
      404,
      'NOT_FOUND',
      `No route ${req.originalUrl.slice(0, 100)}; the REST API is under ${REST_BASE_PATH} (see /api/docs)`,
    );
  });

  const webDir = options.webDistDir;
  if (webDir && existsSync(path.join(webDir, 'index.html'))) {
    app.use(express.static(webDir, { index: false, maxAge: '1h' }));
    // HTML5 routing: any other GET that is not an API path gets the app shell.
    app.get(/^(?!\/trpc|\/api\/|\/health|\/metrics).*/, (req, res) => {
      res.setHeader('cache-control', 'no-cache');
      // The overview opens at `/`: its snapshot starts loading with the shell instead of after the bundle has booted.
      if (req.path === '/') res.setHeader('link', `<${OVERVIEW_PRELOAD_PATH}>; rel=preload; as=fetch; crossorigin=anonymous`);
      res.sendFile(path.join(webDir, 'index.html'));
    });
  }
  // Express's own handler would answer an error's stack as HTML outside production: a client reads one line.
  const internal: ErrorRequestHandler = (error: unknown, req, res, next) => {
    options.logger.error('request failed', { path: req.path, error });
    if (res.headersSent) return next(error);
    res.status(500).type('text/plain').send('Internal server error\n');
  };
  app.use(internal);
  return app;
}
