import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOpening } from '../../../db/queries/incident-event-queries';
import { alertDeliveries, channels, incidentEvents, incidents, monitorChannels, monitors, notifications } from '../../../db/schema';
import { runDomainJob } from '../../../expiry/domain/run-domain-job';
import { createExpiryLane, type ExpiryLane } from '../../../expiry/expiry-lane';
import { runTlsJob } from '../../../expiry/tls/run-tls-job';
import { createLogger } from '../../../logging/logger';
import { domainContext, type DomainContext } from '../../../runtime/domain-context';
import { openRuntime, type Runtime } from '../../../runtime/runtime';
import {
  createTestDatabase,
  createTestPki,
  startFakeRdapServer,
  startTlsTestServer,
  testAppConfig,
  type FakeRdapServer,
  type TestDatabase,
  type TestPki,
  type TlsTestServer,
} from '../../../testing';
import { deliverAlert } from '../../delivery/deliver-alert';
import { acknowledgeIncident } from '../../incidents/incident-lifecycle';
import { announceExpiryChange } from '../announce-expiry-change';
import { remindExpiryCountdown } from './remind-expiry-countdown';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const HOST = 'countdown.example.test';
const logger = createLogger('test');

/**
 * Countdown reminders end to end on the real database and queue: the daily TLS and domain jobs, with the
 * clock moved day by day, open the incident, then remind at 7, 3 and 1 days through announce().
 */
describe('expiry countdown reminders', () => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let pki: TestPki;
  let server: TlsTestServer;
  let rdap: FakeRdapServer;
  let ctx: DomainContext;
  let lane: ExpiryLane;
  let channelId: string;
  const start = new Date();
  let now = start;
  const onDay = (day: number) => (now = new Date(start.getTime() + day * DAY));

  /** A fresh certificate each time: monitors sharing one would share its alert (see the last test). */
  const serveCertificate = (daysLeft: number) =>
    server.serve(
      '127.0.0.1',
      (() => {
        const pair = pki.leaf({
          commonName: HOST,
          altNames: [`DNS:${HOST}`],
          notBefore: new Date(start.getTime() - DAY),
          notAfter: new Date(start.getTime() + daysLeft * DAY + HOUR),
        });
        return { key: pair.key, cert: `${pair.cert}${pki.intermediate.cert}` };
      })(),
    );
  const addMonitor = async (name: string, url: string, settings: { expiryReminderDays?: number[] } = {}) => {
    const [row] = await runtime.database.db
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
    await runtime.database.db.insert(monitorChannels).values({ monitorId: row.id, channelId });
    return row;
  };
  const openIncidentOf = async (monitorId: string) => {
    const [row] = await runtime.database.db.select().from(incidents).where(eq(incidents.monitorId, monitorId));
    if (!row) throw new Error('no incident');
    return row;
  };
  /** The countdown lines on the incident's timeline, and the reminder deliveries queued for it. */
  const remindersOf = async (incidentId: string) => {
    const db = runtime.database.db;
    const steps = await db
      .select({ step: incidentEvents.countdownDays, note: incidentEvents.note, suppressedBy: incidentEvents.suppressedBy })
      .from(incidentEvents)
      .where(and(eq(incidentEvents.incidentId, incidentId), isNotNull(incidentEvents.countdownDays)))
      .orderBy(asc(incidentEvents.at));
    const deliveries = await db
      .select()
      .from(alertDeliveries)
      .where(and(eq(alertDeliveries.incidentId, incidentId), eq(alertDeliveries.type, 'reminder')));
    return { steps, deliveries };
  };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    runtime = await openRuntime(testAppConfig(testDb.url, 'redis'), logger);
    pki = createTestPki();
    rdap = await startFakeRdapServer();
    rdap.serveEndings(['com']);
    const placeholder = pki.leaf({
      commonName: HOST,
      altNames: [`DNS:${HOST}`],
      notBefore: new Date(start.getTime() - DAY),
      notAfter: new Date(start.getTime() + 90 * DAY),
    });
    server = await startTlsTestServer({ '127.0.0.1': placeholder });
    const [channel] = await runtime.database.db.insert(channels).values({ name: 'Inbox', kind: 'in-app', config: {} }).returning();
    if (!channel) throw new Error('inserting the channel returned no row');
    channelId = channel.id;
    const expiry = { rdapBootstrapUrl: rdap.bootstrapUrl, whoisServer: { host: '127.0.0.1', port: 1 }, timeoutMs: 2_000 };
    ctx = { ...domainContext(runtime, logger), settings: { ...runtime.settings, expiry } };
    lane = createExpiryLane(ctx, {
      tls: { timeoutMs: 2_000, ca: pki.root.cert, lookup: async () => [{ address: '127.0.0.1', family: 4 }] },
      registryGapMs: 0,
      now: () => now,
      onIncidentChange: announceExpiryChange,
      onCountdown: async (context, countdown) => void (await remindExpiryCountdown(context, countdown)),
    });
  });
  afterAll(async () => {
    await server?.close();
    await rdap?.close();
    await runtime?.close();
    await testDb?.drop();
    pki?.dispose();
  });

  it('reminds once at 7, 3 and 1 days left: not on the days between, not twice on one day, not twice in a race', async () => {
    serveCertificate(10);
    const monitor = await addMonitor('Countdown', `https://${HOST}:${server.port}/`);
    onDay(0);
    await runTlsJob(ctx, { monitorId: monitor.id }, lane);
    const incident = await openIncidentOf(monitor.id);
    expect((await remindersOf(incident.id)).steps).toEqual([]);

    for (const day of [3, 4, 7, 7]) {
      onDay(day);
      await runTlsJob(ctx, { monitorId: monitor.id }, lane);
    }
    // Day 9, two workers racing on the 1-day step: the timeline takes it once.
    onDay(9);
    const countdown = {
      monitorId: monitor.id,
      kind: 'tls' as const,
      subject: incident.subject ?? '',
      name: HOST,
      expiresAt: new Date(start.getTime() + 10 * DAY + HOUR),
      daysLeft: 1,
      steps: [7, 3, 1],
      at: now,
    };
    await Promise.all([
      remindExpiryCountdown(ctx, countdown),
      remindExpiryCountdown(ctx, countdown),
      runTlsJob(ctx, { monitorId: monitor.id }, lane),
    ]);

    const { steps, deliveries } = await remindersOf(incident.id);
    expect(steps.map((line) => [line.step, line.note, line.suppressedBy])).toEqual([
      [7, `The certificate for ${HOST} expires in 7 days, on ${countdown.expiresAt.toISOString().slice(0, 10)}.`, null],
      [3, `The certificate for ${HOST} expires in 3 days, on ${countdown.expiresAt.toISOString().slice(0, 10)}.`, null],
      [1, `The certificate for ${HOST} expires in 1 day, on ${countdown.expiresAt.toISOString().slice(0, 10)}.`, null],
    ]);
    expect(deliveries.map((delivery) => delivery.channelId)).toEqual([channelId, channelId, channelId]);
  });

  it('sends one reminder, for the smallest step reached, when the days left jump from 10 to 2', async () => {
    serveCertificate(10);
    const monitor = await addMonitor('Jump', `https://${HOST}:${server.port}/jump`);
    onDay(0);
    await runTlsJob(ctx, { monitorId: monitor.id }, lane);
    onDay(8);
    await runTlsJob(ctx, { monitorId: monitor.id }, lane);
    const { steps, deliveries } = await remindersOf((await openIncidentOf(monitor.id)).id);
    expect(steps.map((line) => [line.step, line.note?.includes('expires in 2 days')])).toEqual([[3, true]]);
    expect(deliveries).toHaveLength(1);

    // Delivered, its title names the step reached ("within": 2 days are left, as the body says).
    await deliverAlert(ctx, { data: { deliveryId: deliveries[0]?.id ?? '', phase: 'primary' }, attemptsMade: 0, attempts: 1 });
    const [sent] = await runtime.database.db.select().from(notifications).where(eq(notifications.monitorId, monitor.id));
    expect(sent?.title).toBe('Jump: certificate expires within 3 days');
    expect(sent?.body).toContain('expires in 2 days');
  });

  it('stops when the incident is acknowledged', async () => {
    serveCertificate(10);
    const monitor = await addMonitor('Acknowledged', `https://${HOST}:${server.port}/ack`);
    onDay(0);
    await runTlsJob(ctx, { monitorId: monitor.id }, lane);
    const incident = await openIncidentOf(monitor.id);
    await acknowledgeIncident(ctx, incident.id);
    for (const day of [3, 7, 9]) {
      onDay(day);
      await runTlsJob(ctx, { monitorId: monitor.id }, lane);
    }
    expect(await remindersOf(incident.id)).toEqual({ steps: [], deliveries: [] });
  });

  it("follows the monitor's own steps, and leaves out those the opening alert covered", async () => {
    serveCertificate(5);
    const monitor = await addMonitor('Own steps', `https://${HOST}:${server.port}/own`, { expiryReminderDays: [10, 4, 2] });
    for (const day of [0, 1, 2, 3]) {
      onDay(day);
      await runTlsJob(ctx, { monitorId: monitor.id }, lane);
    }
    expect((await remindersOf((await openIncidentOf(monitor.id)).id)).steps.map((line) => line.step)).toEqual([4, 2]);
  });

  it('reminds once per certificate when several monitors share it', async () => {
    serveCertificate(10);
    const first = await addMonitor('Shared A', `https://${HOST}:${server.port}/a`);
    const second = await addMonitor('Shared B', `https://${HOST}:${server.port}/b`);
    for (const day of [0, 3]) {
      onDay(day);
      await runTlsJob(ctx, { monitorId: first.id }, lane);
      await runTlsJob(ctx, { monitorId: second.id }, lane);
    }
    expect((await remindersOf((await openIncidentOf(first.id)).id)).steps.map((line) => line.step)).toEqual([7]);
    expect((await remindersOf((await openIncidentOf(second.id)).id)).steps).toEqual([]);
  });

  describe('a shared certificate whose alerted incident is no longer open', () => {
    /** The opening line of the monitor's open incident, and how many "opened" notices were queued for it. */
    const openingOf = async (monitorId: string) => {
      const incident = await openIncidentOf(monitorId);
      const opening = await findOpening(runtime.database.db, incident.id);
      const told = await runtime.database.db
        .select()
        .from(alertDeliveries)
        .where(and(eq(alertDeliveries.incidentId, incident.id), eq(alertDeliveries.type, 'opened')));
      return { suppressedBy: opening?.suppressedBy ?? null, note: opening?.note ?? null, told: told.length };
    };
    const run = async (...monitorIds: string[]) =>
      void (await Promise.all(monitorIds.map((id) => runTlsJob(ctx, { monitorId: id }, lane))));

    it('is taken over by a sibling: announced once at its next check, and its countdown goes on', async () => {
      serveCertificate(10);
      const first = await addMonitor('Takeover A', `https://${HOST}:${server.port}/takeover-a`);
      const second = await addMonitor('Takeover B', `https://${HOST}:${server.port}/takeover-b`);
      onDay(0);
      await run(first.id);
      await run(second.id);
      expect(await openingOf(second.id)).toMatchObject({ suppressedBy: 'not_announced', told: 0 });

      // The monitor that alerted is deleted (its incident with it); the sibling speaks at its next check, once.
      await runtime.database.db.delete(monitors).where(eq(monitors.id, first.id));
      onDay(1);
      await run(second.id, second.id);
      await run(second.id);
      expect(await openingOf(second.id)).toEqual({
        suppressedBy: null,
        note: 'Announced late: the incident that alerted about the same certificate is no longer open.',
        told: 1,
      });

      onDay(3);
      await run(second.id);
      expect((await remindersOf((await openIncidentOf(second.id)).id)).steps.map((line) => line.step)).toEqual([7]);
    });

    it('is taken over by one sibling only, when two were quiet and race', async () => {
      serveCertificate(10);
      const [first, second, third] = [
        await addMonitor('Race A', `https://${HOST}:${server.port}/race-a`),
        await addMonitor('Race B', `https://${HOST}:${server.port}/race-b`),
        await addMonitor('Race C', `https://${HOST}:${server.port}/race-c`),
      ];
      onDay(0);
      for (const monitor of [first, second, third]) await run(monitor.id);
      expect((await Promise.all([second, third].map((monitor) => openingOf(monitor.id)))).map((opening) => opening.told)).toEqual([0, 0]);

      // The first monitor's incident resolves: 10 days left no longer concern it at a 5-day threshold.
      await runtime.database.db.update(monitors).set({ tlsAlertDays: 5 }).where(eq(monitors.id, first.id));
      onDay(1);
      await run(first.id);
      expect((await runtime.database.db.select().from(incidents).where(eq(incidents.monitorId, first.id)))[0]?.state).toBe('resolved');
      await run(second.id, third.id);
      await run(second.id, third.id);

      const openings = await Promise.all([second, third].map((monitor) => openingOf(monitor.id)));
      expect(openings.map((opening) => opening.told).sort()).toEqual([0, 1]);
      expect(openings.map((opening) => opening.suppressedBy).sort()).toEqual(['not_announced', null]);
    });
  });

  it('counts a domain registration down the same way', async () => {
    rdap.answerExpiry('countdown.com', new Date(start.getTime() + 10 * DAY + HOUR));
    const monitor = await addMonitor('Domain', 'https://www.countdown.com/');
    for (const day of [0, 3, 7, 7]) {
      onDay(day);
      await runDomainJob(ctx, { monitorId: monitor.id }, lane);
    }
    const { steps, deliveries } = await remindersOf((await openIncidentOf(monitor.id)).id);
    expect(steps.map((line) => [line.step, line.note?.startsWith('The domain countdown.com expires in')])).toEqual([
      [7, true],
      [3, true],
    ]);
    expect(deliveries).toHaveLength(2);
  });
});
