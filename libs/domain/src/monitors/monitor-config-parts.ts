import {
  MONITOR_LIMITS,
  commonFieldNames,
  kindFieldNames,
  monitorSettingsProblems,
  type KindAndSettings,
  type MonitorConfig,
  type MonitorKind,
  type MonitorPatch,
} from '@mini-netumo/contracts';
import { columnsForKind, kindSettingsOf, type KindSettings } from '../checks/monitor-kinds';
import { newPingKey } from '../checks/heartbeat/ping-key';
import type { monitors, MonitorRow } from '../db/schema';
import { ValidationError } from '../core/errors';

/** Takes the kind's own fields out of a config or patch; the rest are the fields every kind shares. */
function takeKindFields<T extends object>(kind: MonitorKind, values: T): { own: Record<string, unknown>; shared: Partial<T> } {
  const names = new Set(kindFieldNames(kind));
  const own: Record<string, unknown> = {};
  const shared: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) (names.has(key) ? own : shared)[key] = value;
  return { own, shared: shared as Partial<T> };
}

/**
 * The columns a heartbeat's row needs that its config has no say in: DOWN at the first miss and UP at the first
 * success (the thresholds are for active probes), and the key it is pinged with.
 */
const heartbeatColumns = () => ({
  intervalSeconds: MONITOR_LIMITS.intervalSeconds.default,
  timeoutMs: MONITOR_LIMITS.timeoutMs.default,
  failureThreshold: 1,
  recoveryThreshold: 1,
  retries: 0,
  pingKey: newPingKey(),
});

/** A new monitor's row values: the shared fields as they are, the kind's settings where its kind keeps them. */
export function rowValuesOf(config: Omit<MonitorConfig, 'channelIds'>): typeof monitors.$inferInsert {
  const { kind, ...values } = config;
  const { shared } = takeKindFields(kind, values);
  return {
    ...(shared as Omit<typeof monitors.$inferInsert, 'kind'>),
    ...(kind === 'heartbeat' ? heartbeatColumns() : {}),
    kind,
    ...columnsForKind(kindSettingsOfConfig(config)),
  };
}

/** A new monitor's kind with its own settings, as its probe will read them. */
export function kindSettingsOfConfig(config: Omit<MonitorConfig, 'channelIds'>): KindSettings {
  const { kind, ...values } = config;
  return { kind, settings: takeKindFields(kind, values).own } as KindSettings;
}

/**
 * An edit's row values. Only the monitor's own kind's fields apply: another kind's field is refused, named,
 * so a typo never passes as saved. The kind's settings are merged over the stored ones, held to the kind's
 * rules between fields as a create is (the patch alone cannot be), and stored whole. Refusals name `patch.<field>`.
 * `target`: the kind's settings as edited, or null when the edit leaves them alone.
 */
export function rowChangesOf(
  current: MonitorRow,
  patch: Omit<MonitorPatch, 'channelIds'>,
): { values: Record<string, unknown>; target: KindSettings | null } {
  const { own, shared } = takeKindFields(current.kind, patch);
  const common = new Set(commonFieldNames(current.kind));
  const foreign = Object.keys(shared).filter((key) => !common.has(key));
  if (foreign.length > 0) {
    throw new ValidationError(
      `${foreign.join(', ')} ${foreign.length === 1 ? 'is not a field' : 'are not fields'} of ${current.kind} monitors`,
      foreign.map((field) => ({ path: ['patch', field], message: `${field} is not a field of ${current.kind} monitors` })),
    );
  }
  if (Object.keys(own).length === 0) return { values: shared, target: null };
  const stored = kindSettingsOf(current);
  const merged = { kind: stored.kind, settings: { ...stored.settings, ...own } } as KindSettings;
  // The spread of a per-kind union loses which settings go with which kind; `merged` keeps them together.
  const problems = monitorSettingsProblems({ kind: merged.kind, ...merged.settings } as KindAndSettings);
  if (problems.length > 0) {
    throw new ValidationError(
      problems.map((problem) => problem.message).join('; '),
      problems.map(({ field, message }) => ({ path: ['patch', field], message })),
    );
  }
  return { values: { ...shared, ...columnsForKind(merged) }, target: merged };
}
