import { describe, expect, it } from 'vitest';
import { DeliveryRetryError, deliveryBackoff } from './delivery-backoff';

const settings = { backoffMs: 1_000, maxBackoffMs: 30_000 };

describe('deliveryBackoff', () => {
  it.each([
    [1, 0, 500],
    [1, 1, 1_000],
    [2, 0, 1_000],
    [3, 0.5, 3_000],
    [4, 1, 8_000],
    [10, 1, 30_000],
  ])('attempt %i with random %d waits %i ms', (attempt, random, expected) => {
    expect(deliveryBackoff(settings, () => random)(attempt, 'delivery', new Error('HTTP 500'))).toBe(expected);
  });

  it('waits what the provider asked (Retry-After), capped by the maximum', () => {
    const backoff = deliveryBackoff(settings, () => 0);
    expect(backoff(1, 'delivery', new DeliveryRetryError('HTTP 429', 7_000))).toBe(7_000);
    expect(backoff(1, 'delivery', new DeliveryRetryError('HTTP 429', 3_600_000))).toBe(30_000);
    expect(backoff(2, 'delivery', new DeliveryRetryError('HTTP 500', null))).toBe(1_000);
  });
});
