import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { monitorInputSchema } from '@mini-netumo/contracts';
import {
  createLogger,
  createMonitor,
  domainContext,
  metricsRegistry,
  openRuntime,
  recordCheck,
  registerFleetMetrics,
  type DomainContext,
  type Runtime,
} from '@mini-netumo/domain';
import { createTestDatabase, testAppConfig, type TestDatabase } from '@mini-netumo/domain/testing';
import { startWorkerHttp } from './worker-http';

const logger = createLogger('test');

/** The worker's metrics and probes as Prometheus and an orchestrator read them: real listener, real PostgreSQL. */
describe('worker http listener', () => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let ctx: DomainContext;
  let server: Server;
  let base: string;
  let shopId: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    runtime = await openRuntime(testAppConfig(testDb.url, 'postgres'), logger);
    ctx = domainContext(runtime, logger);
    registerFleetMetrics(ctx, metricsRegistry, { perMonitor: true });
    server = startWorkerHttp({ runtime, registry: metricsRegistry, host: '127.0.0.1', port: 0, logger });
    await new Promise((resolve) => (server.listening ? resolve(undefined) : server.once('listening', resolve)));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    shopId = (await createMonitor(ctx, monitorInputSchema.parse({ name: 'Shop "main"', url: 'http://127.0.0.1:9/' }))).id;
    const at = new Date();
    const outcome = {
      ok: true,
      statusCode: 200,
      latencyMs: 120,
      timings: { dnsMs: null, connectMs: 1, tlsMs: null, firstByteMs: 119, totalMs: 120 },
      errorKind: null,
      errorMessage: null,
    };
    await recordCheck(ctx, {
      monitorId: shopId,
      slotAt: new Date(at.getTime() - 300),
      checkedAt: at,
      outcome,
      verdict: 'up',
      attempts: 1,
      inMaintenance: false,
    });
  });

  afterAll(async () => {
    server?.close();
    await testDb?.drop();
  });

  it('answers liveness, and readiness with the database, the queue and the migrations', async () => {
    expect(await (await fetch(`${base}/health/live`)).json()).toEqual({ ok: true });
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, database: true, queue: true, migrations: true });
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('serves the netumo_ series and the process metrics in Prometheus text format', async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/^netumo_checks_total\{verdict="up"\} [1-9]\d*$/m);
    expect(text).toMatch(/^netumo_check_duration_seconds_bucket\{le="0.25"\} [1-9]\d*$/m);
    expect(text).toMatch(/^netumo_schedule_lag_seconds_count [1-9]\d*$/m);
    expect(text).toContain(`netumo_monitor_up{monitor_id="${shopId}",name="Shop \\"main\\"",kind="http"} 1`);
    expect(text).toMatch(/^netumo_monitors\{status="up"\} 1$/m);
    expect(text).toMatch(/^netumo_dead_letters 0$/m);
    expect(text).toMatch(/^netumo_queue_jobs\{queue="notify",state="waiting"\} 0$/m);
    for (const name of [
      'netumo_notifications_total',
      'netumo_certificate_expiry_days',
      'netumo_domain_expiry_days',
      'process_cpu_seconds_total',
    ])
      expect(text).toContain(`# TYPE ${name}`);
  });

  it('reads the days left on certificates and domain registrations', async () => {
    // As text: drizzle turns off postgres.js' date handling on the client it shares.
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000 + 60_000).toISOString();
    const checkedAt = new Date().toISOString();
    await ctx.sql`
      insert into tls_certificates (monitor_id, address, family, host, port, valid_to, checked_at) values
        (${shopId}, '127.0.0.1', 4, '127.0.0.1', 443, ${inDays(40)}, ${checkedAt}),
        (${shopId}, '127.0.0.2', 4, '127.0.0.1', 443, ${inDays(12)}, ${checkedAt})`;
    await ctx.sql`insert into domain_registrations (domain, expires_at) values ('example.test', ${inDays(300)})`;
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain(`netumo_certificate_expiry_days{monitor_id="${shopId}",name="Shop \\"main\\""} 12`);
    expect(text).toContain('netumo_domain_expiry_days{domain="example.test"} 300');
  });

  it('drops the per-monitor series when asked to', async () => {
    const registry = new Registry();
    registerFleetMetrics(ctx, registry, { perMonitor: false });
    const text = await registry.metrics();
    expect(text).toMatch(/^netumo_monitors\{status="up"\} 1$/m);
    expect(text).not.toContain('netumo_monitor_up');
    expect(text).not.toContain('netumo_certificate_expiry_days');
  });

  it('is not ready once the database is gone, and says only which part', async () => {
    await runtime.close();
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, database: false, migrations: false });
    // A scrape still answers, with what could be read.
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
  });
});
