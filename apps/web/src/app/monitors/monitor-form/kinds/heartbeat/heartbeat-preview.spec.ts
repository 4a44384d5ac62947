import { describe, expect, it } from 'vitest';
import { HEARTBEAT_FORM, browserTimeZone, type HeartbeatFormValue } from './heartbeat-form';
import { previewExpected, scheduleOf } from './heartbeat-preview';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const value = (change: Partial<HeartbeatFormValue> = {}): HeartbeatFormValue => ({ ...HEARTBEAT_FORM.empty(), ...change });
const iso = (ms: number) => new Date(ms).toISOString();

describe('previewExpected', () => {
  it('lists the next 5 fires of a cron expression on the zone’s wall clock (02:00 in Tokyo is 17:00 UTC)', () => {
    const pings = previewExpected(value({ schedule: 'cron', cron: '0 2 * * *', timezone: 'Asia/Tokyo' }), NOW);
    expect(pings.map((ping) => ping.iso)).toEqual([
      '2025-01-01T17:00:00.000Z',
      '2025-01-02T17:00:00.000Z',
      '2025-01-03T17:00:00.000Z',
      '2025-01-04T17:00:00.000Z',
      '2025-01-05T17:00:00.000Z',
    ]);
    for (const ping of pings) expect(ping.zoned).toMatch(/02:00/);
    // Written on this browser's clock too, unless it is in Tokyo already.
    for (const ping of pings) expect(ping.local === null).toBe(browserTimeZone() === 'Asia/Tokyo');
  });

  it('counts a period from a ping now', () => {
    const pings = previewExpected(value({ periodSeconds: 600, timezone: 'UTC' }), NOW);
    expect(pings.map((ping) => ping.at)).toEqual([1, 2, 3, 4, 5].map((n) => NOW + n * 600_000));
    expect(pings[0]?.iso).toBe(iso(NOW + 600_000));
  });

  it.each<[string, Partial<HeartbeatFormValue>]>([
    ['a period below the minimum', { periodSeconds: 5 }],
    ['no period', { periodSeconds: null }],
    ['an empty cron expression', { schedule: 'cron', cron: '' }],
    ['a cron expression with 4 fields', { schedule: 'cron', cron: '0 2 * *' }],
    ['an unknown zone', { schedule: 'cron', cron: '0 2 * * *', timezone: 'Mars/Olympus' }],
  ])('shows nothing for %s (the field’s message says why)', (_case, change) => {
    expect(previewExpected(value(change), NOW)).toEqual([]);
    expect(scheduleOf(value(change))).toBeNull();
  });
});
