import type { DomainStatus } from '@mini-netumo/contracts';
import { claimDomainLookup, findDomainRegistration, releaseDomainClaim, saveDomainLookup } from '../../db/queries/domain-queries';
import { findMonitor, listMonitorRows } from '../../db/queries/monitor-queries';
import type { DomainRegistrationRow, MonitorRow } from '../../db/schema';
import { domainConcern } from '../../evaluation/domain-concern';
import { countdownOf, reconcileExpiryIncident, type ExpiryIncidentChange } from '../../evaluation/expiry-incidents';
import { tellAboutCountdown, tellAboutIncidents, type ExpiryJobDeps } from '../expiry-job-deps';
import { lookupDomain } from './domain-lookup';
import { toDomainStatus } from './domain-status';
import { registrableDomain } from './registrable-domain';

/**
 * One `check-domain` job for one monitor. The lookup belongs to the registrable domain, not the monitor:
 * the first job that finds the shared row due claims it, asks the registries and then judges every monitor
 * on that domain; the others judge theirs from the row. `force` shortens the wait (see DomainCacheWindows).
 */
export async function runDomainJob(deps: ExpiryJobDeps, monitorId: string, options: { force?: boolean } = {}): Promise<DomainStatus | null> {
  const monitor = await findMonitor(deps.db, monitorId);
  if (!monitor) await deps.queues?.domain.removeJobScheduler(monitorId);
  if (!monitor || monitor.paused) return null;
  const domain = registrableDomain(monitor.url);
  if (!domain) return null;

  const now = deps.now();
  const fresh = options.force ? deps.cache.forcedFreshMs : deps.cache.freshMs;
  const claimed = await claimDomainLookup(deps.db, domain, {
    now,
    staleBefore: new Date(now.getTime() - fresh),
    unknownStaleBefore: new Date(now.getTime() - Math.min(fresh, deps.cache.unknownFreshMs)),
    claimExpiredBefore: new Date(now.getTime() - deps.cache.claimTimeoutMs),
  });
  if (!claimed) {
    const row = await findDomainRegistration(deps.db, domain);
    const [status] = await judge(deps, [monitor], row);
    return status ?? null;
  }

  let row: DomainRegistrationRow;
  try {
    const lookup = await lookupDomain(deps.domain, domain);
    row = await saveDomainLookup(deps.db, domain, lookup, deps.now());
  } catch (error) {
    // Our own trouble (a bug, the database): let the next job try instead of waiting out the claim.
    await releaseDomainClaim(deps.db, domain).catch(() => undefined);
    throw error;
  }
  if (row.expiresAt === null && !row.notRegistered) deps.logger.warn('domain expiry unknown', { domain, reason: row.reason });
  const sharing = (await listMonitorRows(deps.db)).filter((other) => !other.paused && registrableDomain(other.url) === domain);
  const statuses = await judge(deps, sharing, row);
  return statuses.find((status) => status.monitorId === monitorId) ?? null;
}

type JudgedMonitor = Pick<MonitorRow, 'id' | 'url' | 'domainAlertDays' | 'expiryReminderDays'>;

/** Each monitor's status from the shared row by its own threshold, its incident brought in line, the dashboards told. */
async function judge(deps: ExpiryJobDeps, monitors: JudgedMonitor[], row: DomainRegistrationRow | undefined): Promise<DomainStatus[]> {
  const statuses: DomainStatus[] = [];
  const now = deps.now();
  for (const monitor of monitors) {
    const status = toDomainStatus(monitor, row, now, monitor.domainAlertDays);
    statuses.push(status);
    if (!status.state) continue;
    const concern = domainConcern(status, now);
    const changes: ExpiryIncidentChange[] = concern === 'keep' ? [] : await reconcileExpiryIncident(deps.db, monitor.id, 'domain', concern, now);
    try {
      await deps.events.publish({ type: 'domain.status', status });
    } catch (error) {
      deps.logger.warn('could not publish the domain status', { monitorId: monitor.id, error });
    }
    await tellAboutIncidents(deps, changes);
    await tellAboutCountdown(deps, countdownOf(concern, monitor, 'domain', now));
  }
  return statuses;
}
