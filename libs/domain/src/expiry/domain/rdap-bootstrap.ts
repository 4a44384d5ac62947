import { z } from 'zod';
import { IANA_RDAP_BOOTSTRAP_URL } from '../../core/config';
import { fetchJson } from './fetch-json';
import fallbackDocument from './rdap-bootstrap-fallback.json';

const BOOTSTRAP_TTL_MS = 24 * 3_600_000;
/** After a failed fetch, try again sooner than a day, but not on every lookup. */
const RETRY_AFTER_FAILURE_MS = 3_600_000;

const bootstrapSchema = z.object({
  services: z.array(z.tuple([z.array(z.string()), z.array(z.string())]).rest(z.unknown())),
});

/** Which RDAP server answers for a domain; null when its ending has none (go straight to WHOIS). */
export interface RdapBootstrap {
  readonly source: 'configured' | 'fallback' | 'none';
  findBaseUrl(domain: string): string | null;
}

export interface RdapBootstrapSource {
  current(): Promise<RdapBootstrap>;
}

/**
 * The bootstrap fetched at run time and cached for a day. An empty URL means "no RDAP". When IANA's
 * document cannot be fetched, the shipped fallback stands in; a configured private bootstrap that fails
 * means no RDAP rather than public servers the operator did not choose.
 */
export function createRdapBootstrapSource(options: {
  url: string;
  timeoutMs: number;
  /** Whether the shipped copy stands in when the fetch fails; by default only for IANA's own URL. */
  fallbackOnFailure?: boolean;
  now?: () => number;
}): RdapBootstrapSource {
  const now = options.now ?? Date.now;
  const fallbackOnFailure = options.fallbackOnFailure ?? options.url === IANA_RDAP_BOOTSTRAP_URL;
  let cached: { bootstrap: RdapBootstrap; until: number } | null = null;
  let loading: Promise<RdapBootstrap> | null = null;

  const load = async (): Promise<RdapBootstrap> => {
    const fetched = await fetchJson(options.url, { timeoutMs: options.timeoutMs, maxBytes: 2 * 1024 * 1024 });
    const parsed = fetched.ok && fetched.status === 200 ? bootstrapSchema.safeParse(fetched.body) : null;
    if (parsed?.success) {
      cached = { bootstrap: fromServices(parsed.data.services, 'configured'), until: now() + BOOTSTRAP_TTL_MS };
    } else {
      const standIn = fallbackOnFailure ? fromServices(bootstrapSchema.parse(fallbackDocument).services, 'fallback') : NO_RDAP;
      cached = { bootstrap: standIn, until: now() + RETRY_AFTER_FAILURE_MS };
    }
    return cached.bootstrap;
  };

  return {
    async current() {
      if (!options.url) return NO_RDAP;
      if (cached && cached.until > now()) return cached.bootstrap;
      // Many lookups at once share one fetch.
      loading ??= load().finally(() => (loading = null));
      return loading;
    },
  };
}

const NO_RDAP: RdapBootstrap = { source: 'none', findBaseUrl: () => null };

function fromServices(services: z.infer<typeof bootstrapSchema>['services'], source: RdapBootstrap['source']): RdapBootstrap {
  const byEnding = new Map<string, string>();
  for (const [endings, urls] of services) {
    // RFC 9224 §3: several URLs may be listed; https is preferred.
    const url = urls.find((candidate) => candidate.startsWith('https://')) ?? urls[0];
    if (!url) continue;
    for (const ending of endings) byEnding.set(ending.toLowerCase(), url.endsWith('/') ? url : `${url}/`);
  }
  return {
    source,
    findBaseUrl(domain) {
      // The longest matching ending wins: an entry for `co.uk` would beat one for `uk`.
      const labels = domain.toLowerCase().split('.');
      for (let index = 1; index < labels.length; index++) {
        const url = byEnding.get(labels.slice(index).join('.'));
        if (url) return url;
      }
      return null;
    },
  };
}
