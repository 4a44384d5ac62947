import type { MonitorKind, MonitorKindSettings } from '@mini-netumo/contracts';
import type { ProbeOutcome } from '../db/queries/check-batch-writes';
import type { MonitorRow } from '../db/schema';
import { dnsKind } from './dns/dns-kind';
import { httpKind } from './http/http-kind';
import type { ExpiryTargets, KindColumns, MonitorKindDef } from './monitor-kind-def';
import { tcpKind } from './tcp/tcp-kind';

/** One line per kind: a kind without its definition fails `tsc`. */
export const MONITOR_KIND_DEFS: { [K in MonitorKind]: MonitorKindDef<K> } = {
  http: httpKind,
  tcp: tcpKind,
  dns: dnsKind,
};

/** A row's kind with its settings, typed together. */
export type KindSettings = { [K in MonitorKind]: { kind: K; settings: MonitorKindSettings[K] } }[MonitorKind];

/** The definition of a kind, seen through settings of any kind (the registry guarantees they match). */
function defOf(kind: MonitorKind): MonitorKindDef<MonitorKind> {
  return MONITOR_KIND_DEFS[kind] as unknown as MonitorKindDef<MonitorKind>;
}

export function kindSettingsOf(row: MonitorRow): KindSettings {
  return { kind: row.kind, settings: defOf(row.kind).settingsOf(row) } as KindSettings;
}

export const columnsForKind = ({ kind, settings }: KindSettings): KindColumns => defOf(kind).columnsFor(settings);

/** One probe of the monitor in `row`, by its kind. */
export function probeRow(row: MonitorRow): { limitKey: string; probe: () => Promise<ProbeOutcome> } {
  const def = defOf(row.kind);
  const settings = def.settingsOf(row);
  return { limitKey: def.limitKey(settings), probe: () => def.probe(settings, row.timeoutMs) };
}

/** What the monitor watches, in one line: its URL, `host:port`, `MX example.com`. */
export function targetOf(stored: Pick<MonitorRow, 'kind' | 'url' | 'settings'>): string {
  return defOf(stored.kind).targetOf(stored);
}

export function expiryTargetsOf(stored: Pick<MonitorRow, 'kind' | 'url' | 'settings'>): ExpiryTargets {
  return defOf(stored.kind).expiryTargets(stored);
}
