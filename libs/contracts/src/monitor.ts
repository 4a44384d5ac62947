import { z } from 'zod';
import { bodyAssertionSchema, httpMethodSchema, requestHeadersSchema } from './http-check';
import { expectedStatusCodesSchema } from './status-codes';
import { storableText } from './storable-text';
import { monitorUrlSchema } from './url';

export const MONITOR_STATUSES = ['pending', 'up', 'down', 'paused'] as const;
/** pending: no verdict yet; up/down: decided by the failure threshold; paused: the user stopped checks. */
export const monitorStatusSchema = z.enum(MONITOR_STATUSES);
export type MonitorStatus = z.infer<typeof monitorStatusSchema>;

export const MONITOR_LIMITS = {
  intervalSeconds: { min: 20, max: 86_400, default: 300 },
  timeoutMs: { min: 1_000, max: 60_000, default: 10_000 },
  failureThreshold: { min: 1, max: 10, default: 2 },
  recoveryThreshold: { min: 1, max: 10, default: 1 },
  retries: { min: 0, max: 5, default: 1 },
  retryDelayMs: { min: 0, max: 30_000, default: 500 },
  maxBodyBytes: { min: 1_024, max: 10 * 1024 * 1024, default: 1024 * 1024 },
  maxRedirects: { min: 0, max: 20, default: 5 },
  tlsAlertDays: { min: 1, max: 365, default: 14 },
  domainAlertDays: { min: 1, max: 365, default: 14 },
  /** Each reminder day is within these bounds; the list holds at most `maxCount` of them. */
  expiryReminderDays: { min: 1, max: 365, maxCount: 5, default: [7, 3, 1] as readonly number[] },
  name: { max: 100 },
} as const;

const intSchema = (field: string, limits: { min: number; max: number }) =>
  z
    .number({ error: `${field} must be a number` })
    .int({ error: `${field} must be a whole number` })
    .min(limits.min, { error: `${field} must be at least ${limits.min}` })
    .max(limits.max, { error: `${field} must be at most ${limits.max}` });

const reminderLimits = MONITOR_LIMITS.expiryReminderDays;

/** Days before expiry for countdown reminders, kept largest first (the order they come in). */
const expiryReminderDaysSchema = z
  .array(
    z
      .number({ error: 'expiryReminderDays must be a list of numbers' })
      .int({ error: 'expiryReminderDays must each be a whole number of days' })
      .min(reminderLimits.min, { error: `expiryReminderDays must each be at least ${reminderLimits.min}` })
      .max(reminderLimits.max, { error: `expiryReminderDays must each be at most ${reminderLimits.max}` }),
    { error: 'expiryReminderDays must be a list of numbers' },
  )
  .max(reminderLimits.maxCount, { error: `expiryReminderDays must list at most ${reminderLimits.maxCount} days` })
  .refine((days) => new Set(days).size === days.length, { error: 'expiryReminderDays must not repeat a day' })
  .transform((days) => [...days].sort((a, b) => b - a));

/** The expiry settings of a monitor, as the cross-field rule reads them. */
export type ExpiryAlertSettings = { tlsAlertDays: number; domainAlertDays: number; expiryReminderDays: readonly number[] };

/**
 * A reminder at or above an alert threshold could never come before the alert itself, so each must be below
 * both thresholds. One rule for create (the schema) and for a partial edit (checked against the saved row).
 */
export function expiryReminderProblem(settings: ExpiryAlertSettings): string | null {
  const ceiling = Math.min(settings.tlsAlertDays, settings.domainAlertDays);
  const tooLate = settings.expiryReminderDays.find((day) => day >= ceiling);
  return tooLate === undefined
    ? null
    : `expiryReminderDays must each be below tlsAlertDays and domainAlertDays (${tooLate} is not below ${ceiling})`;
}

/** Every configurable field, without defaults: the shape of a partial edit. */
const monitorFields = {
  name: z
    .string({ error: 'name is required' })
    .check(storableText('name'))
    .trim()
    .min(1, { error: 'name is required' })
    .max(MONITOR_LIMITS.name.max, { error: `name must be at most ${MONITOR_LIMITS.name.max} characters` }),
  url: monitorUrlSchema,
  intervalSeconds: intSchema('intervalSeconds', MONITOR_LIMITS.intervalSeconds),
  timeoutMs: intSchema('timeoutMs', MONITOR_LIMITS.timeoutMs),
  expectedStatusCodes: expectedStatusCodesSchema,
  failureThreshold: intSchema('failureThreshold', MONITOR_LIMITS.failureThreshold),
  paused: z.boolean({ error: 'paused must be true or false' }),
  method: httpMethodSchema,
  headers: requestHeadersSchema,
  body: z
    .string({ error: 'body must be text' })
    .check(storableText('body'))
    .max(65_536, { error: 'body must be at most 65536 characters' })
    .nullable(),
  bodyAssertion: bodyAssertionSchema.nullable(),
  maxBodyBytes: intSchema('maxBodyBytes', MONITOR_LIMITS.maxBodyBytes),
  followRedirects: z.boolean({ error: 'followRedirects must be true or false' }),
  maxRedirects: intSchema('maxRedirects', MONITOR_LIMITS.maxRedirects),
  ignoreTlsErrors: z.boolean({ error: 'ignoreTlsErrors must be true or false' }),
  /** Immediate re-checks over a fresh connection before a failure counts (exponential backoff from retryDelayMs). */
  retries: intSchema('retries', MONITOR_LIMITS.retries),
  retryDelayMs: intSchema('retryDelayMs', MONITOR_LIMITS.retryDelayMs),
  recoveryThreshold: intSchema('recoveryThreshold', MONITOR_LIMITS.recoveryThreshold),
  /** A certificate with this many days left or fewer opens a `tls` incident. */
  tlsAlertDays: intSchema('tlsAlertDays', MONITOR_LIMITS.tlsAlertDays),
  /** A domain registration with this many days left or fewer opens a `domain` incident. */
  domainAlertDays: intSchema('domainAlertDays', MONITOR_LIMITS.domainAlertDays),
  /** While an expiry incident stays open and unacknowledged, one reminder when the days left first reach each of these. */
  expiryReminderDays: expiryReminderDaysSchema,
  /**
   * The channels this monitor's alerts go to. Left out on create: every channel marked default. On output it
   * is present from monitors.get, create and update (not from list or live events).
   */
  channelIds: z
    .array(z.uuid({ error: 'channelIds must be a list of channel ids (uuid)' }), { error: 'channelIds must be a list of channel ids (uuid)' })
    .max(50, { error: 'channelIds must list at most 50 channels' })
    .optional(),
};

/** Every field with its default filled in; no cross-field rules, so it can be extended. */
const monitorConfigObject = z.object({
  ...monitorFields,
  intervalSeconds: monitorFields.intervalSeconds.default(MONITOR_LIMITS.intervalSeconds.default),
  timeoutMs: monitorFields.timeoutMs.default(MONITOR_LIMITS.timeoutMs.default),
  expectedStatusCodes: monitorFields.expectedStatusCodes.default('200-299'),
  failureThreshold: monitorFields.failureThreshold.default(MONITOR_LIMITS.failureThreshold.default),
  paused: monitorFields.paused.default(false),
  method: monitorFields.method.default('GET'),
  headers: monitorFields.headers.default({}),
  body: monitorFields.body.default(null),
  bodyAssertion: monitorFields.bodyAssertion.default(null),
  maxBodyBytes: monitorFields.maxBodyBytes.default(MONITOR_LIMITS.maxBodyBytes.default),
  followRedirects: monitorFields.followRedirects.default(true),
  maxRedirects: monitorFields.maxRedirects.default(MONITOR_LIMITS.maxRedirects.default),
  ignoreTlsErrors: monitorFields.ignoreTlsErrors.default(false),
  retries: monitorFields.retries.default(MONITOR_LIMITS.retries.default),
  retryDelayMs: monitorFields.retryDelayMs.default(MONITOR_LIMITS.retryDelayMs.default),
  recoveryThreshold: monitorFields.recoveryThreshold.default(MONITOR_LIMITS.recoveryThreshold.default),
  tlsAlertDays: monitorFields.tlsAlertDays.default(MONITOR_LIMITS.tlsAlertDays.default),
  domainAlertDays: monitorFields.domainAlertDays.default(MONITOR_LIMITS.domainAlertDays.default),
  expiryReminderDays: monitorFields.expiryReminderDays.default(() => [...reminderLimits.default]),
});

const EXPIRY_FIELDS = ['tlsAlertDays', 'domainAlertDays', 'expiryReminderDays'];

/** Compared only once the three are valid on their own, and the input is an object at all (null has no fields). */
const expiryFieldsAreValid = (issues: readonly { path?: readonly PropertyKey[] }[]) =>
  !issues.some((issue) => !issue.path?.length || EXPIRY_FIELDS.includes(String(issue.path[0])));

/** What a user sends to create a monitor; defaults are filled in. */
export const monitorInputSchema = monitorConfigObject.superRefine(
  (config, context) => {
    const problem = expiryReminderProblem(config);
    if (problem) context.addIssue({ code: 'custom', path: ['expiryReminderDays'], message: problem });
  },
  // Not "7 is not below 0" after tlsAlertDays' own message; not a TypeError reading the fields of null.
  { when: (payload) => expiryFieldsAreValid(payload.issues) },
);
export type MonitorInput = z.input<typeof monitorInputSchema>;
export type MonitorConfig = z.output<typeof monitorInputSchema>;

export const monitorIdSchema = z.object({ id: z.uuid({ error: 'id must be a monitor id (uuid)' }) });

/** A partial edit: only the fields sent change. */
export const monitorUpdateSchema = z.object({
  id: z.uuid({ error: 'id must be a monitor id (uuid)' }),
  patch: z.object(monitorFields).partial().refine((patch) => Object.keys(patch).length > 0, {
    error: 'patch must change at least one field',
  }),
});
export type MonitorUpdate = z.input<typeof monitorUpdateSchema>;
export type MonitorPatch = z.output<typeof monitorUpdateSchema>['patch'];

/** Why an active monitor has no fresh result, and since when (see `Monitor.stale`). */
export const monitorStalenessSchema = z.object({ since: z.date(), reason: z.string() });
export type MonitorStaleness = z.infer<typeof monitorStalenessSchema>;

/** A monitor as the API returns it: configuration plus current state. */
export const monitorSchema = monitorConfigObject.extend({
  id: z.uuid(),
  status: monitorStatusSchema,
  consecutiveFailures: z.number().int(),
  consecutiveSuccesses: z.number().int(),
  lastCheckedAt: z.date().nullable(),
  lastLatencyMs: z.number().int().nullable(),
  lastError: z.string().nullable(),
  /**
   * Set while an active monitor is overdue: no result past its interval plus a margin, and no check in
   * flight. Its status is then old news, so the dashboard shows "stale" (with why) instead of the last verdict.
   */
  stale: monitorStalenessSchema.nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Monitor = z.infer<typeof monitorSchema>;
