import { domainGetInputSchema, domainStatusSchema } from '@mini-netumo/contracts';
import { getDomainStatus } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const domainsRouter = router({
  /** The registration of the monitor's registrable domain (shared with its other monitors), judged now. */
  get: publicProcedure
    .meta({ rest: { method: 'GET', path: '/monitors/{monitorId}/domain', summary: "A monitor's domain registration lane" } })
    .input(domainGetInputSchema)
    .output(domainStatusSchema)
    .query(({ ctx, input }) => getDomainStatus(ctx, input.monitorId)),
});
