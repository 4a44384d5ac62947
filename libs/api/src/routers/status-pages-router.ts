import { z } from 'zod';
import { statusPageIdSchema, statusPageInputSchema, statusPageSchema, statusPageUpdateInputSchema } from '@mini-netumo/contracts';
import { createStatusPage, deleteStatusPage, getStatusPage, listStatusPages, updateStatusPage } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const statusPagesRouter = router({
  /** Every page, by title, each with its groups of monitor ids. */
  list: publicProcedure.output(z.array(statusPageSchema)).query(({ ctx }) => listStatusPages(ctx)),
  get: publicProcedure
    .input(statusPageIdSchema)
    .output(statusPageSchema)
    .query(({ ctx, input }) => getStatusPage(ctx, input.id)),
  /** Served at `/status/<slug>` on the public listener at once; CONFLICT when the slug is taken. */
  create: publicProcedure
    .input(statusPageInputSchema)
    .output(statusPageSchema)
    .mutation(({ ctx, input }) => createStatusPage(ctx, input)),
  update: publicProcedure
    .input(statusPageUpdateInputSchema)
    .output(statusPageSchema)
    .mutation(({ ctx, input }) => updateStatusPage(ctx, input)),
  delete: publicProcedure
    .input(statusPageIdSchema)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => deleteStatusPage(ctx, input.id)),
});
