import type { Incident, MonitorStatus } from '@mini-netumo/contracts';
import type { IncidentRow, MonitorRow } from './schema';

/**
 * Rows read with postgres.js directly (the hot path) into the shapes Drizzle would give. Drizzle sets this
 * client to return timestamps as strings, hence `date()`.
 */
export type RawRow = Record<string, unknown>;
const date = (value: unknown) => (value === null || value === undefined ? null : new Date(String(value)));

export function toMonitorRow(raw: RawRow): MonitorRow {
  return {
    id: raw['id'] as string,
    kind: raw['kind'] as MonitorRow['kind'],
    name: raw['name'] as string,
    url: raw['url'] as string | null,
    settings: (raw['settings'] ?? null) as MonitorRow['settings'],
    intervalSeconds: raw['interval_seconds'] as number,
    timeoutMs: raw['timeout_ms'] as number,
    expectedStatusCodes: raw['expected_status_codes'] as string,
    failureThreshold: raw['failure_threshold'] as number,
    paused: raw['paused'] as boolean,
    method: raw['method'] as string,
    headers: (raw['headers'] ?? {}) as Record<string, string>,
    body: raw['body'] as string | null,
    bodyAssertion: raw['body_assertion'] as MonitorRow['bodyAssertion'],
    maxBodyBytes: raw['max_body_bytes'] as number,
    followRedirects: raw['follow_redirects'] as boolean,
    maxRedirects: raw['max_redirects'] as number,
    ignoreTlsErrors: raw['ignore_tls_errors'] as boolean,
    retries: raw['retries'] as number,
    retryDelayMs: raw['retry_delay_ms'] as number,
    recoveryThreshold: raw['recovery_threshold'] as number,
    tlsAlertDays: raw['tls_alert_days'] as number,
    domainAlertDays: raw['domain_alert_days'] as number,
    expiryReminderDays: raw['expiry_reminder_days'] as number[],
    status: raw['status'] as MonitorStatus,
    consecutiveFailures: raw['consecutive_failures'] as number,
    consecutiveSuccesses: raw['consecutive_successes'] as number,
    lastCheckedAt: date(raw['last_checked_at']),
    lastLatencyMs: raw['last_latency_ms'] as number | null,
    lastError: raw['last_error'] as string | null,
    overdueAt: date(raw['overdue_at']),
    lastSlotAt: date(raw['last_slot_at']),
    staleSince: date(raw['stale_since']),
    staleReason: raw['stale_reason'] as string | null,
    createdAt: date(raw['created_at']) as Date,
    updatedAt: date(raw['updated_at']) as Date,
  };
}

export function toIncidentRow(raw: RawRow): IncidentRow {
  return {
    id: raw['id'] as string,
    monitorId: raw['monitor_id'] as string,
    kind: raw['kind'] as Incident['kind'],
    state: raw['state'] as Incident['state'],
    openedAt: date(raw['opened_at']) as Date,
    resolvedAt: date(raw['resolved_at']),
    cause: raw['cause'] as string | null,
    subject: (raw['subject'] ?? null) as string | null,
  };
}
