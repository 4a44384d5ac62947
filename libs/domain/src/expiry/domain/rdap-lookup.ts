import { z } from 'zod';
import { fetchJson } from './fetch-json';
import { parseRegistryDate } from './parse-registry-date';

/** What a registry's RDAP server said; a failure is data, the caller falls back to WHOIS. */
export type RdapAnswer =
  { kind: 'found'; expiresAt: Date | null; registrar: string | null } | { kind: 'not_found' } | { kind: 'failed'; reason: string };

/** Only the parts we read; RDAP answers carry much more, and anything may be missing. */
const domainSchema = z
  .object({
    errorCode: z.number().optional(),
    events: z.array(z.object({ eventAction: z.string(), eventDate: z.string().optional() }).loose()).optional(),
    entities: z.array(z.object({ roles: z.array(z.string()).optional(), vcardArray: z.unknown().optional() }).loose()).optional(),
  })
  .loose();

/** RFC 9083 answers run to a few kB; a megabyte is plenty and stops a runaway server. */
const MAX_BYTES = 1024 * 1024;

/** `GET {base}domain/{name}` (RFC 9082); the expiry is the `expiration` event (RFC 9083 §4.5). */
export async function lookupRdap(baseUrl: string, domain: string, timeoutMs: number): Promise<RdapAnswer> {
  const fetched = await fetchJson(`${baseUrl}domain/${encodeURIComponent(domain)}`, {
    timeoutMs,
    maxBytes: MAX_BYTES,
    accept: 'application/rdap+json, application/json',
  });
  if (!fetched.ok) return { kind: 'failed', reason: `RDAP ${baseUrl}: ${fetched.reason}` };
  const parsed = domainSchema.safeParse(fetched.body);
  if (fetched.status === 404 || (parsed.success && parsed.data.errorCode === 404)) return { kind: 'not_found' };
  if (fetched.status !== 200) return { kind: 'failed', reason: `RDAP ${baseUrl}: HTTP ${fetched.status}` };
  if (!parsed.success) return { kind: 'failed', reason: `RDAP ${baseUrl}: not a domain object` };
  const expiration = parsed.data.events?.find((event) => event.eventAction.toLowerCase() === 'expiration')?.eventDate;
  return {
    kind: 'found',
    // RFC 3339 by the spec; the same strict parser refuses anything it cannot read for sure.
    expiresAt: expiration ? parseRegistryDate(expiration) : null,
    registrar: registrarName(parsed.data.entities ?? []),
  };
}

/** The registrar entity's jCard `fn` (RFC 7095): ["vcard", [["fn", {}, "text", "Name"], ...]]. */
function registrarName(entities: { roles?: string[]; vcardArray?: unknown }[]): string | null {
  const registrar = entities.find((entity) => entity.roles?.includes('registrar'));
  const properties = Array.isArray(registrar?.vcardArray) ? registrar.vcardArray[1] : undefined;
  if (!Array.isArray(properties)) return null;
  const fn = properties.find((property): property is unknown[] => Array.isArray(property) && property[0] === 'fn');
  const name = fn?.[3];
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 120) : null;
}
