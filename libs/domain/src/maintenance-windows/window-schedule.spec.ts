import { describe, expect, it } from 'vitest';
import type { MaintenanceSchedule } from '@mini-netumo/contracts';
import { isWindowOpen } from './window-schedule';

const weekly = (overrides: Partial<Extract<MaintenanceSchedule, { type: 'weekly' }>> = {}): MaintenanceSchedule => ({
  type: 'weekly',
  weekdays: [0],
  startTime: '02:00',
  durationMinutes: 120,
  timeZone: 'Europe/Paris',
  ...overrides,
});

describe('isWindowOpen', () => {
  const once: MaintenanceSchedule = { type: 'once', startsAt: new Date('2026-11-25T10:00:00Z'), endsAt: new Date('2026-11-25T11:00:00Z') };

  it.each([
    ['2026-11-25T09:59:59Z', false],
    ['2026-11-25T10:00:00Z', true],
    ['2026-11-25T10:59:59Z', true],
    ['2026-11-25T11:00:00Z', false],
  ])('one-off window at %s -> %s', (at, open) => {
    expect(isWindowOpen(once, new Date(at))).toBe(open);
  });

  it.each([
    // Sunday 29 Nov 2026, Paris is UTC+1 in winter: 02:00-04:00 local is 01:00-03:00 UTC.
    ['2026-11-29T00:59:00Z', false],
    ['2026-11-29T01:00:00Z', true],
    ['2026-11-29T02:59:00Z', true],
    ['2026-11-29T03:00:00Z', false],
    // A Monday at the same time is not in the window.
    ['2026-11-30T01:30:00Z', false],
    // Summer (UTC+2): Sunday 5 July 2026 02:00 local is 00:00 UTC.
    ['2026-07-05T00:30:00Z', true],
    ['2026-07-05T02:30:00Z', false],
  ])('weekly Sunday 02:00 Paris for 2 h at %s -> %s', (at, open) => {
    expect(isWindowOpen(weekly(), new Date(at))).toBe(open);
  });

  it.each([
    // 29 Mar 2026: 02:00 never happens in Paris (01:00 UTC jumps to 03:00 CEST); the window starts at 03:00 CEST.
    ['2026-03-29T00:59:00Z', false],
    ['2026-03-29T01:00:00Z', true],
    ['2026-03-29T01:29:00Z', true],
    ['2026-03-29T01:30:00Z', false],
    // 25 Oct 2026: 02:00 happens at 00:00 UTC (CEST) and again at 01:00 UTC (CET); both open the window.
    ['2026-10-25T00:10:00Z', true],
    ['2026-10-25T00:30:00Z', false],
    ['2026-10-25T01:10:00Z', true],
    ['2026-10-25T01:30:00Z', false],
  ])('weekly Sunday 02:00 Paris for 30 min across DST at %s -> %s', (at, open) => {
    expect(isWindowOpen(weekly({ durationMinutes: 30 }), new Date(at))).toBe(open);
  });

  it('keeps a window open past midnight into the next day', () => {
    const saturdayNight = weekly({ weekdays: [6], startTime: '22:00', durationMinutes: 6 * 60, timeZone: 'UTC' });
    expect(isWindowOpen(saturdayNight, new Date('2026-11-29T03:00:00Z'))).toBe(true); // Sunday 03:00
    expect(isWindowOpen(saturdayNight, new Date('2026-11-29T04:00:00Z'))).toBe(false);
  });
});
