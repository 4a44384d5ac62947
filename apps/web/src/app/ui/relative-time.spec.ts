import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const ago = (seconds: number) => new Date(NOW - seconds * 1000);

describe('relativeTime', () => {
  it.each([
    [null, 'never'],
    [ago(0), 'just now'],
    [ago(4), 'just now'],
    [ago(42), '42 s ago'],
    [ago(60), '1 min ago'],
    [ago(59 * 60 + 59), '59 min ago'],
    [ago(3 * 3600), '3 h ago'],
    [ago(2 * 86_400 + 5), '2 d ago'],
    [new Date(NOW + 30_000), 'just now'],
  ])('%s -> %s', (date, expected) => {
    expect(relativeTime(date, NOW)).toBe(expected);
  });
});
