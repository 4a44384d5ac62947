import {
  MONITOR_LIMITS,
  isActiveKind,
  type MonitorConfig,
  type MonitorConfigOf,
  type MonitorKind,
  type MonitorPatch,
} from '@mini-netumo/contracts';
import { isActiveMonitor } from '../active-monitor';
import type { KindFormValues } from './kinds/kind-form';
import { KIND_FORMS } from './kinds/kind-forms';

/**
 * What the inputs hold: numbers are null while their input is empty, text is never null. From `intervalSeconds`
 * to `expiryReminderDays`: the active kinds' fields (ACTIVE_MONITOR_FIELDS), hidden and never sent for a heartbeat.
 */
export interface MonitorFormValue {
  kind: MonitorKind;
  name: string;
  intervalSeconds: number | null;
  timeoutMs: number | null;
  failureThreshold: number | null;
  retries: number | null;
  retryDelayMs: number | null;
  recoveryThreshold: number | null;
  tlsAlertDays: number | null;
  domainAlertDays: number | null;
  /** The reminder days as typed, such as "7, 3, 1"; the contract reads the numbers. */
  expiryReminderDays: string;
  /** Every kind's inputs, all kept, so switching kinds while adding loses nothing typed. */
  byKind: KindFormValues;
}

export function emptyFormValue(): MonitorFormValue {
  return {
    kind: 'http',
    name: '',
    intervalSeconds: MONITOR_LIMITS.intervalSeconds.default,
    timeoutMs: MONITOR_LIMITS.timeoutMs.default,
    failureThreshold: MONITOR_LIMITS.failureThreshold.default,
    retries: MONITOR_LIMITS.retries.default,
    retryDelayMs: MONITOR_LIMITS.retryDelayMs.default,
    recoveryThreshold: MONITOR_LIMITS.recoveryThreshold.default,
    tlsAlertDays: MONITOR_LIMITS.tlsAlertDays.default,
    domainAlertDays: MONITOR_LIMITS.domainAlertDays.default,
    expiryReminderDays: reminderDaysText(MONITOR_LIMITS.expiryReminderDays.default),
    byKind: {
      http: KIND_FORMS.http.empty(),
      tcp: KIND_FORMS.tcp.empty(),
      dns: KIND_FORMS.dns.empty(),
      heartbeat: KIND_FORMS.heartbeat.empty(),
    },
  };
}

/** A saved monitor as the form shows it; the other kinds' inputs stay empty, as do a heartbeat's active fields. */
export function toFormValue(monitor: MonitorConfig): MonitorFormValue {
  const empty = emptyFormValue();
  const active = isActiveMonitor(monitor)
    ? {
        intervalSeconds: monitor.intervalSeconds,
        timeoutMs: monitor.timeoutMs,
        failureThreshold: monitor.failureThreshold,
        retries: monitor.retries,
        retryDelayMs: monitor.retryDelayMs,
        recoveryThreshold: monitor.recoveryThreshold,
        tlsAlertDays: monitor.tlsAlertDays,
        domainAlertDays: monitor.domainAlertDays,
        expiryReminderDays: reminderDaysText(monitor.expiryReminderDays),
      }
    : {};
  return { ...empty, ...active, kind: monitor.kind, name: monitor.name, byKind: withKindValue(empty.byKind, monitor.kind, monitor) };
}

function withKindValue<K extends MonitorKind>(values: KindFormValues, kind: K, config: MonitorConfigOf<K>): KindFormValues {
  const next = { ...values };
  next[kind] = KIND_FORMS[kind].fromConfig(config);
  return next;
}

/**
 * The form value in the contract's input shape, unparsed: the contract schema decides what is valid. The active
 * fields go only with an active kind; a heartbeat has none, and its hidden inputs' defaults are not its settings.
 */
export function toMonitorInput(value: MonitorFormValue): Record<string, unknown> {
  const { kind, name, byKind, expiryReminderDays, ...active } = value;
  const activeInput = isActiveKind(kind) ? { ...active, expiryReminderDays: reminderDaysOf(expiryReminderDays) } : {};
  return { kind, name, ...activeInput, ...kindInput(kind, byKind) };
}

const kindInput = <K extends MonitorKind>(kind: K, values: KindFormValues) => KIND_FORMS[kind].toInput(values[kind]);

/** What the form catches that the contract cannot see, as [field, message]. */
export function formProblems(value: MonitorFormValue): [string, string][] {
  // The contract only sees NaN; quoting what was typed says more (first message per field wins).
  const reminderDays = isActiveKind(value.kind) ? value.expiryReminderDays : '';
  const typos = nonNumericReminderDays(reminderDays).map((part): [string, string] => [
    'expiryReminderDays',
    `expiryReminderDays: "${part}" is not a number of days`,
  ]);
  return [...typos, ...kindProblems(value.kind, value.byKind)];
}

const kindProblems = <K extends MonitorKind>(kind: K, values: KindFormValues): [string, string][] =>
  KIND_FORMS[kind].problems(values[kind]);

/**
 * An edit: the parsed config without `paused` (the Pause button's job) and `kind` (fixed once saved). The
 * kind's schema dropped every other kind's fields, so only the monitor's own are sent.
 */
export function toPatch({ kind: _kind, paused: _paused, ...fields }: MonitorConfig): MonitorPatch {
  return fields;
}

const reminderDaysText = (days: readonly number[]) => days.join(', ');

const reminderDayParts = (text: string) => text.split(/[\s,]+/).filter((part) => part !== '');

/** "7, 3 1" → [7, 3, 1]; what is not a number stays NaN, so the contract refuses it. Blank means none. */
function reminderDaysOf(text: string): number[] {
  return reminderDayParts(text).map(Number);
}

/** The typed parts that are not numbers at all, so the message can quote them. */
export const nonNumericReminderDays = (text: string) => reminderDayParts(text).filter((part) => !Number.isFinite(Number(part)));
