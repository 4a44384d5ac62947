/**
 * Retry-After in milliseconds: either delay-seconds or an HTTP date (RFC 9110 §10.2.3). Null when absent
 * or unreadable; a date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | string[] | undefined | null, now = Date.now()): number | null {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1_000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
