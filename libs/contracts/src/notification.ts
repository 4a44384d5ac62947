import { z } from 'zod';
import { limitField, offsetField } from './paging';

export const NOTIFICATION_SEVERITIES = ['critical', 'warning', 'ok', 'info'] as const;
export const notificationSeveritySchema = z.enum(NOTIFICATION_SEVERITIES);
export type NotificationSeverity = z.infer<typeof notificationSeveritySchema>;

/** An entry of the dashboard's notification centre (the in-app channel); unread while readAt is null. */
export const notificationSchema = z.object({
  id: z.uuid(),
  channelId: z.uuid().nullable(),
  incidentId: z.uuid().nullable(),
  monitorId: z.uuid().nullable(),
  severity: notificationSeveritySchema,
  title: z.string(),
  body: z.string(),
  /** A dashboard path such as /incidents/<id>; null for a test notification. */
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListInputSchema = z.object({
  unreadOnly: z.boolean({ error: 'unreadOnly must be true or false' }).default(false),
  limit: limitField(200, 50),
  offset: offsetField(),
});
export type NotificationListInput = z.input<typeof notificationListInputSchema>;

/** A page of notifications, newest first, and how many are unread in all (the bell's badge). */
export const notificationPageSchema = z.object({ items: z.array(notificationSchema), unreadCount: z.number().int() });
export type NotificationPage = z.infer<typeof notificationPageSchema>;

/** Mark the listed notifications read, or all of them. */
export const notificationMarkReadInputSchema = z.union(
  [
    z.object({
      ids: z
        .array(z.uuid({ error: 'ids must be notification ids (uuid)' }))
        .min(1, { error: 'ids must list at least one notification' })
        .max(500, { error: 'ids must list at most 500 notifications' }),
    }),
    z.object({ all: z.literal(true, { error: 'all must be true' }) }),
  ],
  { error: 'send ids (a list of notification ids) or all: true' },
);
export type NotificationMarkReadInput = z.input<typeof notificationMarkReadInputSchema>;

/** How many were marked read now (those read already keep their time), and how many are left unread. */
export const notificationsMarkedReadSchema = z.object({ updated: z.number().int(), unreadCount: z.number().int() });
