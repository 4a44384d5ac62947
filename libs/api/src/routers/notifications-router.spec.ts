import { beforeAll, describe, expect, it } from 'vitest';
import { notificationPageSchema } from '@mini-netumo/contracts';
import { UNKNOWN_ID, clientError, expectContractShape, useRouterHarness } from '../testing/router-harness';

const api = useRouterHarness();

describe('notifications router', () => {
  /** The two test notifications' ids. */
  let newest: string;
  let older: string;

  beforeAll(async () => {
    // A test send through the in-app channel is stored as a notification of the centre.
    const inbox = await api.caller.channels.create({ name: 'Inbox', kind: 'in-app', config: {} });
    await api.caller.channels.test({ id: inbox.id });
    await api.caller.channels.test({ id: inbox.id });
    const [first, second] = (await api.caller.notifications.list({})).items;
    if (!first || !second) throw new Error('the test sends stored no notifications');
    [newest, older] = [first.id, second.id];
  });

  it('list answers the newest first, with the unread count for the bell', async () => {
    const page = expectContractShape(notificationPageSchema, await api.caller.notifications.list({}));
    expect(page.unreadCount).toBe(2);
    expect(page.items.map((item) => item.id)).toEqual([newest, older]);
    expect(page.items[0]).toMatchObject({
      severity: 'info',
      title: 'Test notification from mini-netumo',
      link: null,
      incidentId: null,
      readAt: null,
    });
    expect(page.items[0]?.createdAt.getTime()).toBeGreaterThanOrEqual(page.items[1]?.createdAt.getTime() ?? Infinity);
    expect((await api.caller.notifications.list({ limit: 1, offset: 1 })).items.map((item) => item.id)).toEqual([older]);
  });

  it('markRead marks the listed ones once, then all; unreadOnly follows', async () => {
    expect(await api.caller.notifications.markRead({ ids: [newest, UNKNOWN_ID] })).toEqual({ updated: 1, unreadCount: 1 });
    expect(await api.caller.notifications.markRead({ ids: [newest] })).toEqual({ updated: 0, unreadCount: 1 });
    const unread = await api.caller.notifications.list({ unreadOnly: true });
    expect(unread).toMatchObject({ unreadCount: 1, items: [{ id: older, readAt: null }] });
    expect(await api.caller.notifications.markRead({ all: true })).toEqual({ updated: 1, unreadCount: 0 });
    const read = await api.caller.notifications.list({});
    expect(read.items.every((item) => item.readAt instanceof Date)).toBe(true);
    expect(await api.caller.notifications.list({ unreadOnly: true })).toEqual({ items: [], unreadCount: 0 });
  });

  it('refuses bad input by field', async () => {
    expect((await clientError(api.caller.notifications.list({ limit: 201, unreadOnly: 'yes' as never }))).fieldErrors).toEqual({
      limit: 'limit must be at most 200',
      unreadOnly: 'unreadOnly must be true or false',
    });
    expect((await clientError(api.caller.notifications.markRead({ ids: [] }))).fieldErrors).toEqual({
      ids: 'ids must list at least one notification',
    });
    expect(await clientError(api.caller.notifications.markRead({} as never))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'send ids (a list of notification ids) or all: true',
    });
  });
});
