import type { Queue } from 'bullmq';
import { registeredDomainOf, tlsTargetOf, type ExpiryStored } from './expiry-targets';
import type { QueueBackend } from '../queue/queue-backend';
import { QUEUE_NAMES, type ExpiryJobData } from '../queue/queue-names';

/** Certificates and registrations change on a scale of days: one check a day each, plus one on create/edit. */
export const EXPIRY_INTERVAL_SECONDS = 86_400;

export interface ExpiryQueues {
  tls: Queue;
  domain: Queue;
}

export const expiryQueuesOf = (queues: Pick<QueueBackend, 'queue'>): ExpiryQueues => ({
  tls: queues.queue(QUEUE_NAMES.checkTls),
  domain: queues.queue(QUEUE_NAMES.checkDomain),
});

export interface ExpirySchedulable extends ExpiryStored {
  id: string;
  paused: boolean;
}

/**
 * Only a kind with a certificate (https, TCP with TLS) has one to read; only a registrable name (not an IP,
 * not localhost) has a registration.
 */
export const wantsTls = (monitor: ExpirySchedulable) => !monitor.paused && tlsTargetOf(monitor) !== null;
export const wantsDomain = (monitor: ExpirySchedulable) => !monitor.paused && registeredDomainOf(monitor) !== null;

const JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { count: 100 },
  removeOnFail: { count: 500 },
} as const;

/** A check of both lanes now, beside the schedule; `force` also skips the domain cache (see the domain job). */
export async function enqueueExpiryCheckNow(queues: ExpiryQueues, monitor: ExpirySchedulable, force: boolean): Promise<void> {
  const data: ExpiryJobData = force ? { monitorId: monitor.id, force } : { monitorId: monitor.id };
  if (wantsTls(monitor)) await queues.tls.add('check-now', data, JOB_OPTIONS);
  if (wantsDomain(monitor)) await queues.domain.add('check-now', data, JOB_OPTIONS);
}
