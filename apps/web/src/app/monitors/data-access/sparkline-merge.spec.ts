import { describe, expect, it } from 'vitest';
import type { BucketState, CheckVerdict } from '@mini-netumo/contracts';
import { aCheckResult } from './monitor-fixtures';
import { alignedTo, emptySparkline, mergeState, withCheck } from './sparkline-merge';

const NOW = new Date(Date.UTC(2025, 0, 2, 12, 30));
const check = (verdict: CheckVerdict, at = NOW) => aCheckResult({ verdict, ok: verdict === 'up', checkedAt: at, latencyMs: 40 });

describe('mergeState', () => {
  it.each<[BucketState, CheckVerdict, BucketState]>([
    ['none', 'up', 'up'],
    ['none', 'down', 'down'],
    ['none', 'unknown', 'unknown'],
    ['unknown', 'up', 'up'],
    ['unknown', 'unknown', 'unknown'],
    ['up', 'unknown', 'up'],
    ['up', 'down', 'down'],
    ['down', 'up', 'down'],
    ['maintenance', 'unknown', 'maintenance'],
    ['maintenance', 'up', 'up'],
    ['maintenance', 'down', 'down'],
  ])('%s + %s -> %s', (current, verdict, expected) => {
    expect(mergeState(current, verdict, false)).toBe(expected);
  });

  it.each<[BucketState, CheckVerdict, BucketState]>([
    ['none', 'down', 'maintenance'],
    ['none', 'up', 'maintenance'],
    ['unknown', 'unknown', 'maintenance'],
    ['up', 'down', 'up'],
    ['down', 'up', 'down'],
  ])('%s + %s in maintenance -> %s', (current, verdict, expected) => {
    expect(mergeState(current, verdict, true)).toBe(expected);
  });
});

describe('withCheck', () => {
  const bar = emptySparkline(NOW);

  it('has 24 hours ending with the current one', () => {
    expect(bar).toHaveLength(24);
    expect(bar[23]?.bucketStart).toEqual(new Date(Date.UTC(2025, 0, 2, 12)));
    expect(bar[0]?.bucketStart).toEqual(new Date(Date.UTC(2025, 0, 1, 13)));
  });

  it('colours the hour of the check', () => {
    const next = withCheck(bar, check('down'));
    expect(next[23]).toMatchObject({ state: 'down', avgLatencyMs: null });
    expect(next.slice(0, 23).every((p) => p.state === 'none')).toBe(true);
  });

  it('slides the bar when a check opens a new hour', () => {
    const next = withCheck(withCheck(bar, check('down')), check('up', new Date(Date.UTC(2025, 0, 2, 14, 5))));
    expect(next).toHaveLength(24);
    expect(next.map((p) => p.state).slice(-3)).toEqual(['down', 'none', 'up']);
    expect(next[23]?.bucketStart).toEqual(new Date(Date.UTC(2025, 0, 2, 14)));
  });

  it('ignores a check older than the bar and returns the same array', () => {
    expect(withCheck(bar, check('down', new Date(Date.UTC(2024, 11, 1))))).toBe(bar);
  });

  it('returns the same array when the hour is already in that state', () => {
    const down = withCheck(bar, check('down'));
    expect(withCheck(down, check('down'))).toBe(down);
  });
});

describe('alignedTo', () => {
  const bar = withCheck(emptySparkline(NOW), check('down'));

  it('keeps a current bar as it is', () => {
    expect(alignedTo(bar, new Date(NOW.getTime() + 60_000))).toBe(bar);
  });

  it('slides a bar fetched before the hour turned, keeping what it knew', () => {
    const later = alignedTo(bar, new Date(Date.UTC(2025, 0, 2, 13, 1)));
    expect(later).toHaveLength(24);
    expect(later.map((p) => p.state).slice(-2)).toEqual(['down', 'none']);
  });
});
