import { describe, expect, it } from 'vitest';
import type { BucketState, CheckVerdict } from '@mini-netumo/contracts';
import { aCheckResult } from './monitor-fixtures';
import { barAlignedTo, barWithCheck, emptyBar, mergeState, stateAt } from './overview-bar';

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 0, 2, 12, 30);
const check = (verdict: CheckVerdict, at = NOW) => aCheckResult({ verdict, ok: verdict === 'up', checkedAt: new Date(at), latencyMs: 40 });
const states = (bar: { states: string }) => [...bar.states];

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

describe('emptyBar', () => {
  it('has 24 empty hours ending with the current one', () => {
    const bar = emptyBar(NOW);
    expect(bar.firstHourMs).toBe(Date.UTC(2025, 0, 1, 13));
    expect(bar.states).toBe('.'.repeat(24));
    expect(bar.latencies).toBe(','.repeat(23));
  });
});

describe('barWithCheck', () => {
  const bar = emptyBar(NOW);

  it('colours the hour of the check, with the latency of a successful one', () => {
    const down = barWithCheck(bar, check('down'));
    expect(stateAt(down, 23)).toBe('down');
    expect(down.latencies).toBe(','.repeat(23));
    expect(
      states(down)
        .slice(0, 23)
        .every((code) => code === '.'),
    ).toBe(true);
    const up = barWithCheck(bar, check('up'));
    expect([stateAt(up, 23), up.latencies]).toEqual(['up', `${','.repeat(23)}40`]);
  });

  it('slides the bar when a check opens a new hour', () => {
    const next = barWithCheck(barWithCheck(bar, check('down')), check('up', Date.UTC(2025, 0, 2, 14, 5)));
    expect(next.firstHourMs).toBe(bar.firstHourMs + 2 * HOUR);
    expect(states(next).slice(-3)).toEqual(['d', '.', 'u']);
    expect(next.latencies).toBe(`${','.repeat(23)}40`);
  });

  it('ignores a check older than the bar and returns the same bar', () => {
    expect(barWithCheck(bar, check('down', Date.UTC(2024, 11, 1)))).toBe(bar);
  });

  it('returns the same bar when the hour is already in that state', () => {
    const down = barWithCheck(bar, check('down'));
    expect(barWithCheck(down, check('down'))).toBe(down);
  });

  it('counts a check in maintenance as maintenance', () => {
    const next = barWithCheck(bar, { ...check('down'), inMaintenance: true });
    expect(stateAt(next, 23)).toBe('maintenance');
  });
});

describe('barAlignedTo', () => {
  const bar = barWithCheck(emptyBar(NOW), check('down'));

  it('keeps a current bar as it is', () => {
    expect(barAlignedTo(bar, NOW + 60_000)).toBe(bar);
  });

  it('slides a bar fetched before the hour turned, keeping what it knew', () => {
    const later = barAlignedTo(bar, Date.UTC(2025, 0, 2, 13, 1));
    expect(states(later).slice(-2)).toEqual(['d', '.']);
    expect(later.latencies.split(',')).toHaveLength(24);
  });

  it('empties a bar a whole day old', () => {
    expect(barAlignedTo(bar, NOW + 30 * HOUR).states).toBe('.'.repeat(24));
  });
});
