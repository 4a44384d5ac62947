import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorInputSchema } from '@mini-netumo/contracts';
import { createLogger } from '../logging/logger';
import { domainContext, type DomainContext } from '../runtime/domain-context';
import { openRuntime, type Runtime } from '../runtime/runtime';
import { createTestDatabase, startTargetServer, testAppConfig, type TargetServer, type TestDatabase } from '../testing';
import { createMonitor, getMonitor, listMonitors, updateMonitor } from './monitor-service';

const LOOPBACK_REFUSED = (field: string, address: string) => `${field}: ${address} is a loopback address, and BLOCK_PRIVATE_TARGETS is on`;
const LOCALHOST_REFUSED = (field: string) =>
  new RegExp(`^${field}: localhost resolves to (127\\.0\\.0\\.1|::1), a loopback address, and BLOCK_PRIVATE_TARGETS is on$`);

/**
 * BLOCK_PRIVATE_TARGETS on save, through the monitor service on a real database. Every target is on loopback
 * (the guard refuses it) or an address that is only classified: a save resolves names but never connects.
 */
describe('monitors saved with BLOCK_PRIVATE_TARGETS on', () => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let guarded: DomainContext;
  let unguarded: DomainContext;
  let target: TargetServer;
  let port: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    runtime = await openRuntime(testAppConfig(testDb.url, 'postgres', { blockPrivateTargets: true }), createLogger('test'));
    guarded = domainContext(runtime, createLogger('test'));
    unguarded = { ...guarded, settings: { ...guarded.settings, blockPrivateTargets: false } };
    target = await startTargetServer();
    port = new URL(target.url).port;
  });
  afterAll(async () => {
    // A save never connects to its target, whatever the guard decided.
    expect(target?.hits()).toBe(0);
    await target?.close();
    await runtime?.close();
    await testDb?.drop();
  });

  const create = (ctx: DomainContext, input: object) => createMonitor(ctx, monitorInputSchema.parse({ paused: true, ...input }));

  /** The refusal names the field (as the api's fieldErrors key it) and nothing was stored. */
  const expectRefused = async (save: () => Promise<unknown>, path: string[], message: string | RegExp) => {
    const monitorsBefore = (await listMonitors(guarded)).length;
    const error = await save().then(
      () => expect.unreachable('the save was accepted'),
      (refusal: unknown) => refusal,
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message, problems: [{ path, message }] });
    expect((await listMonitors(guarded)).length).toBe(monitorsBefore);
  };

  it('refuses an HTTP monitor at a loopback address, naming url', async () => {
    await expectRefused(() => create(guarded, { name: 'Literal', url: target.url }), ['url'], LOOPBACK_REFUSED('url', '127.0.0.1'));
    await expectRefused(() => create(guarded, { name: 'IPv6', url: `http://[::1]:${port}/` }), ['url'], LOOPBACK_REFUSED('url', '::1'));
  });

  it('refuses an HTTP monitor at a name that resolves to loopback', async () => {
    await expectRefused(() => create(guarded, { name: 'Name', url: `http://localhost:${port}/` }), ['url'], LOCALHOST_REFUSED('url'));
  });

  it('refuses a TCP monitor at a loopback host, naming host', async () => {
    await expectRefused(
      () => create(guarded, { kind: 'tcp', name: 'TCP', host: '127.0.0.1', port: Number(port) }),
      ['host'],
      LOOPBACK_REFUSED('host', '127.0.0.1'),
    );
    await expectRefused(
      () => create(guarded, { kind: 'tcp', name: 'TCP name', host: 'localhost', port: Number(port) }),
      ['host'],
      LOCALHOST_REFUSED('host'),
    );
  });

  it('refuses a DNS monitor whose resolver is at a loopback address, naming resolver', async () => {
    await expectRefused(
      () => create(guarded, { kind: 'dns', name: 'DNS', hostname: 'example.test', resolver: '127.0.0.1:5353' }),
      ['resolver'],
      LOOPBACK_REFUSED('resolver', '127.0.0.1'),
    );
  });

  it('accepts what connects to no refused address: a DNS monitor without resolver, a heartbeat, a public address', async () => {
    // The name a DNS monitor asks about is never connected to, so it is not judged (nor looked up).
    expect(await create(guarded, { kind: 'dns', name: 'System resolver', hostname: 'localhost' })).toMatchObject({ kind: 'dns' });
    expect(await create(guarded, { kind: 'heartbeat', name: 'Backup', periodSeconds: 3_600 })).toMatchObject({ kind: 'heartbeat' });
    // Only classified: the monitor is paused and no worker runs here.
    expect(await create(guarded, { name: 'Public', url: 'http://93.184.216.34/' })).toMatchObject({ url: 'http://93.184.216.34/' });
  });

  it('accepts a loopback target with the guard off', async () => {
    expect(await create(unguarded, { name: 'LAN', url: target.url })).toMatchObject({ url: target.url });
    expect(await create(unguarded, { kind: 'tcp', name: 'LAN TCP', host: 'localhost', port: Number(port) })).toMatchObject({
      host: 'localhost',
    });
  });

  it('judges an edit that changes the target, naming patch.<field>, and leaves the monitor as it was', async () => {
    const monitor = await create(unguarded, { name: 'Saved before the guard', url: target.url });
    await expectRefused(
      () => updateMonitor(guarded, monitor.id, { url: `http://localhost:${port}/health` }),
      ['patch', 'url'],
      LOCALHOST_REFUSED('url'),
    );
    expect(await getMonitor(guarded, monitor.id)).toMatchObject({ url: target.url });
    expect(await updateMonitor(guarded, monitor.id, { url: 'http://93.184.216.34/health' })).toMatchObject({
      url: 'http://93.184.216.34/health',
    });
  });

  it('lets an edit that leaves the target alone through, so a monitor saved before the guard can be renamed', async () => {
    const monitor = await create(unguarded, { name: 'Old LAN monitor', url: target.url });
    expect(await updateMonitor(guarded, monitor.id, { name: 'Renamed' })).toMatchObject({ name: 'Renamed', url: target.url });
  });
});
