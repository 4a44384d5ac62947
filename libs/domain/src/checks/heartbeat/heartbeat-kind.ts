import { MONITOR_KIND_CONTRACTS, type HeartbeatMonitorSettings } from '@mini-netumo/contracts';
import type { MonitorKindDef, StoredTarget } from '../monitor-kind-def';

/** The row's `settings`, which the table's check constraint guarantees for every kind but HTTP. */
function heartbeatSettingsOf(stored: StoredTarget): HeartbeatMonitorSettings {
  if (stored.settings === null || !('graceSeconds' in stored.settings)) throw new Error('a heartbeat row without heartbeat settings');
  return stored.settings;
}

/**
 * A job that pings us (passive: no probe). Its checks come from its pings (heartbeat-intake.ts) and its
 * passed deadlines (heartbeat-deadlines.ts). It has no host, so no certificate or domain to watch.
 */
export const heartbeatKind: MonitorKindDef<'heartbeat'> = {
  settingsOf: heartbeatSettingsOf,
  columnsFor: (settings) => ({ url: null, settings }),
  targetOf: (stored) => MONITOR_KIND_CONTRACTS.heartbeat.describeTarget(heartbeatSettingsOf(stored)),
  expiryTargets: () => ({ tls: null, domainHost: null }),
};
