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
    .meta({ rest: { method: 'GET', path: '/maintenance-windows', summary: 'Maintenance windows' } })
    .input(maintenanceWindowListInputSchema)
    .output(z.array(maintenanceWindowSchema))
    .query(({ ctx, input }) => listMaintenanceWindows(ctx, input.monitorId)),
  create: publicProcedure
    .meta({
      rest: { method: 'POST', path: '/maintenance-windows', summary: 'Create a maintenance window (one-off, weekly or cron)', status: 201 },
    })
    .input(maintenanceWindowInputSchema)
    .output(maintenanceWindowSchema)
    .mutation(({ ctx, input }) => createMaintenanceWindow(ctx, input)),
  delete: publicProcedure
    .meta({ rest: { method: 'DELETE', path: '/maintenance-windows/{id}', summary: 'Delete a maintenance window', status: 204 } })
    .input(maintenanceWindowIdSchema)
    .output(maintenanceWindowDeletedSchema)
    .mutation(({ ctx, input }) => deleteMaintenanceWindow(ctx, input.id)),
});
