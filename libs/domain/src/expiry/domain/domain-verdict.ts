import { daysUntil, type DomainState } from '@mini-netumo/contracts';

/** An unknown that lasts longer than this raises a low-severity notice so someone looks. */
export const UNKNOWN_NOTICE_AFTER_MS = 3 * 86_400_000;

export interface RegistrationFacts {
  expiresAt: Date | null;
  notRegistered: boolean;
}

/** The state at `now` against the monitor's `domainAlertDays`, computed when read so the countdown is never stale. */
export function domainState(facts: RegistrationFacts, now: Date, thresholdDays: number): DomainState {
  if (facts.notRegistered) return 'not_registered';
  if (!facts.expiresAt) return 'unknown';
  if (facts.expiresAt.getTime() <= now.getTime()) return 'expired';
  return daysUntil(facts.expiresAt, now) <= thresholdDays ? 'expiring' : 'ok';
}

export const domainDaysRemaining = (facts: RegistrationFacts, now: Date) => (facts.expiresAt ? daysUntil(facts.expiresAt, now) : null);
