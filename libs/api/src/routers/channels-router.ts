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
  list: publicProcedure
    .meta({ rest: { method: 'GET', path: '/channels', summary: 'Every channel, secrets masked' } })
    .output(z.array(channelSchema))
    .query(({ ctx }) => listChannels(ctx)),
  get: publicProcedure
    .meta({ rest: { method: 'GET', path: '/channels/{id}', summary: 'One channel, secrets masked' } })
    .input(channelIdSchema)
    .output(channelSchema)
    .query(({ ctx, input }) => getChannel(ctx, input.id)),
  create: publicProcedure
    .meta({ rest: { method: 'POST', path: '/channels', summary: 'Create a channel (by kind)', status: 201 } })
    .input(channelInputSchema)
    .output(channelSchema)
    .mutation(({ ctx, input }) => createChannel(ctx, input)),
  /** The whole form; secrets sent back masked keep their saved values. */
  update: publicProcedure
    .meta({
      rest: { method: 'PUT', path: '/channels/{id}', summary: "Replace a channel's settings; masked secrets keep their saved values" },
    })
    .input(channelUpdateSchema)
    .output(channelSchema)
    .mutation(({ ctx, input }) => updateChannel(ctx, input)),
  /** Detaches it from its monitors (named in the answer); CONFLICT while another channel falls back to it. */
  delete: publicProcedure
    .meta({ rest: { method: 'DELETE', path: '/channels/{id}', summary: 'Delete a channel', status: 204 } })
    .input(channelIdSchema)
    .output(channelDeletedSchema)
    .mutation(({ ctx, input }) => deleteChannel(ctx, input.id)),
  /** Sends a test message through a saved channel now; the answer says what the provider did. */
  test: publicProcedure
    .meta({ rest: { method: 'POST', path: '/channels/{id}/test', summary: 'Send a test message through a saved channel' } })
    .input(channelIdSchema)
    .output(channelTestResultSchema)
    .mutation(({ ctx, input }) => testChannel(ctx, input.id)),
  /** The same with the form's unsaved settings. */
  testDraft: publicProcedure
    .meta({ rest: { method: 'POST', path: '/channels/test', summary: 'Send a test message with unsaved settings' } })
    .input(channelTestDraftSchema)
    .output(channelTestResultSchema)
    .mutation(({ ctx, input }) => testChannelDraft(ctx, input)),
});
