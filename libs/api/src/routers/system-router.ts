import { checkHealth } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const systemRouter = router({
  health: publicProcedure.query(({ ctx }) => checkHealth(ctx)),
});
