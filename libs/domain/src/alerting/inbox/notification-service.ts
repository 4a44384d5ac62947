import { and, count, desc, inArray, isNull } from 'drizzle-orm';
import type { NotificationPage } from '@mini-netumo/contracts';
import { notifications } from '../../db/schema';
import type { DomainContext } from '../../runtime/domain-context';
import { toNotification } from './inbox';

export async function listNotifications(
  ctx: DomainContext,
  filter: { unreadOnly: boolean; limit: number; offset: number },
): Promise<NotificationPage> {
  const [rows, [unread]] = await Promise.all([
    ctx.db
      .select()
      .from(notifications)
      .where(filter.unreadOnly ? isNull(notifications.readAt) : undefined)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(filter.limit)
      .offset(filter.offset),
    ctx.db.select({ unread: count() }).from(notifications).where(isNull(notifications.readAt)),
  ]);
  return { items: rows.map(toNotification), unreadCount: unread?.unread ?? 0 };
}

/** Marks the given notifications (or all) read; those already read keep their first read time. */
export async function markNotificationsRead(
  ctx: DomainContext,
  target: { ids: string[] } | { all: true },
): Promise<{ updated: number; unreadCount: number }> {
  const unread = isNull(notifications.readAt);
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where('ids' in target ? and(unread, inArray(notifications.id, target.ids)) : unread)
    .returning({ id: notifications.id });
  const [left] = await ctx.db.select({ unread: count() }).from(notifications).where(unread);
  return { updated: rows.length, unreadCount: left?.unread ?? 0 };
}
