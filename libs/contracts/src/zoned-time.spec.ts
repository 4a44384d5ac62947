import { describe, expect, it } from 'vitest';
import { wallToInstants, zoneOffsetMs, zoneOffsetsBetween } from './zoned-time';

const HOUR = 3_600_000;
const iso = (at: number) => new Date(at).toISOString();
const inZone = (timeZone: string) => (at: number) => zoneOffsetMs(at, timeZone);

describe('wallToInstants', () => {
  it.each([
    ['2026-01-15T09:00', 'America/New_York', ['2026-01-15T14:00:00.000Z'], 'winter'],
    ['2026-07-15T09:00', 'America/New_York', ['2026-07-15T13:00:00.000Z'], 'summer'],
    ['2026-03-29T02:30', 'Europe/Paris', ['2026-03-29T01:30:00.000Z'], 'skipped: read as 03:30 CEST'],
    ['2026-03-29T02:00', 'Europe/Paris', ['2026-03-29T01:00:00.000Z'], 'skipped: read as 03:00 CEST'],
    ['2026-03-29T03:00', 'Europe/Paris', ['2026-03-29T01:00:00.000Z'], 'first minute after the jump'],
    ['2026-03-29T01:59', 'Europe/Paris', ['2026-03-29T00:59:00.000Z'], 'last minute before the jump'],
    ['2026-10-25T02:30', 'Europe/Paris', ['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z'], 'twice: CEST then CET'],
    ['2026-10-25T02:00', 'Europe/Paris', ['2026-10-25T00:00:00.000Z', '2026-10-25T01:00:00.000Z'], 'twice, on the hour'],
    ['2026-10-25T03:00', 'Europe/Paris', ['2026-10-25T02:00:00.000Z'], 'once again after the repeat'],
    ['2026-03-08T02:30', 'America/New_York', ['2026-03-08T07:30:00.000Z'], 'skipped: read as 03:30 EDT'],
    ['2026-11-01T01:30', 'America/New_York', ['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z'], 'twice: EDT then EST'],
    ['2026-06-01T00:00', 'Asia/Kolkata', ['2026-05-31T18:30:00.000Z'], 'half-hour offset'],
  ])('%s in %s', (wall, timeZone, expected, _why) => {
    expect(wallToInstants(Date.parse(`${wall}Z`), inZone(timeZone)).map(iso)).toEqual(expected);
  });
});

describe('zoneOffsetsBetween', () => {
  it('learns a week of offsets once and answers like Intl at every minute of it, changes included', () => {
    const from = Date.parse('2026-10-20T00:00:00Z');
    const to = Date.parse('2026-10-27T00:00:00Z');
    const zone = zoneOffsetsBetween('Europe/Paris', from, to);
    expect([zone.min, zone.max]).toEqual([HOUR, 2 * HOUR]);
    const wrong = [];
    for (let at = from; at <= to; at += 60_000) if (zone.offsetAt(at) !== zoneOffsetMs(at, 'Europe/Paris')) wrong.push(iso(at));
    expect(wrong).toEqual([]);
    expect([zone.offsetAt(Date.parse('2026-10-25T00:59:59Z')), zone.offsetAt(Date.parse('2026-10-25T01:00:00Z'))]).toEqual([
      2 * HOUR,
      HOUR,
    ]);
  });

  it('has one offset where nothing changes', () => {
    const zone = zoneOffsetsBetween('Asia/Kolkata', Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-01-09T00:00:00Z'));
    expect([zone.min, zone.max]).toEqual([5.5 * HOUR, 5.5 * HOUR]);
  });
});
