import { boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { DomainSource } from '@mini-netumo/contracts';

/**
 * One row per registrable domain, shared by every monitor on it: the last lookup's facts, which double as
 * the 24-hour cache (one lookup per domain per day, whatever the number of monitors). The state and days
 * left are computed when read.
 */
export const domainRegistrations = pgTable(
  'domain_registrations',
  {
    /** The registrable domain in punycode: `example.co.uk`, `xn--bcher-kva.de`. */
    domain: text('domain').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    notRegistered: boolean('not_registered').notNull().default(false),
    source: text('source').$type<DomainSource>(),
    registrar: text('registrar'),
    /** Why there is no date; null when there is one. */
    reason: text('reason'),
    /** When the last lookup finished; null until one has. */
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    /** Since when lookups give no date (null while they do): an unknown older than 3 days raises a notice. */
    unknownSince: timestamp('unknown_since', { withTimezone: true }),
    /** A worker claimed the lookup at this time; others use the cached row instead of asking too. */
    lookupStartedAt: timestamp('lookup_started_at', { withTimezone: true }),
  },
  (table) => [index('domain_registrations_expires_idx').on(table.expiresAt)],
);

export type DomainRegistrationRow = typeof domainRegistrations.$inferSelect;
