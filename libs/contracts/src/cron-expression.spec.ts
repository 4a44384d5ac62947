import { describe, expect, it } from 'vitest';
import { parseCronExpression, type CronExpression } from './cron-expression';

const range = (from: number, to: number, step = 1) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);
const ALL = { minutes: range(0, 59), hours: range(0, 23), daysOfMonth: range(1, 31), months: range(1, 12), daysOfWeek: range(0, 6) };

describe('parseCronExpression', () => {
  it.each<[string, Partial<CronExpression>]>([
    ['* * * * *', { ...ALL, eitherDay: false }],
    ['0 2 * * 0', { minutes: [0], hours: [2], daysOfWeek: [0], eitherDay: false }],
    ['*/15 * * * *', { minutes: [0, 15, 30, 45] }],
    ['5/20 * * * *', { minutes: [5, 25, 45] }],
    ['10-20/5 * * * *', { minutes: [10, 15, 20] }],
    ['0,30 8-10 * * *', { minutes: [0, 30], hours: [8, 9, 10] }],
    ['  0   2  *  *  0  ', { minutes: [0], hours: [2] }],
    ['0 0 * jan,JUL *', { months: [1, 7] }],
    ['0 0 * mar-may *', { months: [3, 4, 5] }],
    ['0 0 * * mon-fri', { daysOfWeek: [1, 2, 3, 4, 5] }],
    ['0 0 * * 7', { daysOfWeek: [0] }],
    ['0 0 * * 5-7', { daysOfWeek: [0, 5, 6] }],
    ['0 0 * * Sat,sun', { daysOfWeek: [0, 6] }],
    ['0 12 13 * fri', { daysOfMonth: [13], daysOfWeek: [5], eitherDay: true }],
    // Day fields that start with `*` are not "restricted": cron then wants both to match.
    ['0 12 */2 * fri', { daysOfMonth: range(1, 31, 2), daysOfWeek: [5], eitherDay: false }],
    ['0 12 13 * *', { daysOfMonth: [13], eitherDay: false }],
    ['0 0 29 2 *', { daysOfMonth: [29], months: [2] }],
    // Impossible as a day of the month, but the weekday can still fire it.
    ['0 0 31 feb mon', { daysOfMonth: [31], months: [2], daysOfWeek: [1], eitherDay: true }],
  ])('reads "%s"', (expression, expected) => {
    expect(parseCronExpression(expression)).toMatchObject(expected);
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
  ])('rejects "%s"', (expression, error) => {
    expect(parseCronExpression(expression)).toEqual({ error });
  });
});
