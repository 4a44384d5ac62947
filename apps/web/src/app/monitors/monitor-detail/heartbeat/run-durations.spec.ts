import { describe, expect, it } from 'vitest';
import { aPing } from '../../data-access/monitor-fixtures';
import { RECENT_RUNS, runDurations } from './run-durations';

describe('runDurations', () => {
  it('keeps the finishes that carry a duration, newest first, and their median', () => {
    const pings = [
      aPing({ id: 5, durationMs: 4_000 }),
      aPing({ id: 4, kind: 'start' }),
      aPing({ id: 3, durationMs: 1_000 }),
      aPing({ id: 2, kind: 'log' }),
      aPing({ id: 1, kind: 'fail', exitStatus: 2, durationMs: 9_000 }),
    ];
    const result = runDurations(pings);
    expect(result.runs.map((run) => [run.pingId, run.ms])).toEqual([
      [5, 4_000],
      [3, 1_000],
      [1, 9_000],
    ]);
    expect(result.medianMs).toBe(4_000);
  });

  it('takes the mean of the middle two of an even count, and has no median without runs', () => {
    expect(runDurations([aPing({ id: 2, durationMs: 1_000 }), aPing({ id: 1, durationMs: 2_000 })]).medianMs).toBe(1_500);
    expect(runDurations([aPing()])).toEqual({ runs: [], medianMs: null });
  });

  it('looks at the most recent runs only', () => {
    const pings = Array.from({ length: RECENT_RUNS + 5 }, (_, i) => aPing({ id: 100 - i, durationMs: i < RECENT_RUNS ? 10 : 1_000_000 }));
    expect(runDurations(pings)).toMatchObject({ medianMs: 10 });
    expect(runDurations(pings).runs).toHaveLength(RECENT_RUNS);
  });
});
