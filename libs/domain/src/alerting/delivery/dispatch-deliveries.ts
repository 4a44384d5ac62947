import type { AlertDeliveryRow } from '../../db/schema';
import { enqueueDelivery, notifyQueueOf } from '../../queue/notify-jobs';
import { queueCall } from '../../queue/queue-call';
import type { DomainContext } from '../../runtime/domain-context';
import { publishDeliveries } from './publish-deliveries';

/**
 * After commit: a job must find its row. If the queue refuses or does not answer within the queue-call
 * deadline, the rows stay pending and the notify sweep enqueues them; the change that was committed
 * (an acknowledgement, a retry) still answers at once.
 */
export async function dispatchDeliveries(ctx: DomainContext, queued: AlertDeliveryRow[]): Promise<void> {
  try {
    for (const delivery of queued) await queueCall(enqueueDelivery(notifyQueueOf(ctx.queues), ctx.settings.notify, delivery, 'primary'));
  } catch {
    ctx.logger.warn('deliveries left pending for the notify sweep: the job queue is not reachable', { deliveries: queued.length });
  }
  await publishDeliveries(
    ctx,
    queued.map((delivery) => delivery.id),
  );
}
