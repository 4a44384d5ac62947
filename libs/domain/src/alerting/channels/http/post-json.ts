import { request } from 'undici';
import type { SendOutcome } from '../channel-def';
import { parseRetryAfter } from './retry-after';

/** Enough of an error body to say what went wrong; a provider answering megabytes of garbage is cut off. */
const MAX_BODY_CHARS = 2_048;
const MAX_ERROR_CHARS = 300;

export interface PostOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
  /** Some providers put the wait in the body too (Telegram's parameters.retry_after, Discord's retry_after). */
  retryAfterFromBody?: (body: string) => number | null;
}

/**
 * POSTs a body and judges the answer: 2xx delivered; 429 and 5xx (and timeouts, network errors) worth a
 * retry; other 4xx permanent. The URL never appears in the outcome: for webhooks it is the secret.
 */
export async function postJson(url: string, body: string, options: PostOptions): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'mini-netumo', ...options.headers },
      body,
      signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const text = await readCapped(response.body);
    const statusCode = response.statusCode;
    if (statusCode >= 200 && statusCode < 300) return { ok: true, statusCode, durationMs: elapsed() };
    const retryAfterMs =
      statusCode === 429 ? (parseRetryAfter(response.headers['retry-after']) ?? options.retryAfterFromBody?.(text) ?? null) : null;
    return {
      ok: false,
      statusCode,
      error: describeStatus(statusCode, text),
      retryAfterMs,
      permanent: statusCode >= 300 && statusCode < 500 && statusCode !== 408 && statusCode !== 429,
      durationMs: elapsed(),
    };
  } catch (error) {
    const message = signal.aborted ? `no answer within ${options.timeoutMs} ms` : networkError(error);
    return { ok: false, statusCode: null, error: message, retryAfterMs: null, permanent: false, durationMs: elapsed() };
  }
}

export function describeStatus(statusCode: number, body: string): string {
  const excerpt = body.replace(/\s+/g, ' ').trim();
  return truncate(excerpt ? `HTTP ${statusCode}: ${excerpt}` : `HTTP ${statusCode}`);
}

export const truncate = (text: string) => (text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS - 1)}…` : text);

/** The code and message of a socket error (ECONNREFUSED 127.0.0.1:4000), without any request detail. */
function networkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return truncate(code && !message.includes(code) ? `${code}: ${message}` : message);
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  let text = '';
  for await (const chunk of body) {
    text += chunk.toString('utf8');
    if (text.length >= MAX_BODY_CHARS) {
      body.destroy();
      break;
    }
  }
  return text.slice(0, MAX_BODY_CHARS);
}
