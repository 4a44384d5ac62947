import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gauge, Registry } from 'prom-client';
import { createLogger, domainContext, openDatabase, openRuntime, registerFleetMetrics, type Runtime } from '@mini-netumo/domain';
import {
  captureLogs,
  createTestDatabase,
  listenOnLoopback,
  testAppConfig,
  type LoopbackServer,
  type TestDatabase,
} from '@mini-netumo/domain/testing';
import { createServer } from './create-server';

const logger = createLogger('test');

/** The HTTP edge as a browser sees it: real server, real runtime, plain fetch. */
describe('api server', () => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let server: LoopbackServer;
  let base: string;
  let metrics: Registry;
  const webDir = mkdtempSync(path.join(tmpdir(), 'mn-web-'));

  beforeAll(async () => {
    writeFileSync(path.join(webDir, 'index.html'), '<app-root>dashboard shell</app-root>');
    testDb = await createTestDatabase();
    runtime = await openRuntime(testAppConfig(testDb.url, 'redis', { webDistDir: webDir }), logger);
    metrics = new Registry();
    registerFleetMetrics(domainContext(runtime, logger), metrics, { perMonitor: true });
    server = await listenOnLoopback(createServer({ runtime, logger, webDistDir: webDir, metrics }));
    base = server.base;
  });

  afterAll(async () => {
    await server.close();
    await runtime.close();
    await testDb.drop();
    rmSync(webDir, { recursive: true, force: true });
  });

  const post = (procedure: string, input: unknown) =>
    fetch(`${base}/trpc/${procedure}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: input }),
    });

  it('answers GET /health with 200 when the database and queue are reachable', async () => {
    const response = await fetch(`${base}/health`);
    const body = await response.json();
    expect(body).toMatchObject({
      ok: true,
      database: { ok: true },
      queue: { ok: true, backend: 'redis' },
      monitoring: { ok: true, overdue: 0, threshold: 0 },
    });
    expect(response.status).toBe(200);
  });

  it('answers GET /health with 503 naming the dependency that is down', async () => {
    const unreachable = openDatabase('postgres://postgres@127.0.0.1:1/none');
    const other = await listenOnLoopback(createServer({ runtime: { ...runtime, database: unreachable }, logger }));
    const response = await fetch(`${other.base}/health`);
    const body = (await response.json()) as { ok: boolean; database: { ok: boolean; error?: string }; queue: { ok: boolean } };
    await other.close();
    await unreachable.close();
    expect(response.status).toBe(503);
    expect(body.ok).toBe(false);
    expect(body.database.ok).toBe(false);
    expect(body.database.error).toMatch(/ECONNREFUSED|connect/);
    expect(body.database.error).not.toContain('postgres://');
    expect(body.queue.ok).toBe(true);
  });

  it('answers 503 in our words, not 500, while the database is unreachable, and logs what failed underneath', async () => {
    const unreachable = openDatabase('postgres://postgres@127.0.0.1:1/none');
    const other = await listenOnLoopback(createServer({ runtime: { ...runtime, database: unreachable }, logger }));
    const logs = captureLogs();
    const response = await fetch(`${other.base}/trpc/monitors.list`).finally(() => logs.stop());
    const body = (await response.json()) as { error: { json: { message: string } } };
    await other.close();
    await unreachable.close();
    expect(logs.text()).toContain('procedure answered 503');
    expect(logs.text()).toContain('ECONNREFUSED');
    expect(response.status).toBe(503);
    expect(body.error.json.message).toBe('The database is not reachable right now. Try again in a moment.');
  });

  it('returns 400 with the field named for bad input, and writes nothing', async () => {
    const response = await post('monitors.create', { name: '', url: 'https://user:pw@example.com' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { json: { message: string; data: { code: string; fieldErrors: Record<string, string> } } };
    };
    expect(body.error.json.data.code).toBe('BAD_REQUEST');
    expect(body.error.json.data.fieldErrors).toEqual({
      name: 'name is required',
      url: 'url must not contain a user name or password',
    });
    expect(body.error.json.message).toBe('name is required; url must not contain a user name or password');
    const list = (await (await fetch(`${base}/trpc/monitors.list`)).json()) as { result: { data: { json: unknown[] } } };
    expect(list.result.data.json).toEqual([]);
  });

  it('returns 404 for an unknown monitor', async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { id: '00000000-0000-4000-8000-000000000000' } }));
    const response = await fetch(`${base}/trpc/monitors.get?input=${input}`);
    expect(response.status).toBe(404);
  });

  it('streams live events over SSE', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/trpc/events.live`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    // The subscription is registered once the stream has started ("connected").
    while (!text.includes('connected')) text += decoder.decode((await reader.read()).value);
    const created = await post('monitors.create', { name: 'Live', url: 'http://127.0.0.1:9/' });
    expect(created.status).toBe(200);
    while (!text.includes('"monitor.status"')) text += decoder.decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain('"name":"Live"');
  });

  it('compresses the overview for a browser that accepts it, and never the live stream', async () => {
    for (let i = 0; i < 20; i++)
      expect((await post('monitors.create', { name: `Fleet ${i}`, url: `http://127.0.0.1:9/${i}` })).status).toBe(200);
    const overview = await fetch(`${base}/trpc/stats.overview`, { headers: { 'accept-encoding': 'gzip' } });
    expect(overview.status).toBe(200);
    expect(overview.headers.get('content-encoding')).toBe('gzip');
    const body = (await overview.json()) as { result: { data: { json: { columns: string } } } };
    expect((JSON.parse(body.result.data.json.columns) as { name: string[] }).name).toContain('Fleet 19');

    const controller = new AbortController();
    const live = await fetch(`${base}/trpc/events.live`, { headers: { 'accept-encoding': 'gzip' }, signal: controller.signal });
    expect(live.headers.get('content-type')).toContain('text/event-stream');
    expect(live.headers.get('content-encoding')).toBeNull();
    controller.abort();
  });

  it('answers the probes: live, and ready with the database, the queue and the migrations', async () => {
    expect(await (await fetch(`${base}/health/live`)).json()).toEqual({ ok: true });
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, database: true, queue: true, migrations: true });
    const unreachable = openDatabase('postgres://postgres@127.0.0.1:1/none');
    const other = await listenOnLoopback(createServer({ runtime: { ...runtime, database: unreachable }, logger }));
    const notReady = await fetch(`${other.base}/health/ready`);
    const readiness = await notReady.json();
    await other.close();
    await unreachable.close();
    expect(notReady.status).toBe(503);
    expect(readiness).toEqual({ ready: false, database: false, queue: true, migrations: false });
  });

  it('serves /metrics in Prometheus text format, never the dashboard shell', async () => {
    await post('monitors.create', { name: 'Metered', url: 'http://127.0.0.1:9/', paused: true });
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/^netumo_monitors\{status="paused"\} 1$/m);
    expect(text).toContain('# TYPE netumo_queue_jobs gauge');
    expect(text).not.toContain('dashboard shell');
  });

  it('answers a failure in a route as a plain 500 with no internals, and logs it', async () => {
    const broken = new Registry();
    new Gauge({
      name: 'broken_gauge',
      help: 'throws when read',
      registers: [broken],
      collect() {
        throw new TypeError('at2.getTime is not a function');
      },
    });
    const other = await listenOnLoopback(createServer({ runtime, logger, metrics: broken }));
    const logs = captureLogs();
    const response = await fetch(`${other.base}/metrics`).finally(() => logs.stop());
    const text = await response.text();
    await other.close();
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text).toBe('Internal server error\n');
    expect(logs.text()).toContain('at2.getTime is not a function');
  });

  it('sends security headers with a CSP the dashboard can run under, and says nothing of Express', async () => {
    const page = await fetch(`${base}/monitors`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'unsafe-hashes' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('strict-transport-security')).toBeNull();
    expect(page.headers.get('x-powered-by')).toBeNull();
  });

  it('answers 429 with Retry-After once a client has made its minute of mutations, and never limits queries', async () => {
    const limited = await listenOnLoopback(createServer({ runtime, logger, mutationsPerMinute: 2 }));
    const at = `${limited.base}/trpc`;
    const pause = () =>
      fetch(`${at}/monitors.pause`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"json":{"id":"00000000-0000-4000-8000-000000000000"}}',
      });
    const answers = [await pause(), await pause(), await pause()];
    const queries = await Promise.all([1, 2, 3].map(() => fetch(`${at}/monitors.list`)));
    await limited.close();
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 429]);
    expect(Number(answers[2]?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await answers[2]?.json()) as { error: { json: { message: string } } }).error.json.message).toContain('at most 2 a minute');
    expect(queries.map((query) => query.status)).toEqual([200, 200, 200]);
  });

  it('shares the minute of changes between tRPC and REST, and answers REST in its own error shape', async () => {
    const limited = await listenOnLoopback(createServer({ runtime, logger, mutationsPerMinute: 2 }));
    const at = limited.base;
    const missing = '00000000-0000-4000-8000-000000000000';
    const viaTrpc = await fetch(`${at}/trpc/monitors.pause`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"json":{"id":"${missing}"}}`,
    });
    const viaRest = [
      await fetch(`${at}/api/v1/monitors/${missing}`, { method: 'DELETE' }),
      await fetch(`${at}/api/v1/monitors/${missing}/pause`, { method: 'POST' }),
    ];
    const read = await fetch(`${at}/api/v1/monitors`);
    await limited.close();
    expect([viaTrpc, ...viaRest].map((answer) => answer.status)).toEqual([404, 404, 429]);
    expect(Number(viaRest[1]?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await viaRest[1]?.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringContaining('at most 2 a minute') });
    expect(read.status).toBe(200);
  });

  it('logs each change as one line with method, path and status, and never a header, a query or a body', async () => {
    const logs = captureLogs();
    try {
      await fetch(`${base}/api/v1/monitors?secret=in-the-query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer do-not-log' },
        body: JSON.stringify({ name: 'Logged', url: 'http://127.0.0.1:9/x', paused: true, headers: { 'X-Api-Key': 'body-secret' } }),
      });
      await fetch(`${base}/api/v1/monitors`);
    } finally {
      logs.stop();
    }
    const lines = logs
      .text()
      .split('\n')
      .filter((line) => line.includes('"component":"http"'))
      .map(
        (line) =>
          JSON.parse(line) as { level: string; message: string; req: { path: string }; res: { statusCode: number }; responseTime: number },
      );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      message: 'POST /api/v1/monitors 201',
      req: { path: '/api/v1/monitors' },
      res: { statusCode: 201 },
    });
    expect(lines[0]?.responseTime).toBeGreaterThanOrEqual(0);
    expect(logs.text()).not.toMatch(/do-not-log|in-the-query|body-secret/);
  });

  it('serves the dashboard shell for client-side routes, but not for API paths', async () => {
    const page = await fetch(`${base}/monitors/some-id`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('dashboard shell');
    // Only the overview's address preloads the fleet's snapshot, and the address it names answers it.
    expect(page.headers.get('link')).toBeNull();
    const home = await fetch(`${base}/`);
    expect(await home.text()).toContain('dashboard shell');
    const preload = /^<([^>]+)>; rel=preload; as=fetch; crossorigin=anonymous$/.exec(home.headers.get('link') ?? '');
    expect(preload?.[1]).toBe('/trpc/stats.overview');
    const preloaded = (await (await fetch(`${base}${preload?.[1]}`)).json()) as { result: { data: { json: { columns: string } } } };
    expect(JSON.parse(preloaded.result.data.json.columns)).toHaveProperty('monitorId');
    for (const path of ['/trpc/no.such.procedure', '/api/v1/no-such-route', '/api/no-such-thing']) {
      const api = await fetch(`${base}${path}`);
      expect(api.status).toBe(404);
      expect(await api.text()).not.toContain('dashboard shell');
    }
  });
});
