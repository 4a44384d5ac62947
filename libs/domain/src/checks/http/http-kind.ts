import type { HttpMonitorSettings } from '@mini-netumo/contracts';
import type { MonitorKindDef } from '../monitor-kind-def';
import { runHttpCheck } from './http-check';

const DEFAULT_PORTS: Record<string, number> = { 'https:': 443, 'http:': 80 };

/** The URL's host as an address lookup takes it: an IPv6 literal without its brackets. */
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/** HTTP(S): the settings live in the monitor row's own columns (they predate kinds). */
export const httpKind: MonitorKindDef<'http'> = {
  settingsOf: (row) => ({
    url: row.url ?? '',
    method: row.method as HttpMonitorSettings['method'],
    headers: row.headers ?? {},
    body: row.body,
    expectedStatusCodes: row.expectedStatusCodes,
    bodyAssertion: row.bodyAssertion,
    maxBodyBytes: row.maxBodyBytes,
    followRedirects: row.followRedirects,
    maxRedirects: row.maxRedirects,
    ignoreTlsErrors: row.ignoreTlsErrors,
  }),
  columnsFor: (settings) => ({ ...settings, settings: null }),
  probe: (settings, { timeoutMs, targetGuard }) => runHttpCheck({ ...settings, timeoutMs }, { targetGuard }),
  connectTargets: (settings) => [{ field: 'url', host: hostOf(new URL(settings.url)) }],
  targetOf: (stored) => stored.url ?? '',
  limitKey: (settings) => new URL(settings.url).host,
  expiryTargets: (stored) => {
    const url = new URL(stored.url ?? '');
    const https = url.protocol === 'https:';
    const port = url.port ? Number(url.port) : (DEFAULT_PORTS[url.protocol] ?? 443);
    const host = hostOf(url);
    return { tls: https ? { host, port, serverName: host } : null, domainHost: host };
  },
};
