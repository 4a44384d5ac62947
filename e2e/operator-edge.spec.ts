import { expect, test } from '@playwright/test';
import { deleteMonitorsNamed } from './page-steps';
import { trpcMutation, trpcQuery } from './trpc-calls';

const PREFIX = 'E2E edge';
/** The worker's metrics and probes listener (set by playwright.config.ts). */
const WORKER_URL = String(process.env.E2E_WORKER_URL);

test.afterAll(async ({ request }) => {
  await deleteMonitorsNamed(request, PREFIX);
});

test('the REST API, its OpenAPI document, metrics and probes, black-box on the product as npm start runs it', async ({ request }) => {
  const document = (await (await request.get('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe('3.1.0');
  expect(Object.keys(document.paths)).toContain('/api/v1/monitors');

  // Made over REST, read over tRPC; made over tRPC, read over REST.
  const made = await request.post('/api/v1/monitors', { data: { name: `${PREFIX} REST`, url: 'http://127.0.0.1:9/rest', paused: true } });
  expect(made.status()).toBe(201);
  const { id } = (await made.json()) as { id: string };
  expect(await trpcQuery<{ name: string }>(request, 'monitors.get', { id })).toMatchObject({ name: `${PREFIX} REST` });
  const viaTrpc = await trpcMutation<{ id: string }>(request, 'monitors.create', {
    name: `${PREFIX} tRPC`,
    url: 'http://127.0.0.1:9/t',
    paused: true,
  });
  expect(await (await request.get(`/api/v1/monitors/${viaTrpc.id}`)).json()).toMatchObject({ name: `${PREFIX} tRPC` });

  const refused = await request.post('/api/v1/monitors', { data: { name: `${PREFIX} bad`, url: 'not a url' } });
  expect(refused.status()).toBe(400);
  expect(Object.keys(((await refused.json()) as { fieldErrors: object }).fieldErrors)).toEqual(['url']);
  const unknown = await request.get('/api/v1/no-such-thing');
  expect([unknown.status(), unknown.headers()['content-type']]).toEqual([404, expect.stringMatching(/^application\/json/)]);

  for (const base of ['', WORKER_URL]) {
    const metrics = await request.get(`${base}/metrics`);
    expect(metrics.headers()['content-type']).toContain('text/plain');
    const text = await metrics.text();
    for (const series of ['netumo_monitors', 'netumo_queue_jobs', 'netumo_dead_letters', 'process_cpu_seconds_total']) {
      expect(text, `${base || 'api'} /metrics`).toMatch(new RegExp(`^${series}[{ ]`, 'm'));
    }
    expect((await request.get(`${base}/health/live`)).status()).toBe(200);
    expect(await (await request.get(`${base}/health/ready`)).json()).toEqual({
      ready: true,
      database: true,
      queue: true,
      migrations: true,
    });
  }
});
