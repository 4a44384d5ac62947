import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNotifySweep } from '@mini-netumo/domain';
import { insertDeliveryWithoutJob, insertUnannouncedIncident, waitFor } from '@mini-netumo/domain/testing';
import { SECRETS, startNotifyHarness, type NotifyHarness } from './notify-harness';

const MINUTE = 60_000;
const later = (minutes: number) => new Date(Date.now() + minutes * MINUTE);

/** Reminders, acknowledgement, manual resolve, flapping and maintenance windows, and the channel API's edges. */
describe('incident lifecycle and channel settings', () => {
  let h: NotifyHarness;

  beforeAll(async () => {
    h = await startNotifyHarness('redis');
  });

  afterAll(async () => {
    await h?.close();
  });

  const delivered = (monitorId: string, count: number) =>
    waitFor(`${count} webhook notices`, () => {
      const events = h.webhookEvents(monitorId);
      return events.length >= count && events.map((payload) => payload.event);
    });

  it('reminds at the channel interval while open, and stops once acknowledged', async () => {
    const channel = await h.createChannel('webhook', { reminderIntervalMinutes: 5 });
    const quiet = await h.createChannel('in-app'); // no interval: never reminded
    const { monitor, target } = await h.createMonitor([channel.id, quiet.id]);
    await h.checkUntil(monitor.id, target, 500, 'down');
    await delivered(monitor.id, 1);
    const incident = await h.openIncident(monitor.id);

    expect((await runNotifySweep(h.ctx, later(3)))?.reminders).toBe(0); // not due yet
    expect((await runNotifySweep(h.ctx, later(6)))?.reminders).toBe(1);
    expect(await delivered(monitor.id, 2)).toEqual(['incident.opened', 'incident.reminder']);

    const acknowledged = await h.caller.incidents.acknowledge({ id: incident.id, by: 'ana' });
    expect(acknowledged.state).toBe('acknowledged');
    expect((await runNotifySweep(h.ctx, later(60)))?.reminders).toBe(0);
    const detail = await h.caller.incidents.get({ id: incident.id });
    expect(detail).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'ana' });
    expect(detail.timeline.map((event) => event.type)).toContain('reminder');

    // Recovery still resolves an acknowledged incident and tells the channels.
    await h.checkUntil(monitor.id, target, 200, 'up');
    expect(await delivered(monitor.id, 4)).toEqual(['incident.opened', 'incident.reminder', 'incident.acknowledged', 'incident.resolved']);
    await expect(h.caller.incidents.acknowledge({ id: incident.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('resolves by hand with a note, and says so on the channels', async () => {
    const channel = await h.createChannel('webhook');
    const { monitor, target } = await h.createMonitor([channel.id]);
    await h.checkUntil(monitor.id, target, 500, 'down');
    await delivered(monitor.id, 1);
    const incident = await h.openIncident(monitor.id);
    const resolved = await h.caller.incidents.resolve({ id: incident.id, by: 'bo', note: 'known outage upstream' });
    expect(resolved).toMatchObject({ state: 'resolved' });
    await delivered(monitor.id, 2);
    expect(h.webhookEvents(monitor.id).at(-1)?.body).toMatch(/^Resolved by bo after \d+s\. Note: known outage upstream$/);
    expect(await h.caller.incidents.get({ id: incident.id })).toMatchObject({
      resolveReason: 'manual',
      resolutionNote: 'known outage upstream',
    });
    expect(await h.caller.incidents.list({ monitorId: monitor.id, state: 'resolved', kind: 'down' })).toHaveLength(1);
    expect(await h.caller.incidents.list({ monitorId: monitor.id, offset: 1 })).toHaveLength(0);
  });

  it('sends one flapping notice, holds the rest, and one "settled" notice when it calms down', async () => {
    const channel = await h.createChannel('webhook');
    const { monitor, target } = await h.createMonitor([channel.id]);
    for (const [status, state] of [
      [500, 'down'],
      [200, 'up'],
      [500, 'down'],
      [200, 'up'],
      [500, 'down'],
      [200, 'up'],
      [500, 'down'],
    ] as const) {
      await h.checkUntil(monitor.id, target, status, state);
    }
    const expected = [
      'incident.opened',
      'incident.resolved',
      'incident.opened',
      'incident.resolved',
      'incident.opened',
      'monitor.flapping',
    ];
    expect(await delivered(monitor.id, 6)).toEqual(expected);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.webhookEvents(monitor.id)).toHaveLength(6); // the 7th change was held

    expect((await runNotifySweep(h.ctx, later(10)))?.settled).toEqual([]); // still too many changes in the window
    expect((await runNotifySweep(h.ctx, later(31)))?.settled).toEqual([monitor.id]);
    expect((await delivered(monitor.id, 7)).at(-1)).toBe('monitor.settled');
    expect(h.webhookEvents(monitor.id).at(-1)?.body).toBe('HTTP 500, expected 200-299');
    const incident = await h.openIncident(monitor.id);
    const timeline = (await h.caller.incidents.get({ id: incident.id })).timeline;
    expect(timeline.find((event) => event.type === 'opened')?.suppressedBy).toBe('flapping');
    expect(timeline.find((event) => event.type === 'settled')?.suppressedBy).toBeNull();
  });

  it('stays silent during a maintenance window, and tells once it is over if the site is still down', async () => {
    const channel = await h.createChannel('webhook');
    const { monitor, target } = await h.createMonitor([channel.id]);
    const window = await h.caller.maintenanceWindows.create({
      name: 'Deploy',
      monitorId: monitor.id,
      schedule: { type: 'once', startsAt: new Date(Date.now() - MINUTE), endsAt: later(30) },
    });
    expect(window.activeNow).toBe(true);
    await h.checkUntil(monitor.id, target, 500, 'down');
    const incident = await h.openIncident(monitor.id);
    await waitFor('the opening on the timeline', async () => (await h.caller.incidents.get({ id: incident.id })).timeline.length > 0);
    expect((await h.caller.incidents.get({ id: incident.id })).timeline[0]).toMatchObject({ type: 'opened', suppressedBy: 'maintenance' });
    expect((await runNotifySweep(h.ctx, later(10)))?.reminders).toBe(0);
    expect(h.webhookEvents(monitor.id)).toEqual([]);

    expect((await runNotifySweep(h.ctx, later(31)))?.reminders).toBe(1);
    expect(await delivered(monitor.id, 1)).toEqual(['incident.reminder']);
    expect(await h.caller.maintenanceWindows.list({ monitorId: monitor.id })).toHaveLength(1);
    await h.caller.maintenanceWindows.delete({ id: window.id });
  });

  it('keeps silent about a recovery nobody was told about', async () => {
    const channel = await h.createChannel('webhook');
    const { monitor, target } = await h.createMonitor([channel.id]);
    const window = await h.caller.maintenanceWindows.create({
      name: 'All',
      monitorId: null,
      schedule: { type: 'once', startsAt: new Date(Date.now() - MINUTE), endsAt: later(1) },
    });
    await h.checkUntil(monitor.id, target, 500, 'down');
    await h.caller.maintenanceWindows.delete({ id: window.id });
    await h.checkUntil(monitor.id, target, 200, 'up');
    const [incident] = await h.caller.incidents.list({ monitorId: monitor.id });
    const timeline = await waitFor('the resolve on the timeline', async () => {
      const events = (await h.caller.incidents.get({ id: incident?.id ?? '' })).timeline;
      return events.length === 2 && events;
    });
    expect(timeline.map((event) => [event.type, event.suppressedBy])).toEqual([
      ['opened', 'maintenance'],
      ['resolved', 'not_announced'],
    ]);
    expect(h.webhookEvents(monitor.id)).toEqual([]);
  });

  it('sweeps up what was missed: an incident nobody announced, a delivery whose job was lost', async () => {
    const channel = await h.createChannel('webhook');
    const { monitor } = await h.createMonitor([channel.id]);
    // As if the check's hook had failed (queue down) right after the incident was stored.
    const incident = await insertUnannouncedIncident(h.ctx.db, monitor.id);
    expect((await runNotifySweep(h.ctx, later(1)))?.missed).toBe(1);
    expect(await delivered(monitor.id, 1)).toEqual(['incident.opened']);

    const lost = await insertDeliveryWithoutJob(h.ctx.db, incident.id, channel.id);
    expect(await runNotifySweep(h.ctx, later(60))).toMatchObject({ requeued: 1, dead: 0 });
    await waitFor(
      'the lost delivery delivered',
      async () => (await h.caller.alerts.list({ incidentId: incident.id })).find((each) => each.id === lost)?.status === 'delivered',
    );
  });

  it('refuses a bad channel config with the field named, and shows secrets masked', async () => {
    const refusal = async (input: Parameters<typeof h.caller.channels.create>[0]) => {
      const error = await h.caller.channels.create(input).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TRPCError);
      return error as TRPCError;
    };
    const badEmail = await refusal({ name: 'Bad', kind: 'email', config: { apiKey: 'k', from: 'ops@example.com', to: ['not-an-email'] } });
    expect(badEmail.code).toBe('BAD_REQUEST');
    expect(badEmail.message).toContain('to: \\"not-an-email\\" is not an email address');
    const badUrl = await refusal({ name: 'Bad', kind: 'slack', config: { webhookUrl: 'http://hooks.example/x' } });
    expect(badUrl.message).toContain('webhookUrl must start with https://');
    const emptyToken = await refusal({ name: 'Bad', kind: 'telegram', config: { botToken: ' ', chatId: '42' } });
    expect(emptyToken.message).toContain('botToken is required');
    await expect(
      h.caller.channels.create({ name: 'Bad', kind: 'telegram', config: { botToken: '••••abcd', chatId: '42' } }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'config.botToken: enter the value (•••• only keeps a value already saved)',
    });

    const created = await h.createChannel('telegram');
    expect(created.config).toEqual({ botToken: `••••${SECRETS.telegramToken.slice(-4)}`, chatId: '-100123' });
    expect(JSON.stringify(await h.caller.channels.list())).not.toContain(SECRETS.telegramToken);
    const maskedToken = (created.config as { botToken: string }).botToken;
    const renamed = await h.caller.channels.update({
      ...created,
      kind: 'telegram',
      name: 'Renamed',
      config: { botToken: maskedToken, chatId: '-100999' },
    });
    expect(renamed).toMatchObject({ name: 'Renamed', config: { chatId: '-100999' } });
    expect(await h.caller.channels.test({ id: created.id })).toMatchObject({ ok: true, error: null });
    expect(h.fakes.telegram.requests.at(-1)?.path).toBe(`/bot${SECRETS.telegramToken}/sendMessage`); // the saved token was kept

    h.fakes.telegram.fail({ status: 401 }, 1);
    expect(
      await h.caller.channels.testDraft({ id: created.id, kind: 'telegram', config: { botToken: maskedToken, chatId: '-1' } }),
    ).toMatchObject({
      ok: false,
      statusCode: 401,
    });
    await expect(
      h.caller.channels.update({ ...renamed, kind: 'slack', config: { webhookUrl: 'https://hooks.example/x' } } as never),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      h.caller.channels.update({ ...renamed, kind: 'telegram', config: renamed.config as never, fallbackChannelId: renamed.id }),
    ).rejects.toMatchObject({
      message: 'fallbackChannelId: a channel cannot be its own fallback',
    });
    await h.caller.channels.delete({ id: created.id });
    await expect(h.caller.channels.get({ id: created.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("checks a monitor's channelIds and writes nothing when one is unknown", async () => {
    const before = (await h.caller.monitors.list()).length;
    const unknown = '00000000-0000-4000-8000-000000000001';
    await expect(h.caller.monitors.create({ name: 'X', url: 'http://127.0.0.1:9/', channelIds: [unknown] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: `channelIds: channel ${unknown} does not exist`,
    });
    expect((await h.caller.monitors.list()).length).toBe(before);
    const channel = await h.createChannel('in-app');
    const { monitor } = await h.createMonitor([]);
    expect((await h.caller.monitors.update({ id: monitor.id, patch: { channelIds: [channel.id] } })).channelIds).toEqual([channel.id]);
    expect((await h.caller.monitors.get({ id: monitor.id })).channelIds).toEqual([channel.id]);
  });

  it('marks notifications read, one or all', async () => {
    const page = await h.caller.notifications.list({ unreadOnly: true });
    expect(page.items.length).toBeGreaterThan(0);
    const first = page.items[0]?.id ?? '';
    expect(await h.caller.notifications.markRead({ ids: [first] })).toMatchObject({ updated: 1, unreadCount: page.unreadCount - 1 });
    expect(await h.caller.notifications.markRead({ all: true })).toMatchObject({ unreadCount: 0 });
    expect((await h.caller.notifications.list({ unreadOnly: true })).items).toEqual([]);
  });
});
