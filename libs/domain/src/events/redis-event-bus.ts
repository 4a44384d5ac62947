import { Redis } from 'ioredis';
import type { LiveEvent } from '@mini-netumo/contracts';
import { EVENT_CHANNEL, decodeEvent, encodeEvent, type EventBus } from './event-bus';

/** Redis pub/sub: a subscribed connection can do nothing else, so publishing uses a second one. */
export function createRedisEventBus(url: string, prefix: string): EventBus {
  const channel = `${prefix}:${EVENT_CHANNEL}`;
  const publisher = new Redis(url, { maxRetriesPerRequest: 3 });
  publisher.on('error', () => undefined);
  let subscriber: Redis | undefined;
  const listeners = new Set<(event: LiveEvent) => void>();

  return {
    async publish(event) {
      await publisher.publish(channel, encodeEvent(event));
    },
    async subscribe(listener) {
      if (!subscriber) {
        subscriber = new Redis(url, { maxRetriesPerRequest: null });
        subscriber.on('error', () => undefined);
        subscriber.on('message', (_channel: string, message: string) => {
          const event = decodeEvent(message);
          if (event) for (const each of listeners) each(event);
        });
        await subscriber.subscribe(channel);
      }
      listeners.add(listener);
      return async () => {
        listeners.delete(listener);
      };
    },
    async close() {
      listeners.clear();
      subscriber?.disconnect();
      publisher.disconnect();
    },
  };
}
