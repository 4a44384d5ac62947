import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

/** One answer of the public listener, built once per snapshot and sent to every viewer as it is. */
export interface Representation {
  contentType: string;
  body: Buffer;
  /** The same body gzipped, when that saves anything. */
  gzipped: Buffer | null;
  etag: string;
  headers: Readonly<Record<string, string>>;
}

/** Below this a gzip header costs about what it saves. */
const GZIP_FROM_BYTES = 1_024;

export function representation(contentType: string, text: string, headers: Record<string, string>): Representation {
  const body = Buffer.from(text, 'utf8');
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { contentType, body, gzipped: body.length >= GZIP_FROM_BYTES ? gzipSync(body) : null, etag, headers };
}

/** Sends it: 304 when the viewer holds this version (a page refreshing itself every minute costs a header), gzip when accepted. */
export function sendRepresentation(req: IncomingMessage, res: ServerResponse, answer: Representation): void {
  const common = { etag: answer.etag, vary: 'accept-encoding', ...answer.headers };
  if (matches(req.headers['if-none-match'], answer.etag)) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  const gzip = answer.gzipped !== null && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const body = gzip && answer.gzipped ? answer.gzipped : answer.body;
  res.writeHead(200, {
    ...common,
    'content-type': answer.contentType,
    'content-length': String(body.length),
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}
