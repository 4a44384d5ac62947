import { WEEKDAYS, type MaintenanceSchedule } from '@mini-netumo/contracts';

const DAY_NAMES: Record<(typeof WEEKDAYS)[number], string> = {
  sun: 'Sun',
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
};

/** Weekday numbers (0 = Sunday) as short names, Monday first as people read a week. */
export function weekdayNames(days: readonly number[]): string {
  return [...days]
    .sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))
    .map((day) => DAY_NAMES[WEEKDAYS[day] ?? 'sun'])
    .join(', ');
}

/**
 * A schedule in one line: "Mon, Wed at 02:30 for 60 min (Europe/Paris)", 'cron "0 2 * * 0" for 120 min
 * (Europe/Paris)' or the two instants of a one-off.
 */
export function scheduleText(schedule: MaintenanceSchedule, format: (date: Date) => string): string {
  if (schedule.type === 'once') return `${format(schedule.startsAt)} → ${format(schedule.endsAt)}`;
  if (schedule.type === 'cron') return `cron "${schedule.expression}" for ${schedule.durationMinutes} min (${schedule.timeZone})`;
  return `${weekdayNames(schedule.weekdays)} at ${schedule.startTime} for ${schedule.durationMinutes} min (${schedule.timeZone})`;
}

/** The form's fields as the contract's schedule input, unparsed: the contract schema decides what is valid. */
export function toScheduleInput(fields: {
  type: MaintenanceSchedule['type'];
  startsAt: string;
  endsAt: string;
  weekdays: readonly number[];
  startTime: string;
  expression: string;
  durationMinutes: string;
  timeZone: string;
}): Record<string, unknown> {
  if (fields.type === 'once') {
    // datetime-local values are local wall-clock times; an empty one stays invalid for the schema to name.
    const date = (value: string) => (value ? new Date(value) : undefined);
    return { type: 'once', startsAt: date(fields.startsAt), endsAt: date(fields.endsAt) };
  }
  const recurring = {
    durationMinutes: fields.durationMinutes.trim() === '' ? undefined : Number(fields.durationMinutes),
    timeZone: fields.timeZone.trim(),
  };
  if (fields.type === 'cron') return { type: 'cron', expression: fields.expression, ...recurring };
  return { type: 'weekly', weekdays: [...fields.weekdays].sort(), startTime: fields.startTime, ...recurring };
}
