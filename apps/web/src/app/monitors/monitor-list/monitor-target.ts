import { describeMonitorTarget, type Monitor } from '@mini-netumo/contracts';

/**
 * What a monitor watches, in one line: the same words the server puts in `MonitorSummary.target` and in
 * alerts, since both come from the contract's `describeTarget`.
 */
export const targetOf = (monitor: Monitor): string => describeMonitorTarget(monitor);
