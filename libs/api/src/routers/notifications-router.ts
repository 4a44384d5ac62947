import {
  notificationListInputSchema,
  notificationMarkReadInputSchema,
  notificationPageSchema,
  notificationsMarkedReadSchema,
} from '@mini-netumo/contracts';
import { listNotifications, markNotificationsRead } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const notificationsRouter = router({
  /** The notification centre, newest first, with the unread count for the bell. */
  list: publicProcedure
    .meta({ rest: { method: 'GET', path: '/notifications', summary: 'In-app notifications, newest first' } })
    .input(notificationListInputSchema)
    .output(notificationPageSchema)
    .query(({ ctx, input }) => listNotifications(ctx, input)),
  markRead: publicProcedure
    .meta({ rest: { method: 'POST', path: '/notifications/mark-read', summary: 'Mark notifications read, by ids or all' } })
    .input(notificationMarkReadInputSchema)
    .output(notificationsMarkedReadSchema)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx, input)),
});
