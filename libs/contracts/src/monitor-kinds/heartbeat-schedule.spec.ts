import { describe, expect, it } from 'vitest';
import { nextCronFire, nextExpectedAfter, upcomingExpected } from './heartbeat-schedule';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('heartbeat schedules', () => {
  it('expects the next ping one period after the last', () => {
    expect(iso(nextExpectedAfter({ periodSeconds: 60, cron: null, timezone: 'UTC' }, at('2026-12-07T10:00:30Z')))).toBe(
      '2026-12-07T10:01:30.000Z',
    );
  });

  it('reads cron on the wall clock of the time zone', () => {
    // 09:00 on weekdays in New York is 14:00 UTC in winter; Saturday noon goes to Monday.
    expect(iso(nextCronFire('0 9 * * 1-5', 'America/New_York', at('2026-12-05T12:00:00Z')))).toBe('2026-12-07T14:00:00.000Z');
  });

  it('lists the next expected times for the form preview', () => {
    const times = upcomingExpected({ periodSeconds: null, cron: '*/5 * * * *', timezone: 'UTC' }, at('2026-12-07T01:02:03Z'), 3);
    expect(times.map(iso)).toEqual(['2026-12-07T01:05:00.000Z', '2026-12-07T01:10:00.000Z', '2026-12-07T01:15:00.000Z']);
  });

  describe('across a DST change (Europe/Paris)', () => {
    it('a time the clocks skip is expected as if they had not jumped (02:30 → 03:30 CEST)', () => {
      // 2027-03-28: 02:00 CET becomes 03:00 CEST; 02:30 never shows on a clock.
      expect(iso(nextCronFire('30 2 * * *', 'Europe/Paris', at('2027-03-27T12:00:00Z')))).toBe('2027-03-28T01:30:00.000Z');
      // The day after, 02:30 CEST exists again.
      expect(iso(nextCronFire('30 2 * * *', 'Europe/Paris', at('2027-03-28T01:30:00Z')))).toBe('2027-03-29T00:30:00.000Z');
    });

    it('a time the clocks show twice is expected at its later instant, so a job at either is on time', () => {
      // 2026-10-25: 03:00 CEST becomes 02:00 CET; 02:30 is 00:30 UTC and again 01:30 UTC.
      expect(iso(nextCronFire('30 2 * * *', 'Europe/Paris', at('2026-10-24T12:00:00Z')))).toBe('2026-10-25T01:30:00.000Z');
      expect(iso(nextCronFire('30 2 * * *', 'Europe/Paris', at('2026-10-25T00:45:00Z')))).toBe('2026-10-25T01:30:00.000Z');
      expect(iso(nextCronFire('30 2 * * *', 'Europe/Paris', at('2026-10-25T01:30:00Z')))).toBe('2026-10-26T01:30:00.000Z');
    });

    it('an hourly job keeps its hours on both sides of the change', () => {
      const times = upcomingExpected({ periodSeconds: null, cron: '0 * * * *', timezone: 'Europe/Paris' }, at('2027-03-28T00:10:00Z'), 3);
      // 02:00 does not exist and reads as 03:00 CEST (01:00Z), the same instant as the real 03:00: one ping, not two.
      expect(times.map(iso)).toEqual(['2027-03-28T01:00:00.000Z', '2027-03-28T02:00:00.000Z', '2027-03-28T03:00:00.000Z']);
    });
  });

  it('an expression that no longer parses expects nothing rather than throwing', () => {
    expect(nextCronFire('61 * * * *', 'UTC', at('2026-12-07T00:00:00Z'))).toBeNull();
  });
});
