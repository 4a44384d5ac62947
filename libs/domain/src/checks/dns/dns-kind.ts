import { MONITOR_KIND_CONTRACTS, parseResolverAddress, type DnsMonitorSettings } from '@mini-netumo/contracts';
import type { MonitorKindDef, StoredTarget } from '../monitor-kind-def';
import { runDnsCheck } from './dns-check';

/** The row's `settings`, which the table's check constraint guarantees for every kind but HTTP. */
function dnsSettingsOf(stored: StoredTarget): DnsMonitorSettings {
  if (stored.settings === null || !('recordType' in stored.settings)) throw new Error('a DNS monitor row without DNS settings');
  return stored.settings;
}

/** A DNS record through a resolver. There is no certificate; the hostname's registration is watched. */
export const dnsKind: MonitorKindDef<'dns'> = {
  settingsOf: dnsSettingsOf,
  columnsFor: (settings) => ({ url: null, settings }),
  probe: async (settings, { timeoutMs, targetGuard }) => {
    const { answers: _answers, ...outcome } = await runDnsCheck({ ...settings, timeoutMs }, { targetGuard });
    return outcome;
  },
  // The name asked about is never connected to; the resolver is (none: the system's, the operator's own).
  connectTargets: ({ resolver }) => {
    const parsed = resolver === null ? null : parseResolverAddress(resolver);
    return parsed?.ok ? [{ field: 'resolver', host: parsed.address.host }] : [];
  },
  targetOf: (stored) => MONITOR_KIND_CONTRACTS.dns.describeTarget(dnsSettingsOf(stored)),
  // The resolver is what many DNS monitors share; a slow one must not hold every worker slot.
  limitKey: (settings) => `dns:${settings.resolver ?? 'system'}`,
  expiryTargets: (stored) => ({ tls: null, domainHost: dnsSettingsOf(stored).hostname }),
};
