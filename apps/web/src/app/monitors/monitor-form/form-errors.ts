import { monitorInputSchema, type MonitorConfig } from '@mini-netumo/contracts';
import { messageOf } from '../../trpc/error-message';

/** The fields the form edits, in the order it shows them. */
export const MONITOR_FORM_FIELDS = [
  'name',
  'url',
  'intervalSeconds',
  'timeoutMs',
  'expectedStatusCodes',
  'failureThreshold',
] as const;
export type MonitorFormField = (typeof MONITOR_FORM_FIELDS)[number];

/** What the inputs hold: numbers are null while their input is empty. */
export interface MonitorFormValue {
  name: string;
  url: string;
  intervalSeconds: number | null;
  timeoutMs: number | null;
  expectedStatusCodes: string;
  failureThreshold: number | null;
}

/** One message per field (the first the contract reports), plus what belongs to no field. */
export interface FormErrors {
  fields: Partial<Record<MonitorFormField, string>>;
  form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

const isFormField = (key: unknown): key is MonitorFormField =>
  typeof key === 'string' && (MONITOR_FORM_FIELDS as readonly string[]).includes(key);

/** Validates with the same contract schema the server uses, so the two cannot disagree. */
export function validateMonitorForm(value: MonitorFormValue): { config: MonitorConfig } | { errors: FormErrors } {
  const parsed = monitorInputSchema.safeParse(value);
  if (parsed.success) return { config: parsed.data };
  const fields: FormErrors['fields'] = {};
  const other: string[] = [];
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    if (isFormField(key)) fields[key] ??= issue.message;
    else other.push(issue.message);
  }
  return { errors: { fields, form: other.length > 0 ? other.join('; ') : null } };
}

/**
 * Server validation errors name their field: in `data.fieldErrors` (keyed by path) when the api sends
 * it, and in the message ("intervalSeconds must be at least 20; ...") either way. Others go above the form.
 */
export function serverFormErrors(error: unknown): FormErrors {
  const fields: FormErrors['fields'] = {};
  const other: string[] = [];
  const fieldErrors = fieldErrorsOf(error);
  if (fieldErrors) {
    for (const [path, message] of Object.entries(fieldErrors)) {
      const key = path.split('.').find(isFormField);
      if (key) fields[key] ??= message;
      else other.push(message);
    }
  } else {
    for (const text of messageOf(error).split(/\n|;\s+/).map((part) => part.trim()).filter(Boolean)) {
      const key = MONITOR_FORM_FIELDS.find((field) => new RegExp(`^${field}\\b`).test(text));
      if (key) fields[key] ??= text;
      else other.push(text);
    }
  }
  return { fields, form: other.length > 0 ? other.join('; ') : null };
}

function fieldErrorsOf(error: unknown): Record<string, string> | null {
  const data = (error as { data?: { fieldErrors?: unknown } } | null)?.data;
  const fieldErrors = data?.fieldErrors;
  if (typeof fieldErrors !== 'object' || fieldErrors === null) return null;
  const entries = Object.entries(fieldErrors).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}
