import { recentResultsInputSchema, resultsListInputSchema } from '@mini-netumo/contracts';
import { getMonitor, listResultsPage, recentResults } from '@mini-netumo/domain';
import { monitorDeps } from '../context';
import { publicProcedure, router } from '../trpc';

export const resultsRouter = router({
  recent: publicProcedure.input(recentResultsInputSchema).query(async ({ ctx, input }) => {
    await getMonitor(monitorDeps(ctx), input.monitorId); // NOT_FOUND for an unknown monitor, not an empty list
    return recentResults(ctx.runtime.database.db, input.monitorId, input.limit);
  }),
  /** Paged (keyset cursor), filtered by time, failure kind and verdict. */
  list: publicProcedure.input(resultsListInputSchema).query(async ({ ctx, input }) => {
    await getMonitor(monitorDeps(ctx), input.monitorId);
    return listResultsPage(ctx.runtime.database.db, input);
  }),
});
