import type { AlertDelivery } from '@mini-netumo/contracts';
import {
  deleteDelivery,
  deliveryView,
  findDelivery,
  listDeliveryViews,
  resetForRetry,
  type DeliveryFilter,
} from '../../db/queries/delivery-queries';
import { appendIncidentEvent } from '../../db/queries/incident-event-queries';
import type { DomainContext } from '../../runtime/domain-context';
import { ConflictError, NotFoundError } from '../../core/errors';
import { dispatchDeliveries } from './dispatch-deliveries';
import { publishDiscarded } from './publish-deliveries';

/** Deliveries with their attempts, newest first; `status: 'dead'` is the dead-letter list. */
export function listAlerts(ctx: DomainContext, filter: DeliveryFilter): Promise<AlertDelivery[]> {
  return listDeliveryViews(ctx.db, filter);
}

/** A dead letter goes round again from its primary channel, with its past attempts kept as history. */
export async function retryAlert(ctx: DomainContext, id: string): Promise<AlertDelivery> {
  const reset = await resetForRetry(ctx.db, id);
  if (!reset) {
    const existing = await findDelivery(ctx.db, id);
    if (!existing) throw new NotFoundError('alert', id);
    throw new ConflictError(`alert ${id} is ${existing.status}; only a dead alert can be retried`);
  }
  await dispatchDeliveries(ctx, [reset]);
  return requireView(ctx, id);
}

/** A dead letter someone has dealt with by other means: removed, with a line on the incident's timeline. */
export async function discardAlert(ctx: DomainContext, id: string): Promise<{ id: string }> {
  const existing = await findDelivery(ctx.db, id);
  if (!existing) throw new NotFoundError('alert', id);
  if (existing.status !== 'dead') throw new ConflictError(`alert ${id} is ${existing.status}; only a dead alert can be discarded`);
  // Removal and timeline line together; of two discards at once, only the one that removed the row writes one.
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteDelivery(tx, id))) throw new NotFoundError('alert', id);
    await appendIncidentEvent(tx, {
      incidentId: existing.incidentId,
      type: 'alert_discarded',
      channelId: existing.channelId,
      note: `${existing.type} notice discarded after: ${existing.lastError ?? 'failure'}`,
    });
  });
  await publishDiscarded(ctx, existing);
  return { id };
}

async function requireView(ctx: Pick<DomainContext, 'db'>, id: string): Promise<AlertDelivery> {
  const view = await deliveryView(ctx.db, id);
  if (!view) throw new NotFoundError('alert', id);
  return view;
}
