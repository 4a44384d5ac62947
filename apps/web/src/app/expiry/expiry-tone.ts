import type { DomainState, TlsState } from '@mini-netumo/contracts';

/** A certificate's or a registration's state; null before the first check (or when there is nothing to check). */
export type ExpiryState = TlsState | DomainState;

/**
 * At or below RED_DAYS a countdown is red whatever the monitor's thresholds. Amber follows the monitor's own
 * alert threshold, which the state carries (`expiring` or `ok`); AMBER_DAYS (the default threshold) is
 * left for the broken-certificate states, whose countdown the threshold did not judge.
 */
export const AMBER_DAYS = 14;
export const RED_DAYS = 3;

export type DaysLeftClass = 'days-red' | 'days-amber' | 'days-green' | 'days-grey';

/**
 * The colour of a countdown. A date we cannot vouch for (`unknown`, a failed read, not checked yet) is grey,
 * never green nor amber: showing it as healthy or as expiring would both be a guess.
 */
export function daysLeftClass(days: number | null, state: ExpiryState | null): DaysLeftClass {
  if (state === 'expired' || state === 'not_registered') return 'days-red';
  if (state === null || state === 'unknown' || state === 'error' || days === null) return 'days-grey';
  if (days <= RED_DAYS) return 'days-red';
  if (state === 'expiring') return 'days-amber';
  if (state === 'ok') return 'days-green';
  return days <= AMBER_DAYS ? 'days-amber' : 'days-green';
}

/** "12 days left", "1 day left", "expires today", "expired 3 days ago"; "—" without a date. */
export function daysLeftText(days: number | null): string {
  if (days === null) return '—';
  if (days === 0) return 'expires today';
  if (days < 0) return `expired ${-days} ${-days === 1 ? 'day' : 'days'} ago`;
  return `${days} ${days === 1 ? 'day' : 'days'} left`;
}

export type ExpiryTone = 'good' | 'warning' | 'bad' | 'neutral';

/** How each state reads. A Record over both contracts' states, so a new state fails the build until it has a look. */
export const EXPIRY_STATE_LOOKS: Record<ExpiryState, { label: string; tone: ExpiryTone; description: string }> = {
  ok: { label: 'ok', tone: 'good', description: 'Valid, and not close to its end' },
  expiring: { label: 'expiring', tone: 'warning', description: 'Ends within the alert threshold' },
  expired: { label: 'expired', tone: 'bad', description: 'Already ended' },
  chain_invalid: { label: 'chain invalid', tone: 'bad', description: 'The certificate chain does not verify' },
  hostname_mismatch: { label: 'hostname mismatch', tone: 'bad', description: 'The certificate does not cover this host' },
  not_yet_valid: { label: 'not yet valid', tone: 'bad', description: 'The certificate starts in the future' },
  error: { label: 'error', tone: 'neutral', description: 'No certificate could be read' },
  not_registered: { label: 'not registered', tone: 'bad', description: 'The registry has no such domain' },
  unknown: { label: 'unknown', tone: 'neutral', description: 'The registries gave no expiry date we can read for sure' },
};

/** The look of "no state yet". */
export const NOT_CHECKED_LOOK = { label: 'not checked', tone: 'neutral', description: 'Not checked yet' } as const;
