import { z } from 'zod';
import { domainStateSchema } from './domain';
import { tlsStateSchema } from './tls';

export const EXPIRY_LIMITS = { withinDays: { min: 1, max: 3_650, default: 30 } } as const;

export const expiryUpcomingInputSchema = z.object({
  withinDays: z
    .number({ error: 'withinDays must be a number' })
    .int({ error: 'withinDays must be a whole number' })
    .min(EXPIRY_LIMITS.withinDays.min, { error: `withinDays must be at least ${EXPIRY_LIMITS.withinDays.min}` })
    .max(EXPIRY_LIMITS.withinDays.max, { error: `withinDays must be at most ${EXPIRY_LIMITS.withinDays.max}` })
    .default(EXPIRY_LIMITS.withinDays.default),
});
export type ExpiryUpcomingInput = z.input<typeof expiryUpcomingInputSchema>;

const common = {
  monitorId: z.uuid(),
  monitorName: z.string(),
  url: z.string(),
  expiresAt: z.date(),
  /** Negative once past. */
  daysRemaining: z.number().int(),
};

/** One thing that runs out: a certificate at one address, or a domain registration. */
export const expiryItemSchema = z.discriminatedUnion('kind', [
  z.object({
    ...common,
    kind: z.literal('tls'),
    /** The host the certificate is for, and the address that served it. */
    subject: z.string(),
    address: z.string(),
    state: tlsStateSchema,
    fingerprintSha256: z.string(),
  }),
  z.object({ ...common, kind: z.literal('domain'), subject: z.string(), state: domainStateSchema, registrar: z.string().nullable() }),
]);
export type ExpiryItem = z.infer<typeof expiryItemSchema>;

/** The two expiry lanes: a certificate, a domain registration. */
export const EXPIRY_LANES = ['tls', 'domain'] as const;
export type ExpiryLaneName = (typeof EXPIRY_LANES)[number];

/**
 * `monitors.checkExpiryNow`: the lanes a check was queued on. A kind without a certificate has no `tls`, a host
 * without a registrable domain (an IP address) no `domain`; empty when the monitor has neither.
 */
export const expiryCheckQueuedSchema = z.object({ queued: z.array(z.enum(EXPIRY_LANES)) });
export type ExpiryCheckQueued = z.infer<typeof expiryCheckQueuedSchema>;
