import { describe, expect, it } from 'vitest';
import { staleSince, staleText } from './stale-text';

const since = new Date(2025, 0, 2, 14, 2, 10);
const stale = { since, reason: 'no check since 14:02:10 (expected every 20 s); schedule re-created' };
const timeOf = (date: Date) => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(date);

describe('staleText', () => {
  it('says since when and why, and keeps the last verdict last', () => {
    const now = since.getTime() + 5 * 60_000;
    expect(staleText(stale, 'up', now)).toBe(`Stale since ${timeOf(since)} — ${stale.reason}; last verdict: up`);
  });

  it('adds how long ago for a ticking clock', () => {
    const now = since.getTime() + 5 * 60_000;
    expect(staleText(stale, 'down', now, { ago: true })).toBe(
      `Stale since ${timeOf(since)} (5 min ago) — ${stale.reason}; last verdict: down`,
    );
  });

  it('does not call "pending" a verdict', () => {
    expect(staleText({ since, reason: 'no worker is running' }, 'pending', since.getTime())).toMatch(
      /— no worker is running; no verdict yet$/,
    );
  });
});

describe('staleSince', () => {
  it('gives the time alone today and the day too on another day', () => {
    expect(staleSince(since, since.getTime() + 60_000)).toBe(timeOf(since));
    const nextDay = new Date(2025, 0, 3, 9, 0).getTime();
    expect(staleSince(since, nextDay)).not.toBe(timeOf(since));
    expect(staleSince(since, nextDay)).toContain(timeOf(since));
  });
});
