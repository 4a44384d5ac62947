import { describeMonitorTarget, formatDuration, type MonitorOf } from '@mini-netumo/contracts';
import type { KindFacts } from './fact';

/** When the pings are expected (the contract's words, as in lists and alerts) and how late they may be. */
export function heartbeatFacts(monitor: MonitorOf<'heartbeat'>): KindFacts {
  return {
    target: { label: 'Schedule', text: describeMonitorTarget(monitor) },
    details: [{ label: 'Grace', text: formatDuration(monitor.graceSeconds * 1_000) }],
  };
}
