import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi-document';
import { REST_ROUTES } from './rest-routes';

type Operation = {
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { content: { 'application/json': { schema: { properties?: Record<string, unknown>; anyOf?: unknown[] } } } };
  responses: Record<string, unknown>;
};

describe('the OpenAPI document', () => {
  const document = openApiDocument() as { openapi: string; paths: Record<string, Record<string, Operation>> };

  it('is valid OpenAPI 3.1 by the specification’s own schema', async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('lists every REST route once, under /api/v1', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    expect(operations.sort()).toEqual(REST_ROUTES.map((route) => `${route.method.toLowerCase()} /api/v1${route.path}`).sort());
    expect(document.paths['/api/v1/monitors']).toHaveProperty('post');
  });

  it('describes path and query parameters, the body without them, and the success status', () => {
    const get = document.paths['/api/v1/monitors/{monitorId}/results'].get;
    expect(get.parameters.find((parameter) => parameter.name === 'monitorId')).toMatchObject({ in: 'path', required: true });
    expect(get.parameters.find((parameter) => parameter.name === 'limit')).toMatchObject({ in: 'query', required: false });

    const patch = document.paths['/api/v1/status-pages/{id}'].patch;
    expect(patch.requestBody?.content['application/json'].schema.properties).not.toHaveProperty('id');
    expect(patch.requestBody?.content['application/json'].schema.properties).toHaveProperty('slug');

    // The monitor patch is the body itself; a creation is 201 and a deletion 204 without content.
    const monitor = document.paths['/api/v1/monitors/{id}'];
    expect(monitor.patch.requestBody?.content['application/json'].schema.properties).toHaveProperty('name');
    expect(document.paths['/api/v1/monitors'].post.responses).toHaveProperty('201');
    expect(monitor.delete.responses['204']).not.toHaveProperty('content');
  });
});
