import type postgres from 'postgres';
import type { LiveEvent } from '@mini-netumo/contracts';
import { EVENT_CHANNEL, decodeEvent, encodeEvent, type EventBus } from './event-bus';

/** PostgreSQL's NOTIFY payload limit is 8000 bytes; our events are a few hundred. */
const MAX_PAYLOAD_BYTES = 7_900;

/**
 * LISTEN/NOTIFY for installs without Redis. postgres.js keeps one dedicated LISTEN connection and
 * re-listens after a reconnect by itself.
 */
export function createPostgresEventBus(sql: postgres.Sql, prefix: string): EventBus {
  const channel = `${prefix}_${EVENT_CHANNEL}`.replace(/[^a-zA-Z0-9_]/g, '_').slice(0, 63);
  const listeners = new Set<(event: LiveEvent) => void>();
  let listening: Promise<{ unlisten: () => Promise<void> }> | undefined;

  return {
    async publish(event) {
      const payload = encodeEvent(event);
      if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
        throw new Error(`live event ${event.type} is too large for NOTIFY (${Buffer.byteLength(payload)} bytes)`);
      }
      await sql.notify(channel, payload);
    },
    async subscribe(listener) {
      listening ??= sql.listen(channel, (message) => {
        const event = decodeEvent(message);
        if (event) for (const each of listeners) each(event);
      });
      await listening;
      listeners.add(listener);
      return async () => {
        listeners.delete(listener);
      };
    },
    async close() {
      listeners.clear();
      if (listening) await (await listening).unlisten();
    },
  };
}
