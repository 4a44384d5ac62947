import { z } from 'zod';

/** Where a DNS check sends its query. */
export interface ResolverAddress {
  host: string;
  port: number;
}

export type ResolverAddressParse = { ok: true; address: ResolverAddress } | { ok: false; error: string };

const DNS_PORT = 53;
// zod's IP checks rather than node:net, so this stays a pure function a browser-side contract can reuse.
const ipv4 = z.ipv4();
const ipv6 = z.ipv6();

/**
 * Reads `9.9.9.9`, `9.9.9.9:5353`, `2620:fe::fe`, `[2620:fe::fe]:5353` (port 53 when none is given). A host name is
 * refused: node's `setServers` takes IP addresses only, and looking the resolver up would need a resolver.
 */
export function parseResolverAddress(text: string): ResolverAddressParse {
  const value = text.trim();
  if (value === '') return { ok: false, error: 'resolver must not be empty (leave it unset for the system resolver)' };
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(value);
  if (bracketed) {
    const host = bracketed[1] ?? '';
    if (!ipv6.safeParse(host).success) return { ok: false, error: `resolver: "${host}" in brackets is not an IPv6 address` };
    return withPort(host, bracketed[2]);
  }
  // A bare IPv6 address has colons of its own, so it cannot carry a port without brackets.
  if (ipv6.safeParse(value).success) return { ok: true, address: { host: value, port: DNS_PORT } };
  const colon = value.lastIndexOf(':');
  const host = colon < 0 ? value : value.slice(0, colon);
  if (!ipv4.safeParse(host).success) {
    return { ok: false, error: `resolver must be an IP address such as 9.9.9.9 or [2620:fe::fe]:53, not "${value}"` };
  }
  return withPort(host, colon < 0 ? undefined : value.slice(colon + 1));
}

/** The `host:port` form `Resolver.setServers` expects (IPv6 in brackets). */
export function formatResolverAddress({ host, port }: ResolverAddress): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function withPort(host: string, portText: string | undefined): ResolverAddressParse {
  if (portText === undefined) return { ok: true, address: { host, port: DNS_PORT } };
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535)) return { ok: false, error: `resolver port must be 1-65535, not "${portText}"` };
  return { ok: true, address: { host, port } };
}
