import { existsSync } from 'node:fs';
import path from 'node:path';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import compression from 'compression';
import express, { type Express, type Request, type Response } from 'express';
import { appRouter, createContextFactory } from '@mini-netumo/api';
import type { Registry } from 'prom-client';
import { checkHealth, checkReadiness, domainContext, rateLimitedWarning, type Logger, type Runtime } from '@mini-netumo/domain';
import { mutationLimit } from './mutation-limit';
import { securityHeaders } from './security-headers';

export interface ServerOptions {
  runtime: Runtime;
  logger: Logger;
  /** The built dashboard; served with an HTML5 fallback when present. */
  webDistDir?: string;
  /** Served at /metrics in Prometheus' text format (main.ts passes the process's, with the fleet's gauges). */
  metrics?: Registry;
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

/** The HTTP edge: tRPC at /trpc, /health (with /live and /ready), /metrics, and the dashboard. No business logic lives here. */
export function createServer(options: ServerOptions): Express {
  const app = express();
  app.disable('x-powered-by');
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

  // A dependency away answers 503 to every request meanwhile: one line per 10 s, with what failed underneath.
  const unavailable = rateLimitedWarning(options.logger, 'procedure answered 503: a dependency is not reachable');
  if (options.mutationsPerMinute) app.use('/trpc', mutationLimit(options.mutationsPerMinute));
  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: createContextFactory({ runtime: options.runtime, logger: options.logger }),
      maxBodySize: 256 * 1024,
      onError({ error, path: procedure }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          options.logger.error('procedure failed', { procedure, error: error.cause ?? error });
        } else if (error.code === 'SERVICE_UNAVAILABLE') {
          unavailable({ procedure, error: error.cause ?? error });
        }
      },
    }),
  );

  const webDir = options.webDistDir;
  if (webDir && existsSync(path.join(webDir, 'index.html'))) {
    app.use(express.static(webDir, { index: false, maxAge: '1h' }));
    // HTML5 routing: any other GET that is not an API path gets the app shell.
    app.get(/^(?!\/trpc|\/health|\/metrics).*/, (_req, res) => {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(path.join(webDir, 'index.html'));
    });
  }
  return app;
}
