import { findMonitor } from '../../db/queries/monitor-queries';
import { countStateChanges, endFlappingHold, listFlappingHolds } from '../../db/queries/flapping-queries';
import { latestIncident } from '../../db/queries/sweep-queries';
import { announce } from '../announce';
import type { NotifyDeps } from '../notify-deps';

/**
 * A flapping monitor has settled once its changes over the window are back within the limit: the hold ends
 * and one "settled" notice says where it landed (on its open incident when down, its last one when up).
 */
export async function settleFlapping(deps: NotifyDeps, now: Date): Promise<string[]> {
  const { changes, windowMinutes } = deps.settings.flapping;
  const settled: string[] = [];
  for (const hold of await listFlappingHolds(deps.db)) {
    const seen = await countStateChanges(deps.db, hold.monitorId, new Date(now.getTime() - windowMinutes * 60_000));
    if (seen > changes) continue;
    await endFlappingHold(deps.db, hold.monitorId);
    settled.push(hold.monitorId);
    const [monitor, incident] = await Promise.all([findMonitor(deps.db, hold.monitorId), latestIncident(deps.db, hold.monitorId, 'down')]);
    if (!monitor || !incident) continue;
    await announce(deps, { incident, type: 'settled', at: now, note: `Now ${monitor.status === 'down' ? 'down' : 'up'}.` });
  }
  return settled;
}
