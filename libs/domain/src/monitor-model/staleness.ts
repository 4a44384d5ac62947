import type { MonitorStaleness } from '@mini-netumo/contracts';
import { overdueMarginMs } from './overdue-rules';

export interface StalenessColumns {
  paused: boolean;
  intervalSeconds: number;
  overdueAt: Date | null;
  staleSince: Date | null;
  staleReason: string | null;
}

/** "no result within 27 s (checks every 20 s)": how late an overdue monitor is, in the words every reader sees. */
export function lateBy(intervalSeconds: number): string {
  const allowed = intervalSeconds + Math.round(overdueMarginMs(intervalSeconds) / 1_000);
  return `no result within ${allowed} s (checks every ${intervalSeconds} s)`;
}

/**
 * Whether a monitor's last verdict is still current. The watchdog's verdict when it gave one; otherwise a
 * passed deadline is enough, so a fleet with no worker running (nobody to sweep) still reads as stale.
 */
export function stalenessOf(row: StalenessColumns, now = new Date()): MonitorStaleness | null {
  if (row.paused) return null;
  if (row.staleSince) return { since: row.staleSince, reason: row.staleReason ?? lateBy(row.intervalSeconds) };
  if (row.overdueAt && row.overdueAt.getTime() < now.getTime()) {
    return { since: row.overdueAt, reason: `${lateBy(row.intervalSeconds)}; no worker has looked at it yet` };
  }
  return null;
}
