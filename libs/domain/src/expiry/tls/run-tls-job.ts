import type { TlsStatus } from '@mini-netumo/contracts';
import { countdownOf, reconcileExpiryIncident } from '../../alerting/incidents/expiry-incidents';
import { targetGuardOf } from '../../checks/net/target-guard';
import { findMonitor } from '../../db/queries/monitor-queries';
import { listTlsRows, replaceTlsRows } from '../../db/queries/tls-queries';
import { QUEUE_NAMES } from '../../queue/queue-names';
import type { DomainContext } from '../../runtime/domain-context';
import { tellAboutCountdown, tellAboutIncidents, type ExpiryLane } from '../expiry-lane';
import { tlsTargetOf } from '../expiry-targets';
import { runTlsCheck } from './tls-check';
import { tlsConcern } from './tls-concern';
import { toTlsRows, toTlsStatus } from './tls-rows';

/**
 * One `check-tls` job: read the certificate of every address behind an https monitor, store it, open or
 * resolve the monitor's `tls` incident (by its own `tlsAlertDays`), tell the dashboards, and remind on the
 * countdown. A separate lane: nothing here touches the monitor's status or its uptime.
 */
export async function runTlsJob(ctx: DomainContext, job: { monitorId: string }, lane: ExpiryLane): Promise<TlsStatus | null> {
  const { monitorId } = job;
  const monitor = await findMonitor(ctx.db, monitorId);
  if (!monitor) await ctx.queues.queue(QUEUE_NAMES.checkTls).removeJobScheduler(monitorId);
  if (!monitor || monitor.paused) return null;
  const target = tlsTargetOf(monitor);
  if (!target) return null;

  const outcome = await runTlsCheck({
    host: target.host,
    port: target.port,
    serverName: target.serverName,
    timeoutMs: lane.tls.timeoutMs,
    ca: lane.tls.ca,
    lookup: lane.tls.lookup,
    targetGuard: targetGuardOf(ctx.settings),
    thresholdDays: monitor.tlsAlertDays,
    now: lane.now,
  });
  // False when the monitor was deleted while its certificate was being read.
  if (!(await replaceTlsRows(ctx.db, monitorId, toTlsRows(monitorId, outcome)))) return null;
  const status = toTlsStatus({ id: monitorId, tls: target }, await listTlsRows(ctx.db, monitorId), lane.now(), monitor.tlsAlertDays);
  const concern = tlsConcern(status);
  const changes = await reconcileExpiryIncident(ctx.db, monitorId, 'tls', concern, outcome.checkedAt);
  await publishQuietly(ctx, status);
  await tellAboutIncidents(ctx, lane, changes);
  await tellAboutCountdown(ctx, lane, countdownOf(concern, monitor, 'tls', outcome.checkedAt));
  return status;
}

async function publishQuietly(ctx: Pick<DomainContext, 'events' | 'logger'>, status: TlsStatus): Promise<void> {
  try {
    await ctx.events.publish({ type: 'tls.status', status });
  } catch (error) {
    ctx.logger.warn('could not publish the certificate status', { monitorId: status.monitorId, error });
  }
}
