import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MaintenanceSchedule } from '@mini-netumo/contracts';
import { isWindowOpen } from './window-schedule';

const cron = (expression: string, durationMinutes: number, timeZone = 'UTC'): MaintenanceSchedule => ({
  type: 'cron',
  expression,
  durationMinutes,
  timeZone,
});

type Case = [at: string, open: boolean, why: string];

function expectWindow(schedule: MaintenanceSchedule, cases: Case[]) {
  const actual = cases.map(([at, , why]) => [at, isWindowOpen(schedule, new Date(at)), why]);
  expect(actual).toEqual(cases);
}

describe('isWindowOpen for a cron schedule', () => {
  it('opens at each firing for its duration, in the zone (Sunday 02:00 Paris for 2 h)', () => {
    expectWindow(cron('0 2 * * 0', 120, 'Europe/Paris'), [
      // Sunday 29 Nov 2026, Paris is UTC+1: 02:00-04:00 local is 01:00-03:00 UTC.
      ['2026-11-29T00:59:59Z', false, 'a second before'],
      ['2026-11-29T01:00:00Z', true, 'the firing itself'],
      ['2026-11-29T02:59:59Z', true, 'the last second'],
      ['2026-11-29T03:00:00Z', false, 'the end is not in the window'],
      ['2026-11-30T01:30:00Z', false, 'Monday'],
      // Summer (UTC+2): 02:00 local is 00:00 UTC.
      ['2026-07-05T00:30:00Z', true, 'summer Sunday'],
      ['2026-07-05T02:30:00Z', false, 'summer Sunday, after'],
    ]);
  });

  it('fires on every step (*/15 for 5 min)', () => {
    expectWindow(cron('*/15 * * * *', 5), [
      ['2026-11-25T10:00:00Z', true, ':00'],
      ['2026-11-25T10:04:59Z', true, ':00 + 4:59'],
      ['2026-11-25T10:05:00Z', false, ':05'],
      ['2026-11-25T10:14:59Z', false, ':14:59'],
      ['2026-11-25T10:15:00Z', true, ':15'],
      ['2026-11-25T10:47:00Z', true, ':45 + 2'],
      ['2026-11-25T10:50:00Z', false, ':50'],
    ]);
  });

  it('stays open across midnight into the next day and month', () => {
    expectWindow(cron('30 23 * * fri', 90), [
      ['2026-11-27T23:29:59Z', false, 'Friday before'],
      ['2026-11-27T23:30:00Z', true, 'Friday 23:30'],
      ['2026-11-28T00:59:59Z', true, 'Saturday 00:59'],
      ['2026-11-28T01:00:00Z', false, 'Saturday 01:00'],
      ['2026-11-28T23:45:00Z', false, 'Saturday night'],
    ]);
    expectWindow(cron('0 22 30 * *', 6 * 60, 'Europe/Paris'), [
      ['2026-11-30T20:59:00Z', false, '21:59 Paris on the 30th'],
      ['2026-11-30T21:00:00Z', true, '22:00 Paris on the 30th'],
      ['2026-12-01T02:59:00Z', true, '03:59 Paris on 1 December'],
      ['2026-12-01T03:00:00Z', false, '04:00 Paris on 1 December'],
    ]);
  });

  it('lasts up to a week from a firing days ago', () => {
    expectWindow(cron('0 0 1 * *', 7 * 24 * 60), [
      ['2026-11-30T23:59:59Z', false, 'the day before'],
      ['2026-12-01T00:00:00Z', true, 'the 1st'],
      ['2026-12-07T23:59:59Z', true, 'six days and 23:59:59 later'],
      ['2026-12-08T00:00:00Z', false, 'a week later'],
    ]);
  });

  it('fires on either day field when both are restricted, and needs both when one starts with *', () => {
    // 27 Nov 2026 is a Friday, 13 Dec a Sunday.
    expectWindow(cron('0 12 13 * fri', 60), [
      ['2026-11-27T12:30:00Z', true, 'a Friday that is not the 13th'],
      ['2026-12-13T12:30:00Z', true, 'a 13th that is not a Friday'],
      ['2026-11-26T12:30:00Z', false, 'neither'],
    ]);
    expectWindow(cron('0 12 */2 * fri', 60), [
      ['2026-11-27T12:30:00Z', true, 'an odd day and a Friday'],
      ['2026-11-20T12:30:00Z', false, 'a Friday on an even day'],
      ['2026-11-29T12:30:00Z', false, 'an odd day but a Sunday'],
    ]);
    expectWindow(cron('0 9 1-7 * mon', 60), [
      ['2026-12-02T09:30:00Z', true, 'Wednesday 2 December: "first Monday" is not what cron means'],
      ['2026-12-14T09:30:00Z', true, 'a later Monday'],
      ['2026-12-15T09:30:00Z', false, 'Tuesday the 15th'],
    ]);
  });

  it('only fires in the months it names', () => {
    expectWindow(cron('0 3 * jan,jul *', 60), [
      ['2026-07-10T03:30:00Z', true, 'July'],
      ['2026-08-10T03:30:00Z', false, 'August'],
    ]);
  });

  it('in Paris: a start clocks skip opens after the jump; one that happens twice opens both times', () => {
    // 29 Mar 2026 at 01:00 UTC Paris jumps 02:00 → 03:00; 25 Oct 2026 at 01:00 UTC it goes back 03:00 → 02:00.
    expectWindow(cron('30 2 * * *', 30, 'Europe/Paris'), [
      ['2026-03-28T01:30:00Z', true, 'the day before, 02:30 CET'],
      ['2026-03-29T00:30:00Z', false, '01:30 CET: 02:30 has not come'],
      ['2026-03-29T01:29:59Z', false, '03:29:59 CEST'],
      ['2026-03-29T01:30:00Z', true, '03:30 CEST stands in for the missing 02:30'],
      ['2026-03-29T01:59:59Z', true, '03:59:59 CEST'],
      ['2026-03-29T02:00:00Z', false, '04:00 CEST'],
      ['2026-03-30T00:30:00Z', true, 'the day after, 02:30 CEST'],
      ['2026-10-25T00:29:59Z', false, '02:29:59 CEST'],
      ['2026-10-25T00:30:00Z', true, '02:30 CEST, the first time'],
      ['2026-10-25T01:00:00Z', false, '02:00 CET, between the two'],
      ['2026-10-25T01:30:00Z', true, '02:30 CET, the second time'],
      ['2026-10-25T02:00:00Z', false, '03:00 CET'],
    ]);
    expectWindow(cron('*/30 * * * *', 30, 'Europe/Paris'), [
      ['2026-10-25T00:45:00Z', true, 'the first 02:45'],
      ['2026-10-25T01:15:00Z', true, 'the repeated hour is covered too'],
      ['2026-03-29T00:59:59Z', true, '01:59:59 CET'],
      ['2026-03-29T01:00:00Z', true, '03:00 CEST'],
    ]);
  });

  it('in New York: the same rules west of Greenwich', () => {
    // 8 Mar 2026 at 07:00 UTC New York jumps 02:00 → 03:00; 1 Nov 2026 at 06:00 UTC it goes back 02:00 → 01:00.
    expectWindow(cron('30 2 * * *', 30, 'America/New_York'), [
      ['2026-03-07T07:30:00Z', true, 'the day before, 02:30 EST'],
      ['2026-03-08T06:59:59Z', false, '01:59:59 EST'],
      ['2026-03-08T07:30:00Z', true, '03:30 EDT stands in for the missing 02:30'],
      ['2026-03-08T08:00:00Z', false, '04:00 EDT'],
      ['2026-03-09T06:30:00Z', true, 'the day after, 02:30 EDT'],
    ]);
    expectWindow(cron('30 1 * * *', 20, 'America/New_York'), [
      ['2026-11-01T05:30:00Z', true, '01:30 EDT, the first time'],
      ['2026-11-01T06:00:00Z', false, '01:00 EST, between the two'],
      ['2026-11-01T06:30:00Z', true, '01:30 EST, the second time'],
      ['2026-11-01T06:50:00Z', false, '01:50 EST'],
    ]);
  });

  it('counts a week-long duration in real hours across a DST change', () => {
    // Mondays 00:00 Paris for 167 h. The week holding the October change has 169 hours, so two stay closed.
    const schedule = cron('0 0 * * mon', 167 * 60, 'Europe/Paris');
    const start = Date.parse('2026-10-19T00:00:00Z');
    const closed = Array.from({ length: 24 * 8 }, (_, hour) => new Date(start + hour * 3_600_000))
      .filter((at) => !isWindowOpen(schedule, at))
      .map((at) => at.toISOString());
    expect(closed).toEqual(['2026-10-25T21:00:00.000Z', '2026-10-25T22:00:00.000Z']);
  });

  it('never opens for an expression the contract would reject', () => {
    expect(isWindowOpen(cron('61 * * * *', 60), new Date('2026-11-25T10:00:00Z'))).toBe(false);
  });
});

describe('isWindowOpen for a cron schedule, cost', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['* * * * *', 7 * 24 * 60, '2026-11-25T10:00:00Z'],
    ['0 0 29 2 *', 7 * 24 * 60, '2026-11-25T10:00:00Z'],
    ['*/5 * * * *', 7 * 24 * 60, '2026-10-25T01:30:00Z'],
    ['0 2 * * 0', 7 * 24 * 60, '2026-03-29T01:30:00Z'],
  ])('"%s" for %i min asks the time zone a few dozen times, not once a minute (at %s)', (expression, minutes, at) => {
    const formatToParts = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    isWindowOpen(cron(expression, minutes, 'Europe/Paris'), new Date(at));
    expect(formatToParts.mock.calls.length).toBeLessThan(60);
  });
});
