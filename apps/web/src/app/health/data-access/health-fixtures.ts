import type { Health, MonitoringHealth } from '@mini-netumo/contracts';

/** Test data only: a healthy install, with the monitoring part overridable. */
export function aHealth(monitoring: Partial<MonitoringHealth> = {}, overrides: Partial<Health> = {}): Health {
  return {
    ok: monitoring.ok ?? true,
    database: { ok: true },
    queue: { ok: true, backend: 'redis' },
    monitoring: { ok: true, overdue: 0, threshold: 10, watchdogSeenAt: new Date(), repairs: 0, ...monitoring },
    ...overrides,
  };
}
