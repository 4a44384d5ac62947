import type { CheckResult } from '@mini-netumo/contracts';
import type { CheckResultRow } from './schema';

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
