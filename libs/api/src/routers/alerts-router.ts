import { z } from 'zod';
import { alertDeliverySchema, alertDiscardedSchema, alertIdSchema, alertListInputSchema } from '@mini-netumo/contracts';
import { discardAlert, listAlerts, retryAlert } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const alertsRouter = router({
  /** Deliveries with their attempts, newest first; `{ status: 'dead' }` is the dead-letter list. */
  list: publicProcedure
    .meta({ rest: { method: 'GET', path: '/alerts', summary: 'Alert deliveries, newest first' } })
    .input(alertListInputSchema)
    .output(z.array(alertDeliverySchema))
    .query(({ ctx, input }) => listAlerts(ctx, input)),
  /** Sends a dead letter again from its primary channel. */
  retry: publicProcedure
    .meta({ rest: { method: 'POST', path: '/alerts/{id}/retry', summary: 'Send a dead-lettered alert again' } })
    .input(alertIdSchema)
    .output(alertDeliverySchema)
    .mutation(({ ctx, input }) => retryAlert(ctx, input.id)),
  /** Removes a dead letter someone has dealt with. */
  discard: publicProcedure
    .meta({ rest: { method: 'POST', path: '/alerts/{id}/discard', summary: 'Give up on a dead-lettered alert' } })
    .input(alertIdSchema)
    .output(alertDiscardedSchema)
    .mutation(({ ctx, input }) => discardAlert(ctx, input.id)),
});
