import { healthSchema } from '@mini-netumo/contracts';
import { checkHealth } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const systemRouter = router({
  health: publicProcedure
    .meta({ rest: { method: 'GET', path: '/system/health', summary: "What the dashboard's health banner shows" } })
    .output(healthSchema)
    .query(({ ctx }) => checkHealth(ctx)),
});
