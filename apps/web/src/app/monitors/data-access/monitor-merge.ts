import type { CheckResult, Monitor } from '@mini-netumo/contracts';

const time = (date: Date | null): number => (date ? date.getTime() : Number.NEGATIVE_INFINITY);

/**
 * True unless `incoming` is an older server copy of `current`. Mutation replies and live events race:
 * the reply to `create` (still pending) can land after the event of its first check, and must not win.
 */
export function isAtLeastAsFresh(incoming: Monitor, current: Monitor): boolean {
  const updated = time(incoming.updatedAt) - time(current.updatedAt);
  if (updated !== 0) return updated > 0;
  return time(incoming.lastCheckedAt) >= time(current.lastCheckedAt);
}

/** Inserts or replaces by id, keeping the fresher copy; returns the same array when nothing changes. */
export function upsertMonitor(monitors: readonly Monitor[], incoming: Monitor): readonly Monitor[] {
  const index = monitors.findIndex((monitor) => monitor.id === incoming.id);
  if (index === -1) return [...monitors, incoming];
  if (!isAtLeastAsFresh(incoming, monitors[index])) return monitors;
  return monitors.map((monitor, i) => (i === index ? incoming : monitor));
}

/**
 * A whole list from the server replaces ours, except where we know better: copies a live event made
 * fresher, and monitors created or deleted here (`changedHere`) while the list request was in flight.
 */
export function mergeFetched(
  current: readonly Monitor[],
  fetched: readonly Monitor[],
  changedHere: ReadonlySet<string> = new Set(),
): readonly Monitor[] {
  const local = new Map(current.map((monitor) => [monitor.id, monitor]));
  const fetchedIds = new Set(fetched.map((monitor) => monitor.id));
  const merged: Monitor[] = [];
  for (const monitor of fetched) {
    const known = local.get(monitor.id);
    if (!known && changedHere.has(monitor.id)) continue;
    merged.push(known && !isAtLeastAsFresh(monitor, known) ? known : monitor);
  }
  for (const monitor of current) {
    if (changedHere.has(monitor.id) && !fetchedIds.has(monitor.id)) merged.push(monitor);
  }
  return merged;
}

/**
 * Shows a check result the monitor row has not caught up with yet (the worker may send `check.result`
 * without, or before, `monitor.status`). Kept apart from the server copies so freshness stays exact.
 * A newer result also ends staleness: the server clears `stale` with the next result too.
 */
export function withLatestResult(monitor: Monitor, result: CheckResult | undefined): Monitor {
  if (!result || time(result.checkedAt) <= time(monitor.lastCheckedAt)) return monitor;
  return {
    ...monitor,
    lastCheckedAt: result.checkedAt,
    lastLatencyMs: result.latencyMs,
    lastError: result.ok ? null : result.errorMessage,
    stale: null,
  };
}

/** Natural order, case-insensitive: `site 2` before `site 10`. One collator: a 10,000-name sort makes ~130,000 comparisons. */
const NAME_ORDER = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** By name, so rows do not jump around when their status changes; the id settles equal names. */
export function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return NAME_ORDER.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
