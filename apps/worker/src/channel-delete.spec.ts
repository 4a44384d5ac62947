import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotifyHarness, type NotifyHarness } from './notify-harness';

/** channels.delete: refused while another channel falls back to it; otherwise gone, detached from its monitors. */
describe('deleting a channel', () => {
  let h: NotifyHarness;

  beforeAll(async () => {
    h = await startNotifyHarness('redis');
  });

  afterAll(async () => {
    await h?.close();
  });

  it('is refused, naming the channels, while it is their fallback; allowed once they choose another', async () => {
    const backup = await h.createChannel('in-app', { name: 'Backup inbox' });
    const pager = await h.createChannel('webhook', { name: 'Pager', fallbackChannelId: backup.id });
    const chat = await h.createChannel('slack', { name: 'Chat', fallbackChannelId: backup.id });

    await expect(h.caller.channels.delete({ id: backup.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'channel "Backup inbox" is the fallback of "Chat", "Pager"; choose another fallback there first',
    });
    expect(await h.caller.channels.get({ id: backup.id })).toMatchObject({ name: 'Backup inbox' });

    for (const channel of [pager, chat])
      await h.caller.channels.update({ ...channel, fallbackChannelId: null, config: channel.config } as never);
    expect(await h.caller.channels.delete({ id: backup.id })).toEqual({ id: backup.id, detachedMonitors: [] });
    await expect(h.caller.channels.get({ id: backup.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('detaches it from the monitors that alerted it and names them', async () => {
    const doomed = await h.createChannel('in-app');
    const kept = await h.createChannel('in-app');
    const { monitor } = await h.createMonitor([doomed.id, kept.id]);

    expect(await h.caller.channels.delete({ id: doomed.id })).toEqual({
      id: doomed.id,
      detachedMonitors: [{ id: monitor.id, name: monitor.name }],
    });
    expect((await h.caller.monitors.get({ id: monitor.id })).channelIds).toEqual([kept.id]);
    await expect(h.caller.channels.delete({ id: doomed.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
