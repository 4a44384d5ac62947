import { describe, expect, it } from 'vitest';
import { parseCronExpression } from './cron-expression';

/** The next runs after `from`, as croner reads the expression (on wall clocks: UTC stands for local time). */
function runs(expression: string, from: string, count = 3): string[] {
  const cron = parseCronExpression(expression);
  if ('error' in cron) throw new Error(cron.error);
  return cron.nextRuns(count, new Date(from)).map((run) => run.toISOString().slice(0, 16));
}

// Wednesday 25 November 2026; 27 Nov is a Friday, 29 Nov a Sunday.
const FROM = '2026-11-25T10:00:00Z';

describe('parseCronExpression', () => {
  it.each<[string, string[]]>([
    ['* * * * *', ['2026-11-25T10:01', '2026-11-25T10:02', '2026-11-25T10:03']],
    ['0 2 * * 0', ['2026-11-29T02:00', '2026-12-06T02:00', '2026-12-13T02:00']],
    ['*/15 * * * *', ['2026-11-25T10:15', '2026-11-25T10:30', '2026-11-25T10:45']],
    // A start without a range runs to the end of the field, as in Vixie cron.
    ['5/20 * * * *', ['2026-11-25T10:05', '2026-11-25T10:25', '2026-11-25T10:45']],
    ['10-20/5 * * * *', ['2026-11-25T10:10', '2026-11-25T10:15', '2026-11-25T10:20']],
    ['0,30 8-10 * * *', ['2026-11-25T10:30', '2026-11-26T08:00', '2026-11-26T08:30']],
    ['  0   2  *  *  0  ', ['2026-11-29T02:00', '2026-12-06T02:00', '2026-12-13T02:00']],
    ['0 0 1 jan,JUL *', ['2027-01-01T00:00', '2027-07-01T00:00', '2028-01-01T00:00']],
    ['0 0 1 mar-may *', ['2027-03-01T00:00', '2027-04-01T00:00', '2027-05-01T00:00']],
    ['0 0 * * mon-fri', ['2026-11-26T00:00', '2026-11-27T00:00', '2026-11-30T00:00']],
    ['0 0 * * 7', ['2026-11-29T00:00', '2026-12-06T00:00', '2026-12-13T00:00']],
    ['0 0 * * 5-7', ['2026-11-27T00:00', '2026-11-28T00:00', '2026-11-29T00:00']],
    ['0 0 * * Sat,sun', ['2026-11-28T00:00', '2026-11-29T00:00', '2026-12-05T00:00']],
    // Both day fields restricted: a day matching either fires (Friday 27 Nov, Sunday 13 Dec).
    ['0 12 13 * fri', ['2026-11-27T12:00', '2026-12-04T12:00', '2026-12-11T12:00', '2026-12-13T12:00']],
    // A day field that starts with `*` is not "restricted": cron then wants both to match (odd days that are Fridays).
    ['0 12 */2 * fri', ['2026-11-27T12:00', '2026-12-11T12:00', '2026-12-25T12:00']],
    ['0 12 13 * *', ['2026-12-13T12:00', '2027-01-13T12:00', '2027-02-13T12:00']],
    ['0 0 29 2 *', ['2028-02-29T00:00', '2032-02-29T00:00', '2036-02-29T00:00']],
    // Impossible as a day of the month, but the weekday can still fire it.
    ['0 0 31 feb mon', ['2027-02-01T00:00', '2027-02-08T00:00', '2027-02-15T00:00']],
  ])('reads "%s"', (expression, expected) => {
    expect(runs(expression, FROM, expected.length)).toEqual(expected);
  });

  it.each([
    ['', 'expression is required'],
    ['   ', 'expression is required'],
    ['0 2 * *', 'expression must have 5 fields (minute hour day-of-month month day-of-week), not 4'],
    ['0 0 2 * * 0', 'expression must have 5 fields (minute hour day-of-month month day-of-week), not 6'],
    ['@daily', 'expression must have 5 fields (minute hour day-of-month month day-of-week), not 1'],
    ['61 * * * *', 'expression: minute field "61" is out of range 0-59'],
    ['0 24 * * *', 'expression: hour field "24" is out of range 0-23'],
    ['0 0 0 * *', 'expression: day-of-month field "0" is out of range 1-31'],
    ['0 0 32 * *', 'expression: day-of-month field "32" is out of range 1-31'],
    ['0 0 * 13 *', 'expression: month field "13" is out of range 1-12'],
    ['0 0 * * 8', 'expression: day-of-week field "8" is out of range 0-7'],
    ['0 1-30 * * *', 'expression: hour field "30" is out of range 0-23'],
    ['x * * * *', 'expression: minute field "x" is not a number'],
    ['1.5 * * * *', 'expression: minute field "1.5" is not a number'],
    ['0 0 * foo *', 'expression: month field "foo" is not a number or a month name (jan-dec)'],
    ['0 0 * * monday', 'expression: day-of-week field "monday" is not a number or a day name (sun-sat)'],
    ['0 0 * * ?', 'expression: day-of-week field "?" is not a number or a day name (sun-sat)'],
    ['0 0 L * *', 'expression: day-of-month field "L" is not a number'],
    ['*/0 * * * *', 'expression: minute field "*/0" has a step below 1'],
    ['*/x * * * *', 'expression: minute field "*/x" has a step that is not a whole number'],
    ['*/5/2 * * * *', 'expression: minute field "*/5/2" has more than one step'],
    ['0 5-2 * * *', 'expression: hour field "5-2" starts after it ends'],
    ['0 0 * * fri-mon', 'expression: day-of-week field "fri-mon" starts after it ends'],
    ['0 1-2-3 * * *', 'expression: hour field "1-2-3" is not a value, a range or *'],
    ['-5 * * * *', 'expression: minute field "-5" is not a value, a range or *'],
    ['1,,2 * * * *', 'expression: minute field "1,,2" has an empty item'],
    ['0 0 30 2 *', 'expression never fires: day-of-month "30" does not occur in month "2"'],
    ['0 0 31 apr,jun *', 'expression never fires: day-of-month "31" does not occur in month "apr,jun"'],
    // croner refuses a step longer than the field; so do we, by name.
    ['*/61 * * * *', 'expression: minute field "*/61" has a step above 60'],
    ['0 0 * * */8', 'expression: day-of-week field "*/8" has a step above 7'],
    // croner's extensions are not standard cron.
    ['0 0 * * 5#2', 'expression: day-of-week field "5#2" is not a number or a day name (sun-sat)'],
  ])('rejects "%s"', (expression, error) => {
    expect(parseCronExpression(expression)).toEqual({ error });
  });
});
