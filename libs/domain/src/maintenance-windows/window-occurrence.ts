import {
  DAY_MS,
  MINUTE_MS,
  parseCronExpression,
  wallClock,
  wallToInstants,
  zoneOffsetsBetween,
  type MaintenanceSchedule,
} from '@mini-netumo/contracts';

export interface WindowOccurrence {
  startsAt: Date;
  endsAt: Date;
}

/**
 * The occurrence of a window open at `now`, else the next one starting within `horizonMs`; null when there is none.
 * Wall times are placed as isWindowOpen places them (a time that happens twice opens the window both times).
 */
export function currentOrNextOccurrence(schedule: MaintenanceSchedule, now: Date, horizonMs: number): WindowOccurrence | null {
  const at = now.getTime();
  if (schedule.type === 'once') {
    const { startsAt, endsAt } = schedule;
    return endsAt.getTime() > at && startsAt.getTime() <= at + horizonMs ? { startsAt, endsAt } : null;
  }
  const duration = schedule.durationMinutes * MINUTE_MS;
  const from = at - duration;
  const to = at + horizonMs;
  const zone = zoneOffsetsBetween(schedule.timeZone, from - 2 * DAY_MS, to + 2 * DAY_MS);
  const starts = [...wallStarts(schedule, from + zone.min, to + zone.max)]
    .flatMap((wall) => wallToInstants(wall, zone.offsetAt))
    .filter((start) => start + duration > at && start <= to)
    .sort((a, b) => a - b);
  const first = starts[0];
  return first === undefined ? null : { startsAt: new Date(first), endsAt: new Date(first + duration) };
}

/** The schedule's start times as wall clocks (UTC fields read as the zone's local time) in [fromWall, toWall]. */
function* wallStarts(schedule: Exclude<MaintenanceSchedule, { type: 'once' }>, fromWall: number, toWall: number): Generator<number> {
  if (schedule.type === 'cron') {
    const cron = parseCronExpression(schedule.expression);
    if ('error' in cron) return;
    // croner excludes its reference, so start a millisecond early; walls are UTC-fielded, as cron-window.ts reads them.
    let after = new Date(fromWall - 1);
    for (let i = 0; i < 10_000; i++) {
      const [next] = cron.nextRuns(1, after);
      if (!next || next.getTime() > toWall) return;
      yield next.getTime();
      after = next;
    }
    return;
  }
  const [hour, minute] = schedule.startTime.split(':').map(Number) as [number, number];
  const first = wallClock(fromWall, 'UTC');
  for (let day = -1; ; day++) {
    const wall = Date.UTC(first.year, first.month - 1, first.day + day, hour, minute);
    if (wall > toWall) return;
    if (wall >= fromWall - DAY_MS && schedule.weekdays.includes(new Date(wall).getUTCDay())) yield wall;
  }
}
