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
    .input(notificationListInputSchema)
    .output(notificationPageSchema)
    .query(({ ctx, input }) => listNotifications(ctx, input)),
  markRead: publicProcedure
    .input(notificationMarkReadInputSchema)
    .output(notificationsMarkedReadSchema)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx, input)),
});
