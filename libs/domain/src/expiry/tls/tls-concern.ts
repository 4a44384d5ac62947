import { TLS_STATES, type TlsAddressReport, type TlsStatus } from '@mini-netumo/contracts';
import type { ExpiryConcern } from '../../alerting/incidents/expiry-incidents';
import { TLS_ALERT_STATES } from './tls-verdict';

/**
 * The certificate worth an incident, if any: the worst alerting address (then the fewest days left). The
 * subject is its fingerprint, so a renewed certificate, a different one, or none all end the incident.
 * Unreachable addresses are not a certificate problem: the HTTP lane reports those.
 */
export function tlsConcern(status: TlsStatus): ExpiryConcern {
  const alerting = status.addresses
    .filter((report) => TLS_ALERT_STATES.has(report.state) && report.certificate)
    .sort((a, b) => TLS_STATES.indexOf(a.state) - TLS_STATES.indexOf(b.state) || (a.daysRemaining ?? 0) - (b.daysRemaining ?? 0));
  const worst = alerting[0];
  if (!worst?.certificate) return null;
  const others = alerting.filter((report) => report.certificate?.fingerprintSha256 === worst.certificate?.fingerprintSha256).length - 1;
  const where = `at ${worst.address}${others > 0 ? ` and ${others} more address${others > 1 ? 'es' : ''}` : ''}`;
  // Only a certificate that is merely running out counts down; expired, untrusted or misnamed is no countdown.
  const countdown =
    worst.state === 'expiring' && worst.daysRemaining !== null
      ? { name: status.host, expiresAt: worst.certificate.validTo, daysLeft: worst.daysRemaining }
      : undefined;
  return {
    subject: worst.certificate.fingerprintSha256,
    cause: `${describe(worst, status.host)} ${where} (SHA-256 ${worst.certificate.fingerprintSha256})`,
    countdown,
  };
}

function describe(report: TlsAddressReport, host: string): string {
  const certificate = report.certificate;
  const day = certificate?.validTo.toISOString().slice(0, 10);
  const days = report.daysRemaining ?? 0;
  switch (report.state) {
    case 'expired':
      return `The certificate for ${host} expired on ${day}`;
    case 'not_yet_valid':
      return `The certificate for ${host} is not valid before ${certificate?.validFrom.toISOString().slice(0, 10)}`;
    case 'chain_invalid':
      return `The certificate chain for ${host} does not verify (${report.chainError})`;
    case 'hostname_mismatch':
      return `The certificate does not cover ${host} (it is for ${certificate?.subjectAltNames.join(', ') || certificate?.subject})`;
    default:
      return `The certificate for ${host} expires in ${days} day${days === 1 ? '' : 's'}, on ${day}`;
  }
}
