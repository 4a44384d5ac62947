import { saveAttempt, staleDeliveries } from '../../db/queries/delivery-queries';
import { appendIncidentEvent } from '../../db/queries/incident-event-queries';
import { deliveryJobId, enqueueDelivery } from '../../queue/notify-jobs';
import { publishDeliveries } from '../delivery/publish-deliveries';
import type { NotifyDeps } from '../notify-deps';

/**
 * Pending or failed deliveries nobody touched for longer than any backoff: their job was never added (the
 * queue was down after the row was written) or it ended without recording a result (the database was down
 * on every try). The first kind is enqueued again; the second is dead-lettered, visible and retryable.
 * Nothing is dropped silently.
 */
export async function recoverStuckDeliveries(deps: NotifyDeps, now: Date): Promise<{ requeued: number; dead: number }> {
  const quietFor = deps.settings.maxBackoffMs + deps.settings.timeoutMs + 60_000;
  let requeued = 0;
  let dead = 0;
  for (const delivery of await staleDeliveries(deps.db, new Date(now.getTime() - quietFor))) {
    const phase = delivery.fallbackChannelId ? 'fallback' : 'primary';
    const job = await deps.notifyQueue.getJob(deliveryJobId(delivery.id, phase, delivery.generation));
    const state = job ? await job.getState() : 'missing';
    if (state === 'missing') {
      await enqueueDelivery(deps.notifyQueue, deps.settings, delivery, phase);
      requeued++;
    } else if (state === 'failed' || state === 'completed') {
      const error = `the delivery job ended without a result${job?.failedReason ? `: ${job.failedReason}` : ''}`;
      await saveAttempt(deps.db, delivery.id, { attempts: delivery.attempts, attemptCount: delivery.attemptCount, status: 'dead', lastError: error });
      await appendIncidentEvent(deps.db, { incidentId: delivery.incidentId, type: 'notify_failed', channelId: delivery.channelId, note: `${delivery.type} notice dead-lettered: ${error}` });
      await publishDeliveries(deps, [delivery.id]);
      dead++;
    }
  }
  return { requeued, dead };
}
