import { z } from 'zod';
import { limitField } from './paging';
import { checkTimingsSchema } from './http-check';

/** Why a check failed; `null` on success. The dashboard shows the kind next to the message. */
export const CHECK_ERROR_KINDS = [
  'dns',
  'refused',
  'reset',
  'timeout',
  'tls',
  'status',
  'keyword',
  'json',
  'body_too_large',
  'redirects',
  'protocol',
  /** A DNS answer came, but not the expected one. */
  'mismatch',
  /** A heartbeat's ping did not come within its grace time. */
  'missed',
  /** The job said it failed (`/fail`, or a non-zero exit status). */
  'job_failed',
  /** A run reported started (`/start`) did not finish within the grace time. */
  'run_too_long',
] as const;
export const checkErrorKindSchema = z.enum(CHECK_ERROR_KINDS);
export type CheckErrorKind = z.infer<typeof checkErrorKindSchema>;

/**
 * up/down: the target's answer decided it. unknown: we could not tell (our own canary failed too, so the
 * fault may be ours); unknown never counts as down, nor as up.
 */
export const CHECK_VERDICTS = ['up', 'down', 'unknown'] as const;
export const checkVerdictSchema = z.enum(CHECK_VERDICTS);
export type CheckVerdict = z.infer<typeof checkVerdictSchema>;

/** One stored check of one monitor. */
export const checkResultSchema = z.object({
  id: z.number().int(),
  monitorId: z.uuid(),
  checkedAt: z.date(),
  ok: z.boolean(),
  verdict: checkVerdictSchema,
  /** Made while a maintenance window covered the monitor: it still moves the state, but counts in no uptime. */
  inMaintenance: z.boolean(),
  /** 1 + the confirming re-checks that ran. */
  attempts: z.number().int(),
  timings: checkTimingsSchema.nullable(),
  statusCode: z.number().int().nullable(),
  latencyMs: z.number().int().nullable(),
  errorKind: checkErrorKindSchema.nullable(),
  errorMessage: z.string().nullable(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const recentResultsInputSchema = z.object({
  monitorId: z.uuid({ error: 'monitorId must be a monitor id (uuid)' }),
  limit: limitField(500, 50),
});
export type RecentResultsInput = z.input<typeof recentResultsInputSchema>;
