import { z } from 'zod';
import { limitField } from './paging';

/**
 * What a ping said: success (`/ping/<key>`, or exit status 0), start of a run (`/start`), failure (`/fail`, or a
 * non-zero exit status), or a log line (`/log`: stored, no change of state).
 */
export const HEARTBEAT_PING_KINDS = ['success', 'start', 'fail', 'log'] as const;
export const heartbeatPingKindSchema = z.enum(HEARTBEAT_PING_KINDS);
export type HeartbeatPingKind = z.infer<typeof heartbeatPingKindSchema>;

/** Bodies are kept up to this many bytes (UTF-8); a longer one is stored cut and flagged. */
export const HEARTBEAT_PING_BODY_LIMIT = 100 * 1024;

/** One ping in a heartbeat's log. */
export const heartbeatPingSchema = z.object({
  id: z.number().int(),
  receivedAt: z.date(),
  kind: heartbeatPingKindSchema,
  exitStatus: z.number().int().nullable(),
  method: z.string(),
  sourceAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  body: z.string().nullable(),
  bodyTruncated: z.boolean(),
  runId: z.uuid().nullable(),
  /** A finish that ended an open run: the run's duration. */
  durationMs: z.number().int().nullable(),
});
export type HeartbeatPing = z.infer<typeof heartbeatPingSchema>;

/** Newest first; `before` (a ping id) pages further back. */
export const heartbeatPingListInputSchema = z.object({
  monitorId: z.uuid({ error: 'monitorId must be a monitor id (uuid)' }),
  limit: limitField(200, 50),
  before: z
    .number({ error: 'before must be a ping id' })
    .int({ error: 'before must be a ping id' })
    .positive({ error: 'before must be a ping id' })
    .optional(),
});

export const heartbeatPingPageSchema = z.object({
  pings: z.array(heartbeatPingSchema),
  /** Pass as `before` for the next (older) page; null when this was the last. */
  nextBefore: z.number().int().nullable(),
});
export type HeartbeatPingPage = z.infer<typeof heartbeatPingPageSchema>;
