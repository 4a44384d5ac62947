import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '@mini-netumo/contracts';
import type { ExpiryIncidentChange } from '../../alerting/incidents/expiry-incidents';
import type { AddressLookup } from '../../checks/net/resolve-addresses';
import type { Database } from '../../db/client';
import { checkResults, incidents, monitors, tlsCertificates } from '../../db/schema';
import { createLogger } from '../../logging/logger';
import { domainContext, type DomainContext } from '../../runtime/domain-context';
import { openRuntime, type Runtime } from '../../runtime/runtime';
import {
  createRecordingEventBus,
  createTestDatabase,
  testAppConfig,
  createTestPki,
  startTlsTestServer,
  type TestDatabase,
  type TestKeyPair,
  type TestPki,
  type TlsTestServer,
} from '../../testing';
import { createExpiryLane, type ExpiryLane } from '../expiry-lane';
import { getTlsStatus, upcomingExpiries } from '../expiry-service';
import { runTlsJob } from './run-tls-job';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const HOST = 'shop.example.test';

/** The certificate lane end to end on the real database: probe → rows → status → incident, per address. */
describe('runTlsJob', () => {
  let testDb: TestDatabase;
  let database: Database;
  let pki: TestPki;
  let server: TlsTestServer;
  let runtime: Runtime;
  let ctx: DomainContext;
  let lane: ExpiryLane;
  const now = new Date();
  let addresses = ['127.0.0.1', '127.0.0.2'];
  const events = createRecordingEventBus();
  const announced: ExpiryIncidentChange[] = [];
  const lookup: AddressLookup = async () => addresses.map((address) => ({ address, family: 4 as const }));

  const leaf = (daysLeft: number, altName = `DNS:${HOST}`): TestKeyPair => {
    const pair = pki.leaf({
      commonName: HOST,
      altNames: [altName],
      notBefore: new Date(Date.now() - 30 * DAY),
      notAfter: new Date(Date.now() + daysLeft * DAY + HOUR),
    });
    return { key: pair.key, cert: `${pair.cert}${pki.intermediate.cert}` };
  };
  const addMonitor = async (name: string, url: string, settings: { tlsAlertDays?: number } = {}) => {
    const [row] = await database.db
      .insert(monitors)
      .values({
        name,
        url,
        intervalSeconds: 60,
        timeoutMs: 5_000,
        expectedStatusCodes: '200-299',
        failureThreshold: 2,
        status: 'up',
        ...settings,
      })
      .returning();
    if (!row) throw new Error(`inserting monitor ${name} returned no row`);
    return row;
  };
  const monitorNamed = async (name: string) => {
    const [row] = await database.db.select().from(monitors).where(eq(monitors.name, name));
    if (!row) throw new Error(`no monitor named ${name}`);
    return row;
  };
  const tlsIncidents = (monitorId: string) =>
    database.db.select().from(incidents).where(eq(incidents.monitorId, monitorId)).orderBy(incidents.openedAt);

  beforeAll(async () => {
    testDb = await createTestDatabase();
    runtime = await openRuntime(testAppConfig(testDb.url, 'postgres'), createLogger('test'));
    database = runtime.database;
    pki = createTestPki();
    server = await startTlsTestServer({ '127.0.0.1': leaf(90), '127.0.0.2': leaf(10) });
    ctx = { ...domainContext(runtime, createLogger('test')), events };
    lane = createExpiryLane(ctx, {
      tls: { timeoutMs: 2_000, ca: pki.root.cert, lookup },
      now: () => now,
      onIncidentChange: async (_ctx, change) => void announced.push(change),
    });
  });
  afterAll(async () => {
    await server?.close();
    await runtime?.close();
    await testDb?.drop();
    pki?.dispose();
  });

  it('reports every address, opens one incident for the expiring certificate, and leaves UP/DOWN alone', async () => {
    const monitor = await addMonitor('Shop', `https://${HOST}:${server.port}/`);
    const status = await runTlsJob(ctx, { monitorId: monitor.id }, lane);
    expect(status).toMatchObject({
      monitorId: monitor.id,
      host: HOST,
      port: server.port,
      state: 'expiring',
      daysRemaining: 10,
      thresholdDays: 14,
      errorKind: null,
    });
    expect(
      status?.addresses.map((report) => [report.address, report.state, report.daysRemaining, report.chainValid, report.hostnameMatches]),
    ).toEqual([
      ['127.0.0.1', 'ok', 90, true, true],
      ['127.0.0.2', 'expiring', 10, true, true],
    ]);

    const [incident] = await tlsIncidents(monitor.id);
    const expiring = status?.addresses[1]?.certificate;
    expect(incident).toMatchObject({ kind: 'tls', state: 'open', subject: expiring?.fingerprintSha256 });
    expect(incident?.cause).toContain(`The certificate for ${HOST} expires in 10 days`);
    expect(incident?.cause).toContain('at 127.0.0.2');
    expect(announced.filter((change) => change.incident.monitorId === monitor.id).map((change) => change.change)).toEqual(['opened']);

    // A separate lane: the monitor's status and its uptime (check results) are untouched.
    const [after] = await database.db.select().from(monitors).where(eq(monitors.id, monitor.id));
    expect(after?.status).toBe('up');
    expect(await database.db.select().from(checkResults).where(eq(checkResults.monitorId, monitor.id))).toEqual([]);
    expect(events.published.some((event) => event.type === 'tls.status' && event.status.monitorId === monitor.id)).toBe(true);

    // The same certificate on the next day: the same incident, no second alert.
    await runTlsJob(ctx, { monitorId: monitor.id }, lane);
    expect(await tlsIncidents(monitor.id)).toHaveLength(1);
    expect(announced.filter((change) => change.incident.monitorId === monitor.id)).toHaveLength(1);
  });

  it('alerts once per certificate: a second monitor on the same certificate says who alerted already', async () => {
    const first = (await database.db.select().from(incidents).where(eq(incidents.kind, 'tls')))[0];
    const twin = await addMonitor('Shop again', `https://${HOST}:${server.port}/checkout`);
    announced.length = 0;
    await runTlsJob(ctx, { monitorId: twin.id }, lane);
    expect(announced).toEqual([expect.objectContaining({ change: 'opened', alreadyAlertedBy: first?.id })]);
  });

  it('resolves the incident when the certificate is renewed (a later validTo)', async () => {
    const monitor = await monitorNamed('Shop');
    server.serve('127.0.0.2', leaf(120));
    announced.length = 0;
    const status = await runTlsJob(ctx, { monitorId: monitor.id }, lane);
    expect(status).toMatchObject({ state: 'ok', daysRemaining: 90 });
    const all = await tlsIncidents(monitor.id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ state: 'resolved', resolvedAt: expect.any(Date) });
    expect(announced.map((change) => change.change)).toEqual(['resolved']);
    expect(
      events.published.some(
        (event: LiveEvent) => event.type === 'incident' && event.incident.id === all[0]?.id && event.incident.state === 'resolved',
      ),
    ).toBe(true);
  });

  it('opens an incident at once for a certificate for another name, and a new one for a different bad certificate', async () => {
    const monitor = await addMonitor('Wrong name', `https://${HOST}:${server.port}/wrong`);
    server.serve('127.0.0.1', leaf(90, 'DNS:other.example.test'));
    await runTlsJob(ctx, { monitorId: monitor.id }, lane);
    const [mismatch] = await tlsIncidents(monitor.id);
    expect(mismatch).toMatchObject({ state: 'open' });
    expect(mismatch?.cause).toContain(`does not cover ${HOST}`);

    const selfSigned = pki.leaf({
      commonName: HOST,
      altNames: [`DNS:${HOST}`],
      notBefore: new Date(Date.now() - DAY),
      notAfter: new Date(Date.now() + 90 * DAY),
      signedBy: 'self',
    });
    server.serve('127.0.0.1', selfSigned);
    await runTlsJob(ctx, { monitorId: monitor.id }, lane);
    const all = await tlsIncidents(monitor.id);
    expect(all.map((incident) => incident.state)).toEqual(['resolved', 'open']);
    expect(all[1]?.cause).toContain('does not verify (DEPTH_ZERO_SELF_SIGNED_CERT)');
    server.serve('127.0.0.1', leaf(90));
  });

  it('counts the days down when read, and lists what ends soon, soonest first', async () => {
    const monitor = await monitorNamed('Shop');
    server.serve('127.0.0.2', leaf(20));
    await runTlsJob(ctx, { monitorId: monitor.id }, lane);
    expect((await getTlsStatus(ctx, monitor.id, now))?.addresses.map((report) => report.daysRemaining)).toEqual([90, 20]);
    const later = new Date(now.getTime() + 7 * DAY);
    const status = await getTlsStatus(ctx, monitor.id, later);
    expect(status).toMatchObject({ state: 'expiring', daysRemaining: 13 });

    const upcoming = await upcomingExpiries(ctx, 30, now);
    const shop = upcoming.filter((item) => item.monitorId === monitor.id);
    expect(shop).toEqual([expect.objectContaining({ kind: 'tls', address: '127.0.0.2', subject: HOST, daysRemaining: 20, state: 'ok' })]);
    expect(upcoming.map((item) => item.expiresAt.getTime())).toEqual(
      [...upcoming.map((item) => item.expiresAt.getTime())].sort((a, b) => a - b),
    );
  });

  it("judges by each monitor's own tlsAlertDays: 20 days left is expiring at 30, ok at the default 14", async () => {
    server.serve('127.0.0.2', leaf(20));
    const strict = await addMonitor('Strict', `https://${HOST}:${server.port}/strict`, { tlsAlertDays: 30 });
    const relaxed = await addMonitor('Relaxed', `https://${HOST}:${server.port}/relaxed`);
    expect(await runTlsJob(ctx, { monitorId: strict.id }, lane)).toMatchObject({ state: 'expiring', daysRemaining: 20, thresholdDays: 30 });
    expect(await runTlsJob(ctx, { monitorId: relaxed.id }, lane)).toMatchObject({ state: 'ok', daysRemaining: 20, thresholdDays: 14 });

    const [incident] = await tlsIncidents(strict.id);
    expect(incident).toMatchObject({ state: 'open' });
    expect(incident?.cause).toContain('expires in 20 days');
    expect(await tlsIncidents(relaxed.id)).toEqual([]);

    // Reads judge by the same thresholds: tls.get and expiry.upcoming.
    expect(await getTlsStatus(ctx, strict.id, now)).toMatchObject({ state: 'expiring', thresholdDays: 30 });
    expect(await getTlsStatus(ctx, relaxed.id, now)).toMatchObject({ state: 'ok', thresholdDays: 14 });
    const upcoming = (await upcomingExpiries(ctx, 30, now)).filter((item) => item.kind === 'tls' && item.address === '127.0.0.2');
    expect(upcoming.filter((item) => item.monitorId === strict.id).map((item) => item.state)).toEqual(['expiring']);
    expect(upcoming.filter((item) => item.monitorId === relaxed.id).map((item) => item.state)).toEqual(['ok']);
  });

  it('drops an address that left the name, and records a name that does not resolve', async () => {
    const monitor = await monitorNamed('Shop');
    addresses = ['127.0.0.1'];
    await runTlsJob(ctx, { monitorId: monitor.id }, lane);
    expect(
      (await database.db.select().from(tlsCertificates).where(eq(tlsCertificates.monitorId, monitor.id))).map((row) => row.address),
    ).toEqual(['127.0.0.1']);

    const unresolvable = {
      ...lane,
      tls: { ...lane.tls, lookup: async () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })) },
    };
    const status = await runTlsJob(ctx, { monitorId: monitor.id }, unresolvable);
    expect(status).toMatchObject({ state: 'error', errorKind: 'dns', addresses: [] });
    expect(await getTlsStatus(ctx, monitor.id)).toMatchObject({ state: 'error', errorKind: 'dns' });
    addresses = ['127.0.0.1', '127.0.0.2'];
  });

  it('skips plain-http and unknown monitors; tls.get has no certificate lane to show for plain http', async () => {
    const plain = await addMonitor('Plain', 'http://plain.example.test/');
    expect(await runTlsJob(ctx, { monitorId: plain.id }, lane)).toBeNull();
    expect(await runTlsJob(ctx, { monitorId: '00000000-0000-4000-8000-000000000000' }, lane)).toBeNull();
    await expect(getTlsStatus(ctx, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await getTlsStatus(ctx, plain.id)).toBeNull();
  });
});
