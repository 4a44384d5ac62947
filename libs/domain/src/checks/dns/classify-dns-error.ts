import type { DnsRecordType } from '@mini-netumo/contracts';

/** Why a DNS check failed: the lookup itself, no answer in time, or an answer that is not the expected one. */
export type DnsCheckErrorKind = 'dns' | 'timeout' | 'mismatch';

export interface DnsQuery {
  hostname: string;
  recordType: DnsRecordType;
  resolver: string | null;
  timeoutMs: number;
}

type Describe = (query: DnsQuery) => string;

const TIMEOUT: Describe = ({ hostname, recordType, timeoutMs }) => `no answer to ${recordType} ${hostname} within ${timeoutMs} ms`;

/** node:dns error codes (c-ares statuses) with the response code a user knows from `dig` first. */
const DNS_FAILURES: Record<string, Describe> = {
  ENOTFOUND: ({ hostname, recordType }) => `NXDOMAIN: ${hostname} does not exist (asked for ${recordType})`,
  ENODATA: ({ hostname, recordType }) => `NODATA: ${hostname} exists but has no ${recordType} record`,
  ESERVFAIL: ({ hostname, recordType }) => `SERVFAIL: the resolver could not answer ${recordType} ${hostname}`,
  EREFUSED: ({ hostname, recordType }) => `REFUSED: the resolver refused to answer ${recordType} ${hostname}`,
  ECONNREFUSED: ({ hostname, recordType, resolver }) =>
    `nothing listens at ${resolver === null ? 'the system resolver' : `resolver ${resolver}`} (asked for ${recordType} ${hostname})`,
  EBADNAME: ({ hostname }) => `"${hostname}" is not a valid DNS name`,
  EBADRESP: ({ hostname, recordType }) => `the resolver sent a malformed answer to ${recordType} ${hostname}`,
  ENOTIMP: ({ hostname, recordType }) => `NOTIMP: the resolver does not implement ${recordType} queries (${hostname})`,
  EFORMERR: ({ hostname, recordType }) => `FORMERR: the resolver rejected the ${recordType} query for ${hostname}`,
};

/** Turns what node:dns rejected with into a failure kind and a sentence naming the name and the record type. */
export function classifyDnsError(error: unknown, query: DnsQuery): { kind: DnsCheckErrorKind; message: string } {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  // ECANCELLED is our own deadline cancelling the query (see runDnsCheck), so it is a timeout too.
  if (code === 'ETIMEOUT' || code === 'ECANCELLED') return { kind: 'timeout', message: TIMEOUT(query) };
  const describe = DNS_FAILURES[code];
  if (describe) return { kind: 'dns', message: describe(query) };
  const reason = error instanceof Error ? error.message : String(error);
  return { kind: 'dns', message: `${query.recordType} ${query.hostname} failed: ${reason}${code ? ` (${code})` : ''}` };
}
