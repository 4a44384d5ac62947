import { MINUTE_MS, wallClock, wallToInstants, zoneOffsetMs, type MaintenanceSchedule } from '@mini-netumo/contracts';
import { isCronWindowOpen } from './cron-window';

const DAY_MINUTES = 24 * 60;

/**
 * Whether a window is open at an instant. A weekly window that started on an earlier day may still be open
 * (Saturday 22:00 for six hours covers Sunday 03:00), so earlier days are looked at as far back as it lasts.
 * A start time that happens twice (clocks going back) opens the window both times; see wallToInstants.
 */
export function isWindowOpen(schedule: MaintenanceSchedule, at: Date): boolean {
  const now = at.getTime();
  if (schedule.type === 'once') return schedule.startsAt.getTime() <= now && now < schedule.endsAt.getTime();
  if (schedule.type === 'cron') return isCronWindowOpen(schedule, now);
  const { timeZone } = schedule;
  const [hour, minute] = schedule.startTime.split(':').map(Number) as [number, number];
  const today = wallClock(now, timeZone);
  const daysBack = Math.ceil(schedule.durationMinutes / DAY_MINUTES);
  for (let back = 0; back <= daysBack; back++) {
    const wall = Date.UTC(today.year, today.month - 1, today.day - back, hour, minute);
    if (!schedule.weekdays.includes(new Date(wall).getUTCDay())) continue;
    for (const start of wallToInstants(wall, (instant) => zoneOffsetMs(instant, timeZone))) {
      if (start <= now && now < start + schedule.durationMinutes * MINUTE_MS) return true;
    }
  }
  return false;
}
