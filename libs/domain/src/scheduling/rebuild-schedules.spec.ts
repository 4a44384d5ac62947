import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorInputSchema } from '@mini-netumo/contracts';
import { createLogger } from '../logging/logger';
import { createMonitor, deleteMonitor, pauseMonitor, resumeMonitor } from '../monitors/monitor-service';
import { domainContext, type DomainContext } from '../runtime/domain-context';
import { openRuntime, type Runtime } from '../runtime/runtime';
import { createTestDatabase, testAppConfig, type TestDatabase } from '../testing';
import { listSchedulerIds } from '../queue/monitor-schedulers';
import { QUEUE_NAMES } from '../queue/queue-names';
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
  let ctx: DomainContext;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    runtime = await openRuntime(testAppConfig(testDb.url, backend), logger);
    ctx = domainContext(runtime, logger);
  });

  afterAll(async () => {
    await runtime?.close();
    await testDb?.drop();
  });

  const rebuild = () => rebuildSchedules(ctx, createScheduleSync(ctx));
  // The certificate lane: the per-monitor schedule that lives in a queue (checks have theirs in a column).
  const tlsQueue = () => runtime.queues.queue(QUEUE_NAMES.checkTls);
  const input = (i: number) => monitorInputSchema.parse({ name: `m${i}`, url: `https://127.0.0.1:9/${i}`, intervalSeconds: 60 });

  it('never removes the scheduler of a monitor created, resumed or kept while it runs', async () => {
    const early = await Promise.all(Array.from({ length: 30 }, (_, i) => createMonitor(ctx, input(i))));
    const toPause = early.slice(0, 10);
    const toDelete = early.slice(10, 15);
    const rebuilds = Promise.all([rebuild(), rebuild(), rebuild()]);
    const created: string[] = [];
    for (let i = 30; i < 90; i++) created.push((await createMonitor(ctx, input(i))).id);
    for (const monitor of toPause) await pauseMonitor(ctx, monitor.id);
    for (const monitor of toDelete) await deleteMonitor(ctx, monitor.id);
    await resumeMonitor(ctx, toPause[0]!.id);
    await rebuilds;

    const active = [...early.slice(15).map((monitor) => monitor.id), ...created, toPause[0]!.id];
    const schedulers = new Set(await listSchedulerIds(tlsQueue()));
    expect(active.filter((id) => !schedulers.has(id))).toEqual([]);
    expect([...schedulers].filter((id) => !active.includes(id))).toEqual([]);
  });

  it('puts back every schedule a flushed queue lost, fleet-wide ones last', async () => {
    await rebuild();
    expect(await schedulesPresent(runtime.queues)).toBe(true);
    const before = (await listSchedulerIds(tlsQueue())).sort();
    for (const id of before) await tlsQueue().removeJobScheduler(id);
    await runtime.queues.queue(QUEUE_NAMES.notify).removeJobScheduler('notify-sweep');
    expect(await schedulesPresent(runtime.queues)).toBe(false);

    const report = await rebuild();
    expect(report.scheduled).toBe(before.length);
    expect((await listSchedulerIds(tlsQueue())).sort()).toEqual(before);
    expect(await schedulesPresent(runtime.queues)).toBe(true);
    expect(await listSchedulerIds(runtime.queues.queue(QUEUE_NAMES.maintenance))).toEqual(['daily-maintenance']);
  });
});
