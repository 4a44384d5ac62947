import { listDeliveryViews } from '../../db/queries/delivery-queries';
import type { DomainContext } from '../../runtime/domain-context';

/** Tells dashboards how deliveries stand. Best effort, like every live event: the rows are the truth. */
export async function publishDeliveries(ctx: Pick<DomainContext, 'db' | 'events' | 'logger'>, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    const views = await listDeliveryViews(ctx.db, { ids, limit: ids.length, offset: 0 });
    for (const delivery of views) await ctx.events.publish({ type: 'alert.delivery', delivery });
  } catch (error) {
    ctx.logger.warn('could not publish delivery events', { deliveryIds: ids, error });
  }
}

/** Tells dashboards a dead letter was discarded; its row is deleted, so the event names it by id only. */
export async function publishDiscarded(
  ctx: Pick<DomainContext, 'events' | 'logger'>,
  delivery: { id: string; incidentId: string },
): Promise<void> {
  try {
    await ctx.events.publish({ type: 'alert.discarded', deliveryId: delivery.id, incidentId: delivery.incidentId });
  } catch (error) {
    ctx.logger.warn('could not publish a discarded delivery', { deliveryId: delivery.id, error });
  }
}
