import { monitorInputSchema, type MonitorConfig } from '@mini-netumo/contracts';
import { serverMessages, sortOntoFields, type FieldErrors } from '../../trpc/field-errors';
import { duplicateHeaderNames, nonNumericReminderDays, toMonitorInput, type MonitorFormValue } from './form-model';

/** The fields in the basic part of the form, in the order it shows them. */
export const BASIC_FIELDS = ['name', 'url', 'intervalSeconds', 'timeoutMs', 'expectedStatusCodes', 'failureThreshold'] as const;

/** The fields in the "Expiry alerts" group. */
export const EXPIRY_FIELDS = ['tlsAlertDays', 'domainAlertDays', 'expiryReminderDays'] as const;

/** The fields in the "Advanced" panel; nested ones by their contract path. */
export const ADVANCED_FIELDS = [
  'method',
  'headers',
  'body',
  'bodyAssertion.type',
  'bodyAssertion.value',
  'bodyAssertion.pattern',
  'bodyAssertion.flags',
  'bodyAssertion.path',
  'bodyAssertion.op',
  'maxBodyBytes',
  'followRedirects',
  'maxRedirects',
  'ignoreTlsErrors',
  'retries',
  'retryDelayMs',
  'recoveryThreshold',
] as const;

/** Every place a message can show, named by the contract path it belongs to. */
export const MONITOR_FORM_FIELDS = [...BASIC_FIELDS, ...EXPIRY_FIELDS, ...ADVANCED_FIELDS] as const;
export type MonitorFormField = (typeof MONITOR_FORM_FIELDS)[number];

/** One message per field (the first the contract reports), plus what belongs to no field. */
export type FormErrors = FieldErrors<MonitorFormField>;

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

const isFormField = (key: string): key is MonitorFormField => (MONITOR_FORM_FIELDS as readonly string[]).includes(key);

/** Longest first, so `bodyAssertion.pattern …` is not taken for a message about `bodyAssertion`. */
const BY_LENGTH = [...MONITOR_FORM_FIELDS].sort((a, b) => b.length - a.length);
const startsWithField = (text: string) => BY_LENGTH.find((field) => new RegExp(`^${field.replace('.', '\\.')}(?![\\w.])`).test(text));

/**
 * Which field a message belongs to: its path when the path names one (`patch.` stripped for edits);
 * else the field its text starts with, since refinements report on the parent ("bodyAssertion.pattern is
 * not a valid regular expression" comes with path `bodyAssertion`); else a field its path lies inside.
 */
export function fieldOf(path: readonly PropertyKey[] | string, message: string): MonitorFormField | null {
  const joined = (typeof path === 'string' ? path : path.map(String).join('.')).replace(/^patch\./, '');
  if (isFormField(joined)) return joined;
  const named = startsWithField(message);
  if (named) return named;
  return MONITOR_FORM_FIELDS.find((field) => joined.startsWith(`${field}.`)) ?? null;
}

const collect = (issues: Iterable<[path: readonly PropertyKey[] | string, message: string]>): FormErrors => sortOntoFields(issues, fieldOf);

/** Validates with the same contract schema the server uses, so the two cannot disagree. */
export function validateMonitorForm(value: MonitorFormValue): { config: MonitorConfig } | { errors: FormErrors } {
  const parsed = monitorInputSchema.safeParse(toMonitorInput(value));
  // Two rows with one name would silently become one header; the contract never sees the second.
  const duplicates = duplicateHeaderNames(value.headers).map(
    (name): [string, string] => ['headers', `headers: "${name}" is given twice`],
  );
  if (parsed.success && duplicates.length === 0) return { config: parsed.data };
  // The contract only sees NaN; quoting what was typed says more (first message per field wins).
  const typos = nonNumericReminderDays(value.expiryReminderDays).map(
    (part): [string, string] => ['expiryReminderDays', `expiryReminderDays: "${part}" is not a number of days`],
  );
  const issues = parsed.success ? [] : parsed.error.issues.map((issue): [PropertyKey[], string] => [issue.path, issue.message]);
  return { errors: collect([...typos, ...issues, ...duplicates]) };
}

/** Server validation errors, each on the field it names; others go above the form. */
export const serverFormErrors = (error: unknown): FormErrors => collect(serverMessages(error));
