import type { Notification, NotificationSeverity } from '@mini-netumo/contracts';
import type { Db } from '../../db/client';
import { notifications, type NotificationRow } from '../../db/schema';
import type { EventBus } from '../../events/event-bus';
import type { Logger } from '../../logging/logger';

/** An entry for the notification centre; the in-app channel's whole job is to store one. */
export interface InboxEntry {
  channelId: string | null;
  incidentId: string | null;
  monitorId: string | null;
  severity: NotificationSeverity;
  title: string;
  body: string;
  link: string | null;
  /** The same key stores once: a re-delivered alert does not show twice. */
  idempotencyKey: string | null;
}

export interface Inbox {
  store(entry: InboxEntry): Promise<void>;
}

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    channelId: row.channelId,
    incidentId: row.incidentId,
    monitorId: row.monitorId,
    severity: row.severity,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

/** Where the in-app channel puts alerts: a stored notification, announced live to every dashboard. */
export function createInbox(deps: { db: Db; events: EventBus; logger: Logger }): Inbox {
  return {
    async store(entry) {
      const [row] = await deps.db.insert(notifications).values(entry).onConflictDoNothing().returning();
      if (!row) return; // stored by an earlier delivery of the same alert
      try {
        await deps.events.publish({ type: 'notification', notification: toNotification(row) });
      } catch (error) {
        deps.logger.warn('could not publish notification event', { notificationId: row.id, error });
      }
    },
  };
}
