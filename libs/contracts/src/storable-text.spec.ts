import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { STORABLE_DATE_RANGE, storableDate, storableText, unstorableTextProblem } from './storable-text';

const messages = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe('unstorableTextProblem', () => {
  it.each([
    ['', null],
    ['plain text', null],
    ['émoji 😀 and accents', null],
    ['\ud83d\ude00', null],
    ['a\u0000b', 'NUL characters'],
    ['\u0000', 'NUL characters'],
    ['\ud800', 'unpaired UTF-16 surrogates'],
    ['x\udfff', 'unpaired UTF-16 surrogates'],
    ['\udc00\ud800', 'unpaired UTF-16 surrogates'],
    ['\ud83d\ude00\ud83d', 'unpaired UTF-16 surrogates'],
    ['\ud800\u0000', 'NUL characters'],
  ])('%j → %s', (text, problem) => {
    expect(unstorableTextProblem(text)).toBe(problem);
  });
});

describe('storableText', () => {
  const name = z.string().check(storableText('name')).trim().min(1, { error: 'name is required' });

  it('lets storable text through, trimmed by the checks after it', () => {
    expect(name.parse('  Site  ')).toBe('Site');
  });

  it('names the field, and stops the checks after it (one message, not three)', () => {
    expect(messages(name, '\u0000')).toEqual(['name must not contain NUL characters']);
    expect(messages(name, ' \ud800 ')).toEqual(['name must not contain unpaired UTF-16 surrogates']);
  });
});

describe('storableDate', () => {
  const from = storableDate('from');

  it.each([STORABLE_DATE_RANGE.min, new Date('2026-05-01T12:00:00Z'), STORABLE_DATE_RANGE.max])('accepts %s', (date) => {
    expect(from.parse(date)).toEqual(date);
  });

  it.each([
    [new Date(-8.64e15), 'from must not be before 1970-01-01'],
    [new Date(-1), 'from must not be before 1970-01-01'],
    [new Date(8.64e15), 'from must not be after 9999-12-31'],
    [new Date(253_402_300_800_000), 'from must not be after 9999-12-31'],
    [new Date(Number.NaN), 'from must be a date'],
    ['2026-05-01', 'from must be a date'],
  ])('refuses %s', (input, message) => {
    expect(messages(from, input)).toEqual([message]);
  });

  it('keeps toISOString() four-digit for every date it accepts', () => {
    expect(STORABLE_DATE_RANGE.max.toISOString()).toBe('9999-12-31T23:59:59.999Z');
  });
});
