import { describe, expect, it } from 'vitest';
import { fieldOf, formErrors, serverFormErrors } from './form-errors';

describe('fieldOf', () => {
  it.each([
    ['schedule.expression', 'expression: minute field "61" is out of range 0-59', 'schedule.expression'],
    ['schedule.weekdays.0', 'weekdays must be a list of days, 0 (Sunday) to 6 (Saturday)', 'schedule.weekdays'],
    ['', 'monitorId: monitor 7 does not exist', 'monitorId'],
    ['', 'durationMinutes must be at least 1', 'schedule.durationMinutes'],
    ['', 'expression never fires: day-of-month "30" does not occur in month "2"', 'schedule.expression'],
    ['schedule.type', 'schedule.type must be once, weekly or cron', null],
    ['', 'Internal server error', null],
  ])('%j: %s -> %s', (path, message, field) => {
    expect(fieldOf(path, message)).toBe(field);
  });
});

describe('formErrors', () => {
  it('keeps the first message per field and gathers the rest for the banner', () => {
    expect(
      formErrors([
        ['schedule.timeZone', 'timeZone must be an IANA time zone such as Europe/Paris'],
        ['schedule.timeZone', 'timeZone is required'],
        ['schedule.type', 'schedule.type must be once, weekly or cron'],
        ['', 'Something went wrong'],
      ]),
    ).toEqual({
      fields: { 'schedule.timeZone': 'timeZone must be an IANA time zone such as Europe/Paris' },
      form: 'schedule.type must be once, weekly or cron; Something went wrong',
    });
  });
});

describe('serverFormErrors', () => {
  it("uses the api's fieldErrors, keyed by path", () => {
    const error = Object.assign(new Error('expression: hour field "24" is out of range 0-23'), {
      data: { fieldErrors: { 'schedule.expression': 'expression: hour field "24" is out of range 0-23' } },
    });
    expect(serverFormErrors(error)).toEqual({
      fields: { 'schedule.expression': 'expression: hour field "24" is out of range 0-23' },
      form: null,
    });
  });

  it('reads a domain error by the field its message names', () => {
    expect(serverFormErrors(new Error('monitorId: monitor 7 does not exist'))).toEqual({
      fields: { monitorId: 'monitorId: monitor 7 does not exist' },
      form: null,
    });
    expect(serverFormErrors(new Error('fetch failed'))).toEqual({ fields: {}, form: 'fetch failed' });
  });
});
