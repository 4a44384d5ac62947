import superjson from 'superjson';
import { liveEventSchema, type LiveEvent } from '@mini-netumo/contracts';

/**
 * Fan-out of live events from the worker (and the api's own writes) to every api process's SSE clients.
 * Two implementations behind this interface: Redis pub/sub and PostgreSQL LISTEN/NOTIFY.
 */
export interface EventBus {
  publish(event: LiveEvent): Promise<void>;
  /** Returns the function that stops the subscription. */
  subscribe(listener: (event: LiveEvent) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const EVENT_CHANNEL = 'mini_netumo_events';

/** superjson keeps Dates as Dates across the wire, as tRPC does. */
export const encodeEvent = (event: LiveEvent): string => superjson.stringify(event);

/** Parses and validates a message; a malformed one (another version, a stray publisher) is dropped, not thrown. */
export function decodeEvent(message: string): LiveEvent | null {
  try {
    const parsed = liveEventSchema.safeParse(superjson.parse(message));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
