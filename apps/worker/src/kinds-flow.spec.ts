import { createServer, type Server, type Socket } from 'node:net';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, createContextInner } from '@mini-netumo/api';
import { decodeOverview, fromOverviewWire } from '@mini-netumo/contracts';
import { QUEUE_NAMES, createLogger, openRuntime, type Runtime } from '@mini-netumo/domain';
import {
  createTestDatabase,
  freePort,
  startDnsTestServer,
  testAppConfig,
  waitFor,
  type DnsTestServer,
  type TestDatabase,
} from '@mini-netumo/domain/testing';
import { startWorker } from './start-worker';

const logger = createLogger('test');

/** A Redis-like service on 127.0.0.1: answers `+PONG` to `PING`, and can go away and come back on its port. */
function pingService(port: number) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  return {
    async start() {
      server = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('data', (chunk) => {
          if (chunk.toString().includes('PING')) socket.write('+PONG\r\n');
        });
      });
      await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve));
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = undefined;
    },
  };
}

/** TCP and DNS monitors end to end, on both queue backends: created → checked → DOWN → incident → recovery. */
describe.each(['redis', 'postgres'] as const)('TCP and DNS monitors on the %s queue backend', (backend) => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let dns: DnsTestServer;
  let caller: ReturnType<typeof createCaller>;
  let service: ReturnType<typeof pingService>;
  let servicePort: number;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    dns = await startDnsTestServer({ 'app.localhost': { A: ['127.0.0.1'] } });
    servicePort = await freePort();
    service = pingService(servicePort);
    await service.start();
    runtime = await openRuntime(testAppConfig(testDb.url, backend), logger);
    await startWorker({ runtime, logger, config: testAppConfig(testDb.url, backend) });
    caller = createCaller(createContextInner({ runtime, logger }));
  });

  afterAll(async () => {
    await runtime?.close();
    await service?.stop();
    await dns?.close();
    await testDb?.drop();
  });

  const resultCount = async (monitorId: string) => (await caller.results.recent({ monitorId })).length;
  const checkNowAndWait = async (monitorId: string) => {
    const before = await resultCount(monitorId);
    await caller.monitors.checkNow({ id: monitorId });
    await waitFor('the queued check to be stored', async () => (await resultCount(monitorId)) > before);
  };
  const statusOf = async (id: string) => (await caller.monitors.get({ id })).status;
  const waitForStatus = (id: string, status: string) => waitFor(`status ${status}`, async () => (await statusOf(id)) === status);

  it('a TCP monitor sends, expects, goes down when the port is closed, and recovers', async () => {
    const created = await caller.monitors.create({
      kind: 'tcp',
      name: 'Cache',
      host: '127.0.0.1',
      port: servicePort,
      send: 'PING\r\n',
      expect: '+PONG',
      intervalSeconds: 60,
      retries: 0,
    });
    expect(created).toMatchObject({ kind: 'tcp', host: '127.0.0.1', port: servicePort, tls: false, status: 'pending' });
    expect(created).not.toHaveProperty('url');
    await waitForStatus(created.id, 'up');
    const [first] = await caller.results.recent({ monitorId: created.id });
    expect(first).toMatchObject({ ok: true, statusCode: null, errorKind: null });
    expect(first?.timings?.connectMs).not.toBeNull();
    expect(first?.timings?.firstByteMs).not.toBeNull();

    await service.stop();
    await checkNowAndWait(created.id);
    expect(await statusOf(created.id)).toBe('up'); // one failure is not an outage
    await checkNowAndWait(created.id);
    const down = await caller.monitors.get({ id: created.id });
    expect(down).toMatchObject({ status: 'down', consecutiveFailures: 2 });
    expect(down.lastError).toContain(`127.0.0.1:${servicePort}`);
    const [failed] = await caller.results.recent({ monitorId: created.id });
    expect(failed).toMatchObject({ ok: false, verdict: 'down', errorKind: 'refused' });
    const [open] = await caller.incidents.list({ monitorId: created.id });
    expect(open).toMatchObject({ kind: 'down', state: 'open' });

    await service.start();
    await checkNowAndWait(created.id);
    expect(await statusOf(created.id)).toBe('up');
    expect((await caller.incidents.list({ monitorId: created.id }))[0]).toMatchObject({ id: open?.id, state: 'resolved' });

    const [row] = decodeOverview(fromOverviewWire(await caller.stats.overview())).filter((summary) => summary.monitorId === created.id);
    expect(row).toMatchObject({ kind: 'tcp', target: `127.0.0.1:${servicePort}` });
    // No TLS asked for, no certificate to watch; an IP address has no registration.
    expect(await runtime.queues.queue(QUEUE_NAMES.checkTls).getJobScheduler(created.id)).toBeFalsy();
    expect(await runtime.queues.queue(QUEUE_NAMES.checkDomain).getJobScheduler(created.id)).toBeFalsy();
  });

  it('a DNS monitor goes down on an unexpected answer, and recovers when the record is right again', async () => {
    const created = await caller.monitors.create({
      kind: 'dns',
      name: 'App record',
      hostname: 'app.localhost',
      recordType: 'A',
      resolver: dns.resolver,
      expected: '127.0.0.1',
      intervalSeconds: 60,
      retries: 0,
    });
    expect(created).toMatchObject({ kind: 'dns', recordType: 'A', resolver: dns.resolver });
    await waitForStatus(created.id, 'up');

    dns.setEntry('app.localhost', { A: ['127.0.0.2'] });
    await checkNowAndWait(created.id);
    await checkNowAndWait(created.id);
    const down = await caller.monitors.get({ id: created.id });
    expect(down.status).toBe('down');
    expect(down.lastError).toContain('127.0.0.2');
    expect((await caller.results.recent({ monitorId: created.id }))[0]).toMatchObject({ errorKind: 'mismatch' });
    expect((await caller.incidents.list({ monitorId: created.id }))[0]).toMatchObject({ state: 'open' });

    dns.setEntry('app.localhost', { A: ['127.0.0.1'] });
    await checkNowAndWait(created.id);
    expect(await statusOf(created.id)).toBe('up');
    expect((await caller.incidents.list({ monitorId: created.id }))[0]).toMatchObject({ state: 'resolved' });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = (await caller.monitors.list()).length;
    const refusal = async (run: () => Promise<unknown>) => {
      const error = await run().then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(TRPCError);
      return (error as TRPCError).message;
    };
    expect(await refusal(() => caller.monitors.create({ kind: 'tcp', name: 'X', host: '127.0.0.1', port: 70_000 }))).toContain('port');
    expect(
      await refusal(() => caller.monitors.create({ kind: 'dns', name: 'X', hostname: 'a.localhost', recordType: 'SRV' as 'A' })),
    ).toContain('recordType');
    expect(
      await refusal(() => caller.monitors.create({ kind: 'dns', name: 'X', hostname: 'a.localhost', resolver: 'dns.example' })),
    ).toContain('resolver');
    expect((await caller.monitors.list()).length).toBe(before);

    const tcp = await caller.monitors.create({ kind: 'tcp', name: 'Edited', host: '127.0.0.1', port: servicePort, paused: true });
    expect(await refusal(() => caller.monitors.update({ id: tcp.id, patch: { url: 'https://a.example' } }))).toContain(
      'url is not a field of tcp monitors',
    );
    const edited = await caller.monitors.update({ id: tcp.id, patch: { port: servicePort + 1, name: 'Edited twice' } });
    expect(edited).toMatchObject({ kind: 'tcp', port: servicePort + 1, host: '127.0.0.1', name: 'Edited twice' });
  });
});
