import { isIP } from 'node:net';
import { MONITOR_KIND_CONTRACTS, type TcpMonitorSettings } from '@mini-netumo/contracts';
import type { MonitorKindDef, StoredTarget } from '../monitor-kind-def';
import { runTcpCheck } from './tcp-check';

/** The row's `settings`, which the table's check constraint guarantees for every kind but HTTP. */
function tcpSettingsOf(stored: StoredTarget): TcpMonitorSettings {
  if (stored.settings === null || !('port' in stored.settings)) throw new Error('a TCP monitor row without TCP settings');
  return stored.settings;
}

/** Any TCP port, optionally through TLS: its certificate then goes through the same expiry lane as HTTPS. */
export const tcpKind: MonitorKindDef<'tcp'> = {
  settingsOf: tcpSettingsOf,
  columnsFor: (settings) => ({ url: null, settings }),
  probe: async (settings, { timeoutMs, targetGuard }) => {
    const { certificate: _certificate, ...outcome } = await runTcpCheck({ ...settings, timeoutMs }, { targetGuard });
    return outcome;
  },
  connectTargets: (settings) => [{ field: 'host', host: settings.host }],
  targetOf: (stored) => MONITOR_KIND_CONTRACTS.tcp.describeTarget(tcpSettingsOf(stored)),
  limitKey: (settings) => `${settings.host}:${settings.port}`,
  expiryTargets: (stored) => {
    const { host, port, tls, tlsServerName } = tcpSettingsOf(stored);
    return { tls: tls ? { host, port, serverName: tlsServerName ?? host } : null, domainHost: isIP(host) ? null : host };
  },
};
