import { saveAttempt, staleDeliveries } from '../../db/queries/delivery-queries';
import { appendIncidentEvent } from '../../db/queries/incident-event-queries';
import { deliveryJobId, enqueueDelivery, notifyQueueOf } from '../../queue/notify-jobs';
import type { DomainContext } from '../../runtime/domain-context';
import { publishDeliveries } from './publish-deliveries';

/**
 * Pending or failed deliveries nobody touched for longer than any backoff: their job was never added (the
 * queue was down after the row was written) or it ended without recording a result (the database was down
 * on every try). The first kind is enqueued again; the second is dead-lettered, visible and retryable.
 * Nothing is dropped silently.
 */
export async function recoverStuckDeliveries(ctx: DomainContext, now: Date): Promise<{ requeued: number; dead: number }> {
  const quietFor = ctx.settings.notify.maxBackoffMs + ctx.settings.notify.timeoutMs + 60_000;
  let requeued = 0;
  let dead = 0;
  for (const delivery of await staleDeliveries(ctx.db, new Date(now.getTime() - quietFor))) {
    const phase = delivery.fallbackChannelId ? 'fallback' : 'primary';
    const job = await notifyQueueOf(ctx.queues).getJob(deliveryJobId(delivery.id, phase, delivery.generation));
    const state = job ? await job.getState() : 'missing';
    if (state === 'missing') {
      await enqueueDelivery(notifyQueueOf(ctx.queues), ctx.settings.notify, delivery, phase);
      requeued++;
    } else if (state === 'failed' || state === 'completed') {
      const error = `the delivery job ended without a result${job?.failedReason ? `: ${job.failedReason}` : ''}`;
      await saveAttempt(ctx.db, delivery.id, {
        attempts: delivery.attempts,
        attemptCount: delivery.attemptCount,
        status: 'dead',
        lastError: error,
      });
      await appendIncidentEvent(ctx.db, {
        incidentId: delivery.incidentId,
        type: 'notify_failed',
        channelId: delivery.channelId,
        note: `${delivery.type} notice dead-lettered: ${error}`,
      });
      await publishDeliveries(ctx, [delivery.id]);
      dead++;
    }
  }
  return { requeued, dead };
}
