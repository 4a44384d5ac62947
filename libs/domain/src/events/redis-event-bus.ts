import { Redis } from 'ioredis';
import type { LiveEvent } from '@mini-netumo/contracts';
import { createCoalescedSender } from './coalesced-sender';
import { encodeEvent } from './encode-event';
import { EVENT_CHANNEL, decodeMessage, type EventBus } from './event-bus';

/** Redis pub/sub: a subscribed connection can do nothing else, so publishing uses a second one. */
export function createRedisEventBus(url: string, prefix: string): EventBus {
  const channel = `${prefix}:${EVENT_CHANNEL}`;
  const publisher = new Redis(url, { maxRetriesPerRequest: 3 });
  publisher.on('error', () => undefined);
  const sender = createCoalescedSender(async (message) => {
    await publisher.publish(channel, message);
  });
  let subscriber: Redis | undefined;
  const listeners = new Set<(event: LiveEvent) => void>();

  return {
    publish: (event) => sender.send(encodeEvent(event)),
    async subscribe(listener) {
      if (!subscriber) {
        subscriber = new Redis(url, { maxRetriesPerRequest: null });
        subscriber.on('error', () => undefined);
        subscriber.on('message', (_channel: string, message: string) => {
          for (const event of decodeMessage(message)) for (const each of listeners) each(event);
        });
        await subscriber.subscribe(channel);
      }
      listeners.add(listener);
      return async () => {
        listeners.delete(listener);
      };
    },
    async close() {
      await sender.flush();
      listeners.clear();
      subscriber?.disconnect();
      publisher.disconnect();
    },
  };
}
