import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, createContextInner } from '@mini-netumo/api';
import {
  QUEUE_NAMES,
  createLogger,
  createScheduleSync,
  domainContext,
  keepSchedules,
  openRuntime,
  rebuildSchedules,
  type Runtime,
} from '@mini-netumo/domain';
import {
  createTestDatabase,
  startThrowawayRedis,
  testAppConfig,
  waitFor,
  type TestDatabase,
  type ThrowawayRedis,
} from '@mini-netumo/domain/testing';

const logger = createLogger('test');

/** A Redis of the test's own, stopped and started empty underneath the api's calls and the schedule keeper. */
describe('a Redis outage', () => {
  let testDb: TestDatabase;
  let redis: ThrowawayRedis;
  let runtime: Runtime;
  let caller: ReturnType<typeof createCaller>;
  let monitorId: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    redis = await startThrowawayRedis();
    runtime = await openRuntime(testAppConfig(testDb.url, 'redis', { redisUrl: redis.url }), logger);
    caller = createCaller(createContextInner({ runtime, logger }));
    // https: its certificate lane has a scheduler in the queue (its checks have none: their schedule is a column).
    monitorId = (await caller.monitors.create({ name: 'Before the outage', url: 'https://127.0.0.1:9/', intervalSeconds: 60 })).id;
  });

  afterAll(async () => {
    await runtime?.close();
    await redis?.stop();
    await testDb?.drop();
  });

  it('still takes checkNow (checks need no queue), answers create within 2 s with a clear error, and keeps nothing half-made', async () => {
    await redis.stop();
    const started = Date.now();
    expect(await caller.monitors.checkNow({ id: monitorId })).toEqual({ queued: true });
    const [due] = await runtime.database.sql<{ next: string }[]>`select next_check_at as next from monitors where id = ${monitorId}`;
    expect(Date.now() - new Date(due!.next).getTime()).toBeLessThan(5_000);
    await expect(
      caller.monitors.create({ name: 'During the outage', url: 'http://127.0.0.1:9/', intervalSeconds: 60 }),
    ).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The job queue is not reachable right now; nothing was changed. Try again in a moment.',
    });
    expect(Date.now() - started).toBeLessThan(2 * 2_500);
    expect((await caller.monitors.list()).map((monitor) => monitor.name)).toEqual(['Before the outage']);
    expect(await caller.system.health()).toMatchObject({ ok: false, database: { ok: true }, queue: { ok: false, backend: 'redis' } });
  });

  it('rebuilds every schedule when Redis comes back empty, with no restart', async () => {
    const ctx = domainContext(runtime, logger);
    const schedules = createScheduleSync(ctx);
    const rebuild = () => rebuildSchedules(ctx, schedules);
    const keeper = keepSchedules(ctx, { rebuild, pollMs: 200 });
    try {
      await redis.restartEmpty(500);
      const tlsQueue = runtime.queues.queue(QUEUE_NAMES.checkTls);
      await waitFor(
        'the lost scheduler to be rebuilt',
        async () => (await tlsQueue.getJobScheduler(monitorId).catch(() => undefined)) !== undefined,
        10_000,
      );
      expect(await caller.monitors.checkNow({ id: monitorId })).toEqual({ queued: true });
    } finally {
      await keeper.stop();
    }
  });
});
