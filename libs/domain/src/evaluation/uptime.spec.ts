import { describe, expect, it } from 'vitest';
import { bucketState, uptimePercent } from './uptime';

describe('uptimePercent', () => {
  it.each([
    [{ checks: 100, failures: 0, unknowns: 0, maintenance: 0 }, 100],
    [{ checks: 100, failures: 1, unknowns: 0, maintenance: 0 }, 99],
    [{ checks: 3, failures: 1, unknowns: 0, maintenance: 0 }, 66.67],
    [{ checks: 10, failures: 1, unknowns: 5, maintenance: 0 }, 80], // unknowns count neither way
    [{ checks: 10, failures: 1, unknowns: 0, maintenance: 4 }, 83.33], // 4 checks in a window (failed or not): 5 of 6 up
    [{ checks: 10, failures: 1, unknowns: 2, maintenance: 4 }, 75],
    [{ checks: 5, failures: 0, unknowns: 5, maintenance: 0 }, null],
    [{ checks: 6, failures: 0, unknowns: 2, maintenance: 4 }, null],
    [{ checks: 0, failures: 0, unknowns: 0, maintenance: 0 }, null],
  ])('%j -> %s', (counts, expected) => {
    expect(uptimePercent(counts)).toBe(expected);
  });
});

describe('bucketState', () => {
  it.each([
    [{ checks: 0, failures: 0, unknowns: 0, maintenance: 0 }, 'none'],
    [{ checks: 12, failures: 0, unknowns: 0, maintenance: 0 }, 'up'],
    [{ checks: 12, failures: 1, unknowns: 0, maintenance: 0 }, 'down'],
    [{ checks: 12, failures: 0, unknowns: 12, maintenance: 0 }, 'unknown'],
    [{ checks: 12, failures: 0, unknowns: 3, maintenance: 0 }, 'up'],
    [{ checks: 12, failures: 0, unknowns: 0, maintenance: 12 }, 'maintenance'],
    [{ checks: 12, failures: 0, unknowns: 5, maintenance: 7 }, 'maintenance'],
    [{ checks: 12, failures: 0, unknowns: 0, maintenance: 11 }, 'up'], // one check outside the window, and it was up
    [{ checks: 12, failures: 1, unknowns: 0, maintenance: 11 }, 'down'], // a failure outside the window still shows
  ] as const)('%j -> %s', (counts, expected) => {
    expect(bucketState(counts)).toBe(expected);
  });
});
