import { monitorInputSchema, type CheckResult, type Monitor } from '@mini-netumo/contracts';

/** Test data only. Defaults come from the contract, so a field added there does not break every spec. */
const at = (second: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, second));

export function aMonitor(overrides: Partial<Monitor> = {}): Monitor {
  return {
    ...monitorInputSchema.parse({ name: 'Site', url: 'https://example.com', intervalSeconds: 60 }),
    id: '00000000-0000-4000-8000-000000000001',
    status: 'pending',
    consecutiveFailures: 0,
    consecutiveSuccesses: 0,
    lastCheckedAt: null,
    lastLatencyMs: null,
    lastError: null,
    stale: null,
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

export function aCheckResult(overrides: Partial<CheckResult> = {}): CheckResult {
  const ok = overrides.ok ?? true;
  return {
    id: 1,
    monitorId: '00000000-0000-4000-8000-000000000001',
    checkedAt: at(1),
    ok,
    verdict: ok ? 'up' : 'down',
    inMaintenance: false,
    attempts: ok ? 1 : 2,
    timings: { dnsMs: 3, connectMs: 5, tlsMs: 10, firstByteMs: 30, totalMs: 42 },
    statusCode: ok ? 200 : 500,
    latencyMs: 42,
    errorKind: ok ? null : 'status',
    errorMessage: ok ? null : 'HTTP 500, expected 200-299',
    ...overrides,
  };
}
