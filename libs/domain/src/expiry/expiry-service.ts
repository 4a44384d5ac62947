import { daysUntil, type DomainStatus, type ExpiryCheckQueued, type ExpiryItem, type TlsStatus } from '@mini-netumo/contracts';
import { targetOf } from '../checks/monitor-kinds';
import { findDomainRegistration, listDomainRegistrations } from '../db/queries/domain-queries';
import { findMonitor, listMonitorRows } from '../db/queries/monitor-queries';
import { listTlsRows, listTlsRowsEndingBefore } from '../db/queries/tls-queries';
import { requireMonitor } from '../monitor-model/require-monitor';
import { enqueueExpiryCheckNow, expiryQueuesOf, wantsDomain, wantsTls } from './expiry-schedules';
import { queueCall } from '../queue/queue-call';
import type { DomainContext } from '../runtime/domain-context';
import { NotFoundError } from '../core/errors';
import { toDomainStatus } from './domain/domain-status';
import { registeredDomainOf, tlsTargetOf } from './expiry-targets';
import { toTlsStatus } from './tls/tls-rows';

const DAY_MS = 86_400_000;

/**
 * `tls.get`: every address's certificate as last read, judged now by the monitor's `tlsAlertDays`. Null when
 * the monitor's kind has no certificate (DNS, TCP without TLS, plain http): there is no host or port to name.
 */
export async function getTlsStatus(ctx: DomainContext, monitorId: string, now = new Date()): Promise<TlsStatus | null> {
  const monitor = await requireMonitor(ctx.db, monitorId);
  const target = tlsTargetOf(monitor);
  if (!target) return null;
  return toTlsStatus({ id: monitorId, tls: target }, await listTlsRows(ctx.db, monitorId), now, monitor.tlsAlertDays);
}

/** `domains.get`: the registration shared by every monitor on the domain, judged now by the monitor's `domainAlertDays`. */
export async function getDomainStatus(ctx: DomainContext, monitorId: string, now = new Date()): Promise<DomainStatus> {
  const monitor = await requireMonitor(ctx.db, monitorId);
  const domain = registeredDomainOf(monitor);
  return toDomainStatus(monitor, domain, domain ? await findDomainRegistration(ctx.db, domain) : undefined, now, monitor.domainAlertDays);
}

/**
 * `expiry.upcoming`: every certificate (per address) and registration of an active monitor that ends within
 * `withinDays` (or has ended), soonest first, each judged by its monitor's thresholds. Unknowns have no date
 * and are not listed; `domains.get` shows them.
 */
export async function upcomingExpiries(ctx: DomainContext, withinDays: number, now = new Date()): Promise<ExpiryItem[]> {
  const { db } = ctx;
  const before = new Date(now.getTime() + withinDays * DAY_MS);
  const active = (await listMonitorRows(db)).filter((monitor) => !monitor.paused);
  const byId = new Map(active.map((monitor) => [monitor.id, monitor]));
  const certificates: ExpiryItem[] = (await listTlsRowsEndingBefore(db, before)).flatMap(({ row, monitorName }) => {
    const monitor = byId.get(row.monitorId);
    // Deleted or paused between the two reads: it is not listed either way.
    if (!monitor) return [];
    const status = toTlsStatus({ id: row.monitorId, tls: row }, [row], now, monitor.tlsAlertDays);
    const report = status.addresses[0];
    if (!report?.certificate) return [];
    return [
      {
        kind: 'tls' as const,
        monitorId: row.monitorId,
        monitorName,
        url: targetOf(monitor),
        subject: row.host,
        address: row.address,
        expiresAt: report.certificate.validTo,
        daysRemaining: daysUntil(report.certificate.validTo, now),
        state: report.state,
        fingerprintSha256: report.certificate.fingerprintSha256,
      },
    ];
  });

  const domains = new Map(active.map((monitor) => [monitor.id, registeredDomainOf(monitor)]));
  const registrations = new Map(
    (await listDomainRegistrations(db, [...new Set([...domains.values()].filter((domain): domain is string => domain !== null))])).map(
      (row) => [row.domain, row],
    ),
  );
  const registrationsEnding: ExpiryItem[] = active.flatMap((monitor) => {
    const domain = domains.get(monitor.id);
    const row = domain ? registrations.get(domain) : undefined;
    if (!domain || !row?.expiresAt || !row.checkedAt || row.expiresAt > before) return [];
    const status = toDomainStatus(monitor, domain, row, now, monitor.domainAlertDays);
    if (!status.state) return [];
    return [
      {
        kind: 'domain' as const,
        monitorId: monitor.id,
        monitorName: monitor.name,
        url: targetOf(monitor),
        subject: domain,
        expiresAt: row.expiresAt,
        daysRemaining: daysUntil(row.expiresAt, now),
        state: status.state,
        registrar: row.registrar,
      },
    ];
  });

  return [...certificates, ...registrationsEnding].sort(
    (a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.kind.localeCompare(b.kind) || a.monitorName.localeCompare(b.monitorName),
  );
}

/**
 * `monitors.checkExpiryNow`: both lanes at once, the domain past its day-long cache (not past the short one).
 * Answers the lanes it queued, by the rule the queueing follows: none for a monitor with neither a certificate
 * nor a registrable domain.
 */
export async function checkExpiryNow(ctx: DomainContext, monitorId: string): Promise<ExpiryCheckQueued> {
  const monitor = await findMonitor(ctx.db, monitorId);
  if (!monitor || monitor.paused) throw new NotFoundError(monitor ? 'active monitor' : 'monitor', monitorId);
  await queueCall(enqueueExpiryCheckNow(expiryQueuesOf(ctx.queues), monitor, true));
  return { queued: [...(wantsTls(monitor) ? ['tls' as const] : []), ...(wantsDomain(monitor) ? ['domain' as const] : [])] };
}
