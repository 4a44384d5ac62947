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

interface Waiting {
  encoded: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A message is a JSON array of encoded events: `[e1,e2,...]`. */
export const joinEncoded = (encoded: string[]): string => `[${encoded.join(',')}]`;

export function createCoalescedSender(transmit: (message: string) => Promise<void>, maxMessageBytes = Number.POSITIVE_INFINITY): CoalescedSender {
  let waiting: Waiting[] = [];
  let scheduled: NodeJS.Immediate | undefined;
  // Messages go one after another, so events keep the order they were published in.
  let sending: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    clearImmediate(scheduled);
    scheduled = undefined;
    const batch = waiting;
    waiting = [];
    if (batch.length === 0) return sending;
    sending = sending.then(async () => {
      for (const chunk of splitBySize(batch, maxMessageBytes)) {
        try {
          await transmit(joinEncoded(chunk.map((item) => item.encoded)));
          chunk.forEach((item) => item.resolve());
        } catch (error) {
          chunk.forEach((item) => item.reject(error));
        }
      }
    });
    return sending;
  };

  return {
    send(encoded) {
      return new Promise((resolve, reject) => {
        waiting.push({ encoded, resolve, reject });
        scheduled ??= setImmediate(() => void flush());
      });
    },
    flush,
  };
}

/** Consecutive runs whose joined message stays within `maxBytes`; one event alone is the caller's to bound. */
function splitBySize(batch: Waiting[], maxBytes: number): Waiting[][] {
  if (maxBytes === Number.POSITIVE_INFINITY) return [batch];
  const chunks: Waiting[][] = [];
  let chunk: Waiting[] = [];
  let size = 1; // the opening bracket
  for (const item of batch) {
    const itemBytes = Buffer.byteLength(item.encoded) + 1; // its comma or the closing bracket
    if (chunk.length > 0 && size + itemBytes > maxBytes) {
      chunks.push(chunk);
      chunk = [];
      size = 1;
    }
    chunk.push(item);
    size += itemBytes;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
