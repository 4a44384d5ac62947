import { describe, expect, it } from 'vitest';
import { healthSchema } from '@mini-netumo/contracts';
import { createCaller } from '../_app';
import { expectContractShape, useRouterHarness } from '../testing/router-harness';

const api = useRouterHarness();

describe('system.health', () => {
  it('reports the database, the PostgreSQL queue and monitoring as healthy', async () => {
    await api.caller.monitors.create({ name: 'Fresh', url: 'http://127.0.0.1:9/' });
    const health = expectContractShape(healthSchema, await api.caller.system.health());
    expect(health).toEqual({
      ok: true,
      database: { ok: true },
      queue: { ok: true, backend: 'postgres' },
      // A monitor created just now is not overdue; no worker ran, so no watchdog was seen.
      monitoring: { ok: true, overdue: 0, threshold: 0, watchdogSeenAt: null, repairs: 0 },
    });
  });

  it('answers, not throws, when the queue does not: not ok, naming the queue', async () => {
    const silentQueue = { ...api.ctx.queues, ping: () => Promise.reject(new Error('queue ping timed out after 2000 ms')) };
    const health = await createCaller({ ...api.ctx, queues: silentQueue }).system.health();
    expect(expectContractShape(healthSchema, health)).toMatchObject({
      ok: false,
      database: { ok: true },
      queue: { ok: false, backend: 'postgres', error: 'queue ping timed out after 2000 ms' },
      monitoring: { ok: true },
    });
  });
});
