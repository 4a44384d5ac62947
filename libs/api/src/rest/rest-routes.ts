import type { ZodType } from 'zod';
import { appRouter } from '../_app';
import type { ProcedureMeta, RestRoute } from './rest-route';

/** One REST route, resolved from the procedure that declares it. */
export interface ResolvedRestRoute extends RestRoute {
  /** The tRPC path, 'monitors.get'. */
  procedure: string;
  type: 'query' | 'mutation';
  /** The procedure's own contract schemas: REST validates and documents with exactly what tRPC does. */
  input: ZodType | undefined;
  output: ZodType;
  /** The `{name}`s of the path, in order. */
  pathParams: string[];
  /** Matches a request path under /api/v1 and captures the path parameters. */
  pattern: RegExp;
}

interface ProcedureDef {
  _def: { type: 'query' | 'mutation' | 'subscription'; meta?: ProcedureMeta; inputs: unknown[]; output?: unknown };
}

const PARAM = /\{(\w+)\}/g;

function patternOf(path: string): RegExp {
  const source = path
    .split(PARAM)
    .map((piece, index) => (index % 2 === 1 ? `(?<${piece}>[^/]+)` : piece.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`);
}

/**
 * Every procedure that declares a REST route, in the router's order. A literal path segment wins over a parameter
 * (`/channels/test` before `/channels/{id}`), so routes with fewer parameters come first.
 */
function resolveRoutes(): ResolvedRestRoute[] {
  // `_def.procedures` is typed as the nested router record, but at run time it is flat: 'monitors.get' → procedure.
  const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);
  return procedures
    .flatMap(([procedure, { _def }]) => {
      const route = _def.meta?.rest;
      if (!route || _def.type === 'subscription') return [];
      return [
        {
          ...route,
          procedure,
          type: _def.type,
          input: _def.inputs[0] as ZodType | undefined,
          output: _def.output as ZodType,
          pathParams: [...route.path.matchAll(PARAM)].map((match) => match[1]),
          pattern: patternOf(route.path),
        },
      ];
    })
    .sort((a, b) => a.pathParams.length - b.pathParams.length);
}

export const REST_ROUTES: readonly ResolvedRestRoute[] = resolveRoutes();
