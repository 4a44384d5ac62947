import type { DomainStatus } from '@mini-netumo/contracts';
import type { DomainRegistrationRow } from '../../db/schema';
import { domainDaysRemaining, domainState } from './domain-verdict';

/**
 * A monitor's domain lane as the API shows it: the shared registration row judged at `now`. A row whose
 * lookup never finished reads as "not checked yet" (state null), not as unknown.
 */
export function toDomainStatus(
  monitor: { id: string },
  domain: string | null,
  row: DomainRegistrationRow | undefined,
  now: Date,
  thresholdDays: number,
): DomainStatus {
  const checked = row?.checkedAt ? row : undefined;
  return {
    monitorId: monitor.id,
    registrableDomain: domain,
    state: checked ? domainState(checked, now, thresholdDays) : null,
    expiresAt: checked?.expiresAt ?? null,
    daysRemaining: checked ? domainDaysRemaining(checked, now) : null,
    source: checked?.source ?? null,
    registrar: checked?.registrar ?? null,
    checkedAt: checked?.checkedAt ?? null,
    unknownSince: checked?.unknownSince ?? null,
    reason: checked?.reason ?? null,
    thresholdDays,
  };
}
