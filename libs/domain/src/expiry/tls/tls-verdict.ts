import { TLS_STATES, daysUntil, type TlsAddressReport, type TlsState } from '@mini-netumo/contracts';
import type { TlsAddressProbe } from './tls-probe';

/**
 * The state of one address. Dates come first because they explain a failed chain best (an expired leaf
 * also fails verification, with CERT_HAS_EXPIRED); then trust, then the name, then the countdown against
 * the monitor's `tlsAlertDays`.
 */
export function assessTlsProbe(probe: TlsAddressProbe, now: Date, thresholdDays: number): TlsAddressReport {
  const base = {
    address: probe.address,
    family: probe.family,
    checkedAt: now,
    errorKind: probe.errorKind,
    errorMessage: probe.errorMessage,
  };
  const handshake = probe.handshake;
  if (!handshake) {
    return {
      ...base,
      state: 'error',
      daysRemaining: null,
      certificate: null,
      chain: [],
      chainValid: null,
      chainError: null,
      hostnameMatches: null,
      protocol: null,
    };
  }
  const { certificate } = handshake;
  const daysRemaining = daysUntil(certificate.validTo, now);
  const state: TlsState =
    now.getTime() > certificate.validTo.getTime()
      ? 'expired'
      : now.getTime() < certificate.validFrom.getTime()
        ? 'not_yet_valid'
        : handshake.chainError
          ? 'chain_invalid'
          : handshake.hostnameError
            ? 'hostname_mismatch'
            : daysRemaining <= thresholdDays
              ? 'expiring'
              : 'ok';
  return {
    ...base,
    state,
    daysRemaining,
    certificate,
    chain: handshake.chain,
    chainValid: handshake.chainError === null,
    chainError: handshake.chainError,
    hostnameMatches: handshake.hostnameError === null,
    protocol: handshake.protocol,
  };
}

/** The worst of several states, in the order TLS_STATES lists them. */
export function worstTlsState(states: TlsState[]): TlsState | null {
  if (states.length === 0) return null;
  return states.reduce((worst, state) => (TLS_STATES.indexOf(state) < TLS_STATES.indexOf(worst) ? state : worst));
}

/** States that open a `tls` incident: expiry within the threshold, and every kind of broken certificate. */
export const TLS_ALERT_STATES: ReadonlySet<TlsState> = new Set([
  'expired',
  'chain_invalid',
  'hostname_mismatch',
  'not_yet_valid',
  'expiring',
]);
