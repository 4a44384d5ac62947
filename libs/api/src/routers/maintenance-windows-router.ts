import { maintenanceWindowIdSchema, maintenanceWindowInputSchema, maintenanceWindowListInputSchema } from '@mini-netumo/contracts';
import { createMaintenanceWindow, deleteMaintenanceWindow, listMaintenanceWindows } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const maintenanceWindowsRouter = router({
  /** Every window, or one monitor's and the global ones; each says whether it is open now. */
  list: publicProcedure.input(maintenanceWindowListInputSchema).query(({ ctx, input }) => listMaintenanceWindows(ctx, input.monitorId)),
  create: publicProcedure.input(maintenanceWindowInputSchema).mutation(({ ctx, input }) => createMaintenanceWindow(ctx, input)),
  delete: publicProcedure.input(maintenanceWindowIdSchema).mutation(({ ctx, input }) => deleteMaintenanceWindow(ctx, input.id)),
});
