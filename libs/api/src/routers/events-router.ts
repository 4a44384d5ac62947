import { EventEmitter, on } from 'node:events';
import type { LiveEvent } from '@mini-netumo/contracts';
import { publicProcedure, router } from '../trpc';

/**
 * A client this many events behind is cut off instead of growing our memory without end: on() has no "drop
 * the oldest", and a dashboard whose stream ends subscribes again and reloads, so it misses nothing for long.
 */
const MAX_BUFFERED_EVENTS = 1_000;

export const eventsRouter = router({
  /** Live events over SSE (httpSubscriptionLink), in the order they were published. Each carries the whole new object. */
  live: publicProcedure.subscription(async function* ({ ctx, signal }) {
    const overflow = new AbortController();
    const stop = signal ? AbortSignal.any([signal, overflow.signal]) : overflow.signal;
    // on() pauses an emitter with more than highWaterMark events waiting; pausing this one ends the stream.
    const emitter = Object.assign(new EventEmitter(), { pause: () => overflow.abort(), resume: () => undefined });
    // Listening before subscribing: an event published while the subscription starts waits, it is not lost.
    const events = on(emitter, 'event', { signal: stop, highWaterMark: MAX_BUFFERED_EVENTS });
    let unsubscribe: (() => Promise<void>) | undefined;
    try {
      unsubscribe = await ctx.events.subscribe((event) => emitter.emit('event', event));
      for await (const [event] of events) yield event as LiveEvent;
    } catch (error) {
      // The client went away (or fell too far behind): on() ends with an AbortError, which is no failure.
      if (!stop.aborted) throw error;
    } finally {
      await unsubscribe?.();
    }
  }),
});
