/** How one registry writes dates, where the text alone cannot tell (see registry-date-hints.ts). */
export interface DateHints {
  /** For `02/11/2019`: true reads day first, false month first, null refuses to guess. */
  dayFirst: boolean | null;
  /** Offset in minutes of a time written without a zone; registries that print local time differ from UTC. */
  localOffsetMinutes: number;
}

export const UTC_HINTS: DateHints = { dayFirst: null, localOffsetMinutes: 0 };

/**
 * Zone abbreviations registries print, as offsets in minutes. Ambiguous ones (CST: China or US Central?
 * IST, BST) are left out on purpose: an unknown zone gives no date rather than one hours off.
 */
const ZONES: Record<string, number> = {
  UTC: 0,
  UT: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  CLT: -240,
  CLST: -180,
  BRT: -180,
  ART: -180,
  WET: 0,
  WEST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  HKT: 480,
  SGT: 480,
  AWST: 480,
  WIB: 420,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface Parts {
  year: number;
  month: number;
  day: number;
  time: string | undefined;
}

const TIME = String.raw`(?:[ T]+(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?))?`;
const NAME = String.raw`([a-z]{3,9})\.?`;

/** Each shape a registry date takes, anchored at both ends: a string with anything left over is no date. */
const SHAPES: { pattern: RegExp; read: (m: RegExpExecArray, hints: DateHints) => Parts | null }[] = [
  // 2019-12-04, 2018-04-13T19:52:17.635, 2019-05-26 00:00:00
  { pattern: new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${TIME}$`, 'i'), read: (m) => ymd(m[1], m[2], m[3], m[4]) },
  // 20200518 (registro.br)
  { pattern: new RegExp(`^(\\d{4})(\\d{2})(\\d{2})${TIME}$`, 'i'), read: (m) => ymd(m[1], m[2], m[3], m[4]) },
  // 2026/03/31 (JPRS), 2025.01.01 (.pl), 2025. 01. 01. (.kr)
  {
    pattern: new RegExp(`^(\\d{4})\\s*[./]\\s*(\\d{1,2})\\s*[./]\\s*(\\d{1,2})\\.?${TIME}$`, 'i'),
    read: (m) => ymd(m[1], m[2], m[3], m[4]),
  },
  // 26.03.2026 16:18:03 (.rs), 1.1.2025 (.fi): dotted dates are day first everywhere
  { pattern: new RegExp(`^(\\d{1,2})\\.\\s*(\\d{1,2})\\.\\s*(\\d{4})${TIME}$`, 'i'), read: (m) => ymd(m[3], m[2], m[1], m[4]) },
  // 02/11/2019 23:59:00 (.pt), 01-01-2025 (.hk): the order depends on the registry
  { pattern: new RegExp(`^(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})${TIME}$`, 'i'), read: (m, hints) => numericDayMonth(m, hints) },
  // 05-Dec-2020, 04-Oct-2008 04:00:00, 1 January 2025
  {
    pattern: new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?[- ]${NAME}[- ,]\\s*(\\d{4})${TIME}$`, 'i'),
    read: (m) => named(m[3], m[2], m[1], m[4]),
  },
  // 2019-Aug-22 (.tr)
  { pattern: new RegExp(`^(\\d{4})-${NAME}-(\\d{1,2})${TIME}$`, 'i'), read: (m) => named(m[1], m[2], m[3], m[4]) },
  // January 1 2025, Jan 1, 2025 (.is)
  { pattern: new RegExp(`^${NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}$`, 'i'), read: (m) => named(m[3], m[1], m[2], m[4]) },
  // Mar 28 23:59:00 2026 (C's ctime, .kg; the weekday is removed first)
  { pattern: /^([a-z]{3})\s+(\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s+(\d{4})$/i, read: (m) => named(m[4], m[1], m[2], m[3]) },
];

/**
 * Reads one expiry value as a registry wrote it into an exact instant, or null when it cannot be sure.
 * Null is an honest "unknown"; a wrong date would be worse than none. A date without a time is that day at
 * 00:00 in the registry's zone (UTC unless hinted), which keeps whole-day countdowns right.
 */
export function parseRegistryDate(text: string, hints: DateHints = UTC_HINTS): Date | null {
  let value = text.trim().replace(/\s+/g, ' ');
  // JPRS writes the state and its end date together: "Connected (2026/03/31)".
  value = value
    .replace(/^\((.*)\)$/, '$1')
    .replace(/\.$/, '')
    .trim();
  value = value.replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '');
  const zoned = splitZone(value);
  if (!zoned) return null;
  for (const shape of SHAPES) {
    const match = shape.pattern.exec(zoned.rest);
    if (!match) continue;
    const parts = shape.read(match, hints);
    return parts ? toInstant(parts, zoned.offsetMinutes ?? (parts.time ? hints.localOffsetMinutes : 0)) : null;
  }
  return null;
}

/**
 * Separates a trailing zone: `Z`, `+02`, `+0530`, `UTC`, `(GMT+0:00)`, `UTC+8`, `CLST`, `(JST)`. A numeric
 * offset only counts right after a time, so the `-01` of `2025-01-01` stays the day. Returns null for a
 * zone we do not know; `offsetMinutes` undefined when no zone is written.
 */
function splitZone(value: string): { rest: string; offsetMinutes: number | undefined } | null {
  const named = /^(.*?)\s*\(?\s*(?:UTC|GMT)\s*(?:([+-])(\d{1,2})(?::?(\d{2}))?)?\s*\)?$/i.exec(value);
  if (named?.[1] && /\d$/.test(named[1])) return { rest: named[1], offsetMinutes: offset(named[2], named[3], named[4]) };
  const numeric = /^(.*\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(?:([+-])(\d{2})(?::?(\d{2}))?|(Z))$/i.exec(value);
  if (numeric?.[1]) return { rest: numeric[1], offsetMinutes: numeric[5] ? 0 : offset(numeric[2], numeric[3], numeric[4]) };
  const abbreviation = /^(.*\d)\s*\(?([A-Za-z]{1,5})\)?$/.exec(value);
  if (abbreviation?.[1] && abbreviation[2]) {
    // "2019-Aug-22" ends in digits, so letters at the end are a zone; an unknown one is refused.
    const minutes = ZONES[abbreviation[2].toUpperCase()];
    return minutes === undefined ? null : { rest: abbreviation[1], offsetMinutes: minutes };
  }
  return { rest: value, offsetMinutes: undefined };
}

function offset(sign: string | undefined, hours: string | undefined, minutes: string | undefined): number {
  if (!sign || !hours) return 0;
  const total = Number(hours) * 60 + Number(minutes ?? 0);
  return sign === '-' ? -total : total;
}

function ymd(year: string | undefined, month: string | undefined, day: string | undefined, time: string | undefined): Parts {
  return { year: Number(year), month: Number(month), day: Number(day), time };
}

function named(year: string | undefined, monthName: string | undefined, day: string | undefined, time: string | undefined): Parts | null {
  const name = (monthName ?? '').toLowerCase().replace(/\.$/, '');
  // Three letters are an English abbreviation; longer must be the full English name ("Mayo", "Juin" are refused).
  const month = name.length === 3 ? MONTHS.indexOf(name) : ENGLISH_MONTHS.indexOf(name === 'sept' ? 'september' : name);
  if (month < 0) return null;
  return { year: Number(year), month: month + 1, day: Number(day), time };
}

const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** `a/b/yyyy`: a number over 12 settles the order; otherwise the registry's habit does, or nothing does. */
function numericDayMonth(match: RegExpExecArray, hints: DateHints): Parts | null {
  const first = Number(match[1]);
  const second = Number(match[2]);
  const dayFirst = first > 12 && second <= 12 ? true : second > 12 && first <= 12 ? false : hints.dayFirst;
  if (dayFirst === null) return null;
  return dayFirst ? ymd(match[3], match[2], match[1], match[4]) : ymd(match[3], match[1], match[2], match[4]);
}

function toInstant(parts: Parts, offsetMinutes: number): Date | null {
  const [hour = 0, minute = 0, second = 0, fraction = '0'] = parseTime(parts.time);
  if (parts.year < 1985 || parts.year > 2200 || offsetMinutes < -14 * 60 || offsetMinutes > 14 * 60) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = Math.round(Number(`0.${fraction}`) * 1000);
  const utc = Date.UTC(parts.year, parts.month - 1, parts.day, hour, minute, second, millis);
  const check = new Date(utc);
  // Date.UTC rolls 31 April into 1 May; a date that rolled was never a real date.
  if (check.getUTCFullYear() !== parts.year || check.getUTCMonth() !== parts.month - 1 || check.getUTCDate() !== parts.day) return null;
  return new Date(utc - offsetMinutes * 60_000);
}

function parseTime(time: string | undefined): [number, number, number, string] | [] {
  if (!time) return [];
  const [clock = '', fraction = '0'] = time.split(/[.,]/);
  const [hour = 0, minute = 0, second = 0] = clock.split(':').map(Number);
  return [hour, minute, second, fraction];
}
