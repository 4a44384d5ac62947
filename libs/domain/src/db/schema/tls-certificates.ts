import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TlsFailureKind } from '@mini-netumo/contracts';
import { monitors } from './monitors';

/** A certificate above the leaf as stored: dates as ISO text inside JSON. */
export interface StoredChainCertificate {
  subject: string;
  issuer: string;
  fingerprintSha256: string;
  validTo: string;
}

/**
 * The latest certificate check of each address behind a monitor's host: the facts read from the wire, not
 * a verdict, so the state and the days left are computed when read and never go stale. A row with an empty
 * address stands for the name itself when it did not resolve.
 */
export const tlsCertificates = pgTable(
  'tls_certificates',
  {
    monitorId: uuid('monitor_id')
      .notNull()
      .references(() => monitors.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    family: integer('family').notNull(),
    host: text('host').notNull(),
    port: integer('port').notNull(),
    subject: text('subject'),
    subjectAltNames: text('subject_alt_names').array(),
    issuer: text('issuer'),
    serialNumber: text('serial_number'),
    fingerprintSha256: text('fingerprint_sha256'),
    validFrom: timestamp('valid_from', { withTimezone: true }),
    validTo: timestamp('valid_to', { withTimezone: true }),
    chain: jsonb('chain').$type<StoredChainCertificate[]>().notNull().default([]),
    /** OpenSSL's code when the chain does not verify; null when it does or no handshake happened. */
    chainError: text('chain_error'),
    hostnameError: text('hostname_error'),
    protocol: text('protocol'),
    errorKind: text('error_kind').$type<TlsFailureKind>(),
    errorMessage: text('error_message'),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.monitorId, table.address] }),
    // expiry.upcoming reads certificates by end date across all monitors.
    index('tls_certificates_valid_to_idx').on(table.validTo),
  ],
);

export type TlsCertificateRow = typeof tlsCertificates.$inferSelect;
export type NewTlsCertificateRow = typeof tlsCertificates.$inferInsert;
