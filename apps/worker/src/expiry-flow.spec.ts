import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, createContextInner } from '@mini-netumo/api';
import { QUEUE_NAMES, createLogger, openRuntime, type Runtime } from '@mini-netumo/domain';
import {
  createTestDatabase,
  createTestPki,
  startFakeRdapServer,
  startFakeWhoisServer,
  testAppConfig,
  waitFor,
  type FakeRdapServer,
  type FakeWhoisServer,
  type TestDatabase,
  type TestPki,
} from '@mini-netumo/domain/testing';
import { startWorker } from './start-worker';

const logger = createLogger('test');
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** An https server on 127.0.0.1 that answers 200, with a certificate from the test PKI. */
async function startHttpsTarget(pki: TestPki, altNames: string[], daysLeft: number): Promise<{ server: Server; port: number }> {
  const leaf = pki.leaf({
    commonName: 'target',
    altNames,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + daysLeft * DAY + HOUR),
  });
  const server = createServer({ key: leaf.key, cert: `${leaf.cert}${pki.intermediate.cert}` }, (_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** The expiry lanes end to end: router → check-tls / check-domain queues → worker → database → router. */
describe.each(['redis', 'postgres'] as const)('expiry lanes on the %s queue backend', (backend) => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let pki: TestPki;
  let rdap: FakeRdapServer;
  let whois: FakeWhoisServer;
  let byIp: { server: Server; port: number };
  let byName: { server: Server; port: number };
  let caller: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    pki = createTestPki();
    rdap = await startFakeRdapServer();
    rdap.serveEndings(['com']);
    whois = await startFakeWhoisServer();
    byIp = await startHttpsTarget(pki, ['IP:127.0.0.1'], 5);
    byName = await startHttpsTarget(pki, ['DNS:shop.expiring-soon.com'], 40);
    const config = testAppConfig(testDb.url, backend, {
      expiry: { rdapBootstrapUrl: rdap.bootstrapUrl, whoisServer: { host: whois.host, port: whois.port }, timeoutMs: 2_000 },
    });
    runtime = await openRuntime(config, logger);
    // Every name resolves to loopback, and the test root is the trust store: nothing leaves this machine.
    await startWorker({
      runtime,
      logger,
      config,
      expiry: { tls: { timeoutMs: 2_000, ca: pki.root.cert, lookup: async () => [{ address: '127.0.0.1', family: 4 }] }, registryGapMs: 0 },
    });
    caller = createCaller(createContextInner({ runtime, logger }));
  });

  afterAll(async () => {
    await runtime?.close();
    byIp?.server.close();
    byName?.server.close();
    await rdap?.close();
    await whois?.close();
    await testDb?.drop();
    pki?.dispose();
  });

  it("checks a new https monitor's certificate at once and keeps its schedule with the monitor", async () => {
    const monitor = await caller.monitors.create({ name: 'Expiring soon', url: `https://127.0.0.1:${byIp.port}/`, ignoreTlsErrors: true });
    const status = await waitFor('the certificate check', async () => {
      const tls = await caller.tls.get({ monitorId: monitor.id });
      return tls?.checkedAt != null && tls;
    });
    expect(status).toMatchObject({ host: '127.0.0.1', port: byIp.port, state: 'expiring', daysRemaining: 5 });
    expect(status.addresses[0]).toMatchObject({ address: '127.0.0.1', chainValid: true, hostnameMatches: true });
    const tlsIncident = await waitFor('the tls incident', async () =>
      (await caller.incidents.list({ monitorId: monitor.id })).find((incident) => incident.kind === 'tls'),
    );
    expect(tlsIncident).toMatchObject({ state: 'open' });

    // One alert per certificate: a second monitor behind the same certificate gets its incident, unannounced.
    const opened = async (incidentId: string) =>
      (await caller.incidents.get({ id: incidentId })).timeline.find((event) => event.type === 'opened');
    expect(await waitFor('the first incident announced', () => opened(tlsIncident.id))).toMatchObject({ suppressedBy: null });
    const twin = await caller.monitors.create({
      name: 'Same certificate',
      url: `https://127.0.0.1:${byIp.port}/twin`,
      ignoreTlsErrors: true,
    });
    const twinIncident = await waitFor('the twin tls incident', async () =>
      (await caller.incidents.list({ monitorId: twin.id })).find((incident) => incident.kind === 'tls'),
    );
    const twinOpened = await waitFor('the twin incident on the timeline', () => opened(twinIncident.id));
    expect(twinOpened).toMatchObject({
      suppressedBy: 'not_announced',
      note: `The same certificate as incident ${tlsIncident.id}, which was alerted.`,
    });
    await caller.monitors.delete({ id: twin.id });

    // Expiry is its own lane: the site answers, so the monitor is UP whatever its certificate says.
    await waitFor('the HTTP verdict', async () => (await caller.monitors.get({ id: monitor.id })).status === 'up');
    expect((await caller.incidents.list({ monitorId: monitor.id })).map((incident) => incident.kind)).toEqual(['tls']);
    expect(await caller.domains.get({ monitorId: monitor.id })).toMatchObject({ registrableDomain: null, state: null });

    const tlsQueue = runtime.queues.queue(QUEUE_NAMES.checkTls);
    const domainQueue = runtime.queues.queue(QUEUE_NAMES.checkDomain);
    expect((await tlsQueue.getJobScheduler(monitor.id))?.every).toBe(DAY);
    expect(await domainQueue.getJobScheduler(monitor.id)).toBeUndefined(); // an IP has no registration
    await caller.monitors.pause({ id: monitor.id });
    expect(await tlsQueue.getJobScheduler(monitor.id)).toBeUndefined();
    await caller.monitors.delete({ id: monitor.id });
  });

  it('reads certificate and registration on "check expiry now", lists both as upcoming, and caches the registry', async () => {
    rdap.answerExpiry('expiring-soon.com', new Date(Date.now() + 10 * DAY + HOUR), 'Registrar of Record');
    // Inserted paused so no HTTP check goes looking for a name that only our fake resolver knows.
    const created = await caller.monitors.create({ name: 'Shop', url: `https://shop.expiring-soon.com:${byName.port}/`, paused: true });
    await runtime.database.sql`update monitors set paused = false, status = 'up' where id = ${created.id}`;
    const hitsBefore = rdap.domainHits('expiring-soon.com');

    expect(await caller.monitors.checkExpiryNow({ id: created.id })).toEqual({ queued: ['tls', 'domain'] });
    const domain = await waitFor('the domain lookup', async () => {
      const status = await caller.domains.get({ monitorId: created.id });
      return status.checkedAt !== null && status;
    });
    expect(domain).toMatchObject({
      registrableDomain: 'expiring-soon.com',
      state: 'expiring',
      daysRemaining: 10,
      source: 'rdap',
      registrar: 'Registrar of Record',
    });
    const tls = await waitFor('the certificate check', async () => {
      const status = await caller.tls.get({ monitorId: created.id });
      return status?.checkedAt != null && status;
    });
    expect(tls).toMatchObject({ host: 'shop.expiring-soon.com', state: 'ok', daysRemaining: 40 });

    const upcoming = await caller.expiry.upcoming({ withinDays: 60 });
    const mine = upcoming.filter((item) => item.monitorId === created.id);
    expect(mine.map((item) => [item.kind, item.subject, item.daysRemaining])).toEqual([
      ['domain', 'expiring-soon.com', 10],
      ['tls', 'shop.expiring-soon.com', 40],
    ]);
    expect((await caller.expiry.upcoming({ withinDays: 20 })).filter((item) => item.monitorId === created.id)).toHaveLength(1);
    await waitFor('the domain incident', async () =>
      (await caller.incidents.list({ monitorId: created.id })).some((incident) => incident.kind === 'domain'),
    );

    // A second press within ten minutes reads the certificate again but not the registry.
    const checkedAt = tls?.checkedAt;
    await caller.monitors.checkExpiryNow({ id: created.id });
    await waitFor(
      'the second certificate check',
      async () => (await caller.tls.get({ monitorId: created.id }))?.checkedAt?.getTime() !== checkedAt?.getTime(),
    );
    expect(rdap.domainHits('expiring-soon.com') - hitsBefore).toBe(1);
    expect((await caller.monitors.get({ id: created.id })).status).toBe('up');
  });

  it('answers bad input and unknown monitors with the field named', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    await expect(caller.tls.get({ monitorId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.domains.get({ monitorId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.monitors.checkExpiryNow({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.tls.get({ monitorId: 'nope' })).rejects.toThrow('monitorId must be a monitor id (uuid)');
    await expect(caller.domains.get({ monitorId: 'nope' })).rejects.toThrow('monitorId must be a monitor id (uuid)');
    await expect(caller.expiry.upcoming({ withinDays: 0 })).rejects.toThrow('withinDays must be at least 1');
    await expect(caller.expiry.upcoming({ withinDays: 1.5 })).rejects.toThrow('withinDays must be a whole number');
    await expect(caller.expiry.upcoming({ withinDays: 3_651 })).rejects.toThrow('withinDays must be at most 3650');
  });
});
