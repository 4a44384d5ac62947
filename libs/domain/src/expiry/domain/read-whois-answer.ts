import { createRequire } from 'node:module';
import { parseRegistryDate, type DateHints } from './parse-registry-date';
import { registryDateHints } from './registry-date-hints';

// whoiser 1.18 exports no parser: its index has query, tld, domain, asn, ip, allTlds and firstResult, and domain()
// always asks a server itself (`raw` only adds the text). So its parser file, CommonJS without types, is loaded by
// path; no `exports` map forbids that here (whoiser 2's does, and it exports no parser either).
const { parseDomainWhois } = createRequire(import.meta.url)('whoiser/src/parsers.js') as {
  parseDomainWhois: (domain: string, whois: string, ignorePrivacy?: boolean) => Record<string, unknown>;
};

/** What one WHOIS answer says about a domain. Nothing here throws: an unreadable answer is `unknown` upstream. */
export interface WhoisReading {
  expiresAt: Date | null;
  /** The value the date was read from, kept so a person can check it. */
  expiryText: string | null;
  registrar: string | null;
  /** The answer is a record of the domain (it carries dates), whatever else it lacks. */
  hasRecord: boolean;
  notRegistered: boolean;
  rateLimited: boolean;
  /** An expiry field was there but its value was not a date we can read for sure. */
  unreadableExpiry: string | null;
}

/**
 * Expiry labels, best first: the registry's own date beats a registrar's copy. Labels are compared whole
 * after normalising (lower case, leader dots and brackets gone), never by substring, so a NOTICE paragraph
 * about "the expiration date displayed" is never read as one.
 */
const EXPIRY_LABELS: string[][] = [
  ['registry expiry date', 'registry expiration date'],
  [
    'expiry date',
    'expiration date',
    'expiration time',
    'expire date',
    'expires on',
    'expires',
    'expire',
    'expiry',
    'expired',
    'paid-till',
    'paid till',
    'valid until',
    'renewal date',
    'record expires on',
    'record will expire on',
    'domain expires',
    'domain expiration date',
    'domain expiry date',
    'date of expiry',
    'expires at',
    'fecha de vencimiento',
    'fecha de expiracion',
    'fecha de expiración',
    'data de expiração',
    'data de validade',
    'relevant dates expiry date',
    'additional info expires on',
    '有効期限',
  ],
  ['registrar registration expiration date'],
];
const RANK = new Map(EXPIRY_LABELS.flatMap((labels, rank) => labels.map((label) => [label, rank] as const)));

/** Answers that mean "no such domain". Only believed when the answer also carries no dates at all. */
const NOT_FOUND = [
  /^\s*no match/im,
  /^\s*%?\s*no entries found/im,
  /^\s*not found\.?\s*$/im,
  /\bdomain (name )?not found\b/i,
  /\bno data found\b/i,
  /\bno (such|matching) (domain|record)/i,
  /\b(the )?queried object does not exist/i,
  /\bobject does not exist/i,
  /^\s*status:\s*(free|available)\s*$/im,
  /\bis (available|free) for registration\b/i,
  /\b(has not been|is not) registered\b/i,
  /\bno information available about domain name\b/i,
  /^\s*domain status:\s*no object found/im,
  /\bno se encontr[oó]/i,
];

const RATE_LIMITED = [
  /limit exceeded/i,
  /rate limit/i,
  /too many (requests|queries|connections)/i,
  /query rate/i,
  /quota (exceeded|reached)/i,
  /exceeded (the )?(maximum|allowed)/i,
  /try again later/i,
  /temporarily (blocked|denied|unavailable)/i,
];

/** A record line with a date: `Created: 2001-…`, `[Registered Date] 2019/…`; banners (`>>> Last update…`) excluded. */
const DATED_FIELD = /^(?![\s>%#]*>>>)[^:\]\n]*\b(creat|regist|expir|paid|modif|changed|updated)[^:\]\n]*[:\]][^\n]*\d/im;

/** Reads the expiry, the registrar and what kind of non-answer this is, from one WHOIS answer. */
export function readWhoisAnswer(domain: string, text: string): WhoisReading {
  const scoped = scopeToDomain(domain, text);
  const found = findExpiry(domain, scoped) ?? (scoped === text ? null : findExpiry(domain, text));
  const expiresAt = found?.date ?? null;
  const hasDates = DATED_FIELD.test(text);
  return {
    expiresAt,
    expiryText: found?.date ? found.text : null,
    registrar: expiresAt || hasDates ? readRegistrar(domain, scoped) : null,
    hasRecord: Boolean(expiresAt) || hasDates,
    notRegistered: !expiresAt && !hasDates && NOT_FOUND.some((pattern) => pattern.test(text)),
    rateLimited: !expiresAt && RATE_LIMITED.some((pattern) => pattern.test(text)),
    unreadableExpiry: found && !found.date ? found.text : null,
  };
}

/**
 * Old thick answers (Verisign before 2010) list every name server whose name contains the query before the
 * domain's own record; read from `Domain Name: <domain>` on when that line is there.
 */
function scopeToDomain(domain: string, text: string): string {
  const escaped = domain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = new RegExp(`^\\s*domain(?: name)?\\s*:\\s*${escaped}\\s*$`, 'im').exec(text);
  return start ? text.slice(start.index) : text;
}

interface ExpiryLine {
  rank: number;
  text: string;
  date: Date | null;
}

/** The first readable date of the best rank; failing that, the best-ranked field we could not read. */
function findExpiry(domain: string, text: string): ExpiryLine | null {
  const hints = registryDateHints(domain);
  const lines = text.split(/\r?\n/);
  const candidates: ExpiryLine[] = [];
  lines.forEach((line, index) => {
    const field = splitField(line);
    if (!field) return;
    const rank = field.label === 'state' ? stateRank(field.value) : RANK.get(field.label);
    if (rank === undefined) return;
    // Some registries put the value on the line below its label.
    const value = field.value || (lines[index + 1] ?? '').trim();
    if (value) candidates.push({ rank, text: value, date: readValue(field.label, value, hints) });
  });
  const byRank = (a: ExpiryLine, b: ExpiryLine) => a.rank - b.rank;
  return candidates.filter((candidate) => candidate.date).sort(byRank)[0] ?? candidates.sort(byRank)[0] ?? null;
}

/** JPRS's `[State] Connected (2026/03/31)`: for CO.JP, AC.JP and the like, the date in brackets is the expiry (JPRS WHOIS guide). */
function stateRank(value: string): number | undefined {
  return /^connected\s*\(\d{4}\/\d{1,2}\/\d{1,2}\)$/i.test(value.trim()) ? 1 : undefined;
}

function readValue(label: string, value: string, hints: DateHints): Date | null {
  const text = label === 'state' ? (/\(([^)]+)\)/.exec(value)?.[1] ?? '') : value;
  return text ? parseRegistryDate(text, hints) : null;
}

/** `Label: value`, `Label.......: value`, `a. [Label]   value` (JPRS), `Record expires on 04-Jan-2016.` */
function splitField(line: string): { label: string; value: string } | null {
  const trimmed = line.trim();
  if (!trimmed || /^[%#;*>]/.test(trimmed)) return null;
  const bracketed = /^(?:[a-z]\.\s*)?\[([^\]]+)\]\s*(.*)$/i.exec(trimmed);
  if (bracketed) return { label: normaliseLabel(bracketed[1] ?? ''), value: (bracketed[2] ?? '').trim() };
  const bare = /^(record expires on|expires on)\s+(\d.*)$/i.exec(trimmed);
  if (bare) return { label: normaliseLabel(bare[1] ?? ''), value: (bare[2] ?? '').trim() };
  const colon = trimmed.indexOf(':');
  if (colon <= 0 || colon > 60) return null;
  return {
    label: normaliseLabel(trimmed.slice(0, colon)),
    value: trimmed
      .slice(colon + 1)
      .replace(/^:/, '')
      .trim(),
  };
}

const normaliseLabel = (label: string) =>
  label
    .toLowerCase()
    .replace(/\.{2,}.*$/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Registrar labels whoiser's parser misses (it wants a space after the colon; .kz spells it "Registar"). */
const REGISTRAR_LABELS = new Set([
  'registrar',
  'sponsoring registrar',
  'registrar name',
  'registrar organization',
  'current registar',
  'current registrar',
]);

/** whoiser's parser knows many registries' layouts for the registrar; a runaway merge of many records is refused. */
function readRegistrar(domain: string, text: string): string | null {
  let registrar: unknown;
  try {
    registrar = parseDomainWhois(domain, text, true)['Registrar'];
  } catch {
    registrar = undefined;
  }
  if (typeof registrar !== 'string' || !registrar.trim()) {
    registrar = text
      .split(/\r?\n/)
      .map(splitField)
      .find((field) => field && field.value && REGISTRAR_LABELS.has(field.label))?.value;
  }
  const clean = typeof registrar === 'string' ? registrar.trim() : '';
  return clean && clean.length <= 120 ? clean : null;
}
