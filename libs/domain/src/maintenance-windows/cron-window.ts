import { parseCronExpression, type CronExpression, type MaintenanceSchedule } from '@mini-netumo/contracts';
import { DAY_MS, MINUTE_MS, wallToInstants, zoneOffsetsBetween } from './zoned-time';

type CronSchedule = Extract<MaintenanceSchedule, { type: 'cron' }>;

const HOUR_MS = 60 * MINUTE_MS;

function firesOnDay(cron: CronExpression, day: Date): boolean {
  if (!cron.months.includes(day.getUTCMonth() + 1)) return false;
  const onDayOfMonth = cron.daysOfMonth.includes(day.getUTCDate());
  const onDayOfWeek = cron.daysOfWeek.includes(day.getUTCDay());
  return cron.eitherDay ? onDayOfMonth || onDayOfWeek : onDayOfMonth && onDayOfWeek;
}

/** The walls the expression fires at in (earliest, latest], latest first; walks days, then its hours and minutes. */
function* firingsDownFrom(cron: CronExpression, latest: number, earliest: number): Generator<number> {
  for (let day = Math.floor(latest / DAY_MS) * DAY_MS; day + DAY_MS > earliest; day -= DAY_MS) {
    if (!firesOnDay(cron, new Date(day))) continue;
    for (let h = cron.hours.length - 1; h >= 0; h--) {
      for (let m = cron.minutes.length - 1; m >= 0; m--) {
        const wall = day + (cron.hours[h] ?? 0) * HOUR_MS + (cron.minutes[m] ?? 0) * MINUTE_MS;
        if (wall > latest) continue;
        if (wall <= earliest) return;
        yield wall;
      }
    }
  }
}

/**
 * Open when some firing F (a wall time in the zone) has F <= at < F + duration. Only walls within the zone's
 * offsets of [at - duration, at] can qualify, so at most a week of days is walked and the zone is asked about
 * once per day of it, whatever the expression; the first firing that covers `at` answers.
 */
export function isCronWindowOpen(schedule: CronSchedule, at: number): boolean {
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
