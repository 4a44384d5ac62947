import { MONITOR_LIMITS, type BodyAssertion, type HTTP_METHODS, type MonitorConfig } from '@mini-netumo/contracts';

export type HttpMethod = (typeof HTTP_METHODS)[number];
export type AssertionType = 'none' | BodyAssertion['type'];
export type JsonOp = Extract<BodyAssertion, { type: 'json' }>['op'];

/** One request header as the form edits it: a row of two inputs. */
export interface HeaderRow {
  name: string;
  value: string;
}

/** The body assertion flattened, so switching its type keeps what the user typed in the other fields. */
export interface AssertionFields {
  type: AssertionType;
  value: string;
  pattern: string;
  flags: string;
  path: string;
  op: JsonOp;
}

/** What the inputs hold: numbers are null while their input is empty, text is never null. */
export interface MonitorFormValue {
  name: string;
  url: string;
  intervalSeconds: number | null;
  timeoutMs: number | null;
  expectedStatusCodes: string;
  failureThreshold: number | null;
  method: HttpMethod;
  headers: HeaderRow[];
  body: string;
  assertion: AssertionFields;
  maxBodyBytes: number | null;
  followRedirects: boolean;
  maxRedirects: number | null;
  ignoreTlsErrors: boolean;
  retries: number | null;
  retryDelayMs: number | null;
  recoveryThreshold: number | null;
  tlsAlertDays: number | null;
  domainAlertDays: number | null;
  /** The reminder days as typed, such as "7, 3, 1"; the contract reads the numbers. */
  expiryReminderDays: string;
}

export const EMPTY_ASSERTION: AssertionFields = { type: 'none', value: '', pattern: '', flags: '', path: '', op: 'equals' };

export function emptyFormValue(): MonitorFormValue {
  return {
    name: '',
    url: '',
    intervalSeconds: MONITOR_LIMITS.intervalSeconds.default,
    timeoutMs: MONITOR_LIMITS.timeoutMs.default,
    expectedStatusCodes: '200-299',
    failureThreshold: MONITOR_LIMITS.failureThreshold.default,
    method: 'GET',
    headers: [],
    body: '',
    assertion: { ...EMPTY_ASSERTION },
    maxBodyBytes: MONITOR_LIMITS.maxBodyBytes.default,
    followRedirects: true,
    maxRedirects: MONITOR_LIMITS.maxRedirects.default,
    ignoreTlsErrors: false,
    retries: MONITOR_LIMITS.retries.default,
    retryDelayMs: MONITOR_LIMITS.retryDelayMs.default,
    recoveryThreshold: MONITOR_LIMITS.recoveryThreshold.default,
    tlsAlertDays: MONITOR_LIMITS.tlsAlertDays.default,
    domainAlertDays: MONITOR_LIMITS.domainAlertDays.default,
    expiryReminderDays: reminderDaysText(MONITOR_LIMITS.expiryReminderDays.default),
  };
}

/** A saved monitor as the form shows it. */
export function toFormValue(monitor: MonitorConfig): MonitorFormValue {
  const assertion = monitor.bodyAssertion;
  return {
    name: monitor.name,
    url: monitor.url,
    intervalSeconds: monitor.intervalSeconds,
    timeoutMs: monitor.timeoutMs,
    expectedStatusCodes: monitor.expectedStatusCodes,
    failureThreshold: monitor.failureThreshold,
    method: monitor.method,
    headers: Object.entries(monitor.headers).map(([name, value]) => ({ name, value })),
    body: monitor.body ?? '',
    assertion: assertion ? { ...EMPTY_ASSERTION, ...assertion } : { ...EMPTY_ASSERTION },
    maxBodyBytes: monitor.maxBodyBytes,
    followRedirects: monitor.followRedirects,
    maxRedirects: monitor.maxRedirects,
    ignoreTlsErrors: monitor.ignoreTlsErrors,
    retries: monitor.retries,
    retryDelayMs: monitor.retryDelayMs,
    recoveryThreshold: monitor.recoveryThreshold,
    tlsAlertDays: monitor.tlsAlertDays,
    domainAlertDays: monitor.domainAlertDays,
    expiryReminderDays: reminderDaysText(monitor.expiryReminderDays),
  };
}

/**
 * The form value in the contract's input shape, unparsed: the contract schema decides what is valid.
 * Blank header rows and an empty body mean "none"; the assertion keeps only its type's fields.
 */
export function toMonitorInput(value: MonitorFormValue): Record<string, unknown> {
  const { headers, body, assertion, expiryReminderDays, ...rest } = value;
  return {
    ...rest,
    expiryReminderDays: reminderDaysOf(expiryReminderDays),
    headers: Object.fromEntries(
      headers.filter((row) => row.name.trim() !== '' || row.value !== '').map((row) => [row.name.trim(), row.value]),
    ),
    body: body === '' ? null : body,
    bodyAssertion: toBodyAssertion(assertion),
  };
}

function toBodyAssertion(fields: AssertionFields): Record<string, unknown> | null {
  switch (fields.type) {
    case 'none':
      return null;
    case 'contains':
    case 'not_contains':
      return { type: fields.type, value: fields.value };
    case 'regex':
      return { type: 'regex', pattern: fields.pattern, flags: fields.flags };
    case 'json':
      return { type: 'json', path: fields.path, op: fields.op, value: fields.value };
  }
}

const reminderDaysText = (days: readonly number[]) => days.join(', ');

const reminderDayParts = (text: string) => text.split(/[\s,]+/).filter((part) => part !== '');

/** "7, 3 1" → [7, 3, 1]; what is not a number stays NaN, so the contract refuses it. Blank means none. */
function reminderDaysOf(text: string): number[] {
  return reminderDayParts(text).map(Number);
}

/** The typed parts that are not numbers at all, so the message can quote them. */
export const nonNumericReminderDays = (text: string) => reminderDayParts(text).filter((part) => !Number.isFinite(Number(part)));

/** Header names that occur twice: a record would silently keep only the last. */
export function duplicateHeaderNames(rows: readonly HeaderRow[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const row of rows) {
    const name = row.name.trim().toLowerCase();
    if (name === '') continue;
    if (seen.has(name)) duplicates.add(row.name.trim());
    seen.add(name);
  }
  return [...duplicates];
}
