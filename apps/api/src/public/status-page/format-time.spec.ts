import { describe, expect, it } from 'vitest';
import { dayText, isoDay, timeElement, utcText } from './format-time';
import { formatUptime } from './format-uptime';

describe('page formats', () => {
  it('writes instants in UTC, the same for every visitor', () => {
    expect(utcText('2026-12-07T14:00:59.999Z')).toBe('2026-12-07 14:00 UTC');
    expect(utcText('2026-12-07T15:00:00+01:00')).toBe('2026-12-07 14:00 UTC');
    expect(timeElement('2026-12-07T14:00:00.000Z')).toBe('<time datetime="2026-12-07T14:00:00.000Z">2026-12-07 14:00 UTC</time>');
  });

  it('keeps what it cannot read, escaped in markup', () => {
    expect(timeElement('<soon>')).toBe('<time datetime="&lt;soon&gt;">&lt;soon&gt;</time>');
  });

  it('names days briefly, from either form of a day', () => {
    expect(dayText('2026-12-01')).toBe('Dec 1');
    expect(dayText('2026-01-31T00:00:00.000Z')).toBe('Jan 31');
    expect(isoDay('2026-01-31T00:00:00.000Z')).toBe('2026-01-31');
  });

  it.each([
    [100, '100%'],
    [99.95, '99.95%'],
    [99.9, '99.90%'],
    [0, '0.00%'],
    [null, '—'],
  ])('uptime %j reads %j', (percent, text) => {
    expect(formatUptime(percent)).toBe(text);
  });
});
