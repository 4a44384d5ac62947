import type { DateHints } from './parse-registry-date';

/**
 * Endings whose registries write numeric dates day first (02/11/2019 is 2 November). Elsewhere an
 * ambiguous `a/b/yyyy` stays unknown: no registry we know writes month first, but we do not guess.
 */
const DAY_FIRST = new Set([
  'pt',
  'hk',
  'es',
  'fr',
  'it',
  'br',
  'ar',
  'cl',
  've',
  'pe',
  'uy',
  'co',
  'ec',
  'mx',
  'in',
  'sg',
  'my',
  'au',
  'nz',
  'uk',
  'ie',
  'za',
  'gr',
  'tr',
  'id',
  'vn',
  'th',
  'ru',
  'ua',
  'by',
  'kz',
  'pl',
  'cz',
  'sk',
  'rs',
  'hr',
  'si',
  'ro',
  'bg',
  'hu',
  'at',
  'de',
  'ch',
  'be',
  'nl',
  'dk',
  'no',
  'se',
  'fi',
  'ee',
  'lv',
  'lt',
  'il',
]);

/** Registries known to print local time without saying so. */
const LOCAL_OFFSET_MINUTES: Record<string, number> = { cn: 480, tw: 480, hk: 480, jp: 540, kr: 540 };

/** How the registry of this domain's ending writes dates; keyed on the last label (`co.uk` → `uk`). */
export function registryDateHints(domain: string): DateHints {
  const ending = domain.toLowerCase().split('.').at(-1) ?? '';
  return { dayFirst: DAY_FIRST.has(ending) ? true : null, localOffsetMinutes: LOCAL_OFFSET_MINUTES[ending] ?? 0 };
}
