import type { PageOverallState, PublicMonitorState } from '@mini-netumo/contracts';
import type { MonitorSummaryRow } from '../db/queries/monitor-queries';
import { stalenessOf } from '../monitor-model/staleness';

/** What a visitor is told a monitor is doing: maintenance first, and a monitor nobody checks lately is unknown, never up. */
export function publicMonitorState(row: MonitorSummaryRow, inMaintenance: boolean, now: Date): PublicMonitorState {
  if (row.paused) return 'paused';
  if (inMaintenance) return 'maintenance';
  if (stalenessOf(row, now)) return 'unknown';
  if (row.status === 'up' || row.status === 'down') return row.status;
  return 'pending';
}

/** The page's headline: any monitor down is an outage (all of them a major one); paused monitors do not count. */
export function overallState(states: readonly PublicMonitorState[]): PageOverallState {
  const counted = states.filter((state) => state !== 'paused');
  const down = counted.filter((state) => state === 'down').length;
  if (down > 0) return down === counted.length ? 'major_outage' : 'partial_outage';
  if (counted.includes('maintenance')) return 'maintenance';
  if (counted.length > 0 && !counted.includes('up')) return 'unknown';
  return 'operational';
}
