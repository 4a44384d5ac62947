import type { MonitorStatus } from '@mini-netumo/contracts';
import type { OverviewEntry } from '../data-access/overview-entries';

/** What a row shows: the monitor's status, or `stale` when that status is old news (`Monitor.stale`). */
export type ShownStatus = MonitorStatus | 'stale';
export type StatusFilter = 'all' | ShownStatus;
/** Problems first (down, then stale: monitoring that stopped), each group by name; or by name alone. */
export type RowOrder = 'problems' | 'name';

const PROBLEM_RANK: Record<ShownStatus, number> = { down: 0, stale: 1, up: 2, pending: 2, paused: 2 };
const RANKS = 3;

export function shownStatus(entry: Pick<OverviewEntry, 'status' | 'stale'>): ShownStatus {
  return entry.stale ? 'stale' : entry.status;
}

/** Case-insensitive match on name or target (`needle` already lower-cased), and the chosen status (a stale monitor is not "up"). */
function matches(entry: OverviewEntry, needle: string, status: StatusFilter): boolean {
  if (status !== 'all' && shownStatus(entry) !== status) return false;
  return needle === '' || entry.name.toLowerCase().includes(needle) || entry.target.toLowerCase().includes(needle);
}

/**
 * The rows to show, from entries by name; `order` may put the problems first, names kept within. One pass that
 * drops each match into its rank's group (no sort): it runs again with every live check, over the whole fleet.
 */
export function overviewRows(
  entries: readonly OverviewEntry[],
  query: string,
  status: StatusFilter,
  order: RowOrder = 'problems',
): OverviewEntry[] {
  const needle = query.trim().toLowerCase();
  if (order === 'name') return entries.filter((entry) => matches(entry, needle, status));
  const groups = Array.from({ length: RANKS }, (): OverviewEntry[] => []);
  for (const entry of entries) {
    if (matches(entry, needle, status)) groups[PROBLEM_RANK[shownStatus(entry)]]?.push(entry);
  }
  return groups.flat();
}

/** Per shown status: a stale monitor counts as stale only, so "Up" never includes old news. */
export function countByStatus(entries: readonly Pick<OverviewEntry, 'status' | 'stale'>[]): Record<ShownStatus, number> {
  const counts: Record<ShownStatus, number> = { up: 0, down: 0, pending: 0, paused: 0, stale: 0 };
  for (const entry of entries) counts[shownStatus(entry)] += 1;
  return counts;
}
