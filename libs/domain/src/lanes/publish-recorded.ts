import type { RecordedCheck } from '../evaluation/record-check';
import type { DomainContext } from '../runtime/domain-context';

/**
 * Live events of a stored check are best effort: the data is already stored, and dashboards refetch on
 * reconnect. Published together (in this order), they share one message with the rest of the batch.
 */
export async function publishRecorded(ctx: Pick<DomainContext, 'events' | 'logger'>, recorded: RecordedCheck): Promise<void> {
  try {
    await Promise.all([
      ctx.events.publish({ type: 'check.result', result: recorded.result }),
      ctx.events.publish({ type: 'monitor.state', state: recorded.state }),
      ...(recorded.incident ? [ctx.events.publish({ type: 'incident', incident: recorded.incident })] : []),
    ]);
  } catch (error) {
    ctx.logger.warn('could not publish live events', { monitorId: recorded.state.id, error });
  }
}
