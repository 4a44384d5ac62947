import { domainToASCII } from 'node:url';
import { getDomain } from 'tldts';

/**
 * The name a registry sells, from a monitor URL or a host: `https://a.b.example.co.uk/x` → `example.co.uk`,
 * by the ICANN section of the public suffix list; IDNs come back as punycode (`bücher.de` → `xn--bcher-kva.de`),
 * which is what RDAP and WHOIS servers expect. Null for an IP, `localhost` or a bare public suffix.
 */
export function registrableDomain(urlOrHost: string): string | null {
  let host = urlOrHost.trim();
  try {
    if (host.includes('://')) host = new URL(host).hostname;
  } catch {
    return null;
  }
  // Private suffixes (github.io, blogspot.com) are ignored on purpose: the registration is github.io's.
  const ascii = domainToASCII(host.replace(/\.$/, '').toLowerCase());
  if (!ascii) return null;
  return getDomain(ascii, { allowPrivateDomains: false }) ?? null;
}
