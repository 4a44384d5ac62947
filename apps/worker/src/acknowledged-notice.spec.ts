import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@mini-netumo/domain/testing';
import { startNotifyHarness, type NotifyHarness } from './notify-harness';

const MINUTE = 60_000;

/** Acknowledging tells the channels that heard about the incident, once, and nobody else. */
describe('the "acknowledged" notice', () => {
  let h: NotifyHarness;

  beforeAll(async () => {
    h = await startNotifyHarness('redis');
  });

  afterAll(async () => {
    await h?.close();
  });

  /** Webhook posts that reached one path of the receiver, as payloads. */
  const postsTo = (path: string) =>
    h.fakes.receiver.requests
      .filter((request) => request.path === path)
      .map((request) => request.json as { event: string; incidentId: string; body: string });

  it('reaches the webhook that was told about the incident exactly once, with the note, and no channel that was not', async () => {
    const told = await h.createChannel('webhook');
    const toldPath = new URL(h.fakes.receiver.url).pathname;
    const latePath = '/hooks/joined-later';
    const late = await h.createChannel('webhook', { config: { url: `${h.fakes.receiver.baseUrl}${latePath}` } });
    const { monitor, target } = await h.createMonitor([told.id]);
    await h.checkUntil(monitor.id, target, 500, 'down');
    const incident = await h.openIncident(monitor.id);
    await waitFor('the opening delivered', () =>
      postsTo(toldPath).some((post) => post.incidentId === incident.id && post.event === 'incident.opened'),
    );
    // Attached after the opening went out: it never heard of this incident.
    await h.caller.monitors.update({ id: monitor.id, patch: { channelIds: [told.id, late.id] } });

    await h.caller.incidents.acknowledge({ id: incident.id, by: 'ana', note: 'rolling back the deploy' });
    await h.caller.incidents.acknowledge({ id: incident.id, by: 'bo' }); // a second click tells nobody again
    const [acknowledgement] = await waitFor('the acknowledgement delivered', async () => {
      const list = (await h.caller.alerts.list({ incidentId: incident.id })).filter((each) => each.type === 'acknowledged');
      return list.length > 0 && list.every((each) => each.status === 'delivered') && list;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));

    const aboutIncident = (path: string) => postsTo(path).filter((post) => post.incidentId === incident.id);
    expect(aboutIncident(toldPath).map((post) => post.event)).toEqual(['incident.opened', 'incident.acknowledged']);
    expect(aboutIncident(toldPath).at(-1)?.body).toMatch(/^Acknowledged by ana after \d+s\. Note: rolling back the deploy$/);
    expect(aboutIncident(latePath)).toEqual([]);
    const deliveries = await h.caller.alerts.list({ incidentId: incident.id });
    expect(deliveries.map((each) => [each.type, each.channelId]).sort()).toEqual([
      ['acknowledged', told.id],
      ['opened', told.id],
    ]);
    expect(acknowledgement).toMatchObject({ channelId: told.id, attemptCount: 1 });

    const timeline = (await h.caller.incidents.get({ id: incident.id })).timeline;
    expect(timeline.filter((event) => event.type === 'acknowledged')).toEqual([
      expect.objectContaining({ actor: 'ana', note: 'rolling back the deploy', suppressedBy: null }),
    ]);
  });

  it('tells nobody when the incident was never announced (opened during maintenance)', async () => {
    const channel = await h.createChannel('webhook');
    const { monitor, target } = await h.createMonitor([channel.id]);
    const window = await h.caller.maintenanceWindows.create({
      name: 'Deploy',
      monitorId: monitor.id,
      schedule: { type: 'once', startsAt: new Date(Date.now() - MINUTE), endsAt: new Date(Date.now() + 30 * MINUTE) },
    });
    await h.checkUntil(monitor.id, target, 500, 'down');
    const incident = await h.openIncident(monitor.id);
    await waitFor(
      'the silenced opening on the timeline',
      async () => (await h.caller.incidents.get({ id: incident.id })).timeline.length > 0,
    );
    await h.caller.maintenanceWindows.delete({ id: window.id }); // over: an acknowledgement is not silenced by it anyway

    await h.caller.incidents.acknowledge({ id: incident.id, by: 'ana' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await h.caller.alerts.list({ incidentId: incident.id })).toEqual([]);
    expect(h.webhookEvents(monitor.id)).toEqual([]);
    const timeline = (await h.caller.incidents.get({ id: incident.id })).timeline;
    expect(timeline.map((event) => [event.type, event.suppressedBy])).toEqual([
      ['opened', 'maintenance'],
      ['acknowledged', 'not_announced'],
    ]);
  });
});
