import type { Notification } from '@mini-netumo/contracts';
import { describe, expect, it } from 'vitest';
import { withNotification } from './notification-list';

const note = (id: string, minute: number): Notification => ({
  id,
  channelId: null,
  incidentId: null,
  monitorId: null,
  severity: 'info',
  title: id,
  body: '',
  link: null,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
  readAt: null,
});

describe('withNotification', () => {
  it('puts the newest first, replaces by id and keeps at most max', () => {
    const list = [note('b', 2), note('a', 1)];
    expect(withNotification(list, note('c', 3), 2).map((item) => item.id)).toEqual(['c', 'b']);
    expect(withNotification(list, { ...note('a', 1), title: 'again' }, 5).map((item) => item.title)).toEqual(['b', 'again']);
  });
});
