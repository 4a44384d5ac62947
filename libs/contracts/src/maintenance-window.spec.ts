import { describe, expect, it } from 'vitest';
import { maintenanceWindowInputSchema } from './maintenance-window';

const cron = (schedule: Record<string, unknown>) => ({
  name: 'Backups',
  schedule: { type: 'cron', expression: '0 2 * * 0', durationMinutes: 120, timeZone: 'Europe/Paris', ...schedule },
});

const issues = (input: unknown) => {
  const parsed = maintenanceWindowInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('maintenanceWindowInputSchema with a cron schedule', () => {
  it('accepts an expression and keeps it trimmed', () => {
    expect(maintenanceWindowInputSchema.parse(cron({ expression: '  */15 9-17 * * mon-fri ' }))).toEqual({
      name: 'Backups',
      monitorId: null,
      schedule: { type: 'cron', expression: '*/15 9-17 * * mon-fri', durationMinutes: 120, timeZone: 'Europe/Paris' },
    });
  });

  it.each([
    [{ expression: '61 2 * * 0' }, 'schedule.expression', 'expression: minute field "61" is out of range 0-59'],
    [{ expression: '0 2 * *' }, 'schedule.expression', 'expression must have 5 fields (minute hour day-of-month month day-of-week), not 4'],
    [{ expression: '' }, 'schedule.expression', 'expression is required'],
    [{ expression: undefined }, 'schedule.expression', 'expression is required'],
    [{ expression: 5 }, 'schedule.expression', 'expression is required'],
    [{ expression: `0 ${'1,'.repeat(100)}2 * * *` }, 'schedule.expression', 'expression must be at most 200 characters'],
    [{ durationMinutes: 0 }, 'schedule.durationMinutes', 'durationMinutes must be at least 1'],
    [{ durationMinutes: 10_081 }, 'schedule.durationMinutes', 'durationMinutes must be at most 10080 (a week)'],
    [{ durationMinutes: '60' }, 'schedule.durationMinutes', 'durationMinutes must be a number'],
    [{ timeZone: 'Mars/Olympus' }, 'schedule.timeZone', 'timeZone must be an IANA time zone such as Europe/Paris'],
  ])('rejects %j at %s', (schedule, path, message) => {
    expect(issues(cron(schedule))).toEqual([{ path, message }]);
  });

  it('names the three schedule types when the type is unknown', () => {
    expect(issues(cron({ type: 'monthly' }))).toEqual([{ path: 'schedule.type', message: 'schedule.type must be once, weekly or cron' }]);
  });
});
