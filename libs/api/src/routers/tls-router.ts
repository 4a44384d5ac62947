import { tlsGetInputSchema } from '@mini-netumo/contracts';
import { getTlsStatus } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const tlsRouter = router({
  /** The monitor's certificate per address behind its host, judged now; NOT_FOUND for an unknown monitor. */
  get: publicProcedure.input(tlsGetInputSchema).query(({ ctx, input }) => getTlsStatus(ctx, input.monitorId)),
});
