import { healthSchema } from '@mini-netumo/contracts';
import { checkHealth } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const systemRouter = router({
  health: publicProcedure.output(healthSchema).query(({ ctx }) => checkHealth(ctx)),
});
