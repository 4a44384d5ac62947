import type { DomainStatus, TlsAddressReport, TlsStatus } from '@mini-netumo/contracts';

/** Test data only. */
export const MONITOR_ID = '00000000-0000-4000-8000-0000000000e1';
export const CHECKED_AT = new Date(Date.UTC(2025, 0, 1, 12, 0, 0));
const inDays = (days: number) => new Date(CHECKED_AT.getTime() + days * 86_400_000);

export function aTlsAddress(overrides: Partial<TlsAddressReport> = {}): TlsAddressReport {
  const days = overrides.daysRemaining ?? 60;
  return {
    address: '203.0.113.10',
    family: 4,
    state: 'ok',
    daysRemaining: days,
    certificate: {
      subject: 'CN=shop.example.com',
      subjectAltNames: ['DNS:shop.example.com'],
      issuer: 'CN=Example Issuing CA, O=Example Trust',
      serialNumber: '0A1B2C',
      fingerprintSha256: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
      validFrom: inDays(-30),
      validTo: inDays(days),
    },
    chain: [],
    chainValid: true,
    chainError: null,
    hostnameMatches: true,
    protocol: 'TLSv1.3',
    errorKind: null,
    errorMessage: null,
    checkedAt: CHECKED_AT,
    ...overrides,
  };
}

export function aTlsStatus(overrides: Partial<TlsStatus> = {}): TlsStatus {
  const addresses = overrides.addresses ?? [aTlsAddress()];
  return {
    monitorId: MONITOR_ID,
    host: 'shop.example.com',
    port: 443,
    state: 'ok',
    daysRemaining: 60,
    thresholdDays: 14,
    checkedAt: CHECKED_AT,
    errorKind: null,
    errorMessage: null,
    ...overrides,
    addresses,
  };
}

/** A monitor's TLS lane before its first check. */
export const NOT_CHECKED_TLS = aTlsStatus({ state: null, daysRemaining: null, checkedAt: null, addresses: [] });

export function aDomainStatus(overrides: Partial<DomainStatus> = {}): DomainStatus {
  return {
    monitorId: MONITOR_ID,
    registrableDomain: 'example.com',
    state: 'ok',
    expiresAt: inDays(200),
    daysRemaining: 200,
    source: 'rdap',
    registrar: 'Example Registrar, Inc.',
    checkedAt: CHECKED_AT,
    unknownSince: null,
    reason: null,
    thresholdDays: 14,
    ...overrides,
  };
}

/** What the registries left us with when neither gave a date. */
export const UNKNOWN_DOMAIN = aDomainStatus({
  state: 'unknown',
  expiresAt: null,
  daysRemaining: null,
  source: 'whois',
  registrar: null,
  unknownSince: CHECKED_AT,
  reason: 'RDAP disabled; WHOIS whois.example:43 gives no expiry date',
});
