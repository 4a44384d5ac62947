import { z } from 'zod';
import {
  maintenanceWindowDeletedSchema,
  maintenanceWindowIdSchema,
  maintenanceWindowInputSchema,
  maintenanceWindowListInputSchema,
  maintenanceWindowSchema,
} from '@mini-netumo/contracts';
import { createMaintenanceWindow, deleteMaintenanceWindow, listMaintenanceWindows } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const maintenanceWindowsRouter = router({
  /** Every window, or one monitor's and the global ones (NOT_FOUND for an unknown monitor); each says whether it is open now. */
  list: publicProcedure
    .input(maintenanceWindowListInputSchema)
    .output(z.array(maintenanceWindowSchema))
    .query(({ ctx, input }) => listMaintenanceWindows(ctx, input.monitorId)),
  create: publicProcedure
    .input(maintenanceWindowInputSchema)
    .output(maintenanceWindowSchema)
    .mutation(({ ctx, input }) => createMaintenanceWindow(ctx, input)),
  delete: publicProcedure
    .input(maintenanceWindowIdSchema)
    .output(maintenanceWindowDeletedSchema)
    .mutation(({ ctx, input }) => deleteMaintenanceWindow(ctx, input.id)),
});
