import { z } from 'zod';

/** Why no certificate could be read from an address; `null` when the handshake completed. */
export const TLS_FAILURE_KINDS = [
  'dns',
  'refused',
  'timeout',
  'reset',
  /** The port answers plain HTTP, not TLS (a common misconfiguration on 443). */
  'plain_http',
  /** Something answered, but not TLS. */
  'not_tls',
  /** A TLS answer that ended in an alert (no shared protocol or cipher, unrecognised name). */
  'handshake',
] as const;
export const tlsFailureKindSchema = z.enum(TLS_FAILURE_KINDS);
export type TlsFailureKind = z.infer<typeof tlsFailureKindSchema>;

/**
 * One address's certificate health, worst first. Expiry is a separate lane from UP/DOWN: none of these
 * changes the monitor's status or its uptime. `error`: no certificate could be read there.
 */
export const TLS_STATES = ['expired', 'chain_invalid', 'hostname_mismatch', 'not_yet_valid', 'expiring', 'error', 'ok'] as const;
export const tlsStateSchema = z.enum(TLS_STATES);
export type TlsState = z.infer<typeof tlsStateSchema>;

/** A certificate as read from the wire. Fingerprint: SHA-256 of the DER, colon-separated hex as browsers show it. */
export const certificateSchema = z.object({
  subject: z.string(),
  subjectAltNames: z.array(z.string()),
  issuer: z.string(),
  serialNumber: z.string(),
  fingerprintSha256: z.string(),
  validFrom: z.date(),
  validTo: z.date(),
});
export type Certificate = z.infer<typeof certificateSchema>;

/** One certificate the server sent above the leaf (intermediates, sometimes the root). */
export const chainCertificateSchema = certificateSchema.pick({ subject: true, issuer: true, fingerprintSha256: true, validTo: true });
export type ChainCertificate = z.infer<typeof chainCertificateSchema>;

/**
 * What one address behind the name served. Chain trust and hostname match are reported apart: a valid
 * chain for the wrong name and the right name with a broken chain are different repairs.
 */
export const tlsAddressReportSchema = z.object({
  address: z.string(),
  family: z.union([z.literal(4), z.literal(6)]),
  state: tlsStateSchema,
  /** Whole days until validTo (negative once expired); null when no certificate was read. */
  daysRemaining: z.number().int().nullable(),
  certificate: certificateSchema.nullable(),
  chain: z.array(chainCertificateSchema),
  /** Null when no handshake completed. */
  chainValid: z.boolean().nullable(),
  /** OpenSSL's verification code when the chain does not verify, such as UNABLE_TO_VERIFY_LEAF_SIGNATURE. */
  chainError: z.string().nullable(),
  hostnameMatches: z.boolean().nullable(),
  protocol: z.string().nullable(),
  errorKind: tlsFailureKindSchema.nullable(),
  errorMessage: z.string().nullable(),
  checkedAt: z.date(),
});
export type TlsAddressReport = z.infer<typeof tlsAddressReportSchema>;

/** The certificate lane of one monitor: every address checked, and the worst of them. */
export const tlsStatusSchema = z.object({
  monitorId: z.uuid(),
  host: z.string(),
  port: z.number().int(),
  /** Worst state over the addresses; null before the first check. */
  state: tlsStateSchema.nullable(),
  /** Fewest days left over the addresses that served a certificate. */
  daysRemaining: z.number().int().nullable(),
  /** Alert when a certificate has this many days left or fewer. */
  thresholdDays: z.number().int(),
  checkedAt: z.date().nullable(),
  addresses: z.array(tlsAddressReportSchema),
  /** Set when the name itself did not resolve (then `addresses` is empty). */
  errorKind: tlsFailureKindSchema.nullable(),
  errorMessage: z.string().nullable(),
});
export type TlsStatus = z.infer<typeof tlsStatusSchema>;

/** `tls.get`: the monitor's certificate lane, or null when its kind has no certificate (DNS, TCP without TLS, plain http). */
export const monitorTlsStatusSchema = tlsStatusSchema.nullable();

export const tlsGetInputSchema = z.object({
  monitorId: z.uuid({ error: 'monitorId must be a monitor id (uuid)' }),
});
