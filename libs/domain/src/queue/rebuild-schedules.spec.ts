import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorInputSchema } from '@mini-netumo/contracts';
import { createLogger } from '../logging/logger';
import { createMonitor, deleteMonitor, pauseMonitor, resumeMonitor, type MonitorDeps } from '../monitors/monitor-service';
import { openRuntime, type Runtime } from '../runtime';
import { createTestDatabase, testAppConfig, type TestDatabase } from '../testing';
import { listSchedulerIds } from './check-schedules';
import { QUEUE_NAMES } from './queue-names';
import { rebuildSchedules, schedulesPresent } from './rebuild-schedules';
import { createScheduleSync } from './sync-schedules';

const logger = createLogger('test');

/**
 * The race the old start-up reconcile lost: it read the monitors, then removed every scheduler not in what
 * it read, including monitors created meanwhile. Rebuilds now run beside creates, pauses, resumes and
 * deletes, and afterwards every active monitor has exactly its scheduler, on both queue backends.
 */
describe.each(['redis', 'postgres'] as const)('rebuilding schedules on the %s backend', (backend) => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let deps: MonitorDeps;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    runtime = await openRuntime(testAppConfig(testDb.url, backend), logger);
    deps = {
      db: runtime.database.db,
      checkQueue: runtime.queues.queue(QUEUE_NAMES.checkHttp),
      events: runtime.events,
      logger,
      expiryQueues: { tls: runtime.queues.queue(QUEUE_NAMES.checkTls), domain: runtime.queues.queue(QUEUE_NAMES.checkDomain) },
    };
  });

  afterAll(async () => {
    await runtime?.close();
    await testDb?.drop();
  });

  const rebuild = () =>
    rebuildSchedules({ database: runtime.database, queues: runtime.queues, schedules: createScheduleSync(runtime.database, runtime.queues), notifySweepEveryMs: 60_000 });
  const input = (i: number) => monitorInputSchema.parse({ name: `m${i}`, url: `http://127.0.0.1:9/${i}`, intervalSeconds: 60 });

  it('never removes the scheduler of a monitor created, resumed or kept while it runs', async () => {
    const early = await Promise.all(Array.from({ length: 30 }, (_, i) => createMonitor(deps, input(i))));
    const toPause = early.slice(0, 10);
    const toDelete = early.slice(10, 15);
    const rebuilds = Promise.all([rebuild(), rebuild(), rebuild()]);
    const created: string[] = [];
    for (let i = 30; i < 90; i++) created.push((await createMonitor(deps, input(i))).id);
    for (const monitor of toPause) await pauseMonitor(deps, monitor.id);
    for (const monitor of toDelete) await deleteMonitor(deps, monitor.id);
    await resumeMonitor(deps, toPause[0]!.id);
    await rebuilds;

    const active = [...early.slice(15).map((monitor) => monitor.id), ...created, toPause[0]!.id];
    const schedulers = new Set(await listSchedulerIds(deps.checkQueue));
    expect(active.filter((id) => !schedulers.has(id))).toEqual([]);
    expect([...schedulers].filter((id) => !active.includes(id))).toEqual([]);
  });

  it('puts back every schedule a flushed queue lost, fleet-wide ones last', async () => {
    await rebuild();
    expect(await schedulesPresent(runtime.queues)).toBe(true);
    const before = (await listSchedulerIds(deps.checkQueue)).sort();
    for (const id of before) await deps.checkQueue.removeJobScheduler(id);
    await runtime.queues.queue(QUEUE_NAMES.notify).removeJobScheduler('notify-sweep');
    expect(await schedulesPresent(runtime.queues)).toBe(false);

    const report = await rebuild();
    expect(report.scheduled).toBe(before.length);
    expect((await listSchedulerIds(deps.checkQueue)).sort()).toEqual(before);
    expect(await schedulesPresent(runtime.queues)).toBe(true);
    expect(await listSchedulerIds(runtime.queues.queue(QUEUE_NAMES.maintenance))).toEqual(['daily-maintenance']);
  });
});
