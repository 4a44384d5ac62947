import { z } from 'zod';
import {
  expiryCheckQueuedSchema,
  heartbeatPingListInputSchema,
  heartbeatPingPageSchema,
  monitorCheckQueuedSchema,
  monitorDeletedSchema,
  monitorIdSchema,
  monitorInputSchema,
  monitorSchema,
  monitorUpdateSchema,
} from '@mini-netumo/contracts';
import {
  checkExpiryNow,
  checkMonitorNow,
  createMonitor,
  deleteMonitor,
  getMonitor,
  heartbeatPings,
  listMonitors,
  pauseMonitor,
  resumeMonitor,
  rotatePingKey,
  updateMonitor,
} from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const monitorsRouter = router({
  list: publicProcedure.output(z.array(monitorSchema)).query(({ ctx }) => listMonitors(ctx)),
  get: publicProcedure
    .input(monitorIdSchema)
    .output(monitorSchema)
    .query(({ ctx, input }) => getMonitor(ctx, input.id)),
  create: publicProcedure
    .input(monitorInputSchema)
    .output(monitorSchema)
    .mutation(({ ctx, input }) => createMonitor(ctx, input)),
  update: publicProcedure
    .input(monitorUpdateSchema)
    .output(monitorSchema)
    .mutation(({ ctx, input }) => updateMonitor(ctx, input.id, input.patch)),
  delete: publicProcedure
    .input(monitorIdSchema)
    .output(monitorDeletedSchema)
    .mutation(({ ctx, input }) => deleteMonitor(ctx, input.id)),
  pause: publicProcedure
    .input(monitorIdSchema)
    .output(monitorSchema)
    .mutation(({ ctx, input }) => pauseMonitor(ctx, input.id)),
  resume: publicProcedure
    .input(monitorIdSchema)
    .output(monitorSchema)
    .mutation(({ ctx, input }) => resumeMonitor(ctx, input.id)),
  checkNow: publicProcedure
    .input(monitorIdSchema)
    .output(monitorCheckQueuedSchema)
    .mutation(({ ctx, input }) => checkMonitorNow(ctx, input.id)),
  /** Reads the certificate and the domain registration now (the domain at most every 10 minutes); answers the lanes queued. */
  checkExpiryNow: publicProcedure
    .input(monitorIdSchema)
    .output(expiryCheckQueuedSchema)
    .mutation(({ ctx, input }) => checkExpiryNow(ctx, input.id)),
  /** A heartbeat's new ping key: the old URL stops working at once. */
  rotatePingKey: publicProcedure
    .input(monitorIdSchema)
    .output(monitorSchema)
    .mutation(({ ctx, input }) => rotatePingKey(ctx, input.id)),
  /** A heartbeat's ping log, newest first. */
  pings: publicProcedure
    .input(heartbeatPingListInputSchema)
    .output(heartbeatPingPageSchema)
    .query(({ ctx, input }) => heartbeatPings(ctx, input)),
});
