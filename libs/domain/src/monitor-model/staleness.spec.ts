import { describe, expect, it } from 'vitest';
import { stalenessOf } from './staleness';

const NOW = new Date('2026-12-06T12:00:00Z');
const row = { paused: false, intervalSeconds: 20, overdueAt: new Date('2026-12-06T12:00:10Z'), staleSince: null, staleReason: null };

describe('stalenessOf', () => {
  it('is fresh before the deadline and never for a paused monitor', () => {
    expect(stalenessOf(row, NOW)).toBeNull();
    expect(stalenessOf({ ...row, paused: true, staleSince: NOW, staleReason: 'x' }, NOW)).toBeNull();
  });

  it("takes the watchdog's verdict when it gave one", () => {
    const since = new Date('2026-12-06T11:59:00Z');
    expect(stalenessOf({ ...row, staleSince: since, staleReason: 'the job queue cannot be reached' }, NOW)).toEqual({
      since,
      reason: 'the job queue cannot be reached',
    });
  });

  it('calls a monitor past its deadline stale even when no worker is there to say so', () => {
    const overdueAt = new Date('2026-12-06T11:59:50Z');
    expect(stalenessOf({ ...row, overdueAt }, NOW)).toEqual({
      since: overdueAt,
      reason: 'no result within 27 s (checks every 20 s); no worker has looked at it yet',
    });
  });
});
