import { z } from 'zod';

// PostgreSQL refuses NUL in text and jsonb, and a jsonb string with an unpaired surrogate escape; a lone
// surrogate in a text column is silently turned into U+FFFD. Refusing both here names the field instead of a 500.
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What in this text PostgreSQL cannot store, as a message names it; null when it can be stored. */
export function unstorableTextProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'NUL characters';
  if (UNPAIRED_SURROGATE.test(value)) return 'unpaired UTF-16 surrogates';
  return null;
}

/**
 * The check every user-supplied string carries: `z.string().check(storableText('name'))`. It runs before the
 * schema's other checks and stops them, so the answer is "name must not contain NUL characters" and nothing more.
 */
export const storableText = (field: string) =>
  z.superRefine<string>((value, ctx) => {
    const problem = unstorableTextProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `${field} must not contain ${problem}`, continue: false });
  });

/**
 * The instants an input date may name: from the Unix epoch to the last millisecond of 9999, which PostgreSQL's
 * timestamptz and `toISOString()` both write in four-digit years. JavaScript dates reach ±275,760 years.
 */
export const STORABLE_DATE_RANGE = { min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z') } as const;

/** An input date within `STORABLE_DATE_RANGE`, every message naming the field. */
export const storableDate = (field: string) =>
  z
    .date({ error: `${field} must be a date` })
    .min(STORABLE_DATE_RANGE.min, { error: `${field} must not be before 1970-01-01` })
    .max(STORABLE_DATE_RANGE.max, { error: `${field} must not be after 9999-12-31` });
