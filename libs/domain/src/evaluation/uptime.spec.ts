import { describe, expect, it } from 'vitest';
import { bucketState, uptimePercent } from './uptime';

describe('uptimePercent', () => {
  it.each([
    [{ checks: 100, failures: 0, unknowns: 0 }, 100],
    [{ checks: 100, failures: 1, unknowns: 0 }, 99],
    [{ checks: 3, failures: 1, unknowns: 0 }, 66.67],
    [{ checks: 10, failures: 1, unknowns: 5 }, 80], // unknowns count neither way
    [{ checks: 5, failures: 0, unknowns: 5 }, null],
    [{ checks: 0, failures: 0, unknowns: 0 }, null],
  ])('%j -> %s', (counts, expected) => {
    expect(uptimePercent(counts)).toBe(expected);
  });
});

describe('bucketState', () => {
  it.each([
    [{ checks: 0, failures: 0, unknowns: 0 }, 'none'],
    [{ checks: 12, failures: 0, unknowns: 0 }, 'up'],
    [{ checks: 12, failures: 1, unknowns: 0 }, 'down'],
    [{ checks: 12, failures: 0, unknowns: 12 }, 'unknown'],
    [{ checks: 12, failures: 0, unknowns: 3 }, 'up'],
  ] as const)('%j -> %s', (counts, expected) => {
    expect(bucketState(counts)).toBe(expected);
  });
});
