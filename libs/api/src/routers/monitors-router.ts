import { monitorIdSchema, monitorInputSchema, monitorUpdateSchema } from '@mini-netumo/contracts';
import {
  checkExpiryNow,
  checkMonitorNow,
  createMonitor,
  deleteMonitor,
  getMonitor,
  listMonitors,
  pauseMonitor,
  resumeMonitor,
  updateMonitor,
} from '@mini-netumo/domain';
import { monitorDeps } from '../context';
import { publicProcedure, router } from '../trpc';

export const monitorsRouter = router({
  list: publicProcedure.query(({ ctx }) => listMonitors(monitorDeps(ctx))),
  get: publicProcedure.input(monitorIdSchema).query(({ ctx, input }) => getMonitor(monitorDeps(ctx), input.id)),
  create: publicProcedure.input(monitorInputSchema).mutation(({ ctx, input }) => createMonitor(monitorDeps(ctx), input)),
  update: publicProcedure
    .input(monitorUpdateSchema)
    .mutation(({ ctx, input }) => updateMonitor(monitorDeps(ctx), input.id, input.patch)),
  delete: publicProcedure.input(monitorIdSchema).mutation(({ ctx, input }) => deleteMonitor(monitorDeps(ctx), input.id)),
  pause: publicProcedure.input(monitorIdSchema).mutation(({ ctx, input }) => pauseMonitor(monitorDeps(ctx), input.id)),
  resume: publicProcedure.input(monitorIdSchema).mutation(({ ctx, input }) => resumeMonitor(monitorDeps(ctx), input.id)),
  checkNow: publicProcedure
    .input(monitorIdSchema)
    .mutation(({ ctx, input }) => checkMonitorNow(monitorDeps(ctx), input.id)),
  /** Reads the certificate and the domain registration now (the domain at most every 10 minutes). */
  checkExpiryNow: publicProcedure
    .input(monitorIdSchema)
    .mutation(({ ctx, input }) => checkExpiryNow(monitorDeps(ctx), input.id)),
});
