import { z } from 'zod';
import { statusPageIdSchema, statusPageInputSchema, statusPageSchema, statusPageUpdateInputSchema } from '@mini-netumo/contracts';
import { createStatusPage, deleteStatusPage, getStatusPage, listStatusPages, updateStatusPage } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const statusPagesRouter = router({
  /** Every page, by title, each with its groups of monitor ids. */
  list: publicProcedure
    .meta({ rest: { method: 'GET', path: '/status-pages', summary: 'Every status page' } })
    .output(z.array(statusPageSchema))
    .query(({ ctx }) => listStatusPages(ctx)),
  get: publicProcedure
    .meta({ rest: { method: 'GET', path: '/status-pages/{id}', summary: 'One status page with its groups' } })
    .input(statusPageIdSchema)
    .output(statusPageSchema)
    .query(({ ctx, input }) => getStatusPage(ctx, input.id)),
  /** Served at `/status/<slug>` on the public listener at once; CONFLICT when the slug is taken. */
  create: publicProcedure
    .meta({ rest: { method: 'POST', path: '/status-pages', summary: 'Create a status page', status: 201 } })
    .input(statusPageInputSchema)
    .output(statusPageSchema)
    .mutation(({ ctx, input }) => createStatusPage(ctx, input)),
  update: publicProcedure
    .meta({ rest: { method: 'PATCH', path: '/status-pages/{id}', summary: 'Change the fields given' } })
    .input(statusPageUpdateInputSchema)
    .output(statusPageSchema)
    .mutation(({ ctx, input }) => updateStatusPage(ctx, input)),
  delete: publicProcedure
    .meta({ rest: { method: 'DELETE', path: '/status-pages/{id}', summary: 'Delete a status page', status: 204 } })
    .input(statusPageIdSchema)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => deleteStatusPage(ctx, input.id)),
});
