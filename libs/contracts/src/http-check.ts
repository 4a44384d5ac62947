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
 * Timings of one check, in ms; null for a phase that did not happen (plain HTTP has no TLS, an IP address no
 * lookup, a DNS check no connection). dns, connect and tls are phase durations of the last connection; for a
 * DNS check, dnsMs runs from its start to the resolver's answer (or failure).
 */
export const checkTimingsSchema = z.object({
  dnsMs: z.number().int().nullable(),
  connectMs: z.number().int().nullable(),
  tlsMs: z.number().int().nullable(),
  /**
   * http: from the start of the last request (after redirects) to its response headers, connection set-up included.
   * tcp: from the start of the check (lookup, connect, TLS) to the peer's first byte, which may come before `send`
   * (SMTP and SSH speak first); null unless `expect` is set, as only then is the answer read. dns: always null.
   */
  firstByteMs: z.number().int().nullable(),
  /**
   * The whole check. http: redirects, body and its assertion included; tcp: lookup, connect, TLS, send and reading
   * until `expect` appeared; dns: the query and the comparison with `expected`.
   */
  totalMs: z.number().int(),
});
export type CheckTimings = z.infer<typeof checkTimingsSchema>;
