import { z } from 'zod';
import { bodyAssertionSchema, httpMethodSchema, requestHeadersSchema } from '../http-check';
import { expectedStatusCodesSchema } from '../status-codes';
import { storableText } from '../storable-text';
import { monitorUrlSchema } from '../url';
import { booleanField, intField } from './kind-fields';

export const HTTP_MONITOR_LIMITS = {
  maxBodyBytes: { min: 1_024, max: 10 * 1024 * 1024, default: 1024 * 1024 },
  maxRedirects: { min: 0, max: 20, default: 5 },
} as const;

/** What an HTTP monitor asks and expects, without defaults: the shape of a partial edit. */
export const httpMonitorFields = {
  url: monitorUrlSchema,
  method: httpMethodSchema,
  headers: requestHeadersSchema,
  body: z
    .string({ error: 'body must be text' })
    .check(storableText('body'))
    .max(65_536, { error: 'body must be at most 65536 characters' })
    .nullable(),
  expectedStatusCodes: expectedStatusCodesSchema,
  bodyAssertion: bodyAssertionSchema.nullable(),
  maxBodyBytes: intField('maxBodyBytes', HTTP_MONITOR_LIMITS.maxBodyBytes),
  followRedirects: booleanField('followRedirects'),
  maxRedirects: intField('maxRedirects', HTTP_MONITOR_LIMITS.maxRedirects),
  ignoreTlsErrors: booleanField('ignoreTlsErrors'),
};

/** The same fields with their defaults, as a create fills them in. */
export const httpMonitorSettings = {
  url: httpMonitorFields.url,
  method: httpMonitorFields.method.default('GET'),
  headers: httpMonitorFields.headers.default({}),
  body: httpMonitorFields.body.default(null),
  expectedStatusCodes: httpMonitorFields.expectedStatusCodes.default('200-299'),
  bodyAssertion: httpMonitorFields.bodyAssertion.default(null),
  maxBodyBytes: httpMonitorFields.maxBodyBytes.default(HTTP_MONITOR_LIMITS.maxBodyBytes.default),
  followRedirects: httpMonitorFields.followRedirects.default(true),
  maxRedirects: httpMonitorFields.maxRedirects.default(HTTP_MONITOR_LIMITS.maxRedirects.default),
  ignoreTlsErrors: httpMonitorFields.ignoreTlsErrors.default(false),
};
export type HttpMonitorSettings = z.output<z.ZodObject<typeof httpMonitorSettings>>;
