import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorInputSchema } from '@mini-netumo/contracts';
import { createLogger } from '../logging/logger';
import { QUEUE_NAMES } from '../queue/queue-names';
import { domainContext, type DomainContext } from '../runtime/domain-context';
import { openRuntime, type Runtime } from '../runtime/runtime';
import { createTestDatabase, testAppConfig, type TestDatabase } from '../testing';
import { createMonitor, getMonitor, updateMonitor } from './monitor-service';

/** The per-monitor expiry settings through the monitor service, on the real database and queues. */
describe('monitor expiry settings', () => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let ctx: DomainContext;
  const checkNowJobs = () => runtime.queues.queue(QUEUE_NAMES.checkTls).getJobs(['waiting', 'delayed', 'prioritized']);

  beforeAll(async () => {
    testDb = await createTestDatabase();
    runtime = await openRuntime(testAppConfig(testDb.url, 'redis'), createLogger('test'));
    ctx = domainContext(runtime, createLogger('test'));
  });
  afterAll(async () => {
    await runtime?.close();
    await testDb?.drop();
  });

  it('stores the defaults and gives them back', async () => {
    const monitor = await createMonitor(
      ctx,
      monitorInputSchema.parse({ name: 'Defaults', url: 'https://defaults.example.test/', paused: true }),
    );
    expect(await getMonitor(ctx, monitor.id)).toMatchObject({ tlsAlertDays: 14, domainAlertDays: 14, expiryReminderDays: [7, 3, 1] });
  });

  it('checks a partial edit against the settings it leaves in place', async () => {
    const monitor = await createMonitor(
      ctx,
      monitorInputSchema.parse({ name: 'Partial', url: 'https://partial.example.test/', paused: true }),
    );
    await expect(updateMonitor(ctx, monitor.id, { tlsAlertDays: 5 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'expiryReminderDays must each be below tlsAlertDays and domainAlertDays (7 is not below 5)',
    });
    expect(await getMonitor(ctx, monitor.id)).toMatchObject({ tlsAlertDays: 14 });
    expect(await updateMonitor(ctx, monitor.id, { tlsAlertDays: 5, expiryReminderDays: [3, 1] })).toMatchObject({
      tlsAlertDays: 5,
      expiryReminderDays: [3, 1],
    });
  });

  it('re-checks the certificate when the thresholds change, not on an edit that leaves them alone', async () => {
    const monitor = await createMonitor(ctx, monitorInputSchema.parse({ name: 'Recheck', url: 'https://recheck.example.test/' }));
    const queued = async () => (await checkNowJobs()).filter((job) => job.data.monitorId === monitor.id && job.name === 'check-now').length;
    const afterCreate = await queued();
    expect(afterCreate).toBe(1);
    await updateMonitor(ctx, monitor.id, { name: 'Recheck renamed', tlsAlertDays: 14 });
    expect(await queued()).toBe(afterCreate);
    await updateMonitor(ctx, monitor.id, { tlsAlertDays: 30 });
    expect(await queued()).toBe(afterCreate + 1);
  });
});
