import {
  DAY_MS,
  MINUTE_MS,
  parseCronExpression,
  wallToInstants,
  zoneOffsetsBetween,
  type CronExpression,
  type MaintenanceSchedule,
} from '@mini-netumo/contracts';

type CronSchedule = Extract<MaintenanceSchedule, { type: 'cron' }>;

/** The walls the expression fires at in (earliest, latest], latest first (croner excludes its reference). */
function* firingsDownFrom(cron: CronExpression, latest: number, earliest: number): Generator<number> {
  let before = new Date(latest + 1);
  for (;;) {
    const [firing] = cron.previousRuns(1, before);
    if (!firing || firing.getTime() <= earliest) return;
    yield firing.getTime();
    before = firing;
  }
}

/**
 * Open when some firing F (a wall time in the zone) has F <= at < F + duration. Only walls within the zone's
 * offsets of [at - duration, at] can qualify; the first firing that covers `at` answers.
 */
export function isCronWindowOpen(schedule: CronSchedule, at: number): boolean {
  // croner finds firings on wall clocks (UTC offset 0) and wallToInstants places them: croner's own zones run a
  // time that clocks skip at the end of the gap (ours: as if they had not moved, 02:30 → 03:30) and a repeated
  // one once (ours: both times). See cron-window.spec.ts, "in Paris".
  const cron = parseCronExpression(schedule.expression);
  // The contract rejects bad expressions; one that slipped into the database never opens rather than throwing.
  if ('error' in cron) return false;
  const duration = schedule.durationMinutes * MINUTE_MS;
  // Two days either side: room for the largest offsets and for wallToInstants' look a day before and after.
  const zone = zoneOffsetsBetween(schedule.timeZone, at - duration - 2 * DAY_MS, at + 2 * DAY_MS);
  for (const wall of firingsDownFrom(cron, at + zone.max, at - duration + zone.min)) {
    // A wall time that happens twice (clocks going back) opens the window both times.
    for (const start of wallToInstants(wall, zone.offsetAt)) if (start <= at && at < start + duration) return true;
  }
  return false;
}
