import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverAlert, runNotifySweep } from '@mini-netumo/domain';
import { simulateInterruptedSend, waitFor } from '@mini-netumo/domain/testing';
import { SECRETS, startNotifyHarness, type NotifyHarness } from './notify-harness';

/** Alert delivery end to end: a check opens an incident, the notify queue delivers it through the fakes. */
describe.each(['redis', 'postgres'] as const)('alert delivery on the %s queue backend', (backend) => {
  let h: NotifyHarness;

  beforeAll(async () => {
    h = await startNotifyHarness(backend);
  });

  afterAll(async () => {
    await h?.close();
  });

  const deliveries = (incidentId: string) => h.caller.alerts.list({ incidentId });

  it('tells every channel once that a site is down, and once that it is back with the downtime', async () => {
    const kinds = ['email', 'slack', 'discord', 'telegram', 'webhook', 'in-app'] as const;
    const channels = [];
    for (const kind of kinds) channels.push(await h.createChannel(kind, { isDefault: true }));
    const { monitor, target } = await h.createMonitor(); // no channelIds: the default channels
    expect((await h.caller.monitors.get({ id: monitor.id })).channelIds?.sort()).toEqual(channels.map((c) => c.id).sort());
    const { resend, slack, discord, telegram, receiver } = h.fakes;
    const before = [resend, slack, discord, telegram, receiver].map((fake) => fake.requests.length);

    await h.checkUntil(monitor.id, target, 500, 'down');
    const incident = await h.openIncident(monitor.id);
    const opened = await waitFor('six delivered alerts', async () => {
      const list = await deliveries(incident.id);
      return list.length === 6 && list.every((each) => each.status === 'delivered') && list;
    });
    expect(opened.map((each) => each.attemptCount)).toEqual([1, 1, 1, 1, 1, 1]);

    // Still down, and the sweep looking for missed notices: nothing more is sent.
    await h.checkUntil(monitor.id, target, 500, 'down');
    await runNotifySweep(h.ctx);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([resend, slack, discord, telegram, receiver].map((fake, i) => fake.requests.length - (before[i] ?? 0))).toEqual([1, 1, 1, 1, 1]);
    expect(await deliveries(incident.id)).toHaveLength(6);

    const webhook = receiver.requests.at(-1);
    if (!webhook) throw new Error('the webhook got nothing');
    expect(receiver.signatureValid(webhook, SECRETS.webhookSecret)).toBe(true);
    expect(webhook.headers.authorization).toBe(SECRETS.headerToken);
    expect(webhook.json).toMatchObject({ event: 'incident.opened', incidentId: incident.id, title: `${monitor.name} is DOWN` });

    await h.checkUntil(monitor.id, target, 200, 'up');
    await waitFor('the resolved notices', async () => {
      const list = await deliveries(incident.id);
      return list.length === 12 && list.every((each) => each.status === 'delivered');
    });
    const resolved = h.webhookEvents(monitor.id).at(-1);
    expect(resolved).toMatchObject({ event: 'incident.resolved' });
    expect(resolved?.body).toMatch(new RegExp(`^${monitor.name} is UP again after \\d+s\\.$`));

    const inbox = await h.caller.notifications.list({});
    expect(inbox.items.filter((item) => item.incidentId === incident.id).map((item) => item.severity)).toEqual(['ok', 'critical']);
    expect(inbox.unreadCount).toBeGreaterThanOrEqual(2);
    const detail = await h.caller.incidents.get({ id: incident.id });
    expect(detail.timeline.map((event) => event.type).filter((type) => type !== 'notified')).toEqual(['opened', 'resolved']);
    expect(detail.timeline.filter((event) => event.type === 'notified')).toHaveLength(12);
    expect(detail).toMatchObject({ state: 'resolved', resolveReason: 'recovered', monitorName: monitor.name });
    expect(h.events.some((event) => event.type === 'notification' && event.notification.incidentId === incident.id)).toBe(true);
    expect(
      h.events.some(
        (event) => event.type === 'alert.delivery' && event.delivery.incidentId === incident.id && event.delivery.status === 'delivered',
      ),
    ).toBe(true);

    // Later tests choose their channels; these stop being defaults.
    for (const channel of channels) await h.caller.channels.update({ ...channel, isDefault: false, config: channel.config } as never);
  });

  it('retries a provider that answered 500 and delivers once, every attempt recorded', async () => {
    const channel = await h.createChannel('slack');
    const { monitor, target } = await h.createMonitor([channel.id]);
    h.fakes.slack.fail({ status: 500 }, 1);
    const before = h.fakes.slack.requests.length;
    await h.checkUntil(monitor.id, target, 500, 'down');
    const incident = await h.openIncident(monitor.id);
    const [delivery] = await waitFor('delivered', async () => {
      const list = await deliveries(incident.id);
      return list[0]?.status === 'delivered' && list;
    });
    expect(delivery?.attempts.map((attempt) => [attempt.ok, attempt.statusCode, attempt.error])).toEqual([
      [false, 500, 'HTTP 500: internal_error'],
      [true, 200, null],
    ]);
    expect(h.fakes.slack.requests.length - before).toBe(2);
  });

  it('waits what a 429 asks (Retry-After) before trying again', async () => {
    const channel = await h.createChannel('discord');
    const { monitor, target } = await h.createMonitor([channel.id]);
    h.fakes.discord.fail({ status: 429, retryAfterSeconds: 1 }, 1);
    await h.checkUntil(monitor.id, target, 500, 'down');
    const incident = await h.openIncident(monitor.id);
    const [delivery] = await waitFor('delivered', async () => {
      const list = await deliveries(incident.id);
      return list[0]?.status === 'delivered' && list;
    });
    const [limited, ok] = delivery?.attempts ?? [];
    expect(limited).toMatchObject({ ok: false, statusCode: 429 });
    expect(ok?.ok).toBe(true);
    expect((ok?.at.getTime() ?? 0) - (limited?.at.getTime() ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('hands the alert to the fallback channel when the primary keeps failing', async () => {
    const fallback = await h.createChannel('webhook');
    const primary = await h.createChannel('telegram', { fallbackChannelId: fallback.id });
    const { monitor, target } = await h.createMonitor([primary.id]);
    h.fakes.telegram.fail({ status: 502 });
    try {
      await h.checkUntil(monitor.id, target, 500, 'down');
      const incident = await h.openIncident(monitor.id);
      const [delivery] = await waitFor('delivered through the fallback', async () => {
        const list = await deliveries(incident.id);
        return list[0]?.status === 'delivered' && list;
      });
      expect(delivery).toMatchObject({ channelId: primary.id, fallbackChannelId: fallback.id, attemptCount: 4 });
      expect(delivery?.attempts.map((attempt) => [attempt.channelId, attempt.fallback, attempt.ok])).toEqual([
        [primary.id, false, false],
        [primary.id, false, false],
        [primary.id, false, false],
        [fallback.id, true, true],
      ]);
      expect(h.webhookEvents(monitor.id).map((payload) => payload.event)).toEqual(['incident.opened']);
      const timeline = (await h.caller.incidents.get({ id: incident.id })).timeline;
      expect(timeline.find((event) => event.type === 'notify_failed')?.note).toContain('trying the fallback');
    } finally {
      h.fakes.telegram.succeed();
    }
  });

  it('dead-letters an alert when the fallback fails too, shows it, and delivers it on retry', async () => {
    const fallback = await h.createChannel('discord');
    const primary = await h.createChannel('slack', { fallbackChannelId: fallback.id });
    const { monitor, target } = await h.createMonitor([primary.id]);
    h.fakes.slack.fail({ status: 500 });
    h.fakes.discord.fail({ status: 503 });
    await h.checkUntil(monitor.id, target, 500, 'down');
    const incident = await h.openIncident(monitor.id);
    const dead = await waitFor('a dead letter', async () => (await h.caller.alerts.list({ status: 'dead', incidentId: incident.id }))[0]);
    expect(dead).toMatchObject({
      channelId: primary.id,
      fallbackChannelId: fallback.id,
      attemptCount: 6,
      lastError: 'HTTP 503: {"message":"fake discord error","code":0}',
    });
    await expect(
      h.caller.alerts.retry({ id: (await h.caller.alerts.list({ status: 'delivered', limit: 1 }))[0]?.id ?? '' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    h.fakes.slack.succeed();
    h.fakes.discord.succeed();
    expect(await h.caller.alerts.retry({ id: dead.id })).toMatchObject({ status: 'pending', fallbackChannelId: null });
    const retried = await waitFor('delivered after the retry', async () => {
      const [each] = await deliveries(incident.id);
      return each?.status === 'delivered' && each;
    });
    expect(retried.attemptCount).toBe(7);
    expect(retried.attempts.at(-1)).toMatchObject({ channelId: primary.id, fallback: false, ok: true });
  });

  it('never lets a provider that hangs hold up the other channels', async () => {
    const email = await h.createChannel('email');
    const inApp = await h.createChannel('in-app');
    const { monitor, target } = await h.createMonitor([email.id, inApp.id]);
    h.fakes.resend.fail('hang');
    try {
      await h.checkUntil(monitor.id, target, 500, 'down');
      const incident = await h.openIncident(monitor.id);
      const list = await waitFor(
        'the in-app alert',
        async () => {
          const all = await deliveries(incident.id);
          return all.find((each) => each.channelId === inApp.id)?.status === 'delivered' && all;
        },
        3_000,
      );
      expect(list.find((each) => each.channelId === email.id)?.status).not.toBe('delivered');
      const emailed = await waitFor('the email given up', async () => {
        const each = (await deliveries(incident.id)).find((item) => item.channelId === email.id);
        return each?.status === 'dead' && each;
      });
      expect(emailed.attempts.map((attempt) => attempt.error)).toEqual([
        'no answer within 1000 ms',
        'no answer within 1000 ms',
        'no answer within 1000 ms',
      ]);
    } finally {
      h.fakes.resend.succeed();
    }
  });

  it('re-delivers at most once after a worker died mid-send (Resend drops the duplicate by its key)', async () => {
    const email = await h.createChannel('email');
    const { monitor, target } = await h.createMonitor([email.id]);
    await h.checkUntil(monitor.id, target, 500, 'down');
    const incident = await h.openIncident(monitor.id);
    const [delivery] = await waitFor('delivered', async () => {
      const list = await deliveries(incident.id);
      return list[0]?.status === 'delivered' && list;
    });
    if (!delivery) throw new Error('no delivery');
    const accepted = h.fakes.resend.emailsAccepted();
    const crash = () => simulateInterruptedSend(h.ctx.db, delivery.id);
    const job = { data: { deliveryId: delivery.id, phase: 'primary' as const }, attemptsMade: 0, attempts: 3 };

    await crash();
    await deliverAlert(h.ctx, job);
    const again = (await deliveries(incident.id))[0];
    expect(again?.status).toBe('delivered');
    expect(again?.attempts.slice(-2).map((attempt) => attempt.error)).toEqual(['the worker stopped during this send', null]);
    expect(h.fakes.resend.emailsAccepted()).toBe(accepted);

    await crash();
    await deliverAlert(h.ctx, job);
    expect((await deliveries(incident.id))[0]).toMatchObject({
      status: 'dead',
      lastError: 'interrupted twice during a send; not sent again to avoid duplicates',
    });
  });

  it('never writes a secret to the logs', async () => {
    const { slack, discord } = h.fakes;
    const logged = h.logs.text();
    expect(logged).toContain('alert dead-lettered'); // the failures above were logged…
    for (const secret of [
      ...Object.values(SECRETS),
      slack.webhookUrl,
      discord.webhookUrl,
      'slackSecretToken1234',
      'discordSecretToken5678',
    ]) {
      expect(logged).not.toContain(secret); // …without a secret in them
    }
  });
});
