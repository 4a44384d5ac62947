import { z } from 'zod';
import { expiryItemSchema, expiryUpcomingInputSchema } from '@mini-netumo/contracts';
import { upcomingExpiries } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const expiryRouter = router({
  /** Certificates (per address) and registrations ending within `withinDays` or already ended, soonest first. */
  upcoming: publicProcedure
    .meta({ rest: { method: 'GET', path: '/expiry/upcoming', summary: 'Certificates and domains ending soon' } })
    .input(expiryUpcomingInputSchema)
    .output(z.array(expiryItemSchema))
    .query(({ ctx, input }) => upcomingExpiries(ctx, input.withinDays)),
});
