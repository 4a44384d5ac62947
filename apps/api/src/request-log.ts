import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { createPinoLogger } from '@mini-netumo/domain';
import { isChange } from './is-change';

/**
 * The path alone: a query string may carry a tRPC input, and nothing of a client's input belongs in a log line.
 * Express rewrites `url` inside a mounted router; `originalUrl` is what the client asked for.
 */
const pathOf = (req: { url?: string; originalUrl?: string }) => (req.originalUrl ?? req.url ?? '').split('?')[0].slice(0, 200);
const summary = (req: IncomingMessage, res: ServerResponse) => `${req.method} ${pathOf(req)} ${res.statusCode}`;

/**
 * One line per request on the admin listener, through pino-http. A change (anything but GET, HEAD and OPTIONS)
 * is written at `info` and a read at `debug` (`LOG_LEVEL=debug` to see them): the dashboard reads many times a
 * second, which would bury the lines that matter. A failure is at the level of its request too: its cause is
 * logged once by the procedure error log, rate-limited while a dependency is away, and a line per request here
 * would undo that. A line holds the method, the path without its query, the status, the time taken and the
 * client's address; never a header or a body, so no credential can reach the log (the logger redacts known
 * secret fields besides).
 */
export function requestLog(): RequestHandler {
  return pinoHttp({
    logger: createPinoLogger('http'),
    quietReqLogger: true,
    customLogLevel: (req: IncomingMessage) => (isChange(req.method) ? 'info' : 'debug'),
    customSuccessMessage: summary,
    customErrorMessage: summary,
    // pino-http makes up an Error ("failed with status code 500", with its own stack) for any 5xx: the status says it.
    customErrorObject: (_req: IncomingMessage, _res: ServerResponse, _error: Error, fields: Record<string, unknown>) => {
      const { err: _made, ...rest } = fields;
      return rest;
    },
    serializers: {
      req: (req: { method?: string; url?: string; originalUrl?: string; remoteAddress?: string }) => ({
        method: req.method,
        path: pathOf(req),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  }) as unknown as RequestHandler;
}
