import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-mini-netumo-signature';
export const TIMESTAMP_HEADER = 'x-mini-netumo-timestamp';

/**
 * `sha256=<hex>` of HMAC-SHA256(secret, "<timestamp>.<body>"). Signing the timestamp with the body lets a
 * receiver refuse replays of an old request (check the timestamp is recent).
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver runs: recompute and compare in constant time. */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
