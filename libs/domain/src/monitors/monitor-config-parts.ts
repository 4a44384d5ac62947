import {
  COMMON_MONITOR_FIELDS,
  kindFieldNames,
  monitorSettingsProblems,
  type KindAndSettings,
  type MonitorConfig,
  type MonitorKind,
  type MonitorPatch,
} from '@mini-netumo/contracts';
import { columnsForKind, kindSettingsOf, type KindSettings } from '../checks/monitor-kinds';
import type { KindColumns } from '../checks/monitor-kind-def';
import type { MonitorRow } from '../db/schema';
import { ValidationError } from '../runtime/errors';

const COMMON_KEYS = new Set<string>(COMMON_MONITOR_FIELDS);

/** Takes the kind's own fields out of a config or patch; the rest are the fields every kind shares. */
function takeKindFields<T extends object>(kind: MonitorKind, values: T): { own: Record<string, unknown>; shared: Partial<T> } {
  const names = new Set(kindFieldNames(kind));
  const own: Record<string, unknown> = {};
  const shared: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) (names.has(key) ? own : shared)[key] = value;
  return { own, shared: shared as Partial<T> };
}

/** A new monitor's row values: the shared fields as they are, the kind's settings where its kind keeps them. */
export function rowValuesOf(
  config: Omit<MonitorConfig, 'channelIds'>,
): Omit<MonitorConfig, 'channelIds' | 'kind'> & KindColumns & { kind: MonitorKind } {
  const { kind, ...values } = config;
  const { own, shared } = takeKindFields(kind, values);
  return { ...(shared as Omit<MonitorConfig, 'channelIds' | 'kind'>), kind, ...columnsForKind({ kind, settings: own } as KindSettings) };
}

/**
 * An edit's row values. Only the monitor's own kind's fields apply: another kind's field is refused, named,
 * so a typo never passes as saved. The kind's settings are merged over the stored ones, held to the kind's
 * rules between fields as a create is (the patch alone cannot be), and stored whole. Refusals name `patch.<field>`.
 */
export function rowChangesOf(
  current: MonitorRow,
  patch: Omit<MonitorPatch, 'channelIds'>,
): { values: Record<string, unknown>; targetChanged: boolean } {
  const { own, shared } = takeKindFields(current.kind, patch);
  const foreign = Object.keys(shared).filter((key) => !COMMON_KEYS.has(key));
  if (foreign.length > 0) {
    throw new ValidationError(
      `${foreign.join(', ')} ${foreign.length === 1 ? 'is not a field' : 'are not fields'} of ${current.kind} monitors`,
      foreign.map((field) => ({ path: ['patch', field], message: `${field} is not a field of ${current.kind} monitors` })),
    );
  }
  if (Object.keys(own).length === 0) return { values: shared, targetChanged: false };
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
  return { values: { ...shared, ...columnsForKind(merged) }, targetChanged: true };
}
