import type { Queue } from 'bullmq';
import { z } from 'zod';
import type { NotifySettings } from '../core/config';
import type { QueueBackend } from './queue-backend';
import { QUEUE_NAMES } from './queue-names';
import { upsertScheduler } from './upsert-scheduler';

/** The job backoff type that selects alerting's `deliveryBackoff` (a worker setting; BullMQ calls it for every retry). */
export const DELIVERY_BACKOFF_TYPE = 'delivery';

export const NOTIFY_JOB_NAMES = { deliver: 'deliver', sweep: 'sweep' } as const;

export const notifyQueueOf = (queues: Pick<QueueBackend, 'queue'>) => queues.queue(QUEUE_NAMES.notify);

/** Payload of a `deliver` job: one alert to one channel, on its primary channel or its fallback. */
export const notifyJobDataSchema = z.object({ deliveryId: z.uuid(), phase: z.enum(['primary', 'fallback']) });
export type NotifyJobData = z.infer<typeof notifyJobDataSchema>;
export type DeliveryPhase = NotifyJobData['phase'];

/** Stable per phase and generation: adding the same job twice (the sweep re-enqueuing) is a no-op. */
export const deliveryJobId = (deliveryId: string, phase: DeliveryPhase, generation: number) =>
  `deliver-${deliveryId}-${phase}-${generation}`;

export async function enqueueDelivery(
  queue: Queue,
  settings: Pick<NotifySettings, 'attempts' | 'backoffMs'>,
  delivery: { id: string; generation: number },
  phase: DeliveryPhase,
): Promise<void> {
  const data: NotifyJobData = { deliveryId: delivery.id, phase };
  await queue.add(NOTIFY_JOB_NAMES.deliver, data, {
    jobId: deliveryJobId(delivery.id, phase, delivery.generation),
    attempts: settings.attempts,
    backoff: { type: DELIVERY_BACKOFF_TYPE, delay: settings.backoffMs },
    // The database keeps every attempt; BullMQ's copies are for debugging only.
    removeOnComplete: { count: 1_000 },
    removeOnFail: { count: 1_000 },
  });
}

export const NOTIFY_SWEEP_SCHEDULER = 'notify-sweep';

/** One scheduler for the whole fleet: reminders, flapping and stuck deliveries are looked at once per tick. */
export async function scheduleNotifySweep(queue: Queue, everyMs: number): Promise<void> {
  await upsertScheduler(
    queue,
    NOTIFY_SWEEP_SCHEDULER,
    { every: everyMs },
    { name: NOTIFY_JOB_NAMES.sweep, opts: { removeOnComplete: 10, removeOnFail: 50 } },
  );
}
