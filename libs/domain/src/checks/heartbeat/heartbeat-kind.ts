import { MONITOR_KIND_CONTRACTS, type HeartbeatMonitorSettings } from '@mini-netumo/contracts';
import type { MonitorRow } from '../../db/schema';
import type { MonitorKindDef, StoredTarget } from '../monitor-kind-def';
import type { HeartbeatState } from './heartbeat-transitions';

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

/** A heartbeat row as the transitions read it: its times, whether it is paused or up, and its settings typed. */
export function heartbeatStateOf(row: MonitorRow): HeartbeatState & { id: string; pingKey: string | null } {
  const { id, pingKey, paused, lastPingAt, expectedAt, deadlineAt, runStartedAt, runId, lastSlotAt } = row;
  const settings = heartbeatSettingsOf(row);
  return { id, pingKey, paused, up: row.status === 'up', lastSlotAt, settings, lastPingAt, expectedAt, deadlineAt, runStartedAt, runId };
}
