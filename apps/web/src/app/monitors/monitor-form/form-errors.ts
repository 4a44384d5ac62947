import { isActiveKind, monitorInputSchema, type MonitorConfig, type MonitorKind } from '@mini-netumo/contracts';
import { serverMessages, sortOntoFields, type FieldErrors } from '../../trpc/field-errors';
import { formProblems, toMonitorInput, type MonitorFormValue } from './form-model';
import type { KindFormField } from './kinds/kind-form';
import { KIND_FORMS } from './kinds/kind-forms';

/** The shared fields above the kind's section, and those between it and the Advanced panel. */
const LEAD_FIELDS = ['name'] as const;
const SCHEDULE_FIELDS = ['intervalSeconds', 'timeoutMs', 'failureThreshold'] as const;
/** The fields in the "Expiry alerts" group. */
export const EXPIRY_FIELDS = ['tlsAlertDays', 'domainAlertDays', 'expiryReminderDays'] as const;
/** The shared fields at the end of the Advanced panel. */
export const CONFIRMATION_FIELDS = ['retries', 'retryDelayMs', 'recoveryThreshold'] as const;

/** Every field outside the kinds' sections: the name, and the active kinds' fields (a heartbeat shows only the name). */
export const COMMON_FIELDS = [...LEAD_FIELDS, ...SCHEDULE_FIELDS, ...EXPIRY_FIELDS, ...CONFIRMATION_FIELDS] as const;

/** Every place a message can show, named by the contract path it belongs to. */
export type MonitorFormField = (typeof COMMON_FIELDS)[number] | KindFormField;

/** One message per field (the first the contract reports), plus what belongs to no field. */
export type FormErrors = FieldErrors<MonitorFormField>;

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

/** A kind's own fields, main section first. */
export const kindFieldsOf = (kind: MonitorKind): readonly KindFormField[] => [
  ...KIND_FORMS[kind].fields,
  ...KIND_FORMS[kind].advancedFields,
];

/** The fields a kind's form shows, in the order shown: focus goes to the first with a message. */
export function formFieldsOf(kind: MonitorKind): readonly MonitorFormField[] {
  const { fields, advancedFields } = KIND_FORMS[kind];
  if (!isActiveKind(kind)) return [...LEAD_FIELDS, ...fields, ...advancedFields];
  return [...LEAD_FIELDS, ...fields, ...SCHEDULE_FIELDS, ...EXPIRY_FIELDS, ...advancedFields, ...CONFIRMATION_FIELDS];
}

/** The fields inside the Advanced panel for a kind: a message on one opens it. */
export const advancedFieldsOf = (kind: MonitorKind): readonly MonitorFormField[] => [
  ...KIND_FORMS[kind].advancedFields,
  ...(isActiveKind(kind) ? CONFIRMATION_FIELDS : []),
];

/**
 * Which of a kind's fields a message belongs to: its path when the path names one (`patch.` stripped for
 * edits); else the field its text starts with, since refinements report on the parent ("bodyAssertion.pattern
 * is not a valid regular expression" comes with path `bodyAssertion`); else a field its path lies inside.
 * A field the kind does not show (the server naming `port` on an HTTP monitor) goes above the form.
 */
export function fieldOf(kind: MonitorKind, path: readonly PropertyKey[] | string, message: string): MonitorFormField | null {
  const fields = formFieldsOf(kind);
  const joined = (typeof path === 'string' ? path : path.map(String).join('.')).replace(/^patch\./, '');
  const byPath = fields.find((field) => field === joined);
  if (byPath) return byPath;
  // Longest first, so `bodyAssertion.pattern …` is not taken for a message about `bodyAssertion`, nor `expected` for `expect`.
  const byText = [...fields]
    .sort((a, b) => b.length - a.length)
    .find((field) => new RegExp(`^${field.replace('.', '\\.')}(?![\\w.])`).test(message));
  if (byText) return byText;
  return fields.find((field) => joined.startsWith(`${field}.`)) ?? null;
}

const collect = (kind: MonitorKind, issues: Iterable<[path: readonly PropertyKey[] | string, message: string]>): FormErrors =>
  sortOntoFields(issues, (path, message) => fieldOf(kind, path, message));

/** Validates with the same contract schema the server uses, so the two cannot disagree. */
export function validateMonitorForm(value: MonitorFormValue): { config: MonitorConfig } | { errors: FormErrors } {
  const parsed = monitorInputSchema.safeParse(toMonitorInput(value));
  const problems = formProblems(value);
  if (parsed.success && problems.length === 0) return { config: parsed.data };
  const issues = parsed.success ? [] : parsed.error.issues.map((issue): [PropertyKey[], string] => [issue.path, issue.message]);
  // The form's own messages first: they quote what was typed, where the contract saw only its shadow (NaN).
  return { errors: collect(value.kind, [...problems, ...issues]) };
}

/** Server validation errors, each on the field it names; others go above the form. */
export const serverFormErrors = (kind: MonitorKind, error: unknown): FormErrors => collect(kind, serverMessages(error));
