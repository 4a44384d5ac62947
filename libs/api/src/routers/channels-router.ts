import { z } from 'zod';
import {
  channelDeletedSchema,
  channelIdSchema,
  channelInputSchema,
  channelSchema,
  channelTestDraftSchema,
  channelTestResultSchema,
  channelUpdateSchema,
} from '@mini-netumo/contracts';
import { createChannel, deleteChannel, getChannel, listChannels, testChannel, testChannelDraft, updateChannel } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const channelsRouter = router({
  /** Every channel, secrets masked, with its latest delivery. */
  list: publicProcedure.output(z.array(channelSchema)).query(({ ctx }) => listChannels(ctx)),
  get: publicProcedure
    .input(channelIdSchema)
    .output(channelSchema)
    .query(({ ctx, input }) => getChannel(ctx, input.id)),
  create: publicProcedure
    .input(channelInputSchema)
    .output(channelSchema)
    .mutation(({ ctx, input }) => createChannel(ctx, input)),
  /** The whole form; secrets sent back masked keep their saved values. */
  update: publicProcedure
    .input(channelUpdateSchema)
    .output(channelSchema)
    .mutation(({ ctx, input }) => updateChannel(ctx, input)),
  /** Detaches it from its monitors (named in the answer); CONFLICT while another channel falls back to it. */
  delete: publicProcedure
    .input(channelIdSchema)
    .output(channelDeletedSchema)
    .mutation(({ ctx, input }) => deleteChannel(ctx, input.id)),
  /** Sends a test message through a saved channel now; the answer says what the provider did. */
  test: publicProcedure
    .input(channelIdSchema)
    .output(channelTestResultSchema)
    .mutation(({ ctx, input }) => testChannel(ctx, input.id)),
  /** The same with the form's unsaved settings. */
  testDraft: publicProcedure
    .input(channelTestDraftSchema)
    .output(channelTestResultSchema)
    .mutation(({ ctx, input }) => testChannelDraft(ctx, input)),
});
