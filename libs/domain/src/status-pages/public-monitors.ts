import type { PublicMonitor, PublicMonitorState, PublicUptimeWindow } from '@mini-netumo/contracts';
import { targetOf } from '../checks/monitor-kinds';
import type { Db } from '../db/client';
import { monitorSummaryRowsFor, type MonitorSummaryRow } from '../db/queries/monitor-queries';
import { rollupsForMonitors, type RollupPoint } from '../db/queries/rollup-reads';
import { isWindowOpen } from '../maintenance-windows/window-schedule';
import { statusBar90d, uptimeByWindow, windowStarts } from '../stats/uptime-windows';
import { windowsOver, type PageWindow } from './public-maintenance';
import { publicMonitorState } from './public-monitor-state';

/** What the world may know of a monitor on a page, before the page names it: the badges read the same facts. */
export interface PublicMonitorFacts {
  row: MonitorSummaryRow;
  state: PublicMonitorState;
  uptime: Record<PublicUptimeWindow, number | null>;
  days: PublicMonitor['days'];
}

/** Facts for these monitors in four reads whatever their number (rows, hourly and daily rollups, windows). */
export async function publicMonitorFacts(
  db: Db,
  monitorIds: readonly string[],
  now: Date,
): Promise<{ facts: Map<string, PublicMonitorFacts>; windows: PageWindow[] }> {
  const { hoursBack, daysBack } = windowStarts(now);
  const [rows, hourly, daily, windows] = await Promise.all([
    monitorSummaryRowsFor(db, monitorIds),
    rollupsForMonitors(db, monitorIds, 'hour', hoursBack(24)),
    rollupsForMonitors(db, monitorIds, 'day', daysBack(90)),
    windowsOver(db, monitorIds),
  ]);
  const hourlyBy = byMonitor(hourly);
  const dailyBy = byMonitor(daily);
  const facts = new Map<string, PublicMonitorFacts>();
  for (const row of rows) {
    const inMaintenance = windows.some(
      (window) => (window.monitorId === null || window.monitorId === row.id) && isWindowOpen(window.schedule, now),
    );
    const {
      '24h': day,
      '7d': week,
      '30d': month,
      '90d': quarter,
    } = uptimeByWindow(hourlyBy.get(row.id) ?? [], dailyBy.get(row.id) ?? [], now);
    facts.set(row.id, {
      row,
      state: publicMonitorState(row, inMaintenance, now),
      uptime: { '24h': day, '7d': week, '30d': month, '90d': quarter },
      days: statusBar90d(dailyBy.get(row.id) ?? [], now).map((bar) => ({
        date: bar.day.toISOString().slice(0, 10),
        state: bar.state,
        uptime: bar.uptime,
      })),
    });
  }
  return { facts, windows };
}

/** The monitor as a page shows it: its public name, and its target only when the page shows targets. */
export function toPublicMonitor(facts: PublicMonitorFacts, name: string, showTarget: boolean): PublicMonitor {
  return {
    id: facts.row.id,
    name,
    target: showTarget ? targetOf(facts.row) : null,
    state: facts.state,
    uptime: facts.uptime,
    days: facts.days,
  };
}

function byMonitor(points: readonly RollupPoint[]): Map<string, RollupPoint[]> {
  const by = new Map<string, RollupPoint[]>();
  for (const point of points) {
    const list = by.get(point.monitorId);
    if (list) list.push(point);
    else by.set(point.monitorId, [point]);
  }
  return by;
}
