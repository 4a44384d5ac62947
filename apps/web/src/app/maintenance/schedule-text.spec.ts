import { describe, expect, it } from 'vitest';
import { scheduleText, toScheduleInput, weekdayNames } from './schedule-text';

const base = { startsAt: '', endsAt: '', weekdays: [], startTime: '', expression: '', durationMinutes: '', timeZone: 'UTC' };

describe('scheduleText', () => {
  it('says a weekly window in one line, Monday first', () => {
    expect(weekdayNames([0, 1, 3])).toBe('Mon, Wed, Sun');
    expect(
      scheduleText({ type: 'weekly', weekdays: [3, 1], startTime: '02:30', durationMinutes: 60, timeZone: 'Europe/Paris' }, String),
    ).toBe('Mon, Wed at 02:30 for 60 min (Europe/Paris)');
  });

  it('says a cron window with its expression as typed', () => {
    expect(scheduleText({ type: 'cron', expression: '0 2 * * 0', durationMinutes: 120, timeZone: 'Europe/Paris' }, String)).toBe(
      'cron "0 2 * * 0" for 120 min (Europe/Paris)',
    );
  });

  it('says a one-off window with the given date format', () => {
    const schedule = { type: 'once' as const, startsAt: new Date(0), endsAt: new Date(60_000) };
    expect(scheduleText(schedule, (date) => date.toISOString().slice(11, 16))).toBe('00:00 → 00:01');
  });
});

describe('toScheduleInput', () => {
  it('turns local datetimes into dates and leaves empty ones out', () => {
    const input = toScheduleInput({ ...base, type: 'once', startsAt: '2026-01-01T10:00' });
    expect(input['startsAt']).toBeInstanceOf(Date);
    expect(input['endsAt']).toBeUndefined();
  });

  it('reads the weekly fields', () => {
    expect(toScheduleInput({ ...base, type: 'weekly', weekdays: [5, 1], startTime: '03:00', durationMinutes: '30' })).toEqual({
      type: 'weekly',
      weekdays: [1, 5],
      startTime: '03:00',
      durationMinutes: 30,
      timeZone: 'UTC',
    });
  });

  it('reads the cron fields, leaving the expression for the contract to judge', () => {
    expect(
      toScheduleInput({ ...base, type: 'cron', expression: '*/15 * * * *', durationMinutes: '5', timeZone: ' Europe/Paris ' }),
    ).toEqual({
      type: 'cron',
      expression: '*/15 * * * *',
      durationMinutes: 5,
      timeZone: 'Europe/Paris',
    });
    expect(toScheduleInput({ ...base, type: 'cron', expression: 'nonsense' })).toEqual({
      type: 'cron',
      expression: 'nonsense',
      durationMinutes: undefined,
      timeZone: 'UTC',
    });
  });
});
