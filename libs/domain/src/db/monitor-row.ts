import type { Monitor } from '@mini-netumo/contracts';
import type { MonitorRow } from './schema';

/** The API shape of a monitor row (identical today; the seam keeps storage and contract free to diverge). */
export function toMonitor(row: MonitorRow): Monitor {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    intervalSeconds: row.intervalSeconds,
    timeoutMs: row.timeoutMs,
    expectedStatusCodes: row.expectedStatusCodes,
    failureThreshold: row.failureThreshold,
    paused: row.paused,
    status: row.status,
    consecutiveFailures: row.consecutiveFailures,
    lastCheckedAt: row.lastCheckedAt,
    lastLatencyMs: row.lastLatencyMs,
    lastError: row.lastError,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
