/**
 * Wall clocks in IANA time zones without a date library. A "wall" is a local date and time written as the
 * milliseconds it would be in UTC (Date.UTC of its fields), so days and minutes add up as plain numbers.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * 60 * MINUTE_MS;

/** How far the zone's wall clock is ahead of UTC at an instant (negative west of Greenwich). */
export type OffsetAt = (at: number) => number;

// Building a DateTimeFormat costs far more than using one, and the checks ask about the same few zones all day.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of an instant in a time zone. */
export function wallClock(at: number, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(new Date(at));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** How far the zone's wall clock is ahead of UTC at an instant, as Intl tells it. */
export function zoneOffsetMs(at: number, timeZone: string): number {
  const wall = wallClock(at, timeZone);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - Math.floor(at / 1_000) * 1_000;
}

/**
 * The instants a wall time happens. Where clocks go back it happens twice: both, earlier first. Where they jump
 * forward it never happens: read as if they had not jumped yet (02:30 in a 02:00→03:00 gap is 03:30).
 * Assumes at most one offset change within a day either side, as real zones keep.
 */
export function wallToInstants(wall: number, offsetAt: OffsetAt): [number] | [number, number] {
  const before = offsetAt(wall - DAY_MS);
  const after = offsetAt(wall + DAY_MS);
  if (before === after) return [wall - before];
  const withBefore = wall - before;
  const withAfter = wall - after;
  const beforeHolds = offsetAt(withBefore) === before;
  const afterHolds = offsetAt(withAfter) === after;
  if (beforeHolds && afterHolds) return [Math.min(withBefore, withAfter), Math.max(withBefore, withAfter)];
  return [afterHolds && !beforeHolds ? withAfter : withBefore];
}

/** A zone's offsets over a stretch of time, learnt once so that asking about many instants costs no Intl call. */
export interface ZoneOffsets {
  offsetAt: OffsetAt;
  min: number;
  max: number;
}

/**
 * Samples the offset once a day and bisects (to the second) where it changed, so a week costs about ten Intl
 * calls plus ~17 per DST change. Instants outside [from, to] are asked of Intl directly.
 */
export function zoneOffsetsBetween(timeZone: string, from: number, to: number): ZoneOffsets {
  const offsetOf = (at: number) => zoneOffsetMs(at, timeZone);
  const first = offsetOf(from);
  /** Each change: the offset from `at` on. */
  const changes: { at: number; offset: number }[] = [];
  let previousAt = from;
  let previous = first;
  while (previousAt < to) {
    const sampleAt = Math.min(previousAt + DAY_MS, to);
    const offset = offsetOf(sampleAt);
    if (offset !== previous) changes.push({ at: firstSecondWithNewOffset(offsetOf, previousAt, sampleAt, previous), offset });
    previousAt = sampleAt;
    previous = offset;
  }
  const all = [first, ...changes.map((change) => change.offset)];
  return {
    offsetAt: (at) => {
      if (at < from || at > to) return offsetOf(at);
      let offset = first;
      for (const change of changes) if (at >= change.at) offset = change.offset;
      return offset;
    },
    min: Math.min(...all),
    max: Math.max(...all),
  };
}

/** Offsets change on whole seconds; zoneOffsetMs reads an instant to the second. */
function firstSecondWithNewOffset(offsetOf: OffsetAt, from: number, to: number, oldOffset: number): number {
  let low = Math.floor(from / 1_000); // has the old offset
  let high = Math.floor(to / 1_000); // has the new one
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetOf(middle * 1_000) === oldOffset) low = middle;
    else high = middle;
  }
  return high * 1_000;
}
