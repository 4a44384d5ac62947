import { listDeliveryViews } from '../../db/queries/delivery-queries';
import type { NotifyDeps } from '../notify-deps';

/** Tells dashboards how deliveries stand. Best effort, like every live event: the rows are the truth. */
export async function publishDeliveries(deps: Pick<NotifyDeps, 'db' | 'events' | 'logger'>, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    const views = await listDeliveryViews(deps.db, { ids, limit: ids.length, offset: 0 });
    for (const delivery of views) await deps.events.publish({ type: 'alert.delivery', delivery });
  } catch (error) {
    deps.logger.warn('could not publish delivery events', { deliveryIds: ids, error });
  }
}

/** Tells dashboards a dead letter was discarded; its row is deleted, so the event names it by id only. */
export async function publishDiscarded(deps: Pick<NotifyDeps, 'events' | 'logger'>, delivery: { id: string; incidentId: string }): Promise<void> {
  try {
    await deps.events.publish({ type: 'alert.discarded', deliveryId: delivery.id, incidentId: delivery.incidentId });
  } catch (error) {
    deps.logger.warn('could not publish a discarded delivery', { deliveryId: delivery.id, error });
  }
}
