import type { ActiveMonitorKind, MonitorKind, MonitorKindSettings } from '@mini-netumo/contracts';
import type { ProbeOutcome } from '../db/queries/check-batch-writes';
import type { MonitorRow } from '../db/schema';
import type { TargetGuard } from './net/target-guard';

/** The row columns a kind's settings are stored in (see db/schema/monitors.ts: HTTP's columns, or `settings`). */
export type KindColumns = Partial<Pick<MonitorRow, HttpColumn | 'settings'>> & Pick<MonitorRow, 'url' | 'settings'>;
type HttpColumn =
  | 'method'
  | 'headers'
  | 'body'
  | 'bodyAssertion'
  | 'expectedStatusCodes'
  | 'maxBodyBytes'
  | 'followRedirects'
  | 'maxRedirects'
  | 'ignoreTlsErrors';

/** The columns a target is described from. */
export type StoredTarget = Pick<MonitorRow, 'url' | 'settings'>;

/** What the expiry lanes watch for a monitor: a certificate at host:port, and a registered domain. */
export interface ExpiryTargets {
  tls: { host: string; port: number; serverName: string } | null;
  /** The host whose registrable domain's registration is watched; null when there is none (an IP address). */
  domainHost: string | null;
}

/** How a kind's settings are stored and described: every kind has this. */
export interface KindStorage<K extends MonitorKind> {
  /** The kind's settings as stored in its row. */
  settingsOf(row: MonitorRow): MonitorKindSettings[K];
  /** Where the settings go in the row (the other kinds' columns keep their defaults). */
  columnsFor(settings: MonitorKindSettings[K]): KindColumns;
  /**
   * What the monitor watches, in one line (the contract's describeTarget), from the two columns that hold
   * settings: lists of thousands of monitors read only these.
   */
  targetOf(stored: StoredTarget): string;
  /** From the two settings columns, so the expiry lanes and their schedules read no more than these. */
  expiryTargets(stored: StoredTarget): ExpiryTargets;
}

/** What a probe gets beside the monitor's settings. */
export interface ProbeOptions {
  timeoutMs: number;
  /** The guard of BLOCK_PRIVATE_TARGETS, judging each address the probe would connect to; null when it is off. */
  targetGuard: TargetGuard | null;
}

/** A host the probe connects to, with the settings field it comes from: a refusal on save names that field. */
export interface ConnectTarget<K extends ActiveMonitorKind> {
  field: keyof MonitorKindSettings[K] & string;
  host: string;
}

/**
 * Everything the domain knows about one kind of active monitor: its storage and its probe. The registry
 * (monitor-kinds.ts) holds one per kind; a kind that lacks one fails `tsc`. Verdicts, thresholds, re-checks,
 * the canary, rollups, incidents and alerts never branch on the kind: they see only a ProbeOutcome.
 */
export interface ActiveKindDef<K extends ActiveMonitorKind> extends KindStorage<K> {
  /** One probe; a failure is data, never an exception. Bounded by `options.timeoutMs`. */
  probe(settings: MonitorKindSettings[K], options: ProbeOptions): Promise<ProbeOutcome>;
  /** The hosts the probe connects to (a DNS check's resolver, not the name it asks about). */
  connectTargets(settings: MonitorKindSettings[K]): ConnectTarget<K>[];
  /** Checks with the same key share the per-host concurrency limit. */
  limitKey(settings: MonitorKindSettings[K]): string;
}

/** A passive kind (heartbeat) has no probe: its checks come from its intake (checks/heartbeat/). */
export type PassiveKindDef<K extends MonitorKind> = KindStorage<K>;

/** The definition a kind must have: a probe when it is active. */
export type MonitorKindDef<K extends MonitorKind> = K extends ActiveMonitorKind ? ActiveKindDef<K> : PassiveKindDef<K>;
