import type { Dispatcher } from 'undici';

/**
 * Reads at most `maxBytes` and decodes it as UTF-8; returns null as soon as the body is larger, dropping the
 * connection instead of downloading the rest (a 100 MB answer costs us 1 MB, not 100).
 */
export async function readBoundedBody(body: Dispatcher.ResponseData['body'], maxBytes: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      body.destroy();
      return null;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
