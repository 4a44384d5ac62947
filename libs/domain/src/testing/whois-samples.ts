import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Real WHOIS answers beside the project (CI clones it with shared/ next to it): `<domain>.txt` + expected.json. */
export const WHOIS_SAMPLES_DIR = fileURLToPath(new URL('../../../../../shared/whois-samples/', import.meta.url));

export interface WhoisSample {
  domain: string;
  text: string;
  /** The instant the answer gives, as ISO 8601 UTC; null where it carries no expiry (the right result is unknown). */
  expiry: string | null;
  /** Set where the raw text contradicts expected.json and the text wins: why. */
  correction: string | null;
}

/**
 * Where the raw text says more than expected.json (whose dates are python-whois's reading). Each is argued
 * from the text itself; every other sample must match expected.json exactly.
 */
const RAW_TEXT_WINS: Record<string, { expiry: string; why: string }> = {
  'google.cl': {
    expiry: '2019-11-20T17:48:02.000Z',
    why: '"14:48:02 CLST": Chile summer time is UTC-3; expected.json reads the clock as UTC',
  },
  'titech.ac.jp': {
    expiry: '2026-03-31T00:00:00.000Z',
    why: '"[State] Connected (2026/03/31)": JPRS documents the date in brackets as the expiry of CO.JP/AC.JP names',
  },
  'yahoo.co.jp': { expiry: '2025-09-30T00:00:00.000Z', why: '"[State] Connected (2025/09/30)", as for titech.ac.jp' },
};

export function loadWhoisSamples(): WhoisSample[] {
  const expected = JSON.parse(readFileSync(`${WHOIS_SAMPLES_DIR}expected.json`, 'utf8')) as Record<string, { expiry: string | null }>;
  return readdirSync(WHOIS_SAMPLES_DIR)
    .filter((file) => file.endsWith('.txt'))
    .map((file) => file.slice(0, -4))
    .sort()
    .map((domain) => {
      const correction = RAW_TEXT_WINS[domain];
      const listed = expected[domain];
      if (!listed) throw new Error(`expected.json has no entry for ${domain}`);
      return {
        domain,
        text: readFileSync(`${WHOIS_SAMPLES_DIR}${domain}.txt`, 'utf8'),
        expiry: correction ? correction.expiry : listed.expiry ? new Date(listed.expiry.replace(' ', 'T')).toISOString() : null,
        correction: correction?.why ?? null,
      };
    });
}
