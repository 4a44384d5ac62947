import { describe, expect, it } from 'vitest';
import { formatMs, formatPercent } from './number-format';

describe('formatPercent', () => {
  it.each([
    [null, '—'],
    [undefined, '—'],
    [100, '100%'],
    [99.95, '99.95%'],
    [99.999, '100%'],
    [50, '50%'],
    [0, '0%'],
  ])('%s -> %s', (value, expected) => {
    expect(formatPercent(value)).toBe(expected);
  });
});

describe('formatMs', () => {
  it.each([
    [null, '—'],
    [0, '0 ms'],
    [42, '42 ms'],
    [999, '999 ms'],
    [1_234, '1.23 s'],
    [12_345, '12.3 s'],
  ])('%s -> %s', (value, expected) => {
    expect(formatMs(value)).toBe(expected);
  });
});
