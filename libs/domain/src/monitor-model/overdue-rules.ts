/** The timing rules of "overdue", shared by the recorder (which moves the deadline) and the watchdog. */

export interface CheckTiming {
  intervalSeconds: number;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
}

/**
 * Slack past the interval before a monitor counts as overdue: scheduling jitter, a busy worker, the
 * recorder's batch. 5 s plus a tenth of the interval (at most a minute): 7 s for a 20 s monitor, so a
 * lost schedule is found, re-created and checked within two intervals.
 */
export function overdueMarginMs(intervalSeconds: number): number {
  return 5_000 + Math.min(intervalSeconds * 100, 55_000);
}

/**
 * A result stored at `storedAt` promises the next one within an interval (the next slot comes at most an
 * interval after any moment) and about as long a check again; the margin covers the rest.
 */
export function overdueAfter(storedAt: Date, intervalSeconds: number): Date {
  return new Date(storedAt.getTime() + intervalSeconds * 1_000 + overdueMarginMs(intervalSeconds));
}

/** The longest one check can take: every attempt timing out, with the doubling waits between re-checks. */
export function longestCheckMs(monitor: Pick<CheckTiming, 'timeoutMs' | 'retries' | 'retryDelayMs'>): number {
  return monitor.timeoutMs * (monitor.retries + 1) + monitor.retryDelayMs * (2 ** monitor.retries - 1);
}

/** A check still in flight gets until its longest possible end (plus the margin) before it counts as overdue. */
export function inFlightDeadline(now: Date, monitor: CheckTiming): Date {
  return new Date(now.getTime() + longestCheckMs(monitor) + overdueMarginMs(monitor.intervalSeconds));
}
