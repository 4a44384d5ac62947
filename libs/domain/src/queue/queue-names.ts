import { z } from 'zod';

/** Every queue the product uses; later lanes (tls, domain, notify, maintenance) add their names here. */
export const QUEUE_NAMES = {
  checkHttp: 'check-http',
  checkTls: 'check-tls',
  checkDomain: 'check-domain',
  maintenance: 'maintenance',
  notify: 'notify',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** Payload of a `check-http` job: only the id, so an edit made after scheduling is always honoured. */
export const checkJobDataSchema = z.object({ monitorId: z.uuid() });
export type CheckJobData = z.infer<typeof checkJobDataSchema>;

/** Payload of a `check-tls` or `check-domain` job; `force` (the "check expiry now" button) skips the 24 h cache. */
export const expiryJobDataSchema = checkJobDataSchema.extend({ force: z.boolean().optional() });
export type ExpiryJobData = z.infer<typeof expiryJobDataSchema>;
