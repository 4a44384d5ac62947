import { z } from 'zod';
import { storableText } from '../storable-text';

/** A rule between a kind's fields, broken: the field to blame and why (the message names it). */
export interface SettingsProblem {
  field: string;
  message: string;
}

/** A whole number within limits, with messages naming the field. */
export const intField = (field: string, limits: { min: number; max: number }) =>
  z
    .number({ error: `${field} must be a number` })
    .int({ error: `${field} must be a whole number` })
    .min(limits.min, { error: `${field} must be at least ${limits.min}` })
    .max(limits.max, { error: `${field} must be at most ${limits.max}` });

export const booleanField = (field: string) => z.boolean({ error: `${field} must be true or false` });

/** Optional free text (sent or expected bytes): null or up to `max` characters, never unstorable. */
export const optionalTextField = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .check(storableText(field))
    .max(max, { error: `${field} must be at most ${max} characters` })
    .nullable();

/** RFC 1123 labels: letters, digits and inner hyphens, at most 63 each; an optional root dot at the end. */
const HOSTNAME = /^(?=.{1,253}\.?$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Whether `value` is a host name or an IP address (IPv6 without brackets); no scheme, port or path. */
export function isHostOrAddress(value: string): boolean {
  if (IPV4.test(value)) return true;
  if (value.includes(':')) return z.ipv6().safeParse(value).success;
  // A name made only of digits and dots is a mistyped address, not a name.
  return HOSTNAME.test(value) && !/^[\d.]+$/.test(value);
}

/** A host name or an IP address, trimmed; names are compared without case, so they are kept lower-case. */
export const hostField = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .check(storableText(field))
    .trim()
    .min(1, { error: `${field} is required`, abort: true })
    .max(253, { error: `${field} must be at most 253 characters`, abort: true })
    .refine(isHostOrAddress, { error: `${field} must be a host name (example.com) or an IP address, without a scheme or port` })
    .transform((host) => host.toLowerCase());
