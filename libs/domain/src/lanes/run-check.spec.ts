import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorInputSchema } from '@mini-netumo/contracts';
import { createCanary } from '../checks/canary';
import { createHostLimiter } from '../checks/host-limiter';
import { createCheckRecorder, type CheckRecorder } from '../evaluation/check-recorder';
import { createLogger } from '../logging/logger';
import { createMaintenanceCache } from '../maintenance-windows/maintenance-cache';
import { requireMonitor } from '../monitor-model/require-monitor';
import { createMonitor } from '../monitors/monitor-service';
import { domainContext, type DomainContext } from '../runtime/domain-context';
import { openRuntime, type Runtime } from '../runtime/runtime';
import { createTestDatabase, startTargetServer, testAppConfig, type TargetServer, type TestDatabase } from '../testing';
import { runCheck, type CheckLane } from './run-check';

const REFUSED = '127.0.0.1 is a loopback address, and BLOCK_PRIVATE_TARGETS is on';

/**
 * BLOCK_PRIVATE_TARGETS at check time: monitors saved while it was off, against real servers on 127.0.0.1, then
 * checked with it on. The check is recorded as failed in the guard's words, and the server hears nothing.
 */
describe('runCheck with BLOCK_PRIVATE_TARGETS turned on after the monitor was saved', () => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let unguarded: DomainContext;
  let guarded: DomainContext;
  let recorder: CheckRecorder;
  let lane: CheckLane;
  let target: TargetServer;
  let tcpServer: Server;
  let tcpConnections = 0;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    runtime = await openRuntime(testAppConfig(testDb.url, 'postgres'), createLogger('test'));
    unguarded = domainContext(runtime, createLogger('test'));
    guarded = { ...unguarded, settings: { ...unguarded.settings, blockPrivateTargets: true } };
    recorder = createCheckRecorder(unguarded, { maxWaitMs: 10 });
    lane = { recorder, canary: createCanary(undefined), hostLimiter: createHostLimiter(4), maintenance: createMaintenanceCache(unguarded) };
    target = await startTargetServer();
    tcpServer = createServer((socket) => {
      tcpConnections++;
      socket.end();
    });
    await new Promise<void>((resolve) => tcpServer.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await recorder?.flush();
    await target?.close();
    await new Promise((resolve) => tcpServer?.close(resolve));
    await runtime?.close();
    await testDb?.drop();
  });

  /** Saved with the guard off, as before the operator turned it on; no retries, so one check is one probe. */
  const savedMonitor = async (input: object) => {
    const monitor = await createMonitor(unguarded, monitorInputSchema.parse({ retries: 0, ...input }));
    return requireMonitor(unguarded.db, monitor.id);
  };
  let slot = Date.now();
  const check = async (ctx: DomainContext, monitor: Awaited<ReturnType<typeof savedMonitor>>) =>
    (await runCheck(ctx, { monitor, slotAt: new Date((slot += 60_000)) }, lane))?.result;

  it('fails an HTTP check without sending a request, then passes once the guard is off', async () => {
    const monitor = await savedMonitor({ name: 'LAN site', url: target.url });
    expect(await check(guarded, monitor)).toMatchObject({ ok: false, verdict: 'down', errorKind: 'refused', errorMessage: REFUSED });
    expect(target.hits()).toBe(0);

    expect(await check(unguarded, monitor)).toMatchObject({ ok: true, verdict: 'up' });
    expect(target.hits()).toBe(1);
  });

  it('fails a TCP check without connecting, then passes once the guard is off', async () => {
    const port = (tcpServer.address() as AddressInfo).port;
    const monitor = await savedMonitor({ kind: 'tcp', name: 'LAN service', host: '127.0.0.1', port });
    expect(await check(guarded, monitor)).toMatchObject({ ok: false, verdict: 'down', errorKind: 'refused', errorMessage: REFUSED });
    expect(tcpConnections).toBe(0);

    expect(await check(unguarded, monitor)).toMatchObject({ ok: true, verdict: 'up' });
    expect(tcpConnections).toBe(1);
  });
});
