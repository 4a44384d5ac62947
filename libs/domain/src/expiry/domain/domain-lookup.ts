import type { DomainSource } from '@mini-netumo/contracts';
import type { RdapBootstrapSource } from './rdap-bootstrap';
import { lookupRdap, type RdapAnswer } from './rdap-lookup';
import { readWhoisAnswer } from './read-whois-answer';
import type { RegistryPacer } from './registry-pacer';
import type { WhoisClient } from './whois-lookup';

export interface DomainLookupDeps {
  rdap: RdapBootstrapSource;
  whois: WhoisClient;
  pacer: RegistryPacer;
  timeoutMs: number;
}

/**
 * What the registries said about one registrable domain. Exactly one of three: an expiry date, "not
 * registered", or unknown with the reason. Never throws for anything a registry does.
 */
export interface DomainLookup {
  domain: string;
  expiresAt: Date | null;
  notRegistered: boolean;
  source: DomainSource | null;
  registrar: string | null;
  /** Why there is no date (every attempt, in order); null when there is one. */
  reason: string | null;
}

/**
 * RDAP first (the registry's server from the bootstrap, `expiration` event), then WHOIS when the ending has
 * no RDAP server, the server fails, or it has no date. An RDAP 404 is only believed when WHOIS does not show a
 * record: a stale bootstrap entry would otherwise call a live domain unregistered.
 */
export async function lookupDomain(deps: DomainLookupDeps, domain: string): Promise<DomainLookup> {
  const reasons: string[] = [];
  const bootstrap = await deps.rdap.current();
  const baseUrl = bootstrap.findBaseUrl(domain);
  let rdap: RdapAnswer | null = null;
  if (baseUrl) {
    rdap = await deps.pacer.run(new URL(baseUrl).host, () => lookupRdap(baseUrl, domain, deps.timeoutMs));
    if (rdap.kind === 'found' && rdap.expiresAt) {
      return { domain, expiresAt: rdap.expiresAt, notRegistered: false, source: 'rdap', registrar: rdap.registrar, reason: null };
    }
    reasons.push(rdap.kind === 'failed' ? rdap.reason : rdap.kind === 'found' ? 'RDAP has no expiration event' : 'RDAP: not found');
  } else {
    reasons.push(bootstrap.source === 'none' ? 'RDAP disabled' : `no RDAP server for .${domain.split('.').at(-1)}`);
  }
  const rdapRegistrar = rdap?.kind === 'found' ? rdap.registrar : null;
  // A 404 from the shipped fallback list could be a stale entry; only a fetched bootstrap's 404 counts alone.
  const rdapSaysMissing = rdap?.kind === 'not_found';
  const rdapAloneSaysMissing = rdapSaysMissing && bootstrap.source === 'configured';

  const whois = await deps.whois.lookup(domain);
  if (!whois.ok) {
    reasons.push(whois.reason);
    return rdapAloneSaysMissing ? notRegistered(domain, 'rdap') : unknown(domain, rdap ? 'rdap' : null, rdapRegistrar, reasons);
  }
  const reading = readWhoisAnswer(domain, whois.text);
  if (reading.expiresAt) {
    return {
      domain,
      expiresAt: reading.expiresAt,
      notRegistered: false,
      source: 'whois',
      registrar: reading.registrar ?? rdapRegistrar,
      reason: null,
    };
  }
  if (reading.notRegistered) return notRegistered(domain, 'whois');
  if (rdapSaysMissing && !reading.hasRecord) return notRegistered(domain, 'rdap');
  reasons.push(
    reading.rateLimited
      ? `WHOIS ${whois.server} is rate-limiting us`
      : reading.unreadableExpiry
        ? `WHOIS ${whois.server}: expiry "${reading.unreadableExpiry}" is not a date we can read for sure`
        : `WHOIS ${whois.server} gives no expiry date`,
  );
  return unknown(domain, 'whois', reading.registrar ?? rdapRegistrar, reasons);
}

const notRegistered = (domain: string, source: DomainSource): DomainLookup => ({
  domain,
  expiresAt: null,
  notRegistered: true,
  source,
  registrar: null,
  reason: null,
});

const unknown = (domain: string, source: DomainSource | null, registrar: string | null, reasons: string[]): DomainLookup => ({
  domain,
  expiresAt: null,
  notRegistered: false,
  source,
  registrar,
  reason: reasons.join('; '),
});
