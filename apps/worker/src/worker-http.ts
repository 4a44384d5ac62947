import { createServer, type Server } from 'node:http';
import { checkReadiness, type Logger, type Runtime } from '@mini-netumo/domain';
import type { Registry } from 'prom-client';

/**
 * The worker's own listener, bound like the api (HOST): `/metrics` for Prometheus, `/health/live` (the process
 * answers) and `/health/ready` (database and queue reachable, migrations applied) for orchestrators. Nothing else.
 */
export function startWorkerHttp(options: { runtime: Runtime; registry: Registry; host: string; port: number; logger: Logger }): Server {
  const { runtime, registry, logger } = options;
  const json = (status: number, body: unknown) => ({ status, type: 'application/json', text: JSON.stringify(body) });
  const answer = async (path: string) => {
    if (path === '/health/live') return json(200, { ok: true });
    if (path === '/health/ready') {
      const readiness = await checkReadiness(runtime);
      return json(readiness.ready ? 200 : 503, readiness);
    }
    if (path === '/metrics') return { status: 200, type: registry.contentType, text: await registry.metrics() };
    return { status: 404, type: 'text/plain; charset=utf-8', text: 'not found\n' };
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const reply =
      req.method === 'GET' || req.method === 'HEAD'
        ? answer(path)
        : Promise.resolve({ status: 405, type: 'text/plain; charset=utf-8', text: 'method not allowed\n' });
    reply.then(
      ({ status, type, text }) => {
        res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(text)) });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        logger.warn('worker http request failed', { path, error });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('internal error\n');
      },
    );
  });
  server.on('error', (error) => logger.error('the worker http listener failed; metrics and probes are off', { error }));
  server.listen(options.port, options.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    logger.info('worker http listening', { url: `http://${options.host}:${port}` });
  });
  return server;
}
