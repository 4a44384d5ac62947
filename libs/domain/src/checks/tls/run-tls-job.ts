import type { TlsStatus } from '@mini-netumo/contracts';
import { findMonitor } from '../../db/queries/monitor-queries';
import { listTlsRows, replaceTlsRows } from '../../db/queries/tls-queries';
import { countdownOf, reconcileExpiryIncident } from '../../evaluation/expiry-incidents';
import { tlsConcern } from '../../evaluation/tls-concern';
import { tellAboutCountdown, tellAboutIncidents, type ExpiryJobDeps } from '../expiry-job-deps';
import { runTlsCheck } from './tls-check';
import { toTlsRows, toTlsStatus } from './tls-rows';

/**
 * One `check-tls` job: read the certificate of every address behind an https monitor, store it, open or
 * resolve the monitor's `tls` incident (by its own `tlsAlertDays`), tell the dashboards, and remind on the
 * countdown. A separate lane: nothing here touches the monitor's status or its uptime.
 */
export async function runTlsJob(deps: ExpiryJobDeps, monitorId: string): Promise<TlsStatus | null> {
  const monitor = await findMonitor(deps.db, monitorId);
  if (!monitor) await deps.queues?.tls.removeJobScheduler(monitorId);
  if (!monitor || monitor.paused) return null;
  const url = new URL(monitor.url);
  if (url.protocol !== 'https:') return null;

  const outcome = await runTlsCheck({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || 443),
    timeoutMs: deps.tls.timeoutMs,
    ca: deps.tls.ca,
    lookup: deps.tls.lookup,
    thresholdDays: monitor.tlsAlertDays,
    now: deps.now,
  });
  // False when the monitor was deleted while its certificate was being read.
  if (!(await replaceTlsRows(deps.db, monitorId, toTlsRows(monitorId, outcome)))) return null;
  const status = toTlsStatus(monitor, await listTlsRows(deps.db, monitorId), deps.now(), monitor.tlsAlertDays);
  const concern = tlsConcern(status);
  const changes = await reconcileExpiryIncident(deps.db, monitorId, 'tls', concern, outcome.checkedAt);
  await publishQuietly(deps, status);
  await tellAboutIncidents(deps, changes);
  await tellAboutCountdown(deps, countdownOf(concern, monitor, 'tls', outcome.checkedAt));
  return status;
}

async function publishQuietly(deps: ExpiryJobDeps, status: TlsStatus): Promise<void> {
  try {
    await deps.events.publish({ type: 'tls.status', status });
  } catch (error) {
    deps.logger.warn('could not publish the certificate status', { monitorId: status.monitorId, error });
  }
}
