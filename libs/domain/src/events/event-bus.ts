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

/**
 * Reads a message: a JSON array of encoded events (see coalesced-sender), or one encoded event as older
 * publishers sent. Each is validated; a malformed one (another version, a stray publisher) is dropped, not thrown.
 */
export function decodeMessage(message: string): LiveEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return [];
  }
  const events: LiveEvent[] = [];
  for (const each of Array.isArray(parsed) ? parsed : [parsed]) {
    const event = decodeOne(each);
    if (event) events.push(event);
  }
  return events;
}

function decodeOne(serialized: unknown): LiveEvent | null {
  try {
    const parsed = liveEventSchema.safeParse(
      superjson.deserialize(serialized as Parameters<typeof superjson.deserialize>[0], { inPlace: true }),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
