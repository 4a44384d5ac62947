import type { TlsStatus } from '@mini-netumo/contracts';
import type { NewTlsCertificateRow, TlsCertificateRow } from '../../db/schema';
import type { TlsCheckOutcome } from './tls-check';
import type { TlsAddressProbe } from './tls-probe';
import { assessTlsProbe, worstTlsState } from './tls-verdict';

/** The row that stands for the name itself when it did not resolve. */
export const NAME_ROW_ADDRESS = '';

/** One stored row per address: the facts of the probe, not its verdict (that is recomputed when read). */
export function toTlsRows(monitorId: string, outcome: TlsCheckOutcome): NewTlsCertificateRow[] {
  const base = { monitorId, host: outcome.host, port: outcome.port, checkedAt: outcome.checkedAt };
  if (outcome.errorKind) {
    return [{ ...base, address: NAME_ROW_ADDRESS, family: 4, chain: [], errorKind: outcome.errorKind, errorMessage: outcome.errorMessage }];
  }
  return outcome.addresses.map((report) => ({
    ...base,
    address: report.address,
    family: report.family,
    subject: report.certificate?.subject ?? null,
    subjectAltNames: report.certificate?.subjectAltNames ?? null,
    issuer: report.certificate?.issuer ?? null,
    serialNumber: report.certificate?.serialNumber ?? null,
    fingerprintSha256: report.certificate?.fingerprintSha256 ?? null,
    validFrom: report.certificate?.validFrom ?? null,
    validTo: report.certificate?.validTo ?? null,
    chain: report.chain.map((entry) => ({ ...entry, validTo: entry.validTo.toISOString() })),
    chainError: report.chainError,
    hostnameError: report.hostnameMatches === false ? `certificate does not cover ${outcome.host}` : null,
    protocol: report.protocol,
    errorKind: report.errorKind,
    errorMessage: report.errorMessage,
  }));
}

/**
 * A monitor's certificate lane as the API shows it, from its rows, judged at `now` against the threshold:
 * the days left count down between checks and a certificate that expired since is shown expired. `tls`: the
 * certificate's host and port, named before the first read.
 */
export function toTlsStatus(
  monitor: { id: string; tls: { host: string; port: number } },
  rows: TlsCertificateRow[],
  now: Date,
  thresholdDays: number,
): TlsStatus {
  const nameRow = rows.find((row) => row.address === NAME_ROW_ADDRESS);
  const addresses = rows
    .filter((row) => row.address !== NAME_ROW_ADDRESS)
    .map((row) => ({ ...assessTlsProbe(toProbe(row), now, thresholdDays), checkedAt: row.checkedAt }));
  const days = addresses.flatMap((report) => (report.daysRemaining === null ? [] : [report.daysRemaining]));
  const checkedAt = rows.reduce<Date | null>((latest, row) => (!latest || row.checkedAt > latest ? row.checkedAt : latest), null);
  return {
    monitorId: monitor.id,
    host: rows[0]?.host ?? monitor.tls.host,
    port: rows[0]?.port ?? monitor.tls.port,
    state: nameRow ? 'error' : worstTlsState(addresses.map((report) => report.state)),
    daysRemaining: days.length ? Math.min(...days) : null,
    thresholdDays,
    checkedAt,
    addresses,
    errorKind: nameRow?.errorKind ?? null,
    errorMessage: nameRow?.errorMessage ?? null,
  };
}

function toProbe(row: TlsCertificateRow): TlsAddressProbe {
  const hasCertificate = row.fingerprintSha256 !== null && row.validFrom !== null && row.validTo !== null;
  return {
    address: row.address,
    family: row.family === 6 ? 6 : 4,
    errorKind: row.errorKind,
    errorMessage: row.errorMessage,
    handshake: hasCertificate
      ? {
          protocol: row.protocol,
          certificate: {
            subject: row.subject ?? '',
            subjectAltNames: row.subjectAltNames ?? [],
            issuer: row.issuer ?? '',
            serialNumber: row.serialNumber ?? '',
            fingerprintSha256: row.fingerprintSha256 ?? '',
            validFrom: row.validFrom as Date,
            validTo: row.validTo as Date,
          },
          chain: row.chain.map((entry) => ({ ...entry, validTo: new Date(entry.validTo) })),
          chainError: row.chainError,
          hostnameError: row.hostnameError,
        }
      : null,
  };
}
