import { z, type ZodType } from 'zod';
import { REST_ROUTES, type ResolvedRestRoute } from './rest-routes';

/** Where the REST API lives on the admin listener. */
export const REST_BASE_PATH = '/api/v1';
/** Where the admin listener serves the document this file builds. */
export const OPENAPI_DOCUMENT_PATH = '/api/openapi.json';
/** The version of the REST API's contract: the `v1` of its path. */
const REST_API_VERSION = '1.0.0';

interface JsonSchema {
  $schema?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  [keyword: string]: unknown;
}

/**
 * A contract schema as JSON Schema 2020-12, the dialect of OpenAPI 3.1, by zod's own converter. A date travels as
 * an ISO 8601 string; what a transform makes is not described (`{}`), since only its code knows.
 */
function jsonSchemaOf(schema: ZodType, io: 'input' | 'output'): JsonSchema {
  const converted = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === 'date') Object.assign(jsonSchema, { type: 'string', format: 'date-time' });
    },
  }) as JsonSchema;
  delete converted.$schema;
  return converted;
}

/** The input's schema without the fields the path fills, in each branch of a union. */
function withoutFields(schema: JsonSchema, fields: readonly string[]): JsonSchema {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return { ...schema, [schema.anyOf ? 'anyOf' : 'oneOf']: branches.map((branch) => withoutFields(branch, fields)) };
  if (!schema.properties) return schema;
  const properties = Object.fromEntries(Object.entries(schema.properties).filter(([key]) => !fields.includes(key)));
  const required = schema.required?.filter((key) => !fields.includes(key));
  return { ...schema, properties, ...(required ? { required } : {}) };
}

function parametersOf(route: ResolvedRestRoute, input: JsonSchema | undefined): unknown[] {
  const properties = input?.properties ?? {};
  const required = new Set(input?.required ?? []);
  const inQuery = route.method === 'GET' || route.method === 'DELETE';
  const names = inQuery ? Object.keys(properties) : route.pathParams;
  return names.map((name) => {
    const inPath = route.pathParams.includes(name);
    return { name, in: inPath ? 'path' : 'query', required: inPath || required.has(name), schema: properties[name] ?? { type: 'string' } };
  });
}

function requestBodyOf(route: ResolvedRestRoute, input: JsonSchema | undefined): unknown {
  if (!input || route.method === 'GET' || route.method === 'DELETE') return undefined;
  const schema = route.bodyField ? input.properties?.[route.bodyField] : withoutFields(input, route.pathParams);
  if (!schema || (schema.properties && Object.keys(schema.properties).length === 0)) return undefined;
  return { required: true, content: { 'application/json': { schema } } };
}

const ERROR_RESPONSES = {
  '400': { $ref: '#/components/responses/BadRequest' },
  '404': { $ref: '#/components/responses/NotFound' },
  '429': { $ref: '#/components/responses/TooManyRequests' },
  '503': { $ref: '#/components/responses/Unavailable' },
  default: { $ref: '#/components/responses/Error' },
};

function operationOf(route: ResolvedRestRoute): Record<string, unknown> {
  const input = route.input ? jsonSchemaOf(route.input, 'input') : undefined;
  const status = route.status ?? 200;
  const success =
    status === 204
      ? { description: route.summary }
      : { description: route.summary, content: { 'application/json': { schema: jsonSchemaOf(route.output, 'output') } } };
  const requestBody = requestBodyOf(route, input);
  return {
    operationId: route.procedure.replace('.', '_'),
    summary: route.summary,
    tags: [route.path.split('/')[1]],
    description: `The tRPC procedure \`${route.procedure}\`, over REST.`,
    parameters: parametersOf(route, input),
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [String(status)]: success,
      ...ERROR_RESPONSES,
      ...(route.type === 'mutation' ? { '409': { $ref: '#/components/responses/Conflict' } } : {}),
    },
  };
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/**
 * The OpenAPI 3.1 document of the REST API, built from the routes the procedures declare and their contract
 * schemas. No authentication is described: there is none yet (the owner adds it at the tRPC context).
 */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of REST_ROUTES) {
    const path = `${REST_BASE_PATH}${route.path}`;
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operationOf(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'mini-netumo',
      version: REST_API_VERSION,
      description:
        'Every procedure of the dashboard’s tRPC API, over REST with JSON. Dates are ISO 8601 strings. An error answers `{ code, message, fieldErrors? }`, where `fieldErrors` names each input field to blame by its dotted path.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string', description: 'The error code, e.g. BAD_REQUEST, NOT_FOUND, CONFLICT' },
            message: { type: 'string' },
            fieldErrors: {
              type: 'object',
              additionalProperties: { type: 'string' },
              description: 'Message per input field, keyed by its dotted path',
            },
          },
        },
      },
      responses: {
        BadRequest: errorResponse('The input was refused; `fieldErrors` names each field to blame'),
        NotFound: errorResponse('No such resource'),
        Conflict: errorResponse('The change conflicts with the current state (a slug taken, a channel still in use)'),
        TooManyRequests: errorResponse('Too many changes from this address; see Retry-After'),
        Unavailable: errorResponse('The database or the queue is not reachable; try again shortly'),
        Error: errorResponse('Any other error'),
      },
    },
  };
}
