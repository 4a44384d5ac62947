import type { CheckResult, Monitor } from '@mini-netumo/contracts';
import { stalenessOf } from '../watchdog/staleness';
import type { CheckResultRow, MonitorRow } from './schema';

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

/** Timing columns become one object; a check that never connected has none. */
export function toCheckResult(row: CheckResultRow): CheckResult {
  const hasTimings = row.latencyMs !== null;
  return {
    id: row.id,
    monitorId: row.monitorId,
    checkedAt: row.checkedAt,
    ok: row.ok,
    verdict: row.verdict,
    inMaintenance: row.inMaintenance,
    attempts: row.attempts,
    statusCode: row.statusCode,
    latencyMs: row.latencyMs,
    timings: hasTimings
      ? { dnsMs: row.dnsMs, connectMs: row.connectMs, tlsMs: row.tlsMs, firstByteMs: row.firstByteMs, totalMs: row.latencyMs ?? 0 }
      : null,
    errorKind: row.errorKind,
    errorMessage: row.errorMessage,
  };
}
