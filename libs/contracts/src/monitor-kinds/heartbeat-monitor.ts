import { z } from 'zod';
import { parseCronExpression } from '../cron-expression';
import { formatDuration } from '../format-duration';
import { storableText } from '../storable-text';
import { isTimeZone } from '../time-zone';
import { intField, type SettingsProblem } from './kind-fields';

const DAY_SECONDS = 86_400;

export const HEARTBEAT_LIMITS = {
  /** A ping expected every period; shorter periods are an active probe's job. */
  periodSeconds: { min: 20, max: 365 * DAY_SECONDS },
  /** How late a ping may be before the heartbeat is DOWN. */
  graceSeconds: { min: 5, max: 365 * DAY_SECONDS, default: 300 },
  cron: { max: 200 },
} as const;

const cronField = z
  .string({ error: 'cron must be text' })
  .check(storableText('cron'))
  .trim()
  .superRefine((value, ctx) => {
    const parsed =
      value.length > HEARTBEAT_LIMITS.cron.max
        ? { error: `must be at most ${HEARTBEAT_LIMITS.cron.max} characters` }
        : parseCronExpression(value);
    // parseCronExpression names the part of the expression; the field a person typed it in is `cron`.
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: `cron ${parsed.error.replace(/^expression:? ?/, '')}` });
  });

/**
 * A job that must check in: a ping every `periodSeconds`, or at each time `cron` fires in `timezone` (wall
 * clock), each allowed `graceSeconds` late. Exactly one of the two schedules is set.
 */
export const heartbeatMonitorFields = {
  periodSeconds: intField('periodSeconds', HEARTBEAT_LIMITS.periodSeconds).nullable(),
  /** Five fields, minute hour day-of-month month day-of-week, as the job's crontab has it. */
  cron: cronField.nullable(),
  /** The IANA zone the cron expression is read in (the job's machine's zone). */
  timezone: z
    .string({ error: 'timezone must be text' })
    .check(storableText('timezone'))
    .refine(isTimeZone, { error: 'timezone must be an IANA time zone such as Europe/Paris' }),
  graceSeconds: intField('graceSeconds', HEARTBEAT_LIMITS.graceSeconds),
};

export const heartbeatMonitorSettings = {
  periodSeconds: heartbeatMonitorFields.periodSeconds.default(null),
  cron: heartbeatMonitorFields.cron.default(null),
  timezone: heartbeatMonitorFields.timezone.default('UTC'),
  graceSeconds: heartbeatMonitorFields.graceSeconds.default(HEARTBEAT_LIMITS.graceSeconds.default),
};
export type HeartbeatMonitorSettings = z.output<z.ZodObject<typeof heartbeatMonitorSettings>>;

/**
 * The rule across the fields, for a create and for an edit merged over what is stored: one schedule, not two
 * and not none.
 */
export function heartbeatSettingsProblems(settings: Pick<HeartbeatMonitorSettings, 'periodSeconds' | 'cron'>): SettingsProblem[] {
  if (settings.periodSeconds === null && settings.cron === null)
    return [{ field: 'periodSeconds', message: 'periodSeconds or cron is required: when must the pings come?' }];
  if (settings.periodSeconds !== null && settings.cron !== null)
    return [{ field: 'cron', message: 'cron cannot be set together with periodSeconds: choose one schedule' }];
  return [];
}

/** "every 5m", "cron 0 2 * * * (Europe/Paris)": when the pings are expected, in one line. */
export function describeHeartbeatSchedule(settings: Pick<HeartbeatMonitorSettings, 'periodSeconds' | 'cron' | 'timezone'>): string {
  if (settings.periodSeconds !== null) return `every ${formatDuration(settings.periodSeconds * 1_000)}`;
  return `cron ${settings.cron ?? '?'} (${settings.timezone})`;
}

/** A heartbeat's own state beside the common one: when it last heard, and what it waits for. */
export const heartbeatStateSchema = {
  /** Only from get, create, update and rotatePingKey: the secret in the ping URL. */
  pingKey: z.string().optional(),
  /** `<public URL>/ping/<pingKey>`, with pingKey. */
  pingUrl: z.string().optional(),
  lastPingAt: z.date().nullable(),
  /** When the next success is expected; null while pending (no ping yet) or paused. */
  expectedAt: z.date().nullable(),
  /** When silence (or a run with no finish) becomes DOWN. */
  deadlineAt: z.date().nullable(),
  /** A run reported started (`/start`) and not finished yet. */
  runStartedAt: z.date().nullable(),
};
