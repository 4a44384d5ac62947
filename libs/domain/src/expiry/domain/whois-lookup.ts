import { query, tld } from 'whoiser';
import type { RegistryPacer } from './registry-pacer';

export interface WhoisServer {
  host: string;
  port: number;
}

export type WhoisAnswer = { ok: true; server: string; text: string } | { ok: false; server: string | null; reason: string };

export interface WhoisClientOptions {
  /** WHOIS_SERVER: when set, every query goes there (tests, private registries). */
  server?: WhoisServer;
  timeoutMs: number;
  pacer: RegistryPacer;
}

const DISCOVERY_TTL_MS = 24 * 3_600_000;

/** Registries that want more than the bare name (whoiser knows these two; so do we). */
const QUERY_FORMAT: Record<string, (domain: string) => string> = {
  'whois.denic.de': (domain) => `-T dn ${domain}`,
  'whois.jprs.jp': (domain) => `${domain}/e`,
};

/**
 * WHOIS through whoiser's `query` (whose own domain lookup cannot take a port). Without WHOIS_SERVER the
 * registry's server comes from IANA through whoiser's `tld`, cached a day per ending. The whole exchange is
 * bounded: whoiser's timeout is per idle socket, so a server that trickles bytes is cut off here.
 */
export function createWhoisClient(options: WhoisClientOptions) {
  const discovered = new Map<string, { host: string | null; until: number }>();

  const serverFor = async (domain: string): Promise<WhoisServer | null> => {
    if (options.server) return options.server;
    const ending = domain.split('.').at(-1) ?? domain;
    const known = discovered.get(ending);
    if (known && known.until > Date.now()) return known.host ? { host: known.host, port: 43 } : null;
    let host: string | null = null;
    try {
      const answer = await withDeadline(tld(ending, { timeout: options.timeoutMs }), options.timeoutMs);
      host = typeof answer['whois'] === 'string' && answer['whois'] ? answer['whois'] : null;
    } catch {
      host = null;
    }
    discovered.set(ending, { host, until: Date.now() + DISCOVERY_TTL_MS });
    return host ? { host, port: 43 } : null;
  };

  return {
    async lookup(domain: string): Promise<WhoisAnswer> {
      const server = await serverFor(domain);
      if (!server) return { ok: false, server: null, reason: `no WHOIS server is known for .${domain.split('.').at(-1)}` };
      const label = `${server.host}:${server.port}`;
      const text = QUERY_FORMAT[server.host]?.(domain) ?? domain;
      try {
        const answer = await options.pacer.run(label, () =>
          withDeadline(query({ host: server.host, port: server.port, query: text, timeout: options.timeoutMs }), options.timeoutMs),
        );
        if (!answer.trim()) return { ok: false, server: label, reason: `WHOIS ${label} closed without an answer` };
        return { ok: true, server: label, text: answer };
      } catch (error) {
        return { ok: false, server: label, reason: `WHOIS ${label}: ${describe(error, options.timeoutMs)}` };
      }
    },
  };
}

export type WhoisClient = ReturnType<typeof createWhoisClient>;

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function describe(error: unknown, timeoutMs: number): string {
  const message = error instanceof Error ? error.message : String(error);
  if (message === 'Timeout') return `no complete answer within ${timeoutMs} ms`;
  const code = typeof error === 'object' && error !== null && 'code' in error ? ` (${String(error.code)})` : '';
  return `${message}${code}`;
}
