import type { ServerResponse } from 'node:http';

/**
 * The public listener's short text answers, the same from the ping handler and from Express: a few bytes, no
 * detail. HEAD gets the headers without the body (Node leaves it out).
 */
export function answer(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

export const notFound = (res: ServerResponse): void => answer(res, 404, 'not found\n');

/** Never the error's text: the world sees no internals. */
export const internalError = (res: ServerResponse): void => answer(res, 500, 'internal error\n');
