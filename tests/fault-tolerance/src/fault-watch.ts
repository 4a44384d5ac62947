import type { FaultStack } from './fault-stack';

/** What was seen, polling every ~1.5 s, while a fault lasted: the maxima, and whether a field was there at all. */
export interface WatchObservations {
  samples: number;
  databaseUnreachable: number;
  /** Monitors with `stale_since` set, in PostgreSQL (the watchdog writes it; the api may show stale sooner). */
  staleMax: number;
  /** Monitors past their own overdue deadline (`monitors.overdue_at`) by more than a poll's slack. */
  overdueMax: number;
  /** Of those, the most that `monitors.list` did not show as stale in the same sample. */
  overdueNotShownMax: number;
  /** Monitors that `monitors.list` returned with `stale` set; the field itself is missing on older builds. */
  apiStaleMax: number;
  apiStaleField: boolean;
  /** Samples where `monitors.list` failed although PostgreSQL answered the test (then and for a while before), and its last error. */
  apiFailures: number;
  apiLastError: string | undefined;
  /** `GET /health` → `monitoring`: the most overdue it reported, its threshold, and whether it ever said not ok. */
  healthOverdueMax: number;
  healthThreshold: number;
  healthNotOkSeen: boolean;
  healthMonitoringField: boolean;
  downMax: number;
  /**
   * Monitors silent past the limit (no result, by PostgreSQL) that neither `stale_since` nor `monitors.list`
   * showed as stale: monitoring stopped without anyone being told.
   */
  silentNotStaleMax: number;
}

const POLL_MS = 1_500;
/** Samples in a row the database must have answered the test before a failed api call counts. */
const ANSWERED_BEFORE_COUNTING = 3;

/** Polls PostgreSQL, `monitors.list` and `/health` until stopped; each source may fail (a restart) without ending it. */
export function watchFleet(stack: FaultStack, silenceLimitMs: number): { stop(): Promise<WatchObservations> } {
  const seen: WatchObservations = {
    samples: 0,
    databaseUnreachable: 0,
    staleMax: 0,
    overdueMax: 0,
    overdueNotShownMax: 0,
    apiStaleMax: 0,
    apiStaleField: false,
    apiFailures: 0,
    apiLastError: undefined,
    healthOverdueMax: 0,
    healthThreshold: 0,
    healthNotOkSeen: false,
    healthMonitoringField: false,
    downMax: 0,
    silentNotStaleMax: 0,
  };
  let stopped = false;
  // The api's pool reconnects after a restart on its own schedule; its calls count once the database has
  // answered the test for several samples in a row (a PostgreSQL restart's last seconds are not the api's fault).
  let databaseAnsweredInARow = 0;
  const sample = async () => {
    const [snapshot, listed, health] = await Promise.allSettled([
      stack.probe.snapshot(silenceLimitMs),
      stack.api.listMonitors(),
      stack.api.health(),
    ]);
    seen.samples++;
    if (listed.status === 'fulfilled') {
      seen.apiStaleField ||= listed.value.some((monitor) => monitor.stale !== undefined);
      seen.apiStaleMax = Math.max(seen.apiStaleMax, listed.value.filter((monitor) => monitor.stale).length);
      seen.downMax = Math.max(seen.downMax, listed.value.filter((monitor) => monitor.status === 'down').length);
    } else if (snapshot.status === 'fulfilled' && databaseAnsweredInARow >= ANSWERED_BEFORE_COUNTING) {
      // Only while the database answers us, and has for a while: during a restart the api cannot list either.
      seen.apiFailures++;
      seen.apiLastError = String(listed.reason).slice(0, 200);
    }
    if (snapshot.status === 'fulfilled') {
      const { stale, down, overdueIds, silentIds } = snapshot.value;
      seen.staleMax = Math.max(seen.staleMax, stale);
      seen.downMax = Math.max(seen.downMax, down);
      seen.overdueMax = Math.max(seen.overdueMax, overdueIds.length);
      if (listed.status === 'fulfilled') {
        const shown = new Set(listed.value.filter((monitor) => monitor.stale).map((monitor) => monitor.id));
        seen.overdueNotShownMax = Math.max(seen.overdueNotShownMax, overdueIds.filter((id) => !shown.has(id)).length);
        seen.silentNotStaleMax = Math.max(seen.silentNotStaleMax, silentIds.filter((id) => !shown.has(id)).length);
      } else seen.silentNotStaleMax = Math.max(seen.silentNotStaleMax, silentIds.length);
    } else seen.databaseUnreachable++;
    databaseAnsweredInARow = snapshot.status === 'fulfilled' ? databaseAnsweredInARow + 1 : 0;
    if (health.status === 'fulfilled' && health.value.monitoring) {
      seen.healthMonitoringField = true;
      seen.healthOverdueMax = Math.max(seen.healthOverdueMax, health.value.monitoring.overdue);
      seen.healthThreshold = health.value.monitoring.threshold;
      seen.healthNotOkSeen ||= !health.value.monitoring.ok;
    }
  };
  const loop = (async () => {
    while (!stopped) {
      await sample();
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return seen;
    },
  };
}
