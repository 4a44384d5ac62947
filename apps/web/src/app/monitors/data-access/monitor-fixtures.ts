import {
  isActiveKind,
  monitorInputSchema,
  type CheckResult,
  type HeartbeatPing,
  type MonitorConfigOf,
  type MonitorKind,
  type MonitorOf,
} from '@mini-netumo/contracts';

/** Test data only. Defaults come from the contract, so a field added there does not break every spec. */
const at = (second: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, second));

const STATE = {
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
} as const;

function configOf<K extends MonitorKind>(kind: K, fields: Record<string, unknown>): MonitorConfigOf<K> {
  // A heartbeat has no interval: its schedule is its own fields.
  const interval = isActiveKind(kind) ? { intervalSeconds: 60 } : {};
  const config = monitorInputSchema.parse({ kind, name: 'Site', ...interval, ...fields });
  if (config.kind !== kind) throw new Error(`parsed a ${config.kind} monitor, not ${kind}`);
  return config as MonitorConfigOf<K>;
}

export function aMonitor(overrides: Partial<MonitorOf<'http'>> = {}): MonitorOf<'http'> {
  return { ...configOf('http', { url: 'https://example.com' }), ...STATE, ...overrides };
}

export function aTcpMonitor(overrides: Partial<MonitorOf<'tcp'>> = {}): MonitorOf<'tcp'> {
  return { ...configOf('tcp', { name: 'Mail', host: 'mail.example.com', port: 25 }), ...STATE, ...overrides };
}

export function aDnsMonitor(overrides: Partial<MonitorOf<'dns'>> = {}): MonitorOf<'dns'> {
  return { ...configOf('dns', { name: 'Zone', hostname: 'example.com' }), ...STATE, ...overrides };
}

export function aHeartbeat(overrides: Partial<MonitorOf<'heartbeat'>> = {}): MonitorOf<'heartbeat'> {
  return {
    ...configOf('heartbeat', { name: 'Backup', periodSeconds: 3_600, timezone: 'UTC' }),
    ...STATE,
    lastPingAt: null,
    expectedAt: null,
    deadlineAt: null,
    runStartedAt: null,
    ...overrides,
  };
}

export function aPing(overrides: Partial<HeartbeatPing> = {}): HeartbeatPing {
  return {
    id: 1,
    receivedAt: at(1),
    kind: 'success',
    exitStatus: null,
    method: 'GET',
    sourceAddress: '192.0.2.10',
    userAgent: 'curl/8.5.0',
    body: null,
    bodyTruncated: false,
    runId: null,
    durationMs: null,
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
