import { describe, expect, it } from 'vitest';
import { inFlightDeadline, longestCheckMs, overdueAfter, overdueMarginMs } from './overdue-rules';

describe('overdue rules', () => {
  it('leaves a 20 s monitor room to be found and checked again within two intervals', () => {
    expect(overdueMarginMs(20)).toBe(7_000);
    const sweepMs = 5_000;
    // Noticed at the latest one sweep after the deadline; the catch-up check starts at once.
    expect(20_000 + overdueMarginMs(20) + sweepMs).toBeLessThan(2 * 20_000);
  });

  it('caps the margin at a minute for daily monitors', () => {
    expect(overdueMarginMs(86_400)).toBe(60_000);
    expect(overdueAfter(new Date(0), 300).getTime()).toBe(300_000 + 35_000);
  });

  it('gives a check in flight its every attempt timing out, with the doubling waits', () => {
    expect(longestCheckMs({ timeoutMs: 10_000, retries: 2, retryDelayMs: 500 })).toBe(30_000 + 1_500);
    expect(inFlightDeadline(new Date(0), { intervalSeconds: 20, timeoutMs: 2_000, retries: 0, retryDelayMs: 500 }).getTime()).toBe(
      2_000 + 7_000,
    );
  });
});
