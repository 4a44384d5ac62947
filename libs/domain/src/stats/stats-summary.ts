import { decodeOverview, type MonitorSummary } from '@mini-netumo/contracts';
import type { DomainContext } from '../runtime/domain-context';
import { statsOverview } from './stats-overview';

/** The overview as rows, one per monitor: for readers that want a monitor's figures together (specs, exports). */
export async function statsSummary(ctx: DomainContext, now = new Date()): Promise<MonitorSummary[]> {
  return decodeOverview(await statsOverview(ctx, now));
}
