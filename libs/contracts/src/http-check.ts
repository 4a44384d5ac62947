import { z } from 'zod';
import { storableText, unstorableTextProblem } from './storable-text';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export const httpMethodSchema = z.enum(HTTP_METHODS, { error: `method must be one of ${HTTP_METHODS.join(', ')}` });

/** Header names are RFC 9110 tokens; values may not hold line breaks (header injection). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
export const requestHeadersSchema = z
  .record(z.string(), z.string({ error: 'headers values must be text' }).check(storableText('headers')))
  .superRefine((headers, ctx) => {
    const names = Object.keys(headers);
    if (names.length > 50) ctx.addIssue({ code: 'custom', message: 'headers: at most 50 headers' });
    for (const name of names) {
      const unstorable = unstorableTextProblem(name);
      if (unstorable) ctx.addIssue({ code: 'custom', message: `headers must not contain ${unstorable}` });
      else if (!HEADER_NAME.test(name)) ctx.addIssue({ code: 'custom', message: `headers: "${name}" is not a valid header name` });
      if (/[\r\n]/.test(headers[name] ?? ''))
        ctx.addIssue({ code: 'custom', message: `headers: the value of "${name}" contains a line break` });
    }
  });

const assertionValue = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .check(storableText(field))
    .min(1, { error: `${field} is required` })
    .max(1_000, { error: `${field} must be at most 1000 characters` });

/** What the body must satisfy. A regex is compiled here so a broken pattern is refused at save time. */
export const bodyAssertionSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('contains'), value: assertionValue('bodyAssertion.value') }),
    z.object({ type: z.literal('not_contains'), value: assertionValue('bodyAssertion.value') }),
    z
      .object({
        type: z.literal('regex'),
        pattern: assertionValue('bodyAssertion.pattern'),
        flags: z
          .string({ error: 'bodyAssertion.flags must be text' })
          .check(storableText('bodyAssertion.flags'))
          .regex(/^[imsu]*$/, { error: 'bodyAssertion.flags may only contain i, m, s, u' })
          .default(''),
      })
      .superRefine((value, ctx) => {
        try {
          new RegExp(value.pattern, value.flags);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: `bodyAssertion.pattern is not a valid regular expression: ${(error as Error).message}` });
        }
      }),
    z.object({
      type: z.literal('json'),
      path: assertionValue('bodyAssertion.path'),
      op: z.enum(['equals', 'contains'], { error: 'bodyAssertion.op must be equals or contains' }),
      value: z
        .string({ error: 'bodyAssertion.value is required' })
        .check(storableText('bodyAssertion.value'))
        .max(1_000, { error: 'bodyAssertion.value must be at most 1000 characters' }),
    }),
  ],
  { error: 'bodyAssertion.type must be contains, not_contains, regex or json' },
);
export type BodyAssertion = z.infer<typeof bodyAssertionSchema>;

/**
 * Timings of one check, in ms; null for a phase that did not happen (plain HTTP has no TLS). dns, connect and
 * tls are phase durations of the last connection; firstByte runs from the start of the last request to its
 * first response byte (connection set-up included); total is the whole check, redirects and body included.
 */
export const checkTimingsSchema = z.object({
  dnsMs: z.number().int().nullable(),
  connectMs: z.number().int().nullable(),
  tlsMs: z.number().int().nullable(),
  firstByteMs: z.number().int().nullable(),
  totalMs: z.number().int(),
});
export type CheckTimings = z.infer<typeof checkTimingsSchema>;
