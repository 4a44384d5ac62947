import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { MONITOR_LIMITS, type BodyAssertion, type MonitorStatus } from '@mini-netumo/contracts';

/** A monitor's configuration and its current state, in one row: the dashboard reads it without joins. */
export const monitors = pgTable(
  'monitors',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    url: text('url').notNull(),
    intervalSeconds: integer('interval_seconds').notNull(),
    timeoutMs: integer('timeout_ms').notNull(),
    expectedStatusCodes: text('expected_status_codes').notNull(),
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
    /** The slot (scheduled time) of the newest stored result: a re-run of that slot or an older one is dropped. */
    lastSlotAt: timestamp('last_slot_at', { withTimezone: true }),
    /** Set by the watchdog while the monitor is overdue, cleared by its next result. */
    staleSince: timestamp('stale_since', { withTimezone: true }),
    staleReason: text('stale_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('monitors_overdue_idx').on(table.overdueAt).where(sql`not ${table.paused}`),
    index('monitors_stale_idx').on(table.staleSince).where(sql`${table.staleSince} is not null`),
  ],
);

export type MonitorRow = typeof monitors.$inferSelect;
