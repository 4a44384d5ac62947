import { z } from 'zod';
import { heartbeatStateSchema } from './monitor-kinds/heartbeat-monitor';
import { HTTP_MONITOR_LIMITS } from './monitor-kinds/http-monitor';
import { intField } from './monitor-kinds/kind-fields';
import {
  MONITOR_KIND_CONTRACTS,
  MONITOR_KINDS,
  isActiveKind,
  kindFieldNames,
  monitorSettingsProblems,
  type MonitorKind,
} from './monitor-kinds/monitor-kinds';
import { storableText } from './storable-text';

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
  ...HTTP_MONITOR_LIMITS,
  tlsAlertDays: { min: 1, max: 365, default: 14 },
  domainAlertDays: { min: 1, max: 365, default: 14 },
  /** Each reminder day is within these bounds; the list holds at most `maxCount` of them. */
  expiryReminderDays: { min: 1, max: 365, maxCount: 5, default: [7, 3, 1] as readonly number[] },
  name: { max: 100 },
} as const;

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

/** The fields every kind shares, without defaults: what it is called, whether it runs, where its alerts go. */
const sharedFields = {
  name: z
    .string({ error: 'name is required' })
    .check(storableText('name'))
    .trim()
    .min(1, { error: 'name is required' })
    .max(MONITOR_LIMITS.name.max, { error: `name must be at most ${MONITOR_LIMITS.name.max} characters` }),
  paused: z.boolean({ error: 'paused must be true or false' }),
  /**
   * The channels this monitor's alerts go to. Left out on create: every channel marked default. On output it
   * is present from monitors.get, create and update (not from list or live events).
   */
  channelIds: z
    .array(z.uuid({ error: 'channelIds must be a list of channel ids (uuid)' }), {
      error: 'channelIds must be a list of channel ids (uuid)',
    })
    .max(50, { error: 'channelIds must list at most 50 channels' })
    .optional(),
};

/**
 * The fields of the active kinds (probed on a schedule), without defaults: how often and how patiently, how many
 * failures make DOWN, and when a certificate or domain they reach nears its expiry. A heartbeat has none of them.
 */
const activeFields = {
  intervalSeconds: intField('intervalSeconds', MONITOR_LIMITS.intervalSeconds),
  timeoutMs: intField('timeoutMs', MONITOR_LIMITS.timeoutMs),
  failureThreshold: intField('failureThreshold', MONITOR_LIMITS.failureThreshold),
  /** Immediate re-checks over a fresh connection before a failure counts (exponential backoff from retryDelayMs). */
  retries: intField('retries', MONITOR_LIMITS.retries),
  retryDelayMs: intField('retryDelayMs', MONITOR_LIMITS.retryDelayMs),
  recoveryThreshold: intField('recoveryThreshold', MONITOR_LIMITS.recoveryThreshold),
  /** A certificate with this many days left or fewer opens a `tls` incident. */
  tlsAlertDays: intField('tlsAlertDays', MONITOR_LIMITS.tlsAlertDays),
  /** A domain registration with this many days left or fewer opens a `domain` incident. */
  domainAlertDays: intField('domainAlertDays', MONITOR_LIMITS.domainAlertDays),
  /** While an expiry incident stays open and unacknowledged, one reminder when the days left first reach each of these. */
  expiryReminderDays: expiryReminderDaysSchema,
};

const sharedSettings = { ...sharedFields, paused: sharedFields.paused.default(false) };

/** The active fields with their defaults filled in. */
const activeSettings = {
  intervalSeconds: activeFields.intervalSeconds.default(MONITOR_LIMITS.intervalSeconds.default),
  timeoutMs: activeFields.timeoutMs.default(MONITOR_LIMITS.timeoutMs.default),
  failureThreshold: activeFields.failureThreshold.default(MONITOR_LIMITS.failureThreshold.default),
  retries: activeFields.retries.default(MONITOR_LIMITS.retries.default),
  retryDelayMs: activeFields.retryDelayMs.default(MONITOR_LIMITS.retryDelayMs.default),
  recoveryThreshold: activeFields.recoveryThreshold.default(MONITOR_LIMITS.recoveryThreshold.default),
  tlsAlertDays: activeFields.tlsAlertDays.default(MONITOR_LIMITS.tlsAlertDays.default),
  domainAlertDays: activeFields.domainAlertDays.default(MONITOR_LIMITS.domainAlertDays.default),
  expiryReminderDays: activeFields.expiryReminderDays.default(() => [...reminderLimits.default]),
};

/**
 * One object per kind: the shared settings, the kind's own, and `kind` itself. `kind` may be left out for
 * HTTP, so every client written before there were kinds keeps working.
 */
const monitorConfigByKind = {
  http: z.object({
    kind: z.literal('http').default('http'),
    ...sharedSettings,
    ...activeSettings,
    ...MONITOR_KIND_CONTRACTS.http.settings,
  }),
  tcp: z.object({ kind: z.literal('tcp'), ...sharedSettings, ...activeSettings, ...MONITOR_KIND_CONTRACTS.tcp.settings }),
  dns: z.object({ kind: z.literal('dns'), ...sharedSettings, ...activeSettings, ...MONITOR_KIND_CONTRACTS.dns.settings }),
  heartbeat: z.object({ kind: z.literal('heartbeat'), ...sharedSettings, ...MONITOR_KIND_CONTRACTS.heartbeat.settings }),
} satisfies Record<MonitorKind, z.ZodObject>;

/** Only the unknown-kind case: a non-object input keeps the one message every schema gives it. */
const KIND_ERROR = {
  error: (issue: { code?: string }) => (issue.code === 'invalid_union' ? `kind must be one of ${MONITOR_KINDS.join(', ')}` : undefined),
};
const monitorConfigUnion = z.discriminatedUnion(
  'kind',
  Object.values(monitorConfigByKind) as [
    typeof monitorConfigByKind.http,
    typeof monitorConfigByKind.tcp,
    typeof monitorConfigByKind.dns,
    typeof monitorConfigByKind.heartbeat,
  ],
  KIND_ERROR,
);

// An unknown kind means no object was read at all, as with a null input.
const EXPIRY_FIELDS = ['kind', 'tlsAlertDays', 'domainAlertDays', 'expiryReminderDays'];

type Issues = readonly { path?: readonly PropertyKey[] }[];

/** Compared only once the three are valid on their own, and the input is an object at all (null has no fields). */
const expiryFieldsAreValid = (issues: Issues) =>
  !issues.some((issue) => !issue.path?.length || EXPIRY_FIELDS.includes(String(issue.path[0])));

// The fields of every kind, and the kind itself: a rule between a kind's fields is judged once each is valid.
const KIND_FIELDS = new Set(['kind', ...MONITOR_KINDS.flatMap(kindFieldNames)]);
const kindFieldsAreValid = (issues: Issues) => !issues.some((issue) => !issue.path?.length || KIND_FIELDS.has(String(issue.path[0])));

/** What a user sends to create a monitor of any kind; defaults are filled in. */
export const monitorInputSchema = monitorConfigUnion
  .superRefine(
    (config, context) => {
      if (config.kind === 'heartbeat') return;
      const problem = expiryReminderProblem(config);
      if (problem) context.addIssue({ code: 'custom', path: ['expiryReminderDays'], message: problem });
    },
    // Not "7 is not below 0" after tlsAlertDays' own message; not a TypeError reading the fields of null.
    { when: (payload) => expiryFieldsAreValid(payload.issues) },
  )
  .superRefine(
    (config, context) => {
      for (const { field, message } of monitorSettingsProblems(config)) context.addIssue({ code: 'custom', path: [field], message });
    },
    { when: (payload) => kindFieldsAreValid(payload.issues) },
  );
export type MonitorInput = z.input<typeof monitorInputSchema>;
export type MonitorConfig = z.output<typeof monitorInputSchema>;
/** The configuration of one kind of monitor. */
export type MonitorConfigOf<K extends MonitorKind> = Extract<MonitorConfig, { kind: K }>;

export const monitorIdSchema = z.object({ id: z.uuid({ error: 'id must be a monitor id (uuid)' }) });

/** `monitors.delete`: the monitor that is gone. */
export const monitorDeletedSchema = z.object({ id: z.uuid() });
/** `monitors.checkNow`: a check of an active monitor is always queued (a paused one is NOT_FOUND). */
export const monitorCheckQueuedSchema = z.object({ queued: z.literal(true) });

/**
 * A partial edit: only the fields sent change. Any kind's fields are accepted here; the monitor's own kind
 * decides which apply (a `port` sent for an HTTP monitor is refused, naming the field). The kind never changes.
 */
export const monitorUpdateSchema = z.object({
  id: z.uuid({ error: 'id must be a monitor id (uuid)' }),
  patch: z
    .object({
      ...sharedFields,
      ...activeFields,
      ...MONITOR_KIND_CONTRACTS.http.fields,
      ...MONITOR_KIND_CONTRACTS.tcp.fields,
      ...MONITOR_KIND_CONTRACTS.dns.fields,
      ...MONITOR_KIND_CONTRACTS.heartbeat.fields,
    })
    .partial()
    .refine((patch) => Object.keys(patch).length > 0, { error: 'patch must change at least one field' }),
});
export type MonitorUpdate = z.input<typeof monitorUpdateSchema>;
export type MonitorPatch = z.output<typeof monitorUpdateSchema>['patch'];
/** The names of the fields every kind has. */
export const SHARED_MONITOR_FIELDS = Object.keys(sharedFields) as Array<keyof typeof sharedFields>;
/** The names of the fields every active kind has (a heartbeat has none of them). */
export const ACTIVE_MONITOR_FIELDS = Object.keys(activeFields) as Array<keyof typeof activeFields>;
/** The fields a monitor of this kind has beside its kind's own. */
export const commonFieldNames = (kind: MonitorKind): string[] =>
  isActiveKind(kind) ? [...SHARED_MONITOR_FIELDS, ...ACTIVE_MONITOR_FIELDS] : [...SHARED_MONITOR_FIELDS];

/** Why an active monitor has no fresh result, and since when (see `Monitor.stale`). */
export const monitorStalenessSchema = z.object({ since: z.date(), reason: z.string() });
export type MonitorStaleness = z.infer<typeof monitorStalenessSchema>;

/** What every monitor has besides its configuration: its identity and current state. */
const monitorState = {
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
};

/**
 * The part of a monitor that checks move (not its configuration): what a live `monitor.state` event carries, so
 * a check does not resend the whole monitor to every dashboard.
 */
export const monitorStateSchema = z.object(monitorState).omit({ createdAt: true });
export type MonitorState = z.infer<typeof monitorStateSchema>;

/** The state fields of a monitor, as a `monitor.state` event carries them. */
export function monitorStateOf(monitor: MonitorState): MonitorState {
  const { id, status, consecutiveFailures, consecutiveSuccesses, lastCheckedAt, lastLatencyMs, lastError, stale, updatedAt } = monitor;
  return { id, status, consecutiveFailures, consecutiveSuccesses, lastCheckedAt, lastLatencyMs, lastError, stale, updatedAt };
}

/** A monitor as the API returns it: configuration plus current state, one shape per kind. */
export const monitorSchema = z.discriminatedUnion('kind', [
  monitorConfigByKind.http.extend({ kind: z.literal('http'), ...monitorState }),
  monitorConfigByKind.tcp.extend(monitorState),
  monitorConfigByKind.dns.extend(monitorState),
  monitorConfigByKind.heartbeat.extend({ ...monitorState, ...heartbeatStateSchema }),
]);
export type Monitor = z.infer<typeof monitorSchema>;
export type MonitorOf<K extends MonitorKind> = Extract<Monitor, { kind: K }>;
