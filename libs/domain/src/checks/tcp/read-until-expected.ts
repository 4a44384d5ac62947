import type { Readable } from 'node:stream';

/** found: the answer contains the text; ended: the peer closed first; limit: maxBytes came without it. */
export type ReadResult = 'found' | 'ended' | 'limit';

/**
 * Collects what the peer sends until it contains `expected`. Bytes are matched, not decoded text: for UTF-8
 * that is the same test (no character's bytes occur inside another's), and a chunk that splits a character
 * cannot hide a match. Never rejects: the socket's errors reach the probe through its guard.
 */
export function readUntilExpected(stream: Readable, expected: string, maxBytes: number, onFirstByte: () => void): Promise<ReadResult> {
  const wanted = Buffer.from(expected, 'utf8');
  let received = Buffer.alloc(0);
  return new Promise((resolve) => {
    const settle = (result: ReadResult) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('close', onEnd);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      if (received.length === 0) onFirstByte();
      received = Buffer.concat([received, chunk]).subarray(0, maxBytes);
      if (received.includes(wanted)) settle('found');
      else if (received.length >= maxBytes) settle('limit');
    };
    const onEnd = () => settle('ended');
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('close', onEnd);
  });
}
