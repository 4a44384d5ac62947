import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, createContextInner } from '@mini-netumo/api';
import type { MonitorOf } from '@mini-netumo/contracts';
import {
  createHeartbeatIntake,
  createLogger,
  createMaintenanceCache,
  domainContext,
  openDatabase,
  openRuntime,
  sweepDue,
  type DomainContext,
  type Runtime,
} from '@mini-netumo/domain';
import { createTestDatabase, listenOnLoopback, testAppConfig, type LoopbackServer, type TestDatabase } from '@mini-netumo/domain/testing';
import { createPublicServer } from './create-public-server';
import { openPublicPages } from './serving/open-public-pages';
import type { PublicPageSnapshots } from './serving/public-pages-handler';

const logger = createLogger('test');
const RATE_LIMIT = 8;

/** The public listener as a job's curl sees it: real server, real PostgreSQL, plain fetch. */
describe('public listener: heartbeat pings', () => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let ctx: DomainContext;
  let server: LoopbackServer;
  let base: string;
  let caller: ReturnType<typeof createCaller>;
  let snapshots: PublicPageSnapshots;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    runtime = await openRuntime(testAppConfig(testDb.url, 'postgres'), logger);
    ctx = domainContext(runtime, logger);
    const intake = createHeartbeatIntake(ctx, createMaintenanceCache(ctx));
    snapshots = await openPublicPages(ctx, 'http://127.0.0.1');
    server = await listenOnLoopback(
      createPublicServer({ intake, snapshots, logger, settings: { pingRateLimitPerMinute: RATE_LIMIT, pageRateLimitPerMinute: 1_000 } }),
    );
    base = server.base;
    caller = createCaller(createContextInner({ runtime, logger }));
  });

  afterAll(async () => {
    await server?.close();
    await snapshots?.close();
    await runtime?.close();
    await testDb?.drop();
  });

  const heartbeat = async (input: { periodSeconds?: number; graceSeconds?: number; paused?: boolean } = {}) =>
    (await caller.monitors.create({
      kind: 'heartbeat',
      name: 'Nightly backup',
      periodSeconds: 60,
      graceSeconds: 10,
      ...input,
    })) as MonitorOf<'heartbeat'>;
  const ping = (path: string, init?: RequestInit) => fetch(`${base}${path}`, init);
  const get = async (id: string) => (await caller.monitors.get({ id })) as MonitorOf<'heartbeat'>;

  it('gives a new heartbeat an unguessable key and its URL, pending until the first ping; lists never show the key', async () => {
    const created = await heartbeat();
    expect(created).toMatchObject({ kind: 'heartbeat', status: 'pending', periodSeconds: 60, graceSeconds: 10, deadlineAt: null });
    expect(created.pingKey).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(created.pingUrl).toBe(`http://127.0.0.1:3001/ping/${created.pingKey}`);
    expect(created).not.toHaveProperty('intervalSeconds');
    const listed = (await caller.monitors.list()).find((monitor) => monitor.id === created.id);
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty('pingKey');
  });

  it('a ping is UP, answered 200 only once stored, and sets the next deadline', async () => {
    const created = await heartbeat();
    const before = Date.now();
    const response = await ping(`/ping/${created.pingKey}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('OK\n');
    const after = await get(created.id);
    expect(after.status).toBe('up');
    expect(after.lastPingAt!.getTime()).toBeGreaterThanOrEqual(before - 5);
    expect(after.deadlineAt!.getTime() - after.lastPingAt!.getTime()).toBe(70_000);
    const [result] = await caller.results.recent({ monitorId: created.id });
    expect(result).toMatchObject({ ok: true, verdict: 'up' });
  });

  it('/fail and a non-zero exit status are DOWN at once with an incident; exit 0 recovers and resolves it', async () => {
    const created = await heartbeat();
    expect((await ping(`/ping/${created.pingKey}/fail`, { method: 'POST', body: 'disk full' })).status).toBe(200);
    expect((await get(created.id)).status).toBe('down');
    const [opened] = await caller.incidents.list({ monitorId: created.id });
    expect(opened).toMatchObject({ kind: 'down', state: 'open' });
    expect((await ping(`/ping/${created.pingKey}/3`)).status).toBe(200);
    expect((await caller.results.recent({ monitorId: created.id }))[0]).toMatchObject({
      errorKind: 'job_failed',
      errorMessage: 'the job exited with status 3',
    });
    expect((await ping(`/ping/${created.pingKey}/0`)).status).toBe(200);
    expect((await get(created.id)).status).toBe('up');
    expect((await caller.incidents.get({ id: opened!.id })).state).toBe('resolved');
  });

  it('pairs a start with its finish by run id, keeps the body, and logs every ping', async () => {
    const created = await heartbeat();
    const rid = '7f6e2a3c-1b2d-4e5f-8a9b-0c1d2e3f4a5b';
    expect((await ping(`/ping/${created.pingKey}/start?rid=${rid}`)).status).toBe(200);
    expect((await get(created.id)).runStartedAt).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(
      (await ping(`/ping/${created.pingKey}?rid=${rid}`, { method: 'POST', body: 'backup: 42 files', headers: { 'user-agent': 'curl/8' } }))
        .status,
    ).toBe(200);
    expect((await ping(`/ping/${created.pingKey}/log`, { method: 'POST', body: 'a log line' })).status).toBe(200);
    const { pings } = await caller.monitors.pings({ monitorId: created.id });
    expect(pings.map((each) => each.kind)).toEqual(['log', 'success', 'start']);
    expect(pings[1]).toMatchObject({ method: 'POST', body: 'backup: 42 files', userAgent: 'curl/8', runId: rid, bodyTruncated: false });
    expect(pings[1]!.durationMs).toBeGreaterThanOrEqual(25);
    expect(pings[1]!.sourceAddress).toMatch(/127\.0\.0\.1/);
    expect((await get(created.id)).runStartedAt).toBeNull();
  });

  it('keeps an over-long body cut and flagged, never a 500', async () => {
    const created = await heartbeat();
    const response = await ping(`/ping/${created.pingKey}`, { method: 'POST', body: 'x'.repeat(150 * 1024) });
    expect(response.status).toBe(200);
    const [stored] = (await caller.monitors.pings({ monitorId: created.id })).pings;
    expect(stored!.bodyTruncated).toBe(true);
    expect(stored!.body).toHaveLength(100 * 1024);
  });

  it('answers an unknown or malformed key 404 with no hint, a bad exit status 404, a bad run id 400', async () => {
    const created = await heartbeat();
    for (const path of ['/ping/AAAAAAAAAAAAAAAAAAAAAAAA', '/ping/short', `/ping/${created.pingKey}/256`, `/ping/${created.pingKey}/nope`]) {
      const response = await ping(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe('not found\n');
    }
    const bad = await ping(`/ping/${created.pingKey}/start?rid=not-a-uuid`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe('rid must be a UUID\n');
    // Another method, or a path below an action, is no ping either.
    expect((await ping(`/ping/${created.pingKey}`, { method: 'DELETE' })).status).toBe(404);
    expect((await ping(`/ping/${created.pingKey}/fail/more`)).status).toBe(404);
    expect((await get(created.id)).lastPingAt).toBeNull();
  });

  it('answers HEAD and a trailing slash as GET does, the HEAD without a body', async () => {
    const created = await heartbeat();
    const head = await ping(`/ping/${created.pingKey}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get(created.id)).status).toBe('up');
  });

  it('serves nothing private: /trpc, the dashboard and health are 404 on the public port', async () => {
    for (const path of ['/trpc/monitors.list', '/', '/health', '/index.html']) {
      const response = await ping(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe('not found\n');
    }
  });

  it('limits a flood on one key (429) before it reaches the database; other keys go on', async () => {
    const flooded = await heartbeat();
    const other = await heartbeat();
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 2; i++) statuses.push((await ping(`/ping/${flooded.pingKey}/log`)).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(RATE_LIMIT);
    expect(statuses.slice(-2)).toEqual([429, 429]);
    const limited = await ping(`/ping/${flooded.pingKey}/log`);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await caller.monitors.pings({ monitorId: flooded.id, limit: 50 })).pings).toHaveLength(RATE_LIMIT);
    expect((await ping(`/ping/${other.pingKey}`)).status).toBe(200);
  });

  it('answers 503 when the database is down, and stores nothing it did not answer 200', async () => {
    const created = await heartbeat();
    const unreachable = openDatabase('postgres://postgres@127.0.0.1:1/none');
    const broken = createHeartbeatIntake({ ...ctx, sql: unreachable.sql }, createMaintenanceCache(ctx));
    const outage = await listenOnLoopback(
      createPublicServer({
        intake: broken,
        snapshots,
        logger,
        settings: { pingRateLimitPerMinute: RATE_LIMIT, pageRateLimitPerMinute: 1_000 },
      }),
    );
    try {
      const response = await fetch(`${outage.base}/ping/${created.pingKey}`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.text()).toBe('could not store the ping; try again\n');
    } finally {
      await outage.close();
      await unreachable.close();
    }
    expect((await caller.monitors.pings({ monitorId: created.id })).pings).toHaveLength(0);
  });

  it('a rotated key stops working at once; the new one works', async () => {
    const created = await heartbeat();
    const rotated = (await caller.monitors.rotatePingKey({ id: created.id })) as MonitorOf<'heartbeat'>;
    expect(rotated.pingKey).not.toBe(created.pingKey);
    expect((await ping(`/ping/${created.pingKey}`)).status).toBe(404);
    expect((await ping(`/ping/${rotated.pingKey}`)).status).toBe(200);
  });

  it('a paused heartbeat keeps its pings and decides nothing', async () => {
    const created = await heartbeat({ paused: true });
    expect((await ping(`/ping/${created.pingKey}/fail`)).status).toBe(200);
    expect((await get(created.id)).status).toBe('paused');
    expect(await caller.results.recent({ monitorId: created.id })).toHaveLength(0);
    expect((await caller.monitors.pings({ monitorId: created.id })).pings).toHaveLength(1);
  });

  it('silence past the deadline is DOWN (missed) with an incident; the next ping recovers it', async () => {
    const created = await heartbeat();
    expect((await ping(`/ping/${created.pingKey}`)).status).toBe(200);
    // As if that ping came 71 s ago: its slot was expected 11 s ago and the grace ran out a second ago.
    await runtime.database.sql`
      update monitors set last_ping_at = now() - interval '71 seconds', last_slot_at = now() - interval '71 seconds', expected_at = now() - interval '11 seconds',
        deadline_at = now() - interval '1 second' where id = ${created.id}`;
    const { expectedAt } = await get(created.id);
    const decided = await sweepDue(ctx, createMaintenanceCache(ctx), new Date(), 100);
    expect(decided).toBe(1);
    const down = await get(created.id);
    expect(down.status).toBe('down');
    expect(down.expectedAt!.getTime()).toBe(expectedAt!.getTime() + 60_000);
    expect(down.deadlineAt!.getTime()).toBe(expectedAt!.getTime() + 70_000);
    expect((await caller.results.recent({ monitorId: created.id }))[0]).toMatchObject({ verdict: 'down', errorKind: 'missed' });
    const [incident] = await caller.incidents.list({ monitorId: created.id });
    expect(incident).toMatchObject({ state: 'open' });
    expect((await ping(`/ping/${created.pingKey}`)).status).toBe(200);
    expect((await get(created.id)).status).toBe('up');
    expect((await caller.incidents.get({ id: incident!.id })).state).toBe('resolved');
  });

  it("edits: a new schedule moves the deadline from now; an active kind's field or a second schedule is refused, named", async () => {
    const created = await heartbeat();
    expect((await ping(`/ping/${created.pingKey}`)).status).toBe(200);
    const edited = (await caller.monitors.update({
      id: created.id,
      patch: { periodSeconds: 3600, graceSeconds: 60 },
    })) as MonitorOf<'heartbeat'>;
    expect(edited.deadlineAt!.getTime() - edited.updatedAt.getTime()).toBeGreaterThanOrEqual(3_660_000 - 1_000);
    await expect(caller.monitors.update({ id: created.id, patch: { intervalSeconds: 30 } })).rejects.toMatchObject({
      message: 'intervalSeconds is not a field of heartbeat monitors',
    });
    await expect(caller.monitors.update({ id: created.id, patch: { cron: '0 2 * * *' } })).rejects.toMatchObject({
      message: 'cron cannot be set together with periodSeconds: choose one schedule',
    });
    const nightly = await caller.monitors.update({ id: created.id, patch: { cron: '0 2 * * *', periodSeconds: null } });
    expect(nightly).toMatchObject({ cron: '0 2 * * *', periodSeconds: null });
    await expect(caller.monitors.checkNow({ id: created.id })).rejects.toMatchObject({
      message: 'a heartbeat is checked by its pings: there is nothing to check now',
    });
  });

  it('answers 503 within its bound when the database hangs, instead of hanging the job', async () => {
    const created = await heartbeat();
    // A "database" that accepts connections and never says a word.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const hung = openDatabase(`postgres://postgres@127.0.0.1:${(silent.address() as AddressInfo).port}/none`);
    const intake = createHeartbeatIntake({ ...ctx, sql: hung.sql }, createMaintenanceCache(ctx));
    const outage = await listenOnLoopback(
      createPublicServer({
        intake,
        snapshots,
        logger,
        settings: { pingRateLimitPerMinute: RATE_LIMIT, pageRateLimitPerMinute: 1_000 },
        pingAnswerWithinMs: 300,
      }),
    );
    try {
      const started = Date.now();
      const response = await fetch(`${outage.base}/ping/${created.pingKey}`);
      expect(response.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await outage.close();
      for (const socket of sockets) socket.destroy();
      silent.close();
      await hung.sql.end({ timeout: 0 });
    }
  });
});
