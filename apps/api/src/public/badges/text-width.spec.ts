import { describe, expect, it } from 'vitest';
import { VERDANA_11PX_WIDTHS, verdanaTextWidth } from './text-width';

describe('verdanaTextWidth', () => {
  it.each([
    ['', 0],
    ['i', 3],
    ['0', 7],
    ['W', 11],
    ['99.9%', 7 + 7 + 4 + 7 + 12],
    ['up', 7 + 7],
  ])('%j is %s px', (text, width) => {
    expect(verdanaTextWidth(text)).toBe(width);
  });

  it('lists every printable ASCII character exactly once', () => {
    const listed = VERDANA_11PX_WIDTHS.flatMap(([, chars]) => [...chars]).sort();
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).sort();
    expect(listed).toEqual(ascii);
  });

  it('counts a character outside ASCII once, even when it takes two UTF-16 units', () => {
    expect(verdanaTextWidth('😀')).toBe(verdanaTextWidth('é'));
    expect(verdanaTextWidth('é')).toBeGreaterThan(0);
  });
});
