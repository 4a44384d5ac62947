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
  list: publicProcedure
    .meta({ rest: { method: 'GET', path: '/monitors', summary: 'Every monitor' } })
    .output(z.array(monitorSchema))
    .query(({ ctx }) => listMonitors(ctx)),
  get: publicProcedure
    .meta({ rest: { method: 'GET', path: '/monitors/{id}', summary: 'One monitor' } })
    .input(monitorIdSchema)
    .output(monitorSchema)
    .query(({ ctx, input }) => getMonitor(ctx, input.id)),
  create: publicProcedure
    .meta({ rest: { method: 'POST', path: '/monitors', summary: 'Create a monitor (HTTP, TCP, DNS or heartbeat, by kind)', status: 201 } })
    .input(monitorInputSchema)
    .output(monitorSchema)
    .mutation(({ ctx, input }) => createMonitor(ctx, input)),
  update: publicProcedure
    .meta({
      rest: { method: 'PATCH', path: '/monitors/{id}', summary: 'Change the fields given; the body is the patch', bodyField: 'patch' },
    })
    .input(monitorUpdateSchema)
    .output(monitorSchema)
    .mutation(({ ctx, input }) => updateMonitor(ctx, input.id, input.patch)),
  delete: publicProcedure
    .meta({ rest: { method: 'DELETE', path: '/monitors/{id}', summary: 'Delete a monitor with its history', status: 204 } })
    .input(monitorIdSchema)
    .output(monitorDeletedSchema)
    .mutation(({ ctx, input }) => deleteMonitor(ctx, input.id)),
  pause: publicProcedure
    .meta({ rest: { method: 'POST', path: '/monitors/{id}/pause', summary: 'Stop checking a monitor' } })
    .input(monitorIdSchema)
    .output(monitorSchema)
    .mutation(({ ctx, input }) => pauseMonitor(ctx, input.id)),
  resume: publicProcedure
    .meta({ rest: { method: 'POST', path: '/monitors/{id}/resume', summary: 'Check a paused monitor again' } })
    .input(monitorIdSchema)
    .output(monitorSchema)
    .mutation(({ ctx, input }) => resumeMonitor(ctx, input.id)),
  checkNow: publicProcedure
    .meta({ rest: { method: 'POST', path: '/monitors/{id}/check', summary: 'Queue a check now', status: 202 } })
    .input(monitorIdSchema)
    .output(monitorCheckQueuedSchema)
    .mutation(({ ctx, input }) => checkMonitorNow(ctx, input.id)),
  /** Reads the certificate and the domain registration now (the domain at most every 10 minutes); answers the lanes queued. */
  checkExpiryNow: publicProcedure
    .meta({
      rest: {
        method: 'POST',
        path: '/monitors/{id}/expiry-check',
        summary: 'Read the certificate and the domain registration now',
        status: 202,
      },
    })
    .input(monitorIdSchema)
    .output(expiryCheckQueuedSchema)
    .mutation(({ ctx, input }) => checkExpiryNow(ctx, input.id)),
  /** A heartbeat's new ping key: the old URL stops working at once. */
  rotatePingKey: publicProcedure
    .meta({
      rest: { method: 'POST', path: '/monitors/{id}/rotate-ping-key', summary: "A heartbeat's new ping key; the old URL stops working" },
    })
    .input(monitorIdSchema)
    .output(monitorSchema)
    .mutation(({ ctx, input }) => rotatePingKey(ctx, input.id)),
  /** A heartbeat's ping log, newest first. */
  pings: publicProcedure
    .meta({ rest: { method: 'GET', path: '/monitors/{monitorId}/pings', summary: "A heartbeat's ping log, newest first" } })
    .input(heartbeatPingListInputSchema)
    .output(heartbeatPingPageSchema)
    .query(({ ctx, input }) => heartbeatPings(ctx, input)),
});
