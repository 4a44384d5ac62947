import type { LiveEvent } from '@mini-netumo/contracts';
import type { EventBus } from '../events/event-bus';

/** An in-memory EventBus that keeps what was published, for tests of code that publishes. */
export function createRecordingEventBus(): EventBus & { published: LiveEvent[] } {
  const published: LiveEvent[] = [];
  const listeners = new Set<(event: LiveEvent) => void>();
  return {
    published,
    async publish(event) {
      published.push(event);
      listeners.forEach((listener) => listener(event));
    },
    async subscribe(listener) {
      listeners.add(listener);
      return async () => void listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}
