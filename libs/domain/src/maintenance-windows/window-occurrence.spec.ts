import { describe, expect, it } from 'vitest';
import type { MaintenanceSchedule } from '@mini-netumo/contracts';
import { currentOrNextOccurrence } from './window-occurrence';

const WEEK = 7 * 86_400_000;
// A Monday, 10:00 UTC (11:00 in Paris).
const now = new Date('2026-12-07T10:00:00.000Z');
const occurrence = (schedule: MaintenanceSchedule) => {
  const found = currentOrNextOccurrence(schedule, now, WEEK);
  return found && [found.startsAt.toISOString(), found.endsAt.toISOString()];
};

describe('currentOrNextOccurrence', () => {
  it.each<[string, MaintenanceSchedule, [string, string] | null]>([
    [
      'a one-off window in progress',
      { type: 'once', startsAt: new Date('2026-12-07T09:00:00Z'), endsAt: new Date('2026-12-07T11:00:00Z') },
      ['2026-12-07T09:00:00.000Z', '2026-12-07T11:00:00.000Z'],
    ],
    [
      'a one-off window within the week',
      { type: 'once', startsAt: new Date('2026-12-10T22:00:00Z'), endsAt: new Date('2026-12-11T02:00:00Z') },
      ['2026-12-10T22:00:00.000Z', '2026-12-11T02:00:00.000Z'],
    ],
    [
      'a one-off window further out',
      { type: 'once', startsAt: new Date('2026-12-20T00:00:00Z'), endsAt: new Date('2026-12-20T01:00:00Z') },
      null,
    ],
    [
      'a one-off window that ended',
      { type: 'once', startsAt: new Date('2026-12-06T00:00:00Z'), endsAt: new Date('2026-12-06T01:00:00Z') },
      null,
    ],
    [
      'a weekly window later today, in its own zone',
      { type: 'weekly', weekdays: [1], startTime: '23:30', durationMinutes: 60, timeZone: 'Europe/Paris' },
      ['2026-12-07T22:30:00.000Z', '2026-12-07T23:30:00.000Z'],
    ],
    [
      'a weekly window that started yesterday and is still open',
      { type: 'weekly', weekdays: [0], startTime: '22:00', durationMinutes: 24 * 60, timeZone: 'UTC' },
      ['2026-12-06T22:00:00.000Z', '2026-12-07T22:00:00.000Z'],
    ],
    [
      'a weekly window on Saturdays',
      { type: 'weekly', weekdays: [6], startTime: '02:00', durationMinutes: 30, timeZone: 'UTC' },
      ['2026-12-12T02:00:00.000Z', '2026-12-12T02:30:00.000Z'],
    ],
    [
      'a nightly cron window',
      { type: 'cron', expression: '0 2 * * *', durationMinutes: 30, timeZone: 'America/New_York' },
      ['2026-12-08T07:00:00.000Z', '2026-12-08T07:30:00.000Z'],
    ],
    [
      'a cron window open now',
      { type: 'cron', expression: '30 9 * * 1', durationMinutes: 60, timeZone: 'UTC' },
      ['2026-12-07T09:30:00.000Z', '2026-12-07T10:30:00.000Z'],
    ],
  ])('%s', (_name, schedule, expected) => {
    expect(occurrence(schedule)).toEqual(expected);
  });
});
