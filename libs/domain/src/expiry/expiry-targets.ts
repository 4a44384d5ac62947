import { expiryTargetsOf } from '../checks/monitor-kinds';
import type { MonitorRow } from '../db/schema';
import { registrableDomain } from './domain/registrable-domain';

/** The columns a monitor's expiry targets are read from (see MonitorKindDef.expiryTargets). */
export type ExpiryStored = Pick<MonitorRow, 'kind' | 'url' | 'settings'>;

/** The certificate the tls lane reads for a monitor, if its kind has one (https, TCP with TLS). */
export const tlsTargetOf = (monitor: ExpiryStored) => expiryTargetsOf(monitor).tls;

/** The registration the domain lane watches for a monitor; null for an IP address, localhost or no host. */
export function registeredDomainOf(monitor: ExpiryStored): string | null {
  const host = expiryTargetsOf(monitor).domainHost;
  return host === null ? null : registrableDomain(host);
}
