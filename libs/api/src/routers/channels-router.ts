import { channelIdSchema, channelInputSchema, channelTestDraftSchema, channelUpdateSchema } from '@mini-netumo/contracts';
import { createChannel, deleteChannel, getChannel, listChannels, testChannel, testChannelDraft, updateChannel } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const channelsRouter = router({
  /** Every channel, secrets masked, with its latest delivery. */
  list: publicProcedure.query(({ ctx }) => listChannels(ctx)),
  get: publicProcedure.input(channelIdSchema).query(({ ctx, input }) => getChannel(ctx, input.id)),
  create: publicProcedure.input(channelInputSchema).mutation(({ ctx, input }) => createChannel(ctx, input)),
  /** The whole form; secrets sent back masked keep their saved values. */
  update: publicProcedure.input(channelUpdateSchema).mutation(({ ctx, input }) => updateChannel(ctx, input)),
  /** Detaches it from its monitors (named in the answer); CONFLICT while another channel falls back to it. */
  delete: publicProcedure.input(channelIdSchema).mutation(({ ctx, input }) => deleteChannel(ctx, input.id)),
  /** Sends a test message through a saved channel now; the answer says what the provider did. */
  test: publicProcedure.input(channelIdSchema).mutation(({ ctx, input }) => testChannel(ctx, input.id)),
  /** The same with the form's unsaved settings. */
  testDraft: publicProcedure.input(channelTestDraftSchema).mutation(({ ctx, input }) => testChannelDraft(ctx, input)),
});
