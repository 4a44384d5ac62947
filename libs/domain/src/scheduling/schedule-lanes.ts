import { isActiveKind } from '@mini-netumo/contracts';
import { EXPIRY_INTERVAL_SECONDS, wantsDomain, wantsTls, type ExpirySchedulable } from '../expiry/expiry-schedules';
import { QUEUE_NAMES, type QueueName } from '../queue/queue-names';

/** The columns a monitor's schedules are made from. */
export interface ScheduledMonitor extends ExpirySchedulable {
  paused: boolean;
  intervalSeconds: number;
}

/** A queue with one job scheduler per monitor (id = monitor id): how often it runs, or null for none. */
export interface ScheduleLane {
  queue: QueueName;
  everySeconds(monitor: ScheduledMonitor): number | null;
}

/** Every per-monitor schedule the product keeps; a rebuild and the watchdog walk these. */
export const SCHEDULE_LANES: readonly ScheduleLane[] = [
  // Passive kinds (heartbeats) have no check jobs: their deadlines live in PostgreSQL (checks/heartbeat/).
  {
    queue: QUEUE_NAMES.checkHttp,
    everySeconds: (monitor) => (monitor.paused || !isActiveKind(monitor.kind) ? null : monitor.intervalSeconds),
  },
  { queue: QUEUE_NAMES.checkTls, everySeconds: (monitor) => (wantsTls(monitor) ? EXPIRY_INTERVAL_SECONDS : null) },
  { queue: QUEUE_NAMES.checkDomain, everySeconds: (monitor) => (wantsDomain(monitor) ? EXPIRY_INTERVAL_SECONDS : null) },
];
