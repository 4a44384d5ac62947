import { describe, expect, it } from 'vitest';
import { escapeText, unescapeText } from './escaped-text';

describe('unescapeText', () => {
  it.each([
    ['PING\\r\\n', 'PING\r\n'],
    ['a\\nb', 'a\nb'],
    ['col\\tvalue', 'col\tvalue'],
    ['C:\\\\temp', 'C:\\temp'],
    ['\\\\r is not CR', '\\r is not CR'],
    ['\\x and a trailing \\', '\\x and a trailing \\'],
    ['plain', 'plain'],
  ])('%j -> %j', (typed, bytes) => {
    expect(unescapeText(typed)).toBe(bytes);
  });
});

describe('escapeText', () => {
  it('shows line breaks, tabs and backslashes as escapes', () => {
    expect(escapeText('QUIT\r\n')).toBe('QUIT\\r\\n');
    expect(escapeText('a\tb\\c')).toBe('a\\tb\\\\c');
  });

  it.each(['+PONG\r\n', 'a\\nb', '\\\r\n\\', '\\x\ty', ''])('reads back as the same bytes: %j', (bytes) => {
    expect(unescapeText(escapeText(bytes))).toBe(bytes);
  });
});
