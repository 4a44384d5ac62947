import { EXPIRY_INTERVAL_SECONDS, wantsDomain, wantsTls, type ExpirySchedulable } from '../expiry/expiry-schedules';
import { QUEUE_NAMES, type QueueName } from '../queue/queue-names';

/** The columns a monitor's schedules are made from. */
export interface ScheduledMonitor extends ExpirySchedulable {
  paused: boolean;
}

/** A queue with one job scheduler per monitor (id = monitor id): how often it runs, or null for none. */
export interface ScheduleLane {
  queue: QueueName;
  everySeconds(monitor: ScheduledMonitor): number | null;
}

/**
 * Every per-monitor schedule kept in a queue; a rebuild walks these. Checks are not here: their schedule is
 * `monitors.next_check_at` (lanes/check-claimer), and heartbeat deadlines are `monitors.deadline_at`.
 */
export const SCHEDULE_LANES: readonly ScheduleLane[] = [
  { queue: QUEUE_NAMES.checkTls, everySeconds: (monitor) => (wantsTls(monitor) ? EXPIRY_INTERVAL_SECONDS : null) },
  { queue: QUEUE_NAMES.checkDomain, everySeconds: (monitor) => (wantsDomain(monitor) ? EXPIRY_INTERVAL_SECONDS : null) },
];
