import type { DomainStatus } from '@mini-netumo/contracts';
import { countdownOf, reconcileExpiryIncident, type ExpiryIncidentChange } from '../../alerting/incidents/expiry-incidents';
import { claimDomainLookup, findDomainRegistration, releaseDomainClaim, saveDomainLookup } from '../../db/queries/domain-queries';
import { findMonitor, listMonitorRows } from '../../db/queries/monitor-queries';
import type { DomainRegistrationRow, MonitorRow } from '../../db/schema';
import { QUEUE_NAMES } from '../../queue/queue-names';
import type { DomainContext } from '../../runtime/domain-context';
import { tellAboutCountdown, tellAboutIncidents, type ExpiryLane } from '../expiry-lane';
import { registeredDomainOf } from '../expiry-targets';
import { domainConcern } from './domain-concern';
import { lookupDomain } from './domain-lookup';
import { toDomainStatus } from './domain-status';

/**
 * One `check-domain` job for one monitor. The lookup belongs to the registrable domain, not the monitor:
 * the first job that finds the shared row due claims it, asks the registries and then judges every monitor
 * on that domain; the others judge theirs from the row. `force` shortens the wait (see DomainCacheWindows).
 */
export async function runDomainJob(
  ctx: DomainContext,
  job: { monitorId: string; force?: boolean },
  lane: ExpiryLane,
): Promise<DomainStatus | null> {
  const { monitorId } = job;
  const monitor = await findMonitor(ctx.db, monitorId);
  if (!monitor) await ctx.queues.queue(QUEUE_NAMES.checkDomain).removeJobScheduler(monitorId);
  if (!monitor || monitor.paused) return null;
  const domain = registeredDomainOf(monitor);
  if (!domain) return null;

  const now = lane.now();
  const fresh = job.force ? lane.cache.forcedFreshMs : lane.cache.freshMs;
  const claimed = await claimDomainLookup(ctx.db, domain, {
    now,
    staleBefore: new Date(now.getTime() - fresh),
    unknownStaleBefore: new Date(now.getTime() - Math.min(fresh, lane.cache.unknownFreshMs)),
    claimExpiredBefore: new Date(now.getTime() - lane.cache.claimTimeoutMs),
  });
  if (!claimed) {
    const row = await findDomainRegistration(ctx.db, domain);
    const [status] = await judge(ctx, lane, [monitor], domain, row);
    return status ?? null;
  }

  let row: DomainRegistrationRow;
  try {
    const lookup = await lookupDomain(lane.domain, domain);
    row = await saveDomainLookup(ctx.db, domain, lookup, lane.now());
  } catch (error) {
    // Our own trouble (a bug, the database): let the next job try instead of waiting out the claim.
    await releaseDomainClaim(ctx.db, domain).catch(() => undefined);
    throw error;
  }
  if (row.expiresAt === null && !row.notRegistered) ctx.logger.warn('domain expiry unknown', { domain, reason: row.reason });
  const sharing = (await listMonitorRows(ctx.db)).filter((other) => !other.paused && registeredDomainOf(other) === domain);
  const statuses = await judge(ctx, lane, sharing, domain, row);
  return statuses.find((status) => status.monitorId === monitorId) ?? null;
}

type JudgedMonitor = Pick<MonitorRow, 'id' | 'domainAlertDays' | 'expiryReminderDays'>;

/** Each monitor's status from the shared row by its own threshold, its incident brought in line, the dashboards told. */
async function judge(
  ctx: DomainContext,
  lane: ExpiryLane,
  monitors: JudgedMonitor[],
  domain: string,
  row: DomainRegistrationRow | undefined,
): Promise<DomainStatus[]> {
  const statuses: DomainStatus[] = [];
  const now = lane.now();
  for (const monitor of monitors) {
    const status = toDomainStatus(monitor, domain, row, now, monitor.domainAlertDays);
    statuses.push(status);
    if (!status.state) continue;
    const concern = domainConcern(status, now);
    const changes: ExpiryIncidentChange[] =
      concern === 'keep' ? [] : await reconcileExpiryIncident(ctx.db, monitor.id, 'domain', concern, now);
    try {
      await ctx.events.publish({ type: 'domain.status', status });
    } catch (error) {
      ctx.logger.warn('could not publish the domain status', { monitorId: monitor.id, error });
    }
    await tellAboutIncidents(ctx, lane, changes);
    await tellAboutCountdown(ctx, lane, countdownOf(concern, monitor, 'domain', now));
  }
  return statuses;
}
