import { parseCronExpression, type CronExpression } from '../cron-expression';
import { DAY_MS, wallToInstants, zoneOffsetMs, zoneOffsetsBetween } from '../zoned-time';
import type { HeartbeatMonitorSettings } from './heartbeat-monitor';

/** The schedule part of a heartbeat's settings. */
export type HeartbeatSchedule = Pick<HeartbeatMonitorSettings, 'periodSeconds' | 'cron' | 'timezone'>;

// A fleet of cron heartbeats shares a few expressions; parsing one costs more than using it.
const parsed = new Map<string, CronExpression | null>();
const PARSED_KEPT = 1_000;

function cronOf(expression: string): CronExpression | null {
  let cron = parsed.get(expression);
  if (cron === undefined) {
    const result = parseCronExpression(expression);
    cron = 'error' in result ? null : result;
    if (parsed.size >= PARSED_KEPT) parsed.clear();
    parsed.set(expression, cron);
  }
  return cron;
}

/**
 * The first time a cron expression fires after `after` (ms), read on the wall clock of `timeZone`. Where clocks
 * go back, a repeated wall time counts at its later instant (a job run at either instant is then on time); where
 * they jump forward, a skipped one counts as if they had not jumped (02:30 in a 02:00→03:00 gap is 03:30). Null
 * for an expression that no longer parses (the contract refuses those; a stored one never throws).
 */
export function nextCronFire(expression: string, timeZone: string, after: number): number | null {
  const cron = cronOf(expression);
  if (!cron) return null;
  const zone = zoneOffsetsBetween(timeZone, after - DAY_MS, after + DAY_MS);
  // Every wall time whose instant is after `after` lies beyond after + the smallest offset around it.
  let wall = after + zone.min - 1;
  for (let guard = 0; guard < 10_000; guard++) {
    const next = cron.nextRun(new Date(wall));
    if (!next) return null;
    wall = next.getTime();
    const instants = wallToInstants(wall, (at) => zoneOffsetMs(at, timeZone));
    const instant = instants[instants.length - 1] as number;
    if (instant > after) return instant;
  }
  return null;
}

/** When the next ping is expected after one at `after` (or after an expected time that passed): ms, or null. */
export function nextExpectedAfter(schedule: HeartbeatSchedule, after: number): number | null {
  if (schedule.periodSeconds !== null) return after + schedule.periodSeconds * 1_000;
  if (schedule.cron !== null) return nextCronFire(schedule.cron, schedule.timezone, after);
  return null;
}

/** The next `count` expected times from `from`, as the dashboard's form previews them. */
export function upcomingExpected(schedule: HeartbeatSchedule, from: number, count: number): number[] {
  const times: number[] = [];
  let at = from;
  while (times.length < count) {
    const next = nextExpectedAfter(schedule, at);
    if (next === null) break;
    times.push(next);
    at = next;
  }
  return times;
}
