import type { Notification } from '@mini-netumo/contracts';

/** Inserts or replaces by id, newest first, keeping at most `max`. */
export function withNotification(items: readonly Notification[], incoming: Notification, max: number): Notification[] {
  return [incoming, ...items.filter((item) => item.id !== incoming.id)]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, max);
}
