import { describe, expect, it } from 'vitest';
import { countdownText } from './countdown';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const at = (seconds: number) => new Date(NOW + seconds * 1000);

describe('countdownText', () => {
  it.each([
    [at(299), 'in 4m 59s'],
    [at(2 * 3600 + 5 * 60), 'in 2h 5m'],
    [at(0.4), 'now'],
    [at(-65), '1m 5s ago'],
  ])('%s -> %s', (to, expected) => {
    expect(countdownText(to, NOW)).toBe(expected);
  });
});
