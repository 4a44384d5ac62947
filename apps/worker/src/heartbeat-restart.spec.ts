import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, createContextInner } from '@mini-netumo/api';
import type { MonitorOf } from '@mini-netumo/contracts';
import {
  createHeartbeatIntake,
  createLogger,
  createMaintenanceCache,
  domainContext,
  openRuntime,
  type AppConfig,
  type HeartbeatIntake,
  type Runtime,
} from '@mini-netumo/domain';
import { createTestDatabase, testAppConfig, waitFor, type TestDatabase } from '@mini-netumo/domain/testing';
import { startWorker } from './start-worker';

const logger = createLogger('test');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Epoch ms of a time the monitor may lack (NaN then, which no expectation accepts). */
const ms = (date: Date | null | undefined) => date?.getTime() ?? NaN;

/**
 * Heartbeat deadlines are a column, not queue jobs or timers: a worker that stops and starts again has nothing
 * to rebuild. Two processes, as in production: the api (tRPC and the ping intake) stays up throughout; the worker
 * (the deadline loop) is stopped, and a new one opens its own runtime on the same database and queue.
 */
describe.each(['redis', 'postgres'] as const)('heartbeat deadlines across a worker restart (%s queue backend)', (backend) => {
  let testDb: TestDatabase;
  let config: AppConfig;
  let api: Runtime;
  let intake: HeartbeatIntake;
  let caller: ReturnType<typeof createCaller>;
  let worker: Runtime | undefined;

  /** The worker process: its own runtime, its loops started by startWorker, as apps/worker/src/main.ts does. */
  const startWorkerProcess = async () => {
    const runtime = await openRuntime(config, logger);
    await startWorker({ runtime, logger, config });
    return runtime;
  };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    // One configuration for both processes and both worker lives: the same database and queue prefix.
    config = testAppConfig(testDb.url, backend);
    api = await openRuntime(config, logger);
    const ctx = domainContext(api, logger);
    intake = createHeartbeatIntake(ctx, createMaintenanceCache(ctx));
    caller = createCaller(createContextInner({ runtime: api, logger }));
  });

  afterAll(async () => {
    await worker?.close();
    await intake?.flush();
    await api?.close();
    await testDb?.drop();
  });

  const create = async (name: string, periodSeconds: number, graceSeconds: number) =>
    (await caller.monitors.create({ kind: 'heartbeat', name, periodSeconds, graceSeconds })) as MonitorOf<'heartbeat'>;
  const get = async (id: string) => (await caller.monitors.get({ id })) as MonitorOf<'heartbeat'>;
  const ping = async (monitor: MonitorOf<'heartbeat'>) => {
    const answer = await intake.receive({
      key: monitor.pingKey ?? '',
      kind: 'success',
      exitStatus: null,
      runId: null,
      method: 'GET',
      sourceAddress: '127.0.0.1',
      userAgent: 'curl/8',
      body: null,
      bodyTruncated: false,
      receivedAt: new Date(),
    });
    expect(answer).toBe('stored');
  };
  /** As if the last ping came `seconds` earlier: every time the ping set moves back together. */
  const age = async (id: string, seconds: number) => {
    const shift = `${seconds} seconds`;
    await api.database.sql`
      update monitors set last_ping_at = last_ping_at - ${shift}::interval, last_slot_at = last_slot_at - ${shift}::interval,
        last_checked_at = last_checked_at - ${shift}::interval, overdue_at = overdue_at - ${shift}::interval,
        expected_at = expected_at - ${shift}::interval, deadline_at = deadline_at - ${shift}::interval
      where id = ${id}`;
  };
  const missedChecks = async (id: string) =>
    (await caller.results.recent({ monitorId: id })).filter((result) => result.errorKind === 'missed');

  it('After a restart every deadline is rebuilt from PostgreSQL: one passed while no worker ran is DOWN (missed) at once, once, with an incident', async () => {
    worker = await startWorkerProcess();
    // Just past its deadline after the downtime; far past it (three slots); and not due yet.
    const justLate = await create('Nightly backup', 60, 10);
    const longLate = await create('Queue consumer', 20, 5);
    const onTime = await create('Hourly export', 3_600, 300);
    for (const monitor of [justLate, longLate, onTime]) await ping(monitor);
    const before = await Promise.all([justLate, longLate, onTime].map((monitor) => get(monitor.id)));
    for (const monitor of before) expect(monitor).toMatchObject({ status: 'up', runStartedAt: null });
    expect(ms(before[0]?.deadlineAt) - ms(before[0]?.lastPingAt)).toBe(70_000);

    // The worker stops (SIGTERM: runtime.close, as main.ts does) long before any deadline.
    await worker.close();
    worker = undefined;

    // While nothing runs, time passes: 72 s for the first (its deadline went 2 s ago), 80 s for the second
    // (slots expected 60, 40 and 20 s ago all missed), nothing that reaches the third's hour.
    await age(justLate.id, 72);
    await age(longLate.id, 80);
    const aged = await get(longLate.id);
    expect(ms(aged.deadlineAt)).toBeLessThan(Date.now() - 50_000);
    // Nobody decides them while the worker is away: the api process sweeps nothing.
    await sleep(1_500);
    for (const monitor of [justLate, longLate]) {
      expect((await get(monitor.id)).status).toBe('up');
      expect(await missedChecks(monitor.id)).toHaveLength(0);
    }

    const restartedAt = Date.now();
    worker = await startWorkerProcess();
    for (const monitor of [justLate, longLate]) {
      const down = await waitFor(
        `${monitor.name} DOWN after the restart`,
        async () => {
          const current = await get(monitor.id);
          return current.status === 'down' && current;
        },
        5_000,
      );
      const missed = await missedChecks(monitor.id);
      expect(missed, `${monitor.name}: one missed check for the whole silence, no back-filled slots`).toHaveLength(1);
      const [check] = missed;
      if (!check) throw new Error('no missed check');
      expect(check).toMatchObject({ ok: false, verdict: 'down' });
      // Decided by the new worker within 2 s of its start, however long ago the deadline passed.
      expect(check.checkedAt.getTime()).toBeGreaterThanOrEqual(restartedAt);
      expect(check.checkedAt.getTime() - restartedAt, `${monitor.name}: decided promptly after the restart`).toBeLessThan(2_000);
      expect(down.lastError).toBe(check.errorMessage);
      expect(down.lastError).toMatch(new RegExp(`^no ping within ${monitor.graceSeconds} s of `));
      // The next slot is ahead of now: the silence goes on, but nothing more is due yet.
      expect(ms(down.deadlineAt)).toBeGreaterThan(check.checkedAt.getTime());
      const incidents = await caller.incidents.list({ monitorId: monitor.id });
      expect(incidents).toHaveLength(1);
      expect(incidents[0]).toMatchObject({ kind: 'down', state: 'open', cause: down.lastError });
    }

    // The one not yet due is left as it was: up, its deadline the one its ping set.
    const untouched = await get(onTime.id);
    expect(untouched).toMatchObject({ status: 'up', deadlineAt: before[2]?.deadlineAt });
    expect(await caller.results.recent({ monitorId: onTime.id })).toHaveLength(1);

    // And the restarted loop does not decide the same silence again.
    await sleep(1_500);
    for (const monitor of [justLate, longLate]) expect(await missedChecks(monitor.id)).toHaveLength(1);
  });
});
