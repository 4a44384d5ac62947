import type { IncomingMessage } from 'node:http';
import { HEARTBEAT_PING_BODY_LIMIT } from '@mini-netumo/contracts';

/** Past this much, the rest of a body is not even read: the request is answered and its connection closed. */
const DRAIN_LIMIT = 10 * 1024 * 1024;

export interface PingBody {
  body: string | null;
  truncated: boolean;
}

/**
 * The first HEARTBEAT_PING_BODY_LIMIT bytes of a ping's body, as text (a cut character becomes U+FFFD). A
 * longer body is kept cut and flagged, never refused: a job's log must not turn its success into an error.
 */
export async function readPingBody(req: IncomingMessage): Promise<PingBody> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let seen = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    seen += chunk.length;
    if (kept < HEARTBEAT_PING_BODY_LIMIT) {
      const part = chunk.subarray(0, HEARTBEAT_PING_BODY_LIMIT - kept);
      chunks.push(part);
      kept += part.length;
    }
    if (seen > DRAIN_LIMIT) break;
  }
  if (kept === 0) return { body: null, truncated: false };
  // NUL cannot be stored in a PostgreSQL text column; it has no place in a log line either.
  const body = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks)).replaceAll('\u0000', '\uFFFD');
  return { body, truncated: seen > kept };
}
