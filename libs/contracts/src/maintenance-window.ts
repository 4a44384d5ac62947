import { z } from 'zod';
import { parseCronExpression } from './cron-expression';
import { isTimeZone } from './time-zone';
import { storableDate, storableText } from './storable-text';

/** 0 = Sunday … 6 = Saturday, as Date.getDay() counts. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const durationMinutesSchema = z
  .number({ error: 'durationMinutes must be a number' })
  .int({ error: 'durationMinutes must be a whole number' })
  .min(1, { error: 'durationMinutes must be at least 1' })
  .max(7 * 24 * 60, { error: 'durationMinutes must be at most 10080 (a week)' });

const timeZoneSchema = z
  .string({ error: 'timeZone is required' })
  .check(storableText('timeZone'))
  .refine(isTimeZone, { error: 'timeZone must be an IANA time zone such as Europe/Paris' });

/**
 * When a window is open: once between two instants; every week on some days from a local time for a while; or from
 * each time a cron expression fires (wall clock in `timeZone`) for a while.
 */
export const maintenanceScheduleSchema = z.discriminatedUnion(
  'type',
  [
    z
      .object({
        type: z.literal('once'),
        startsAt: storableDate('startsAt'),
        endsAt: storableDate('endsAt'),
      })
      .refine((schedule) => schedule.startsAt < schedule.endsAt, { error: 'endsAt must be after startsAt', path: ['endsAt'] }),
    z.object({
      type: z.literal('weekly'),
      weekdays: z
        .array(
          z
            .number({ error: 'weekdays must be a list of days, 0 (Sunday) to 6 (Saturday)' })
            .int({ error: 'weekdays must each be a whole number, 0 (Sunday) to 6 (Saturday)' })
            .min(0, { error: 'weekdays must each be from 0 (Sunday) to 6 (Saturday)' })
            .max(6, { error: 'weekdays must each be from 0 (Sunday) to 6 (Saturday)' }),
          { error: 'weekdays must be a list of days, 0 (Sunday) to 6 (Saturday)' },
        )
        .min(1, { error: 'weekdays must list at least one day' })
        .max(7, { error: 'weekdays must list at most 7 days' }),
      /** Local wall-clock time in `timeZone`, 24-hour HH:MM. */
      startTime: z
        .string({ error: 'startTime is required' })
        .check(storableText('startTime'))
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'startTime must be a time such as 02:30' }),
      durationMinutes: durationMinutesSchema,
      timeZone: timeZoneSchema,
    }),
    z.object({
      type: z.literal('cron'),
      /** Five fields, minute hour day-of-month month day-of-week, read in `timeZone`: `0 2 * * sun`. */
      expression: z
        .string({ error: 'expression is required' })
        .check(storableText('expression'))
        .trim()
        .superRefine((value, ctx) => {
          const parsed = value.length > 200 ? { error: 'expression must be at most 200 characters' } : parseCronExpression(value);
          if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
        }),
      durationMinutes: durationMinutesSchema,
      timeZone: timeZoneSchema,
    }),
  ],
  { error: 'schedule.type must be once, weekly or cron' },
);
export type MaintenanceSchedule = z.infer<typeof maintenanceScheduleSchema>;

/** A stretch of planned work: checks still run, but no incident notifies. */
export const maintenanceWindowInputSchema = z.object({
  name: z
    .string({ error: 'name is required' })
    .check(storableText('name'))
    .trim()
    .min(1, { error: 'name is required' })
    .max(100, { error: 'name must be at most 100 characters' }),
  /** null: every monitor. */
  monitorId: z.uuid({ error: 'monitorId must be a monitor id (uuid)' }).nullable().default(null),
  schedule: maintenanceScheduleSchema,
});
export type MaintenanceWindowInput = z.input<typeof maintenanceWindowInputSchema>;

export const maintenanceWindowSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  monitorId: z.uuid().nullable(),
  schedule: maintenanceScheduleSchema,
  /** Whether the window is open at the time of the answer. */
  activeNow: z.boolean(),
  createdAt: z.date(),
});
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>;

export const maintenanceWindowIdSchema = z.object({ id: z.uuid({ error: 'id must be a maintenance window id (uuid)' }) });

/** `maintenanceWindows.delete`: the window that is gone. */
export const maintenanceWindowDeletedSchema = z.object({ id: z.uuid() });

export const maintenanceWindowListInputSchema = z.object({
  monitorId: z.uuid({ error: 'monitorId must be a monitor id (uuid)' }).optional(),
});
