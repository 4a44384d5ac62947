import { z } from 'zod';
import { checkResultSchema, recentResultsInputSchema, resultsListInputSchema, resultsPageSchema } from '@mini-netumo/contracts';
import { listResultsPage, recentResults } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const resultsRouter = router({
  /** Newest first; NOT_FOUND for an unknown monitor, not an empty list. */
  recent: publicProcedure
    .meta({ rest: { method: 'GET', path: '/monitors/{monitorId}/results/recent', summary: 'The latest check results of a monitor' } })
    .input(recentResultsInputSchema)
    .output(z.array(checkResultSchema))
    .query(({ ctx, input }) => recentResults(ctx, input.monitorId, input.limit)),
  /** Paged (keyset cursor), filtered by time, failure kind and verdict. */
  list: publicProcedure
    .meta({ rest: { method: 'GET', path: '/monitors/{monitorId}/results', summary: 'Check results of a monitor, paged by cursor' } })
    .input(resultsListInputSchema)
    .output(resultsPageSchema)
    .query(({ ctx, input }) => listResultsPage(ctx, input)),
});
