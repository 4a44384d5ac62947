import type { Resolver } from 'node:dns/promises';
import type { DnsRecordType } from '@mini-netumo/contracts';

type RecordQuery = (resolver: Resolver, hostname: string) => Promise<string[]>;

/** Each answer as text a user recognises from `dig`: an address, a name, `10 mail.example.com`, the TXT value. */
const QUERIES = {
  A: (resolver, hostname) => resolver.resolve4(hostname),
  AAAA: (resolver, hostname) => resolver.resolve6(hostname),
  CNAME: (resolver, hostname) => resolver.resolveCname(hostname),
  NS: (resolver, hostname) => resolver.resolveNs(hostname),
  MX: async (resolver, hostname) => (await resolver.resolveMx(hostname)).map(({ priority, exchange }) => `${priority} ${exchange}`),
  // A TXT record over 255 bytes travels as several chunks; they form one value (RFC 7208 §3.3 reads SPF that way).
  TXT: async (resolver, hostname) => (await resolver.resolveTxt(hostname)).map((chunks) => chunks.join('')),
} satisfies Record<DnsRecordType, RecordQuery>;

/** Asks the resolver for one record type; rejects with node's DNS error codes (ENOTFOUND, ENODATA, …). */
export function queryRecords(resolver: Resolver, recordType: DnsRecordType, hostname: string): Promise<string[]> {
  return QUERIES[recordType](resolver, hostname);
}
