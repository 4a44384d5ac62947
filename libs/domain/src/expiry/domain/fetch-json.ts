/** The answer of a bounded JSON fetch; a failure is data with a reason a person can read. */
export type JsonFetch = { ok: true; status: number; body: unknown } | { ok: false; status: number | null; reason: string };

/**
 * GET a JSON document with a deadline over the whole exchange and a size cap: a registry server that
 * trickles or sends a huge answer costs us at most timeoutMs and maxBytes.
 */
export async function fetchJson(url: string, options: { timeoutMs: number; maxBytes: number; accept?: string }): Promise<JsonFetch> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: options.accept ?? 'application/json', 'user-agent': 'mini-netumo/0.1 (expiry monitor)' },
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    return { ok: false, status: null, reason: describe(error, options.timeoutMs) };
  }
  try {
    const text = await readCapped(response, options.maxBytes);
    if (text === null) return { ok: false, status: response.status, reason: `answer larger than ${options.maxBytes} bytes` };
    if (!text.trim()) return { ok: true, status: response.status, body: null };
    return { ok: true, status: response.status, body: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      ok: false,
      status: response.status,
      reason: error instanceof SyntaxError ? 'answer is not JSON' : describe(error, options.timeoutMs),
    };
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describe(error: unknown, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? ` (${String(cause.code)})` : '';
  return `${cause instanceof Error ? cause.message : String(cause)}${code}`;
}
