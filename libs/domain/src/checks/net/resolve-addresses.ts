import { Resolver, lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a name has. Injected so tests can point a name at 127.0.0.1 and 127.0.0.2 without /etc/hosts. */
export type AddressLookup = (host: string, timeoutMs: number) => Promise<ResolvedAddress[]>;

/** A name with more addresses than this is a CDN pool; checking the first ones says enough. */
const MAX_ADDRESSES = 16;

/** The hosts file answers it; RFC 6761 (§6.3) asks that it never be sent to a DNS server. */
const LOCALHOST = /^localhost\.?$/i;

/**
 * A (and AAAA) records straight from DNS, both asked at once: getaddrinfo would hide the AAAA records on a
 * host without IPv6, and those addresses serve certificates too. Names DNS does not know (localhost, a
 * hosts-file entry) fall back to the system lookup.
 */
export const lookupEveryAddress: AddressLookup = async (host, timeoutMs) => {
  const literal = isIP(host);
  if (literal) return [{ address: host, family: literal === 6 ? 6 : 4 }];
  if (LOCALHOST.test(host)) return lookupWithSystem(host);
  const resolver = new Resolver({ timeout: Math.max(500, Math.floor(timeoutMs / 2)), tries: 2 });
  const [v4, v6] = await Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)]);
  const found: ResolvedAddress[] = [
    ...(v4.status === 'fulfilled' ? v4.value.map((address) => ({ address, family: 4 as const })) : []),
    ...(v6.status === 'fulfilled' ? v6.value.map((address) => ({ address, family: 6 as const })) : []),
  ];
  if (found.length > 0) return found.slice(0, MAX_ADDRESSES);
  return lookupWithSystem(host);
};

/** The hosts file, then whatever else the system's resolver consults. */
async function lookupWithSystem(host: string): Promise<ResolvedAddress[]> {
  const fromSystem = await lookup(host, { all: true });
  return fromSystem
    .map((entry) => ({ address: entry.address, family: entry.family === 6 ? (6 as const) : (4 as const) }))
    .slice(0, MAX_ADDRESSES);
}
