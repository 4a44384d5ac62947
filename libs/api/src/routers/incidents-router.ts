import { incidentListInputSchema } from '@mini-netumo/contracts';
import { listIncidents } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const incidentsRouter = router({
  list: publicProcedure
    .input(incidentListInputSchema)
    .query(({ ctx, input }) => listIncidents(ctx.runtime.database.db, input)),
});
