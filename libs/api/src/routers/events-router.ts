import type { LiveEvent } from '@mini-netumo/contracts';
import { publicProcedure, router } from '../trpc';

/** A client that stops reading does not grow our memory without end: beyond this, the oldest events go. */
const MAX_BUFFERED_EVENTS = 1_000;

export const eventsRouter = router({
  /** Live events over SSE (httpSubscriptionLink). Each carries the whole new object. */
  live: publicProcedure.subscription(async function* ({ ctx, signal }) {
    const buffer: LiveEvent[] = [];
    let wake: (() => void) | undefined;
    const unsubscribe = await ctx.events.subscribe((event) => {
      buffer.push(event);
      if (buffer.length > MAX_BUFFERED_EVENTS) buffer.shift();
      wake?.();
    });
    const onAbort = () => wake?.();
    signal?.addEventListener('abort', onAbort);
    try {
      while (!signal?.aborted) {
        const event = buffer.shift();
        if (event) {
          yield event;
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      await unsubscribe();
    }
  }),
});
