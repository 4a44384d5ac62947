import { MONITOR_KIND_CONTRACTS, type Monitor } from '@mini-netumo/contracts';

/**
 * What a monitor watches, in one line: the same words the server puts in `MonitorSummary.target` and in
 * alerts, since both come from the contract's `describeTarget`.
 */
export function targetOf(monitor: Monitor): string {
  switch (monitor.kind) {
    case 'http':
      return MONITOR_KIND_CONTRACTS.http.describeTarget(monitor);
    case 'tcp':
      return MONITOR_KIND_CONTRACTS.tcp.describeTarget(monitor);
    case 'dns':
      return MONITOR_KIND_CONTRACTS.dns.describeTarget(monitor);
  }
}
