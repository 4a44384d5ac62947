import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { MONITOR_LIMITS, type BodyAssertion, type MonitorKind, type MonitorKindSettings, type MonitorStatus } from '@mini-netumo/contracts';

/** The settings of a kind kept in `monitors.settings`: every kind but HTTP. */
export type StoredKindSettings = MonitorKindSettings[Exclude<MonitorKind, 'http'>];

/**
 * A monitor's configuration and its current state, in one row: the dashboard reads it without joins. HTTP's
 * settings have columns of their own (they predate kinds); every other kind keeps its settings in `settings`,
 * so a new kind needs no migration. The HTTP columns of another kind's row hold their defaults (url: null).
 */
export const monitors = pgTable(
  'monitors',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    kind: text('kind').$type<MonitorKind>().notNull().default('http'),
    name: text('name').notNull(),
    /** HTTP only. */
    url: text('url'),
    /** The kind's own settings, for every kind but HTTP (null for HTTP). */
    settings: jsonb('settings').$type<StoredKindSettings>(),
    intervalSeconds: integer('interval_seconds').notNull(),
    timeoutMs: integer('timeout_ms').notNull(),
    expectedStatusCodes: text('expected_status_codes').notNull().default('200-299'),
    failureThreshold: integer('failure_threshold').notNull(),
    paused: boolean('paused').notNull().default(false),
    method: text('method').notNull().default('GET'),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    body: text('body'),
    bodyAssertion: jsonb('body_assertion').$type<BodyAssertion>(),
    maxBodyBytes: integer('max_body_bytes').notNull().default(1_048_576),
    followRedirects: boolean('follow_redirects').notNull().default(true),
    maxRedirects: integer('max_redirects').notNull().default(5),
    ignoreTlsErrors: boolean('ignore_tls_errors').notNull().default(false),
    retries: integer('retries').notNull().default(1),
    retryDelayMs: integer('retry_delay_ms').notNull().default(500),
    recoveryThreshold: integer('recovery_threshold').notNull().default(1),
    /** Expiry alerting: days left at which a certificate or registration opens an incident, and the countdown reminders. */
    tlsAlertDays: integer('tls_alert_days').notNull().default(MONITOR_LIMITS.tlsAlertDays.default),
    domainAlertDays: integer('domain_alert_days').notNull().default(MONITOR_LIMITS.domainAlertDays.default),
    expiryReminderDays: integer('expiry_reminder_days')
      .array()
      .notNull()
      .default([...MONITOR_LIMITS.expiryReminderDays.default]),
    status: text('status').$type<MonitorStatus>().notNull().default('pending'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    consecutiveSuccesses: integer('consecutive_successes').notNull().default(0),
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }),
    lastLatencyMs: integer('last_latency_ms'),
    lastError: text('last_error'),
    /**
     * When the monitor is overdue if no result has come by then: moved on by every stored result (its slot
     * plus the interval plus a margin) and by create, edit and resume. The watchdog's one indexed query.
     */
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
    /**
     * When the monitor's next check is due: the schedule itself, for every active kind (null when paused, and
     * for heartbeats). Workers claim due rows FOR UPDATE SKIP LOCKED and move this on to the next slot in the
     * same transaction (lanes/check-claimer.ts), so no queue holds a job per monitor and nothing is rebuilt.
     */
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }),
    /** The slot (scheduled time) of the newest stored result: a re-run of that slot or an older one is dropped. */
    lastSlotAt: timestamp('last_slot_at', { withTimezone: true }),
    /** Set by the watchdog while the monitor is overdue, cleared by its next result. */
    staleSince: timestamp('stale_since', { withTimezone: true }),
    staleReason: text('stale_reason'),
    /**
     * Heartbeats only (null for every active kind): the secret in the ping URL, and what the pings and the
     * deadline sweeper keep. `deadlineAt` is when silence (or a run with no finish) becomes DOWN: the
     * sweeper's one indexed query, so no queue job or timer exists per heartbeat.
     */
    pingKey: text('ping_key'),
    lastPingAt: timestamp('last_ping_at', { withTimezone: true }),
    expectedAt: timestamp('expected_at', { withTimezone: true }),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    runStartedAt: timestamp('run_started_at', { withTimezone: true }),
    /** The `?rid=` of the open run, when its start gave one: only the finish with the same id ends it. */
    runId: uuid('run_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('monitors_overdue_idx')
      .on(table.overdueAt)
      .where(sql`not ${table.paused}`),
    index('monitors_next_check_idx')
      .on(table.nextCheckAt)
      .where(sql`${table.nextCheckAt} is not null and not ${table.paused}`),
    index('monitors_stale_idx')
      .on(table.staleSince)
      .where(sql`${table.staleSince} is not null`),
    uniqueIndex('monitors_ping_key_idx').on(table.pingKey),
    index('monitors_deadline_idx')
      .on(table.deadlineAt)
      .where(sql`${table.deadlineAt} is not null and not ${table.paused}`),
    // Exactly one home for a monitor's settings: the HTTP columns for HTTP, `settings` for every other kind.
    check('monitors_settings_by_kind', sql`(${table.kind} = 'http') = (${table.url} is not null and ${table.settings} is null)`),
    // Every heartbeat can be pinged, and nothing else can.
    check('monitors_ping_key_by_kind', sql`(${table.kind} = 'heartbeat') = (${table.pingKey} is not null)`),
  ],
);

export type MonitorRow = typeof monitors.$inferSelect;
