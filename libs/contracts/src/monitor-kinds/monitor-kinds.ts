import { z } from 'zod';
import { dnsMonitorFields, dnsMonitorSettings, type DnsMonitorSettings } from './dns-monitor';
import {
  describeHeartbeatSchedule,
  heartbeatMonitorFields,
  heartbeatMonitorSettings,
  heartbeatSettingsProblems,
  type HeartbeatMonitorSettings,
} from './heartbeat-monitor';
import { httpMonitorFields, httpMonitorSettings, type HttpMonitorSettings } from './http-monitor';
import type { SettingsProblem } from './kind-fields';
import { tcpMonitorFields, tcpMonitorSettings, tcpSettingsProblems, type TcpMonitorSettings } from './tcp-monitor';

/** Every kind of monitor. A kind added here without its entry in each registry below (and the domain's and the dashboard's) fails `tsc`. */
export const MONITOR_KINDS = ['http', 'tcp', 'dns', 'heartbeat'] as const;
export const monitorKindSchema = z.enum(MONITOR_KINDS, { error: `kind must be one of ${MONITOR_KINDS.join(', ')}` });
export type MonitorKind = z.infer<typeof monitorKindSchema>;

/** Kinds we probe on a schedule; the others (heartbeats) are passive: their checks come to us. */
export const ACTIVE_MONITOR_KINDS = ['http', 'tcp', 'dns'] as const satisfies readonly MonitorKind[];
export type ActiveMonitorKind = (typeof ACTIVE_MONITOR_KINDS)[number];
export const isActiveKind = (kind: MonitorKind): kind is ActiveMonitorKind => (ACTIVE_MONITOR_KINDS as readonly string[]).includes(kind);

/** What the contracts know of a kind: its settings (with and without defaults) and how to name its target. */
export interface MonitorKindContract<Settings = unknown> {
  /** Shown in the kind picker and beside the target. */
  label: string;
  /** The kind's own fields, no defaults: the shape of a partial edit. */
  fields: z.ZodRawShape;
  /** The same fields with defaults: the shape of a create. */
  settings: z.ZodRawShape;
  /** One line naming what is watched, for lists, alerts and search: a URL, `host:port`, `MX example.com`. */
  describeTarget(settings: Settings): string;
  /** The rules between the kind's fields (each valid on its own) that these settings break; none for most kinds. */
  settingsProblems(settings: Settings): SettingsProblem[];
}

/** The settings of each kind, by kind: what the domain's probes and the dashboard's forms are typed by. */
export interface MonitorKindSettings {
  http: HttpMonitorSettings;
  tcp: TcpMonitorSettings;
  dns: DnsMonitorSettings;
  heartbeat: HeartbeatMonitorSettings;
}

/** For a kind whose fields are each enough on their own. */
const noSettingsProblems = (_settings: unknown): SettingsProblem[] => [];

export const MONITOR_KIND_CONTRACTS = {
  http: {
    label: 'HTTP(S)',
    fields: httpMonitorFields,
    settings: httpMonitorSettings,
    describeTarget: (settings) => settings.url,
    settingsProblems: noSettingsProblems,
  },
  tcp: {
    label: 'TCP port',
    fields: tcpMonitorFields,
    settings: tcpMonitorSettings,
    describeTarget: ({ host, port, tls }) => `${host.includes(':') ? `[${host}]` : host}:${port}${tls ? ' (TLS)' : ''}`,
    settingsProblems: tcpSettingsProblems,
  },
  dns: {
    label: 'DNS record',
    fields: dnsMonitorFields,
    settings: dnsMonitorSettings,
    describeTarget: ({ recordType, hostname, resolver }) => `${recordType} ${hostname}${resolver ? ` @${resolver}` : ''}`,
    settingsProblems: noSettingsProblems,
  },
  heartbeat: {
    label: 'Heartbeat (job pings us)',
    fields: heartbeatMonitorFields,
    settings: heartbeatMonitorSettings,
    describeTarget: describeHeartbeatSchedule,
    settingsProblems: heartbeatSettingsProblems,
  },
  // `satisfies`, not a type annotation: each entry keeps its exact zod shapes, which the monitor schemas spread.
} satisfies { [K in MonitorKind]: MonitorKindContract<MonitorKindSettings[K]> };

/** Which kind owns each kind-specific field name (a field two kinds share, like ignoreTlsErrors, lists both). */
export function kindsWithField(field: string): MonitorKind[] {
  return MONITOR_KINDS.filter((kind) => kindFieldNames(kind).includes(field));
}

/** The names of a kind's own fields (those beside the ones every kind shares). */
export const kindFieldNames = (kind: MonitorKind): string[] => Object.keys(MONITOR_KIND_CONTRACTS[kind].fields);

/** A kind beside its own settings, for any kind: a monitor's config without the fields every kind shares. */
export type KindAndSettings = { [K in MonitorKind]: { kind: K } & MonitorKindSettings[K] }[MonitorKind];

/** What a monitor of any kind watches, in one line: each kind's describeTarget, picked by its kind. */
export function describeMonitorTarget(monitor: KindAndSettings): string {
  switch (monitor.kind) {
    case 'http':
      return MONITOR_KIND_CONTRACTS.http.describeTarget(monitor);
    case 'tcp':
      return MONITOR_KIND_CONTRACTS.tcp.describeTarget(monitor);
    case 'dns':
      return MONITOR_KIND_CONTRACTS.dns.describeTarget(monitor);
    case 'heartbeat':
      return MONITOR_KIND_CONTRACTS.heartbeat.describeTarget(monitor);
  }
}

/** What a monitor of any kind breaks of its kind's rules between fields: each kind's settingsProblems, picked by its kind. */
export function monitorSettingsProblems(monitor: KindAndSettings): SettingsProblem[] {
  switch (monitor.kind) {
    case 'http':
      return MONITOR_KIND_CONTRACTS.http.settingsProblems(monitor);
    case 'tcp':
      return MONITOR_KIND_CONTRACTS.tcp.settingsProblems(monitor);
    case 'dns':
      return MONITOR_KIND_CONTRACTS.dns.settingsProblems(monitor);
    case 'heartbeat':
      return MONITOR_KIND_CONTRACTS.heartbeat.settingsProblems(monitor);
  }
}
