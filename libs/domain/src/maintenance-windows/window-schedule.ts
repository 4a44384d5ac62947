import type { MaintenanceSchedule } from '@mini-netumo/contracts';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

/** The wall-clock fields of an instant in a time zone. */
function wallClock(at: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** How far the zone's wall clock is ahead of UTC at an instant (negative west of Greenwich). */
function zoneOffsetMs(at: number, timeZone: string): number {
  const wall = wallClock(at, timeZone);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - Math.floor(at / 1_000) * 1_000;
}

/** The instant a local wall-clock time happens in a zone; twice-corrected so DST changes land right. */
export function zonedTimeToInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const first = asUtc - zoneOffsetMs(asUtc, timeZone);
  return asUtc - zoneOffsetMs(first, timeZone);
}

/**
 * Whether a window is open at an instant. A weekly window that started on an earlier day may still be open
 * (Saturday 22:00 for six hours covers Sunday 03:00), so earlier days are looked at as far back as it lasts.
 */
export function isWindowOpen(schedule: MaintenanceSchedule, at: Date): boolean {
  const now = at.getTime();
  if (schedule.type === 'once') return schedule.startsAt.getTime() <= now && now < schedule.endsAt.getTime();
  const [hour, minute] = schedule.startTime.split(':').map(Number) as [number, number];
  const today = wallClock(now, schedule.timeZone);
  const daysBack = Math.ceil(schedule.durationMinutes / DAY_MINUTES);
  for (let back = 0; back <= daysBack; back++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day - back));
    if (!schedule.weekdays.includes(date.getUTCDay())) continue;
    const start = zonedTimeToInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, minute, schedule.timeZone);
    if (start <= now && now < start + schedule.durationMinutes * MINUTE_MS) return true;
  }
  return false;
}
