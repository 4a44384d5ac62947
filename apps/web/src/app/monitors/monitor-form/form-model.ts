import { MONITOR_LIMITS, type MonitorConfig, type MonitorConfigOf, type MonitorKind, type MonitorPatch } from '@mini-netumo/contracts';
import type { KindFormValues } from './kinds/kind-form';
import { KIND_FORMS } from './kinds/kind-forms';

/** What the inputs hold: numbers are null while their input is empty, text is never null. */
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
    byKind: { http: KIND_FORMS.http.empty(), tcp: KIND_FORMS.tcp.empty(), dns: KIND_FORMS.dns.empty() },
  };
}

/** A saved monitor as the form shows it; the other kinds' inputs stay empty. */
export function toFormValue(monitor: MonitorConfig): MonitorFormValue {
  const empty = emptyFormValue();
  return {
    kind: monitor.kind,
    name: monitor.name,
    intervalSeconds: monitor.intervalSeconds,
    timeoutMs: monitor.timeoutMs,
    failureThreshold: monitor.failureThreshold,
    retries: monitor.retries,
    retryDelayMs: monitor.retryDelayMs,
    recoveryThreshold: monitor.recoveryThreshold,
    tlsAlertDays: monitor.tlsAlertDays,
    domainAlertDays: monitor.domainAlertDays,
    expiryReminderDays: reminderDaysText(monitor.expiryReminderDays),
    byKind: withKindValue(empty.byKind, monitor.kind, monitor),
  };
}

function withKindValue<K extends MonitorKind>(values: KindFormValues, kind: K, config: MonitorConfigOf<K>): KindFormValues {
  const next = { ...values };
  next[kind] = KIND_FORMS[kind].fromConfig(config);
  return next;
}

/** The form value in the contract's input shape, unparsed: the contract schema decides what is valid. */
export function toMonitorInput(value: MonitorFormValue): Record<string, unknown> {
  const { byKind, expiryReminderDays, ...common } = value;
  return { ...common, expiryReminderDays: reminderDaysOf(expiryReminderDays), ...kindInput(value.kind, byKind) };
}

const kindInput = <K extends MonitorKind>(kind: K, values: KindFormValues) => KIND_FORMS[kind].toInput(values[kind]);

/** What the form catches that the contract cannot see, as [field, message]. */
export function formProblems(value: MonitorFormValue): [string, string][] {
  // The contract only sees NaN; quoting what was typed says more (first message per field wins).
  const typos = nonNumericReminderDays(value.expiryReminderDays).map((part): [string, string] => [
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
