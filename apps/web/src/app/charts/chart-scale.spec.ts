import { describe, expect, it } from 'vitest';
import { bucketTicks, isolatedIndices, linePath, niceScale, runs } from './chart-scale';

describe('niceScale', () => {
  it.each([
    [0, 1, [0, 1]],
    [0.4, 1, [0, 1]],
    [3, 3, [0, 1, 2, 3]],
    [59, 60, [0, 20, 40, 60]],
    [60, 60, [0, 20, 40, 60]],
    [61, 80, [0, 20, 40, 60, 80]],
    [100, 100, [0, 50, 100]],
    [240, 300, [0, 100, 200, 300]],
    [1234, 1500, [0, 500, 1000, 1500]],
  ])('%d -> top %d, ticks %j', (max, top, ticks) => {
    expect(niceScale(max)).toMatchObject({ top, ticks });
  });

  it('never has more than five ticks above zero', () => {
    for (let max = 1; max < 5_000; max += 7) expect(niceScale(max).ticks.length).toBeLessThanOrEqual(6);
  });
});

describe('linePath', () => {
  const x = (i: number) => i * 10;
  const y = (v: number) => 100 - v;

  it('draws through consecutive values', () => {
    expect(linePath([1, 2, 3], x, y)).toBe('M0,99L10,98L20,97');
  });

  it('lifts the pen over a gap instead of dropping to zero', () => {
    expect(linePath([5, null, null, 7, 8], x, y)).toBe('M0,95M30,93L40,92');
  });

  it('is empty without data', () => {
    expect(linePath([null, null], x, y)).toBe('');
  });

  it('stays one string for thousands of points', () => {
    const values = Array.from({ length: 5_000 }, (_, i) => (i % 100 === 0 ? null : i % 300));
    const path = linePath(values, x, y);
    expect(path.split('M')).toHaveLength(51);
  });
});

describe('isolatedIndices', () => {
  it('finds values with no neighbour on either side', () => {
    expect(isolatedIndices([1, null, 2, null, 3, 4, null])).toEqual([0, 2]);
  });
});

describe('runs', () => {
  it('merges consecutive equal keys', () => {
    expect(runs(['up', 'up', 'none', 'down', 'down', 'up'], (s) => s)).toEqual([
      { key: 'up', start: 0, end: 2 },
      { key: 'none', start: 2, end: 3 },
      { key: 'down', start: 3, end: 5 },
      { key: 'up', start: 5, end: 6 },
    ]);
  });
});

describe('bucketTicks', () => {
  const hours = (count: number) => {
    const start = new Date(2025, 0, 1, 0, 0, 0).getTime();
    return Array.from({ length: count }, (_, i) => new Date(start + i * 3_600_000));
  };
  const days = (count: number) => Array.from({ length: count }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)));

  it('labels every 3 hours of a day on a 600 px chart, on local multiples of 3', () => {
    const ticks = bucketTicks(hours(24), 'hour', 600);
    expect(ticks).toEqual([0, 3, 6, 9, 12, 15, 18, 21]);
  });

  it('labels local midnights for a week', () => {
    const ticks = bucketTicks(hours(168), 'hour', 600);
    expect(ticks).toEqual([0, 24, 48, 72, 96, 120, 144]);
  });

  it('counts days back from the newest, so today has a label', () => {
    const ticks = bucketTicks(days(30), 'day', 600);
    expect(ticks).toEqual([4, 9, 14, 19, 24, 29]);
  });

  it('keeps labels apart on a narrow chart', () => {
    expect(bucketTicks(hours(24), 'hour', 200).length).toBeLessThanOrEqual(3);
  });
});
