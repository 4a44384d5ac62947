import type { Monitor } from '@mini-netumo/contracts';
import type { MonitorRow } from '../db/schema';
import { kindSettingsOf } from '../checks/monitor-kinds';
import { stalenessOf } from './staleness';

/** The API shape of a monitor row; the seam keeps storage and contract free to diverge. */
export function toMonitor(row: MonitorRow, now = new Date()): Monitor {
  const state = {
    id: row.id,
    name: row.name,
    paused: row.paused,
    status: row.status,
    consecutiveFailures: row.consecutiveFailures,
    consecutiveSuccesses: row.consecutiveSuccesses,
    lastCheckedAt: row.lastCheckedAt,
    lastLatencyMs: row.lastLatencyMs,
    lastError: row.lastError,
    stale: stalenessOf(row, now),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  const kind = kindSettingsOf(row);
  if (kind.kind === 'heartbeat') {
    // What the heartbeat waits for; its key is a secret, added only where the owner needs it (getMonitor).
    const { lastPingAt, expectedAt, deadlineAt, runStartedAt } = row;
    return { ...state, kind: kind.kind, ...kind.settings, lastPingAt, expectedAt, deadlineAt, runStartedAt };
  }
  return {
    ...state,
    kind: kind.kind,
    ...kind.settings,
    intervalSeconds: row.intervalSeconds,
    timeoutMs: row.timeoutMs,
    failureThreshold: row.failureThreshold,
    recoveryThreshold: row.recoveryThreshold,
    retries: row.retries,
    retryDelayMs: row.retryDelayMs,
    tlsAlertDays: row.tlsAlertDays,
    domainAlertDays: row.domainAlertDays,
    expiryReminderDays: row.expiryReminderDays,
    // TypeScript cannot tie the spread of a per-kind union to the matching member of Monitor; the registry does.
  } as Monitor;
}
