import { z } from 'zod';
import { storableText } from '../storable-text';
import { hostField } from './kind-fields';
import { formatResolverAddress, parseResolverAddress } from './resolver-address';

export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS'] as const;
export const dnsRecordTypeSchema = z.enum(DNS_RECORD_TYPES, { error: `recordType must be one of ${DNS_RECORD_TYPES.join(', ')}` });
export type DnsRecordType = z.infer<typeof dnsRecordTypeSchema>;

/** A resolver as `ip` or `ip:port` (IPv6 in brackets with a port), kept in the canonical `host:port` form. */
const resolverField = z
  .string({ error: 'resolver must be text' })
  .check(storableText('resolver'))
  .transform((value, ctx) => {
    const parsed = parseResolverAddress(value);
    if (parsed.ok) return formatResolverAddress(parsed.address);
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  })
  .nullable();

/** A record that must resolve (and, with `expected`, hold a given value) through a resolver. */
export const dnsMonitorFields = {
  hostname: hostField('hostname'),
  recordType: dnsRecordTypeSchema,
  /** null: the system's resolvers (/etc/resolv.conf on the worker's machine). */
  resolver: resolverField,
  /** Some answer must contain it (A/AAAA: equal it); null: any answer is fine. */
  expected: z
    .string({ error: 'expected must be text' })
    .check(storableText('expected'))
    .trim()
    .min(1, { error: 'expected must not be empty (leave it out to accept any answer)' })
    .max(1_000, { error: 'expected must be at most 1000 characters' })
    .nullable(),
};

export const dnsMonitorSettings = {
  hostname: dnsMonitorFields.hostname,
  recordType: dnsMonitorFields.recordType.default('A'),
  resolver: dnsMonitorFields.resolver.default(null),
  expected: dnsMonitorFields.expected.default(null),
};
export type DnsMonitorSettings = z.output<z.ZodObject<typeof dnsMonitorSettings>>;
