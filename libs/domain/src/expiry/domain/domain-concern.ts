import type { DomainStatus } from '@mini-netumo/contracts';
import type { ExpiryConcern } from '../../alerting/incidents/expiry-incidents';
import { UNKNOWN_NOTICE_AFTER_MS } from './domain-verdict';

/**
 * The registration worth an incident, if any; its subject is the domain with its expiry date, so expiring
 * then expired is one incident and a later date (renewal) ends it. An unknown is not news for 3 days
 * (registries have bad days), then it is a low-key notice so someone looks. An unknown never ends an
 * incident (`keep`): it is not a renewal.
 */
export function domainConcern(status: DomainStatus, now: Date): ExpiryConcern | 'keep' {
  const domain = status.registrableDomain;
  if (!domain || !status.state) return null;
  const day = status.expiresAt?.toISOString().slice(0, 10);
  const days = status.daysRemaining ?? 0;
  switch (status.state) {
    case 'ok':
      return null;
    case 'expiring': {
      const countdown = status.expiresAt ? { name: domain, expiresAt: status.expiresAt, daysLeft: days } : undefined;
      return {
        subject: `${domain} expires ${day}`,
        cause: `The domain ${domain} expires in ${days} day${days === 1 ? '' : 's'}, on ${day}${via(status)}`,
        countdown,
      };
    }
    case 'expired':
      return { subject: `${domain} expires ${day}`, cause: `The domain ${domain} expired on ${day}${via(status)}` };
    case 'not_registered':
      return {
        subject: `${domain} not registered`,
        cause: `The domain ${domain} is not registered (${status.source?.toUpperCase() ?? 'registry'})`,
      };
    case 'unknown': {
      const since = status.unknownSince?.getTime() ?? now.getTime();
      if (now.getTime() - since < UNKNOWN_NOTICE_AFTER_MS) return 'keep';
      const cause = `The expiry of ${domain} has been unknown for more than 3 days: ${status.reason ?? 'no date found'}`;
      return { subject: `${domain} unknown`, cause, yieldsToOpen: true };
    }
  }
}

const via = (status: DomainStatus) =>
  status.source ? ` (${status.source.toUpperCase()}${status.registrar ? `, registrar ${status.registrar}` : ''})` : '';
