import { describe, expect, it } from 'vitest';
import { dayVerdict } from './day-verdict';

describe('dayVerdict', () => {
  it.each([
    [{ state: 'none', uptime: null }, 'no checks'],
    [{ state: 'maintenance', uptime: null }, 'maintenance'],
    [{ state: 'unknown', uptime: null }, 'unknown'],
    [{ state: 'down', uptime: 97.5 }, '97.5% up (down)'],
    [{ state: 'up', uptime: 100 }, '100% up (up)'],
  ] as const)('%j reads %s', (day, text) => {
    expect(dayVerdict(day)).toBe(text);
  });
});
