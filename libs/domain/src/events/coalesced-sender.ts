import { createMicroBatcher } from '../core/micro-batcher';

/**
 * Encoded events sent in the same turn of the event loop leave together, as one message (or as few as the
 * transport's size limit allows): a batch of 200 recorded checks costs two publishes, not 400. The worker's
 * profile showed a publish per event costing more CPU than encoding it.
 */
export interface CoalescedSender {
  /** Resolves once the message carrying `encoded` is sent; rejects if that message could not be. */
  send(encoded: string): Promise<void>;
  /** Sends what is waiting now; call before closing the connection. */
  flush(): Promise<void>;
}

/** A message is a JSON array of encoded events: `[e1,e2,...]`. */
export const joinEncoded = (encoded: string[]): string => `[${encoded.join(',')}]`;

export function createCoalescedSender(
  transmit: (message: string) => Promise<void>,
  maxMessageBytes = Number.POSITIVE_INFINITY,
): CoalescedSender {
  // Serial: messages go one after another, so events keep the order they were published in. A message that
  // fails fails only the sends it carried (the answer per event is its message's error, or null).
  const batcher = createMicroBatcher(
    async (batch: string[]) => {
      const errors: unknown[] = [];
      for (const chunk of splitBySize(batch, maxMessageBytes)) {
        const error = await transmit(joinEncoded(chunk)).then(
          () => null,
          (failure: unknown) => failure ?? new Error('send failed'),
        );
        errors.push(...chunk.map(() => error));
      }
      return errors;
    },
    { serial: true },
  );
  return {
    send: async (encoded) => {
      const error = await batcher.add(encoded);
      if (error !== null) throw error;
    },
    flush: batcher.flush,
  };
}

/** Consecutive runs whose joined message stays within `maxBytes`; one event alone is the caller's to bound. */
function splitBySize(batch: string[], maxBytes: number): string[][] {
  if (maxBytes === Number.POSITIVE_INFINITY) return [batch];
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let size = 1; // the opening bracket
  for (const encoded of batch) {
    const itemBytes = Buffer.byteLength(encoded) + 1; // its comma or the closing bracket
    if (chunk.length > 0 && size + itemBytes > maxBytes) {
      chunks.push(chunk);
      chunk = [];
      size = 1;
    }
    chunk.push(encoded);
    size += itemBytes;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
