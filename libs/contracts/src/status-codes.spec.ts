import { describe, expect, it } from 'vitest';
import { parseStatusCodes, statusCodeMatches } from './status-codes';

describe('parseStatusCodes', () => {
  it.each([
    ['200-299', [{ from: 200, to: 299 }]],
    [
      '200-299,301',
      [
        { from: 200, to: 299 },
        { from: 301, to: 301 },
      ],
    ],
    [
      ' 204 , 400 - 404 ',
      [
        { from: 204, to: 204 },
        { from: 400, to: 404 },
      ],
    ],
  ])('%s', (text, ranges) => {
    expect(parseStatusCodes(text)).toEqual({ ranges });
  });

  it.each(['', '2xx', '299-200', '99', '600', '200-', '200,,abc'])('rejects %j', (text) => {
    expect(parseStatusCodes(text)).toHaveProperty('error');
  });
});

describe('statusCodeMatches', () => {
  it.each([
    ['200-299', 200, true],
    ['200-299', 299, true],
    ['200-299', 300, false],
    ['200-299,301', 301, true],
    ['200-299,301', 500, false],
    ['garbage', 200, false],
  ])('%s with %i -> %s', (text, code, expected) => {
    expect(statusCodeMatches(text, code)).toBe(expected);
  });
});
