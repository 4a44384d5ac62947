import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { incidents, monitors } from '../../db/schema';
import { createLogger } from '../../logging/logger';
import { domainContext, type DomainContext } from '../../runtime/domain-context';
import { openRuntime, type Runtime } from '../../runtime/runtime';
import {
  createRecordingEventBus,
  createTestDatabase,
  testAppConfig,
  startFakeRdapServer,
  startFakeWhoisServer,
  type FakeRdapServer,
  type FakeWhoisServer,
  type TestDatabase,
} from '../../testing';
import { createExpiryLane, DEFAULT_DOMAIN_CACHE, type ExpiryLane } from '../expiry-lane';
import { getDomainStatus, upcomingExpiries } from '../expiry-service';
import { runDomainJob } from './run-domain-job';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The domain lane on the real database, against a fake RDAP registry and a fake WHOIS server. */
describe('runDomainJob', () => {
  let testDb: TestDatabase;
  let database: Database;
  let rdap: FakeRdapServer;
  let whois: FakeWhoisServer;
  let runtime: Runtime;
  let ctx: DomainContext;
  let lane: ExpiryLane;
  /** The jobs' clock: tests move it forward a day to let the cache expire. */
  let now = new Date('2026-11-25T12:00:00.000Z');
  const events = createRecordingEventBus();

  const addMonitor = async (name: string, url: string, paused = false, settings: { domainAlertDays?: number } = {}) => {
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
        paused,
        ...settings,
      })
      .returning();
    if (!row) throw new Error(`inserting monitor ${name} returned no row`);
    return row;
  };
  const domainIncidents = (monitorId: string) =>
    database.db.select().from(incidents).where(eq(incidents.monitorId, monitorId)).orderBy(incidents.openedAt);
  const days = (n: number) => new Date(now.getTime() + n * DAY);

  beforeAll(async () => {
    testDb = await createTestDatabase();
    runtime = await openRuntime(testAppConfig(testDb.url, 'postgres'), createLogger('test'));
    database = runtime.database;
    rdap = await startFakeRdapServer();
    rdap.serveEndings(['com']);
    whois = await startFakeWhoisServer();
    const expiry = { rdapBootstrapUrl: rdap.bootstrapUrl, whoisServer: { host: whois.host, port: whois.port }, timeoutMs: 2_000 };
    ctx = { ...domainContext(runtime, createLogger('test')), events, settings: { ...runtime.settings, expiry } };
    lane = createExpiryLane(ctx, { now: () => now, registryGapMs: 0 });
  });
  afterAll(async () => {
    await rdap?.close();
    await whois?.close();
    await runtime?.close();
    await testDb?.drop();
  });

  it('looks a registrable domain up once for all its monitors, and not again within 24 hours', async () => {
    rdap.answerExpiry('example.com', days(200), 'Registrar of Record');
    const shop = await addMonitor('Shop', 'https://shop.example.com/');
    const blog = await addMonitor('Blog', 'https://a.b.blog.example.com/feed');

    const [first, second] = await Promise.all([
      runDomainJob(ctx, { monitorId: shop.id }, lane),
      runDomainJob(ctx, { monitorId: blog.id }, lane),
    ]);
    expect(rdap.domainHits('example.com')).toBe(1);
    const expected = {
      registrableDomain: 'example.com',
      state: 'ok',
      expiresAt: days(200),
      daysRemaining: 200,
      source: 'rdap',
      registrar: 'Registrar of Record',
    };
    // Whichever job lost the claim judged from the row (it may not be written yet: then it waits its turn).
    expect([first, second].filter(Boolean)).toContainEqual(expect.objectContaining(expected));
    expect(await getDomainStatus(ctx, blog.id, now)).toMatchObject({ ...expected, checkedAt: now, thresholdDays: 14 });

    now = new Date(now.getTime() + 23 * HOUR);
    await runDomainJob(ctx, { monitorId: shop.id }, lane);
    await runDomainJob(ctx, { monitorId: blog.id }, lane);
    expect(rdap.domainHits('example.com')).toBe(1);
    expect(whois.hits('example.com')).toBe(0);
  });

  it('opens a domain incident at 14 days, keeps it through expiry, resolves it on renewal', async () => {
    rdap.answerExpiry('renewme.com', days(10));
    const monitor = await addMonitor('Renew me', 'https://www.renewme.com/');
    expect(await runDomainJob(ctx, { monitorId: monitor.id }, lane)).toMatchObject({ state: 'expiring', daysRemaining: 10 });
    const [opened] = await domainIncidents(monitor.id);
    expect(opened).toMatchObject({ kind: 'domain', state: 'open', subject: `renewme.com expires ${days(10).toISOString().slice(0, 10)}` });
    expect(opened?.cause).toContain('The domain renewme.com expires in 10 days');

    now = days(11); // a day after it expired, the registry still has the old date
    expect(await runDomainJob(ctx, { monitorId: monitor.id }, lane)).toMatchObject({ state: 'expired', daysRemaining: -1 });
    expect(await domainIncidents(monitor.id)).toHaveLength(1);

    rdap.answerExpiry('renewme.com', days(365));
    now = new Date(now.getTime() + DAY + HOUR);
    expect(await runDomainJob(ctx, { monitorId: monitor.id }, lane)).toMatchObject({ state: 'ok' });
    expect((await domainIncidents(monitor.id)).map((incident) => incident.state)).toEqual(['resolved']);
    expect(events.published.some((event) => event.type === 'domain.status' && event.status.monitorId === monitor.id)).toBe(true);
  });

  it("judges one shared registration by each monitor's own domainAlertDays", async () => {
    rdap.answerExpiry('twenty.com', days(20));
    const strict = await addMonitor('Strict', 'https://twenty.com/', false, { domainAlertDays: 30 });
    const relaxed = await addMonitor('Relaxed', 'https://www.twenty.com/');
    await runDomainJob(ctx, { monitorId: strict.id }, lane);
    expect(rdap.domainHits('twenty.com')).toBe(1);
    expect(await getDomainStatus(ctx, strict.id, now)).toMatchObject({ state: 'expiring', daysRemaining: 20, thresholdDays: 30 });
    expect(await getDomainStatus(ctx, relaxed.id, now)).toMatchObject({ state: 'ok', daysRemaining: 20, thresholdDays: 14 });
    expect((await domainIncidents(strict.id)).map((incident) => incident.state)).toEqual(['open']);
    expect(await domainIncidents(relaxed.id)).toEqual([]);
    const upcoming = (await upcomingExpiries(ctx, 30, now)).filter((item) => item.subject === 'twenty.com');
    expect(upcoming.map((item) => [item.monitorName, item.state])).toEqual([
      ['Relaxed', 'ok'],
      ['Strict', 'expiring'],
    ]);
  });

  it('"check expiry now" skips the day-long cache, but not the ten-minute one', async () => {
    rdap.answerExpiry('forced.com', days(300));
    const monitor = await addMonitor('Forced', 'https://forced.com/');
    await runDomainJob(ctx, { monitorId: monitor.id }, lane);
    await runDomainJob(ctx, { monitorId: monitor.id, force: true }, lane);
    expect(rdap.domainHits('forced.com')).toBe(1);
    now = new Date(now.getTime() + DEFAULT_DOMAIN_CACHE.forcedFreshMs + 1);
    await runDomainJob(ctx, { monitorId: monitor.id, force: true }, lane);
    expect(rdap.domainHits('forced.com')).toBe(2);
  });

  it('an unknown is retried within the hour, never alerts before 3 days, then raises one notice', async () => {
    rdap.answer('nodate.com', { status: 503 });
    whois.answer('nodate.com', 'Domain: nodate.com\nCreated: 2001-01-01\n');
    const monitor = await addMonitor('No date', 'https://nodate.com/');
    const started = now;
    const first = await runDomainJob(ctx, { monitorId: monitor.id }, lane);
    expect(first).toMatchObject({ state: 'unknown', expiresAt: null, daysRemaining: null, unknownSince: started });
    expect(first?.reason).toMatch(/HTTP 503; WHOIS .* gives no expiry date/);
    expect(await domainIncidents(monitor.id)).toEqual([]);

    now = new Date(now.getTime() + 2 * HOUR);
    await runDomainJob(ctx, { monitorId: monitor.id }, lane);
    expect(whois.hits('nodate.com')).toBe(2);
    expect(await domainIncidents(monitor.id)).toEqual([]);

    now = new Date(started.getTime() + 3 * DAY + HOUR);
    expect(await runDomainJob(ctx, { monitorId: monitor.id }, lane)).toMatchObject({ state: 'unknown', unknownSince: started });
    const [notice] = await domainIncidents(monitor.id);
    expect(notice).toMatchObject({ state: 'open', subject: 'nodate.com unknown' });
    expect(notice?.cause).toContain('unknown for more than 3 days');

    // The registry is back with a date far away: the notice is resolved.
    whois.answer('nodate.com', 'Domain: nodate.com\nExpires: 2030-01-01\n');
    now = new Date(now.getTime() + 2 * HOUR);
    expect(await runDomainJob(ctx, { monitorId: monitor.id }, lane)).toMatchObject({ state: 'ok', source: 'whois', unknownSince: null });
    expect((await domainIncidents(monitor.id)).map((incident) => incident.state)).toEqual(['resolved']);
  });

  it('an unregistered domain is its own incident', async () => {
    const monitor = await addMonitor('Gone', 'https://lapsed-domain.com/');
    expect(await runDomainJob(ctx, { monitorId: monitor.id }, lane)).toMatchObject({ state: 'not_registered', source: 'whois' });
    expect((await domainIncidents(monitor.id))[0]?.cause).toContain('is not registered');
  });

  it('skips targets without a registrable domain, paused monitors and unknown monitors', async () => {
    expect(await runDomainJob(ctx, { monitorId: (await addMonitor('Loopback', 'http://127.0.0.1:8080/')).id }, lane)).toBeNull();
    expect(await runDomainJob(ctx, { monitorId: (await addMonitor('Paused', 'https://paused.com/', true)).id }, lane)).toBeNull();
    expect(await runDomainJob(ctx, { monitorId: '00000000-0000-4000-8000-000000000000' }, lane)).toBeNull();
    expect(rdap.domainHits('paused.com')).toBe(0);
    expect(await getDomainStatus(ctx, (await addMonitor('Never looked up', 'https://later.com/')).id)).toMatchObject({
      registrableDomain: 'later.com',
      state: null,
      checkedAt: null,
    });
  });

  it('lists registrations ending soon beside certificates, soonest first', async () => {
    rdap.answerExpiry('soon-a.com', days(5));
    rdap.answerExpiry('soon-b.com', days(3));
    const a = await addMonitor('A', 'https://soon-a.com/');
    const b = await addMonitor('B', 'https://soon-b.com/');
    await runDomainJob(ctx, { monitorId: a.id }, lane);
    await runDomainJob(ctx, { monitorId: b.id }, lane);
    const upcoming = (await upcomingExpiries(ctx, 7, now)).filter((item) => item.kind === 'domain');
    expect(upcoming.map((item) => [item.subject, item.daysRemaining, item.state])).toEqual([
      ['soon-b.com', 3, 'expiring'],
      ['soon-a.com', 5, 'expiring'],
    ]);
  });
});
