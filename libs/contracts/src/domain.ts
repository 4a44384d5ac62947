import { z } from 'zod';

/**
 * A registration's state. `unknown`: the lookup failed or gave no date we can read for sure; it is never
 * shown as healthy nor as expiring. Like certificates, none of these changes the monitor's UP/DOWN.
 */
export const DOMAIN_STATES = ['expired', 'not_registered', 'expiring', 'unknown', 'ok'] as const;
export const domainStateSchema = z.enum(DOMAIN_STATES);
export type DomainState = z.infer<typeof domainStateSchema>;

export const DOMAIN_SOURCES = ['rdap', 'whois'] as const;
export const domainSourceSchema = z.enum(DOMAIN_SOURCES);
export type DomainSource = z.infer<typeof domainSourceSchema>;

/** The domain lane of one monitor; the registration itself is shared by every monitor of that domain. */
export const domainStatusSchema = z.object({
  monitorId: z.uuid(),
  /** From the URL by the public suffix list (`a.b.example.co.uk` → `example.co.uk`), punycode; null for an IP or `localhost`. */
  registrableDomain: z.string().nullable(),
  /** Null before the first lookup and for a target with no registrable domain. */
  state: domainStateSchema.nullable(),
  expiresAt: z.date().nullable(),
  /** Whole days until expiresAt, counted when read, so it never goes stale between lookups. */
  daysRemaining: z.number().int().nullable(),
  source: domainSourceSchema.nullable(),
  registrar: z.string().nullable(),
  checkedAt: z.date().nullable(),
  /** Since when the lookups give no date; a notice goes out after 3 days of it. */
  unknownSince: z.date().nullable(),
  /** Why the state is unknown, attempt by attempt. */
  reason: z.string().nullable(),
  thresholdDays: z.number().int(),
});
export type DomainStatus = z.infer<typeof domainStatusSchema>;

export const domainGetInputSchema = z.object({
  monitorId: z.uuid({ error: 'monitorId must be a monitor id (uuid)' }),
});
