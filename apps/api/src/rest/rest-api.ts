import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import {
  createCaller,
  createContextFactory,
  inputFromJson,
  OPENAPI_DOCUMENT_PATH,
  REST_BASE_PATH,
  REST_ROUTES,
  type ResolvedRestRoute,
} from '@mini-netumo/api';
import type { Logger, Runtime } from '@mini-netumo/domain';
import { procedureErrorLog } from '../procedure-error-log';
import { asTrpcError, sendProcedureError, sendRestError } from './rest-errors';

/** Larger than any form of ours; the same ceiling as tRPC's. */
export const REST_MAX_BODY_BYTES = 256 * 1024;

type Procedure = (input: unknown) => Promise<unknown>;

const acceptsBody = (method: string) => method !== 'GET' && method !== 'DELETE' && method !== 'HEAD';

/** Query parameters as the contract reads them: one value as text, a repeated name as a list. */
function queryOf(url: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(url, 'http://localhost').searchParams) {
    const seen = query[key];
    query[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return query;
}

/** The input the procedure receives: the body or the query string, and the path's parameters over both. */
function inputOf(route: ResolvedRestRoute, req: Request, params: Record<string, string>): unknown {
  if (!route.input) return undefined;
  const fromBody = acceptsBody(route.method);
  const sent: unknown = fromBody ? req.body : queryOf(req.originalUrl);
  if (fromBody && sent !== undefined && (typeof sent !== 'object' || sent === null || Array.isArray(sent))) return sent;
  const fields = route.bodyField ? (sent === undefined ? {} : { [route.bodyField]: sent }) : ((sent as object | undefined) ?? {});
  return inputFromJson(route.input, { ...fields, ...params }, !fromBody);
}

/** A path parameter as sent, percent-decoding undone; one that does not decode is kept as sent, for the contract to refuse. */
function decoded(groups: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(groups).map(([name, raw]) => {
      try {
        return [name, decodeURIComponent(raw)];
      } catch {
        return [name, raw];
      }
    }),
  );
}

function matchRoute(method: string, path: string): { route?: ResolvedRestRoute; params: Record<string, string>; allowed: string[] } {
  const allowed: string[] = [];
  for (const route of REST_ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method === method) return { route, params: decoded(match.groups ?? {}), allowed };
    allowed.push(route.method);
  }
  return { params: {}, allowed };
}

/**
 * Written here rather than taken from trpc-to-openapi: its handler sets `coerce` on the contract's own number,
 * boolean and date schemas in place (bodies included, recursively), so after one REST call tRPC too would read
 * `"false"` as `true`; and it refuses any input that is not a plain object, which our discriminated unions
 * (`monitors.create`, `channels.create`) are. This one calls the very procedures tRPC does, through their
 * middleware and contract schemas, and answers in the same words.
 */
export function createRestApi(deps: { runtime: Runtime; logger: Logger }): Router {
  const api = express.Router();
  const createContext = createContextFactory(deps);
  const logError = procedureErrorLog(deps.logger);

  // Bodies of any JSON value, so a bare `null` is answered in our words rather than by the parser's.
  api.use(express.json({ limit: REST_MAX_BODY_BYTES, strict: false }));
  api.use((req, res, next) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (acceptsBody(req.method) && hasBody && !req.is('application/json')) {
      sendRestError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON, with content-type application/json');
      return;
    }
    next();
  });

  api.all(/.*/, async (req: Request, res: Response) => {
    const { route, params, allowed } = matchRoute(req.method, req.path);
    if (!route) {
      if (allowed.length > 0) {
        res.setHeader('allow', allowed.join(', '));
        sendRestError(res, 405, 'METHOD_NOT_SUPPORTED', `${req.path} answers ${allowed.join(', ')}, not ${req.method}`);
      } else {
        sendRestError(
          res,
          404,
          'NOT_FOUND',
          `No REST route ${req.method} ${REST_BASE_PATH}${req.path.slice(0, 100)}; see ${OPENAPI_DOCUMENT_PATH}`,
        );
      }
      return;
    }
    const caller = createCaller(createContext({ req, res }));
    const procedure = route.procedure
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as Procedure;
    try {
      const output = await procedure(inputOf(route, req, params));
      if (route.status === 204) res.status(204).end();
      else res.status(route.status ?? 200).json(output);
    } catch (thrown) {
      const error = asTrpcError(thrown);
      logError(error, route.procedure);
      sendProcedureError(res, error, route.procedure, route.type);
    }
  });

  // The body parser's refusals, in our words (its own name the parser and echo the body).
  const bodyRefused: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
    if (error.type === 'entity.too.large')
      sendRestError(res, 413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than this server accepts');
    else if (error.type === 'entity.parse.failed') sendRestError(res, 400, 'PARSE_ERROR', 'The request body is not valid JSON');
    else if (error.type) sendRestError(res, 400, 'BAD_REQUEST', 'The request body could not be read');
    else next(error);
  };
  api.use(bodyRefused);
  return api;
}
