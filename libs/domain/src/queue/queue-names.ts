import { z } from 'zod';

/**
 * Every queue the product uses. Checks have none: their schedule is a column in PostgreSQL (lanes/check-claimer).
 */
export const QUEUE_NAMES = {
  checkTls: 'check-tls',
  checkDomain: 'check-domain',
  maintenance: 'maintenance',
  notify: 'notify',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/**
 * The queue of check jobs of earlier versions (one job scheduler per monitor). A rebuild empties it once, so an
 * upgraded install keeps no schedulers that nothing processes.
 */
export const LEGACY_CHECK_QUEUE = 'check-http';

/**
 * Payload of a `check-tls` or `check-domain` job: only the id, so an edit made after scheduling is always
 * honoured; `force` (the "check expiry now" button) skips the 24 h cache.
 */
export const expiryJobDataSchema = z.object({ monitorId: z.uuid(), force: z.boolean().optional() });
export type ExpiryJobData = z.infer<typeof expiryJobDataSchema>;
