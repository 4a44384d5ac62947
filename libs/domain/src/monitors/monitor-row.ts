import type { Monitor } from '@mini-netumo/contracts';
import type { MonitorRow } from '../db/schema';
import { kindSettingsOf } from '../checks/monitor-kinds';
import { stalenessOf } from '../watchdog/staleness';

/** The API shape of a monitor row; the seam keeps storage and contract free to diverge. */
export function toMonitor(row: MonitorRow, now = new Date()): Monitor {
  return {
    id: row.id,
    name: row.name,
    ...flatSettingsOf(row),
    intervalSeconds: row.intervalSeconds,
    timeoutMs: row.timeoutMs,
    failureThreshold: row.failureThreshold,
    recoveryThreshold: row.recoveryThreshold,
    paused: row.paused,
    retries: row.retries,
    retryDelayMs: row.retryDelayMs,
    tlsAlertDays: row.tlsAlertDays,
    domainAlertDays: row.domainAlertDays,
    expiryReminderDays: row.expiryReminderDays,
    status: row.status,
    consecutiveFailures: row.consecutiveFailures,
    consecutiveSuccesses: row.consecutiveSuccesses,
    lastCheckedAt: row.lastCheckedAt,
    lastLatencyMs: row.lastLatencyMs,
    lastError: row.lastError,
    stale: stalenessOf(row, now),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    // TypeScript cannot tie the spread of a per-kind union to the matching member of Monitor; the registry does.
  } as Monitor;
}

/** `kind` beside the kind's own settings, as the contract's per-kind shapes have them. */
function flatSettingsOf(row: MonitorRow) {
  const { kind, settings } = kindSettingsOf(row);
  return { kind, ...settings };
}
