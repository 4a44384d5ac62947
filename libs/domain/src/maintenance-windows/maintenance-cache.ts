import type { DomainContext } from '../runtime/domain-context';
import { coversMonitor, loadCoveringWindows, type CoveringWindow } from './covering-windows';
import { isWindowOpen } from './window-schedule';

/** Whether a maintenance window covered a monitor at an instant; asked once per check. */
export interface MaintenanceCoverage {
  covers(monitorId: string, at: Date): Promise<boolean>;
}

export interface MaintenanceCacheOptions {
  /** How stale the copy may get: a window created or deleted is seen by the checks within this. */
  ttlMs?: number;
  /** Milliseconds since the epoch; tests move it instead of sleeping. */
  now?: () => number;
}

export const MAINTENANCE_CACHE_TTL_MS = 15_000;
/** Answers remembered per recurring window: checks in flight start within a few seconds of each other. */
const REMEMBERED_SECONDS = 64;

interface Entry {
  window: CoveringWindow;
  openBySecond: Map<number, boolean>;
}

/**
 * Every maintenance window in memory, reloaded at most once per TTL, so a check costs no query (the worker
 * runs ~900 checks/s). Nothing announces window changes to the worker, so the TTL alone bounds staleness.
 * A failed reload keeps the last known set and is retried after another TTL: a check never fails for it.
 */
export function createMaintenanceCache(ctx: DomainContext, options: MaintenanceCacheOptions = {}): MaintenanceCoverage {
  const { db, logger } = ctx;
  const ttlMs = options.ttlMs ?? MAINTENANCE_CACHE_TTL_MS;
  const now = options.now ?? Date.now;
  let entries: Entry[] = [];
  let freshUntil = Number.NEGATIVE_INFINITY;
  let loading: Promise<void> | null = null;
  let unreadableSeen = '';

  const reload = async () => {
    try {
      const { windows, unreadable } = await loadCoveringWindows(db);
      // Said when the set changes, not at every reload.
      const unreadableKey = [...unreadable].sort().join();
      if (unreadableKey && unreadableKey !== unreadableSeen)
        logger.warn('ignoring maintenance windows whose schedule this version cannot read', { ids: unreadable });
      unreadableSeen = unreadableKey;
      entries = windows.map((window) => ({ window, openBySecond: new Map() }));
    } catch (error) {
      logger.warn('could not reload maintenance windows; keeping the last known set', { windows: entries.length, error });
    } finally {
      freshUntil = now() + ttlMs;
    }
  };

  return {
    async covers(monitorId, at) {
      // Concurrent checks share one reload instead of each starting its own.
      if (now() >= freshUntil) await (loading ??= reload().finally(() => (loading = null)));
      return entries.some((entry) => coversMonitor(entry.window, monitorId) && isOpen(entry, at));
    },
  };
}

/**
 * isWindowOpen builds Intl formatters for a recurring window (~0.2 ms a call): too slow to repeat for every
 * check. Recurring windows open and close on whole minutes, so one answer per window per second is exact.
 * A one-off window is two comparisons with millisecond bounds, so it is asked directly.
 */
function isOpen(entry: Entry, at: Date): boolean {
  const { schedule } = entry.window;
  if (schedule.type === 'once') return isWindowOpen(schedule, at);
  const second = Math.floor(at.getTime() / 1_000);
  let open = entry.openBySecond.get(second);
  if (open === undefined) {
    open = isWindowOpen(schedule, new Date(second * 1_000));
    if (entry.openBySecond.size >= REMEMBERED_SECONDS) entry.openBySecond.clear(); // starting over costs a few calls
    entry.openBySecond.set(second, open);
  }
  return open;
}
