import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorInputSchema } from '@mini-netumo/contracts';
import { createLogger } from '../logging/logger';
import { QUEUE_NAMES } from '../queue/queue-names';
import { openRuntime, type Runtime } from '../runtime';
import { createTestDatabase, testAppConfig, type TestDatabase } from '../testing';
import { createMonitor, getMonitor, updateMonitor, type MonitorDeps } from './monitor-service';

/** The per-monitor expiry settings through the monitor service, on the real database and queues. */
describe('monitor expiry settings', () => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let deps: MonitorDeps;
  const checkNowJobs = async () => (await deps.expiryQueues?.tls.getJobs(['waiting', 'delayed', 'prioritized'])) ?? [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    runtime = await openRuntime(testAppConfig(testDb.url, 'redis'), createLogger('test'));
    deps = {
      db: runtime.database.db,
      checkQueue: runtime.queues.queue(QUEUE_NAMES.checkHttp),
      events: runtime.events,
      logger: createLogger('test'),
      expiryQueues: { tls: runtime.queues.queue(QUEUE_NAMES.checkTls), domain: runtime.queues.queue(QUEUE_NAMES.checkDomain) },
    };
  });
  afterAll(async () => {
    await runtime?.close();
    await testDb?.drop();
  });

  it('stores the defaults and gives them back', async () => {
    const monitor = await createMonitor(deps, monitorInputSchema.parse({ name: 'Defaults', url: 'https://defaults.example.test/', paused: true }));
    expect(await getMonitor(deps, monitor.id)).toMatchObject({ tlsAlertDays: 14, domainAlertDays: 14, expiryReminderDays: [7, 3, 1] });
  });

  it('checks a partial edit against the settings it leaves in place', async () => {
    const monitor = await createMonitor(deps, monitorInputSchema.parse({ name: 'Partial', url: 'https://partial.example.test/', paused: true }));
    await expect(updateMonitor(deps, monitor.id, { tlsAlertDays: 5 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'expiryReminderDays must each be below tlsAlertDays and domainAlertDays (7 is not below 5)',
    });
    expect(await getMonitor(deps, monitor.id)).toMatchObject({ tlsAlertDays: 14 });
    expect(await updateMonitor(deps, monitor.id, { tlsAlertDays: 5, expiryReminderDays: [3, 1] })).toMatchObject({ tlsAlertDays: 5, expiryReminderDays: [3, 1] });
  });

  it('re-checks the certificate when the thresholds change, not on an edit that leaves them alone', async () => {
    const monitor = await createMonitor(deps, monitorInputSchema.parse({ name: 'Recheck', url: 'https://recheck.example.test/' }));
    const queued = async () => (await checkNowJobs()).filter((job) => job.data.monitorId === monitor.id && job.name === 'check-now').length;
    const afterCreate = await queued();
    expect(afterCreate).toBe(1);
    await updateMonitor(deps, monitor.id, { name: 'Recheck renamed', tlsAlertDays: 14 });
    expect(await queued()).toBe(afterCreate);
    await updateMonitor(deps, monitor.id, { tlsAlertDays: 30 });
    expect(await queued()).toBe(afterCreate + 1);
  });
});
