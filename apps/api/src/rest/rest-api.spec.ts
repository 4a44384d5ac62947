import superjson, { type SuperJSONResult } from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REST_ROUTES, appRouter } from '@mini-netumo/api';
import { createLogger, openRuntime, type Runtime } from '@mini-netumo/domain';
import { createTestDatabase, listenOnLoopback, testAppConfig, type LoopbackServer, type TestDatabase } from '@mini-netumo/domain/testing';
import { createServer } from '../create-server';

const logger = createLogger('test');
const TARGET = 'http://127.0.0.1:9/health';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** REST through a real server, against the same procedures and database tRPC uses. */
describe('REST API', () => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let server: LoopbackServer;
  let base: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    runtime = await openRuntime(testAppConfig(testDb.url, 'postgres'), logger);
    server = await listenOnLoopback(createServer({ runtime, logger, mutationsPerMinute: 10_000 }));
    base = server.base;
  });

  afterAll(async () => {
    await server.close();
    await runtime.close();
    await testDb.drop();
  });

  const rest = async (method: string, path: string, body?: unknown, contentType = 'application/json') => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': contentType },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  };

  const trpcQuery = async (procedure: string, input: unknown) => {
    const encoded = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
    const response = await fetch(`${base}/trpc/${procedure}?input=${encoded}`);
    const body = (await response.json()) as { result: { data: SuperJSONResult } };
    return superjson.deserialize(body.result.data) as Record<string, unknown>;
  };

  it('declares a REST route for every query and mutation of the router', () => {
    const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
      .filter(([, procedure]) => procedure._def.type !== 'subscription')
      .map(([path]) => path);
    expect(REST_ROUTES.map((route) => route.procedure).sort()).toEqual(procedures.sort());
  });

  it('creates a monitor with 201 that tRPC then reads, and reads over REST what tRPC created', async () => {
    const created = await rest('POST', '/api/v1/monitors', { name: 'REST made', url: TARGET, paused: true });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'REST made', paused: true });
    expect(typeof created.body?.createdAt).toBe('string');
    const viaTrpc = await trpcQuery('monitors.get', { id: created.body?.id });
    expect(viaTrpc).toMatchObject({ id: created.body?.id, name: 'REST made' });
    expect(viaTrpc.createdAt).toBeInstanceOf(Date);

    const response = await fetch(`${base}/trpc/monitors.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { name: 'tRPC made', url: TARGET, paused: true } }),
    });
    const trpcId = ((await response.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;
    const viaRest = await rest('GET', `/api/v1/monitors/${trpcId}`);
    expect(viaRest.status).toBe(200);
    expect(viaRest.body).toMatchObject({ id: trpcId, name: 'tRPC made' });
    const list = await rest('GET', '/api/v1/monitors');
    expect((list.body as unknown as { name: string }[]).map((monitor) => monitor.name).sort()).toEqual(['REST made', 'tRPC made']);
  });

  it('patches with the body as the patch, pauses and resumes, queues a check with 202, deletes with 204', async () => {
    const { body } = await rest('POST', '/api/v1/monitors', { name: 'Lifecycle', url: TARGET, paused: true });
    const id = String(body?.id);
    expect((await rest('PATCH', `/api/v1/monitors/${id}`, { name: 'Renamed', intervalSeconds: 120 })).body).toMatchObject({
      name: 'Renamed',
      intervalSeconds: 120,
    });
    expect((await rest('POST', `/api/v1/monitors/${id}/resume`)).body).toMatchObject({ paused: false });
    const queued = await rest('POST', `/api/v1/monitors/${id}/check`);
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    expect((await rest('POST', `/api/v1/monitors/${id}/pause`)).body).toMatchObject({ paused: true });
    const deleted = await rest('DELETE', `/api/v1/monitors/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await rest('GET', `/api/v1/monitors/${id}`)).status).toBe(404);
  });

  it('reads query parameters as the contract types them: numbers, booleans, dates', async () => {
    const { body } = await rest('POST', '/api/v1/monitors', { name: 'Queried', url: TARGET, paused: true });
    const id = String(body?.id);
    expect((await rest('GET', `/api/v1/monitors/${id}/results?limit=5`)).status).toBe(200);
    expect((await rest('GET', '/api/v1/notifications?unreadOnly=true&limit=3')).status).toBe(200);
    const exported = await rest('GET', `/api/v1/monitors/${id}/export?what=daily&from=2026-01-01&to=2026-02-01T00:00:00Z`);
    expect(exported.status).toBe(200);
    const badLimit = await rest('GET', `/api/v1/monitors/${id}/results?limit=lots`);
    expect(badLimit.status).toBe(400);
    expect(Object.keys(badLimit.body?.fieldErrors as object)).toEqual(['limit']);
    const badDate = await rest('GET', `/api/v1/monitors/${id}/export?what=daily&from=yesterday&to=2026-02-01`);
    expect(badDate.body).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { from: 'from must be a date' } });
  });

  it('answers a bad body with 400 naming the field, and writes nothing', async () => {
    const answer = await rest('POST', '/api/v1/monitors', { name: 'Bad', url: 'not a url' });
    expect(answer.status).toBe(400);
    expect(answer.body?.code).toBe('BAD_REQUEST');
    expect(Object.keys(answer.body?.fieldErrors as object)).toContain('url');
    expect(String(answer.body?.message)).toMatch(/url/);
    const monitors = (await rest('GET', '/api/v1/monitors')).body as unknown as { name: string }[];
    expect(monitors.map((monitor) => monitor.name)).not.toContain('Bad');
  });

  const LARGE_BODY = JSON.stringify({ name: 'a'.repeat(300 * 1024) });

  it.each([
    ['a null body', 'POST', '/api/v1/monitors', 'null', 'application/json', 400, 'The input must be an object'],
    ['a body that is not JSON', 'POST', '/api/v1/monitors', '{"name":', 'application/json', 400, 'The request body is not valid JSON'],
    [
      'a form body',
      'POST',
      '/api/v1/monitors',
      'name=a',
      'application/x-www-form-urlencoded',
      415,
      'Send the body as JSON, with content-type application/json',
    ],
    [
      'a body over 256 KB',
      'POST',
      '/api/v1/monitors',
      LARGE_BODY,
      'application/json',
      413,
      'The request body is larger than this server accepts',
    ],
    ['an unknown route', 'GET', '/api/v1/nope', undefined, undefined, 404, 'No REST route GET /api/v1/nope; see /api/openapi.json'],
    ['a method the path does not answer', 'PUT', '/api/v1/monitors', '{}', 'application/json', 405, '/monitors answers GET, POST, not PUT'],
    ['an id that is not a uuid', 'GET', '/api/v1/monitors/not-a-uuid', undefined, undefined, 400, 'id must be a monitor id (uuid)'],
    ['an unknown monitor', 'GET', `/api/v1/monitors/${NO_SUCH_ID}`, undefined, undefined, 404, `monitor ${NO_SUCH_ID} not found`],
  ] as const)('answers %s: %s %s', async (_label, method, path, body, contentType, status, message) => {
    const answer = await rest(method, path, body, contentType);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.body?.message).toBe(message);
  });

  it('answers an unknown /api path with a JSON 404, never the dashboard', async () => {
    const answer = await rest('GET', '/api/v2/monitors');
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers a taken status page slug with 409', async () => {
    const { body } = await rest('POST', '/api/v1/monitors', { name: 'On a page', url: TARGET, paused: true });
    const page = { slug: 'taken', title: 'T', groups: [{ name: 'All', monitorIds: [body?.id] }] };
    const created = await rest('POST', '/api/v1/status-pages', page);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await rest('POST', '/api/v1/status-pages', page)).body).toMatchObject({ code: 'CONFLICT' });
  });
});
