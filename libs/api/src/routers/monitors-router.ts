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
import { publicProcedure, router } from '../trpc';

export const monitorsRouter = router({
  list: publicProcedure.query(({ ctx }) => listMonitors(ctx)),
  get: publicProcedure.input(monitorIdSchema).query(({ ctx, input }) => getMonitor(ctx, input.id)),
  create: publicProcedure.input(monitorInputSchema).mutation(({ ctx, input }) => createMonitor(ctx, input)),
  update: publicProcedure.input(monitorUpdateSchema).mutation(({ ctx, input }) => updateMonitor(ctx, input.id, input.patch)),
  delete: publicProcedure.input(monitorIdSchema).mutation(({ ctx, input }) => deleteMonitor(ctx, input.id)),
  pause: publicProcedure.input(monitorIdSchema).mutation(({ ctx, input }) => pauseMonitor(ctx, input.id)),
  resume: publicProcedure.input(monitorIdSchema).mutation(({ ctx, input }) => resumeMonitor(ctx, input.id)),
  checkNow: publicProcedure.input(monitorIdSchema).mutation(({ ctx, input }) => checkMonitorNow(ctx, input.id)),
  /** Reads the certificate and the domain registration now (the domain at most every 10 minutes). */
  checkExpiryNow: publicProcedure.input(monitorIdSchema).mutation(({ ctx, input }) => checkExpiryNow(ctx, input.id)),
});
