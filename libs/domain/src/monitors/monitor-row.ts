import type { Monitor } from '@mini-netumo/contracts';
import type { MonitorRow } from '../db/schema';
import { stalenessOf } from '../watchdog/staleness';

/** The API shape of a monitor row; the seam keeps storage and contract free to diverge. */
export function toMonitor(row: MonitorRow, now = new Date()): Monitor {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    intervalSeconds: row.intervalSeconds,
    timeoutMs: row.timeoutMs,
    expectedStatusCodes: row.expectedStatusCodes,
    failureThreshold: row.failureThreshold,
    recoveryThreshold: row.recoveryThreshold,
    paused: row.paused,
    method: row.method as Monitor['method'],
    headers: row.headers,
    body: row.body,
    bodyAssertion: row.bodyAssertion,
    maxBodyBytes: row.maxBodyBytes,
    followRedirects: row.followRedirects,
    maxRedirects: row.maxRedirects,
    ignoreTlsErrors: row.ignoreTlsErrors,
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
  };
}
