import { isActiveKind, type ActiveMonitorKind, type MonitorKind } from '@mini-netumo/contracts';

/**
 * Whether a monitor (or its config) is of a kind we probe on a schedule, narrowed so its interval, thresholds,
 * retries and expiry alert days can be read. A heartbeat has none of them: its pings come to us.
 */
export const isActiveMonitor = <M extends { kind: MonitorKind }>(monitor: M): monitor is Extract<M, { kind: ActiveMonitorKind }> =>
  isActiveKind(monitor.kind);
