import type { Monitor, MonitorStatus } from '@mini-netumo/contracts';
import type { StripCell } from '../../charts/status-strip';
import { BUCKET_LOOKS } from '../../charts/bucket-states';
import type { OverviewStats } from '../data-access/summary-store';
import { alignedTo, emptySparkline, type SparkPoint } from '../data-access/sparkline-merge';
import { targetOf } from './monitor-target';

/** One line of the overview: the live monitor, what it watches, its 24 h bar and uptime. */
export interface OverviewRow {
  monitor: Monitor;
  target: string;
  cells: readonly StripCell[];
  uptime24h: number | null;
}

/** What a row shows: the monitor's status, or `stale` when that status is old news (`Monitor.stale`). */
export type ShownStatus = MonitorStatus | 'stale';
export type StatusFilter = 'all' | ShownStatus;
/** Problems first (down, then stale: monitoring that stopped), each group by name; or by name alone. */
export type RowOrder = 'problems' | 'name';

const PROBLEM_RANK: Record<ShownStatus, number> = { down: 0, stale: 1, up: 2, pending: 2, paused: 2 };

export function shownStatus(monitor: Monitor): ShownStatus {
  return monitor.stale ? 'stale' : monitor.status;
}

const HOUR_MS = 3_600_000;
const hourFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
/** Bars are rebuilt only when their data changed: a live check touches one monitor, not a thousand. */
const cellCache = new WeakMap<readonly SparkPoint[], readonly StripCell[]>();
/** Per bar, its cells aligned to the current hour; rebuilt once an hour, not on every clock tick. */
const alignedCache = new WeakMap<readonly SparkPoint[], { hour: number; cells: readonly StripCell[] }>();

/** The cells of a bar, slid to end with the current hour, so every row's bar ends at the same time. */
export function currentCells(points: readonly SparkPoint[], now: number): readonly StripCell[] {
  const hour = Math.floor(now / HOUR_MS);
  const cached = alignedCache.get(points);
  if (cached?.hour === hour) return cached.cells;
  const cells = stripCells(alignedTo(points, new Date(now)));
  alignedCache.set(points, { hour, cells });
  return cells;
}

export function stripCells(points: readonly SparkPoint[]): readonly StripCell[] {
  let cells = cellCache.get(points);
  if (!cells) {
    cells = points.map((point) => ({
      state: point.state,
      title: `${hourFormat.format(point.bucketStart)}: ${BUCKET_LOOKS[point.state].word}${point.avgLatencyMs === null ? '' : `, ${point.avgLatencyMs} ms average`}`,
    }));
    cellCache.set(points, cells);
  }
  return cells;
}

let emptyBar: { hour: number; cells: readonly StripCell[] } | null = null;

/** The bar of a monitor the summary does not know yet: 24 empty hours, shared by all such rows. */
function emptyCells(now: number): readonly StripCell[] {
  const hour = Math.floor(now / HOUR_MS);
  if (emptyBar?.hour !== hour) emptyBar = { hour, cells: stripCells(emptySparkline(new Date(now))) };
  return emptyBar.cells;
}

/** Case-insensitive match on name or target, and the chosen status (a stale monitor is not "up"). */
export function matches(monitor: Monitor, target: string, query: string, status: StatusFilter): boolean {
  if (status !== 'all' && shownStatus(monitor) !== status) return false;
  if (query === '') return true;
  const needle = query.toLowerCase();
  return monitor.name.toLowerCase().includes(needle) || target.toLowerCase().includes(needle);
}

/** `monitors` come by name (the store keeps them so); `order` may put the problems first, names kept within. */
export function overviewRows(
  monitors: readonly Monitor[],
  stats: ReadonlyMap<string, OverviewStats>,
  query: string,
  status: StatusFilter,
  now: number,
  order: RowOrder = 'problems',
): OverviewRow[] {
  const trimmed = query.trim();
  const matching = monitors
    .map((monitor) => ({ monitor, target: targetOf(monitor) }))
    .filter(({ monitor, target }) => matches(monitor, target, trimmed, status));
  // A stable sort: within a rank the name order stays.
  if (order === 'problems') matching.sort((x, y) => PROBLEM_RANK[shownStatus(x.monitor)] - PROBLEM_RANK[shownStatus(y.monitor)]);
  return matching.map(({ monitor, target }) => {
    const known = stats.get(monitor.id);
    return {
      monitor,
      target,
      cells: known ? currentCells(known.sparkline24h, now) : emptyCells(now),
      uptime24h: known?.uptime24h ?? null,
    };
  });
}

/** Per shown status: a stale monitor counts as stale only, so "Up" never includes old news. */
export function countByStatus(monitors: readonly Monitor[]): Record<ShownStatus, number> {
  const counts: Record<ShownStatus, number> = { up: 0, down: 0, pending: 0, paused: 0, stale: 0 };
  for (const monitor of monitors) counts[shownStatus(monitor)] += 1;
  return counts;
}
