import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '@mini-netumo/contracts';
import { createCaller, createContextInner } from '@mini-netumo/api';
import { LEGACY_CHECK_QUEUE, createLogger, openRuntime, stableOffsetMs, type Runtime } from '@mini-netumo/domain';
import {
  createTestDatabase,
  startTargetServer,
  testAppConfig,
  waitFor,
  type TargetServer,
  type TestDatabase,
} from '@mini-netumo/domain/testing';
import { startWorker } from './start-worker';

const logger = createLogger('test');

/** The walking skeleton end to end, on both queue backends: router → queue → worker → check → state → events. */
describe.each(['redis', 'postgres'] as const)('check flow on the %s queue backend', (backend) => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let target: TargetServer;
  let caller: ReturnType<typeof createCaller>;
  const events: LiveEvent[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    target = await startTargetServer();
    runtime = await openRuntime(testAppConfig(testDb.url, backend), logger);
    await runtime.events.subscribe((event) => events.push(event));
    await startWorker({ runtime, logger, config: testAppConfig(testDb.url, backend) });
    caller = createCaller(createContextInner({ runtime, logger }));
  });

  afterAll(async () => {
    await runtime?.close();
    await target?.close();
    await testDb?.drop();
  });

  const resultCount = async (monitorId: string) => (await caller.results.recent({ monitorId })).length;
  const checkNowAndWait = async (monitorId: string) => {
    const before = await resultCount(monitorId);
    await caller.monitors.checkNow({ id: monitorId });
    await waitFor('the queued check to be stored', async () => (await resultCount(monitorId)) > before);
  };

  it('goes up, down after two failures with an incident, and up again with the incident resolved', async () => {
    target.answer(200);
    const created = await caller.monitors.create({ name: 'Local target', url: target.url, intervalSeconds: 60 });
    expect(created).toMatchObject({ status: 'pending', failureThreshold: 2, intervalSeconds: 60 });

    const up = await waitFor('first verdict', async () => {
      const monitor = await caller.monitors.get({ id: created.id });
      return monitor.status === 'up' && monitor;
    });
    expect(up.lastLatencyMs).not.toBeNull();
    const [first] = await caller.results.recent({ monitorId: created.id });
    expect(first).toMatchObject({ ok: true, statusCode: 200, errorKind: null });

    target.answer(500);
    await checkNowAndWait(created.id);
    expect((await caller.monitors.get({ id: created.id })).status).toBe('up'); // one failure is not an outage
    await checkNowAndWait(created.id);
    const down = await caller.monitors.get({ id: created.id });
    expect(down).toMatchObject({ status: 'down', consecutiveFailures: 2, lastError: 'HTTP 500, expected 200-299' });
    const [open] = await caller.incidents.list({ monitorId: created.id });
    expect(open).toMatchObject({ kind: 'down', state: 'open', resolvedAt: null, cause: 'HTTP 500, expected 200-299' });

    target.answer(200);
    await checkNowAndWait(created.id);
    expect((await caller.monitors.get({ id: created.id })).status).toBe('up');
    const incidents = await caller.incidents.list({ monitorId: created.id });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ id: open?.id, state: 'resolved' });
    expect(incidents[0]?.resolvedAt).toBeInstanceOf(Date);

    // Created: the whole monitor; each check after: its state alone.
    const statuses = events.flatMap((event: LiveEvent) =>
      event.type === 'monitor.status' && event.monitor.id === created.id
        ? [event.monitor.status]
        : event.type === 'monitor.state' && event.state.id === created.id
          ? [event.state.status]
          : [],
    );
    expect(statuses).toEqual(expect.arrayContaining(['pending', 'up', 'down']));
    expect(statuses.at(-1)).toBe('up');
    expect(events.some((event) => event.type === 'incident' && event.incident.state === 'resolved')).toBe(true);
  });

  const scheduleOf = async (id: string) => {
    const [row] = await runtime.database.sql<{ next: Date | null }[]>`select next_check_at as next from monitors where id = ${id}`;
    return row ? (row.next === null ? null : new Date(row.next)) : undefined;
  };
  /** The monitor's next check is on its beat: at its stable offset, a quarter interval to one and a quarter from now. */
  const expectOnBeat = async (id: string, intervalMs: number) => {
    const next = await scheduleOf(id);
    expect(next).toBeInstanceOf(Date);
    expect(next!.getTime() % intervalMs).toBe(stableOffsetMs(id, intervalMs));
    expect(next!.getTime() - Date.now()).toBeLessThanOrEqual(1.25 * intervalMs);
  };

  it('keeps the schedule in step with create, pause, resume, edit and delete, each checked at once', async () => {
    const monitor = await caller.monitors.create({ name: 'Scheduled', url: target.url, intervalSeconds: 120 });
    await waitFor('the first check', async () => (await resultCount(monitor.id)) === 1);
    await expectOnBeat(monitor.id, 120_000);

    expect(await caller.monitors.pause({ id: monitor.id })).toMatchObject({ paused: true, status: 'paused' });
    expect(await scheduleOf(monitor.id)).toBeNull();
    await expect(caller.monitors.checkNow({ id: monitor.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(await caller.monitors.resume({ id: monitor.id })).toMatchObject({ paused: false, status: 'pending' });
    await waitFor('a check on resume', async () => (await resultCount(monitor.id)) === 2);
    await expectOnBeat(monitor.id, 120_000);

    await caller.monitors.update({ id: monitor.id, patch: { intervalSeconds: 30 } });
    await waitFor('a check after the edit', async () => (await resultCount(monitor.id)) === 3);
    await expectOnBeat(monitor.id, 30_000);

    await caller.monitors.delete({ id: monitor.id });
    expect(await scheduleOf(monitor.id)).toBeUndefined();
    await expect(caller.monitors.get({ id: monitor.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('empties the check queue of earlier versions when a worker starts, and needs nothing from it', async () => {
    const legacy = runtime.queues.queue(LEGACY_CHECK_QUEUE);
    const ghost = '6f1d2c4e-0000-4000-8000-00000000dead';
    await legacy.upsertJobScheduler(ghost, { every: 60_000 }, { name: 'check', data: { monitorId: ghost } });
    const monitor = await caller.monitors.create({ name: 'Survivor', url: target.url, intervalSeconds: 300 });

    const second = await startWorker({ runtime, logger, config: testAppConfig(testDb.url, backend) });
    await waitFor('the old schedulers gone', async () => (await legacy.getJobSchedulersCount()) === 0);
    await second.stop();
    await waitFor('the new monitor checked', async () => (await resultCount(monitor.id)) >= 1);
  });

  it('rejects bad input with the field named and writes nothing', async () => {
    const before = (await caller.monitors.list()).length;
    const attempt = caller.monitors.create({ name: 'Bad', url: 'ftp://example.com', intervalSeconds: 5 });
    await expect(attempt).rejects.toBeInstanceOf(TRPCError);
    await expect(attempt).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const error = (await attempt.catch((caught: unknown) => caught)) as TRPCError;
    expect(error.message).toContain('url must start with http:// or https://');
    expect(error.message).toContain('intervalSeconds must be at least 20');
    expect((await caller.monitors.list()).length).toBe(before);
  });

  it('answers NOT_FOUND for an unknown monitor', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    await expect(caller.monitors.get({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.monitors.update({ id, patch: { name: 'x' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.monitors.delete({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.results.recent({ monitorId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reports the database, the queue and monitoring as healthy', async () => {
    expect(await caller.system.health()).toMatchObject({
      ok: true,
      database: { ok: true },
      queue: { ok: true, backend },
      monitoring: { ok: true, overdue: 0, threshold: 0 },
    });
  });
});

/** While our own canary fails, a failing target is recorded as unknown: no DOWN, no incident, no page. */
describe('canary', () => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let target: TargetServer;
  let caller: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    target = await startTargetServer();
    // Port 9 (discard) is closed on loopback: the canary cannot be reached.
    const config = testAppConfig(testDb.url, 'redis', { canaryUrl: 'http://127.0.0.1:9/health' });
    runtime = await openRuntime(config, logger);
    await startWorker({ runtime, logger, config });
    caller = createCaller(createContextInner({ runtime, logger }));
  });

  afterAll(async () => {
    await runtime?.close();
    await target?.close();
    await testDb?.drop();
  });

  it('records target failures as unknown and never goes down', async () => {
    target.answer(500);
    const monitor = await caller.monitors.create({ name: 'Behind a broken network', url: target.url, intervalSeconds: 60, retries: 0 });
    await waitFor('the first check', async () => (await caller.results.recent({ monitorId: monitor.id })).length >= 1);
    for (let i = 0; i < 2; i++) {
      const before = (await caller.results.recent({ monitorId: monitor.id })).length;
      await caller.monitors.checkNow({ id: monitor.id });
      await waitFor('the check', async () => (await caller.results.recent({ monitorId: monitor.id })).length > before);
    }
    const results = await caller.results.recent({ monitorId: monitor.id });
    expect(results.map((result) => result.verdict)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(results[0]).toMatchObject({ ok: false, errorKind: 'status' });
    expect((await caller.monitors.get({ id: monitor.id })).status).toBe('pending');
    expect(await caller.incidents.list({ monitorId: monitor.id })).toEqual([]);
  });
});

/** Checks made in a maintenance window are stored as such: they still move the state, but count in no uptime. */
describe('maintenance window', () => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let target: TargetServer;
  let caller: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    target = await startTargetServer();
    const config = testAppConfig(testDb.url, 'redis');
    runtime = await openRuntime(config, logger);
    caller = createCaller(createContextInner({ runtime, logger }));
    // Before the worker starts: its cache loads the windows on the first check, then every 15 s.
    const hour = 3_600_000;
    await caller.maintenanceWindows.create({
      name: 'Planned work',
      monitorId: null,
      schedule: { type: 'once', startsAt: new Date(Date.now() - hour), endsAt: new Date(Date.now() + hour) },
    });
    await startWorker({ runtime, logger, config });
  });

  afterAll(async () => {
    await runtime?.close();
    await target?.close();
    await testDb?.drop();
  });

  it('flags the checks, still goes down, and leaves the uptime undecided', async () => {
    target.answer(500);
    const monitor = await caller.monitors.create({ name: 'Being upgraded', url: target.url, intervalSeconds: 60, retries: 0 });
    await waitFor('the first check', async () => (await caller.results.recent({ monitorId: monitor.id })).length >= 1);
    await caller.monitors.checkNow({ id: monitor.id });
    await waitFor('the second check', async () => (await caller.results.recent({ monitorId: monitor.id })).length >= 2);

    const results = await caller.results.recent({ monitorId: monitor.id });
    expect(results.map((result) => [result.verdict, result.inMaintenance])).toEqual([
      ['down', true],
      ['down', true],
    ]);
    expect((await caller.monitors.get({ id: monitor.id })).status).toBe('down');
    const stats = await caller.stats.monitor({ monitorId: monitor.id, window: '24h' });
    expect(stats.uptime['24h']).toBeNull();
    expect(stats).toMatchObject({ checks: 2, maintenance: 2, errorRate: null });
    expect(stats.series.at(-1)).toMatchObject({ state: 'maintenance', failures: 0, maintenance: 2 });
  });
});
