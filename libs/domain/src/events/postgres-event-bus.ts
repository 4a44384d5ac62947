import type postgres from 'postgres';
import type { LiveEvent } from '@mini-netumo/contracts';
import { createCoalescedSender } from './coalesced-sender';
import { encodeEvent } from './encode-event';
import { EVENT_CHANNEL, decodeMessage, type EventBus } from './event-bus';

/** PostgreSQL's NOTIFY payload limit is 8000 bytes; one event is a few hundred, so a burst is split. */
const MAX_PAYLOAD_BYTES = 7_900;

/**
 * LISTEN/NOTIFY for installs without Redis. postgres.js keeps one dedicated LISTEN connection and
 * re-listens after a reconnect by itself.
 */
export function createPostgresEventBus(sql: postgres.Sql, prefix: string): EventBus {
  const channel = `${prefix}_${EVENT_CHANNEL}`.replace(/[^a-zA-Z0-9_]/g, '_').slice(0, 63);
  const sender = createCoalescedSender(async (message) => {
    await sql.notify(channel, message);
  }, MAX_PAYLOAD_BYTES);
  const listeners = new Set<(event: LiveEvent) => void>();
  let listening: Promise<{ unlisten: () => Promise<void> }> | undefined;

  return {
    async publish(event) {
      const encoded = encodeEvent(event);
      const bytes = Buffer.byteLength(encoded) + 2; // alone in a message: `[...]`
      if (bytes > MAX_PAYLOAD_BYTES) throw new Error(`live event ${event.type} is too large for NOTIFY (${bytes} bytes)`);
      await sender.send(encoded);
    },
    async subscribe(listener) {
      listening ??= sql.listen(channel, (message) => {
        for (const event of decodeMessage(message)) for (const each of listeners) each(event);
      });
      await listening;
      listeners.add(listener);
      return async () => {
        listeners.delete(listener);
      };
    },
    async close() {
      await sender.flush();
      listeners.clear();
      if (listening) await (await listening).unlisten();
    },
  };
}
