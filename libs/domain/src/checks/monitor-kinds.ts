import { isActiveKind, type ActiveMonitorKind, type MonitorKind, type MonitorKindSettings } from '@mini-netumo/contracts';
import type { ProbeOutcome } from '../db/queries/check-batch-writes';
import type { MonitorRow } from '../db/schema';
import { dnsKind } from './dns/dns-kind';
import { httpKind } from './http/http-kind';
import { heartbeatKind } from './heartbeat/heartbeat-kind';
import type { ActiveKindDef, ExpiryTargets, KindColumns, KindStorage, MonitorKindDef } from './monitor-kind-def';
import type { TargetGuard } from './net/target-guard';
import { tcpKind } from './tcp/tcp-kind';

/** One line per kind: a kind without its definition fails `tsc`. */
export const MONITOR_KIND_DEFS: { [K in MonitorKind]: MonitorKindDef<K> } = {
  http: httpKind,
  tcp: tcpKind,
  dns: dnsKind,
  heartbeat: heartbeatKind,
};

/** A row's kind with its settings, typed together. */
export type KindSettings = { [K in MonitorKind]: { kind: K; settings: MonitorKindSettings[K] } }[MonitorKind];

/** The definition of a kind, seen through settings of any kind (the registry guarantees they match). */
function defOf(kind: MonitorKind): KindStorage<MonitorKind> {
  return MONITOR_KIND_DEFS[kind] as unknown as KindStorage<MonitorKind>;
}

function activeDefOf(kind: ActiveMonitorKind): ActiveKindDef<ActiveMonitorKind> {
  return MONITOR_KIND_DEFS[kind] as unknown as ActiveKindDef<ActiveMonitorKind>;
}

export function kindSettingsOf(row: MonitorRow): KindSettings {
  return { kind: row.kind, settings: defOf(row.kind).settingsOf(row) } as KindSettings;
}

export const columnsForKind = ({ kind, settings }: KindSettings): KindColumns => defOf(kind).columnsFor(settings);

/**
 * One probe of the monitor in `row`, by its kind; null for a passive kind, which is never probed. `targetGuard`:
 * BLOCK_PRIVATE_TARGETS's guard (see targetGuardOf), or null when it is off.
 */
export function probeRow(
  row: MonitorRow,
  targetGuard: TargetGuard | null,
): { limitKey: string; probe: () => Promise<ProbeOutcome> } | null {
  if (!isActiveKind(row.kind)) return null;
  const def = activeDefOf(row.kind);
  const settings = def.settingsOf(row);
  return { limitKey: def.limitKey(settings), probe: () => def.probe(settings, { timeoutMs: row.timeoutMs, targetGuard }) };
}

/** The hosts a monitor's probe connects to, each with its settings field; none for a passive kind. */
export function connectTargetsOf({ kind, settings }: KindSettings): { field: string; host: string }[] {
  return isActiveKind(kind) ? activeDefOf(kind).connectTargets(settings as MonitorKindSettings[ActiveMonitorKind]) : [];
}

/** What the monitor watches, in one line: its URL, `host:port`, `MX example.com`. */
export function targetOf(stored: Pick<MonitorRow, 'kind' | 'url' | 'settings'>): string {
  return defOf(stored.kind).targetOf(stored);
}

export function expiryTargetsOf(stored: Pick<MonitorRow, 'kind' | 'url' | 'settings'>): ExpiryTargets {
  return defOf(stored.kind).expiryTargets(stored);
}
