import { countStateChanges, endFlappingHold, listFlappingHolds } from '../../../db/queries/flapping-queries';
import { findMonitor } from '../../../db/queries/monitor-queries';
import { latestIncident } from '../../../db/queries/sweep-queries';
import type { DomainContext } from '../../../runtime/domain-context';
import { announce } from '../announce';

/**
 * A flapping monitor has settled once its changes over the window are back within the limit: the hold ends
 * and one "settled" notice says where it landed (on its open incident when down, its last one when up).
 */
export async function settleFlapping(ctx: DomainContext, now: Date): Promise<string[]> {
  const { changes, windowMinutes } = ctx.settings.notify.flapping;
  const settled: string[] = [];
  for (const hold of await listFlappingHolds(ctx.db)) {
    const seen = await countStateChanges(ctx.db, hold.monitorId, new Date(now.getTime() - windowMinutes * 60_000));
    if (seen > changes) continue;
    await endFlappingHold(ctx.db, hold.monitorId);
    settled.push(hold.monitorId);
    const [monitor, incident] = await Promise.all([findMonitor(ctx.db, hold.monitorId), latestIncident(ctx.db, hold.monitorId, 'down')]);
    if (!monitor || !incident) continue;
    await announce(ctx, { incident, type: 'settled', at: now, note: `Now ${monitor.status === 'down' ? 'down' : 'up'}.` });
  }
  return settled;
}
