import { messageOf } from '../trpc/error-message';

/** Every place the window form can show a message, named by its contract path. */
export const MAINTENANCE_FORM_FIELDS = [
  'name',
  'monitorId',
  'schedule.startsAt',
  'schedule.endsAt',
  'schedule.weekdays',
  'schedule.startTime',
  'schedule.expression',
  'schedule.durationMinutes',
  'schedule.timeZone',
] as const;
export type MaintenanceFormField = (typeof MAINTENANCE_FORM_FIELDS)[number];

/** One message per field (the first reported), plus what belongs to no field. */
export interface MaintenanceFormErrors {
  fields: Partial<Record<MaintenanceFormField, string>>;
  form: string | null;
}

export const NO_ERRORS: MaintenanceFormErrors = { fields: {}, form: null };

const lastName = (field: MaintenanceFormField) => field.slice(field.lastIndexOf('.') + 1);

/**
 * The field a message belongs to: the one its path names or lies inside (`schedule.weekdays.0`); else the one
 * its text starts with, as every message names its field ("monitorId: monitor … does not exist").
 */
export function fieldOf(path: string, message: string): MaintenanceFormField | null {
  const byPath = MAINTENANCE_FORM_FIELDS.find((field) => path === field || path.startsWith(`${field}.`));
  if (byPath) return byPath;
  const firstWord = /^[A-Za-z]+/.exec(message)?.[0];
  return MAINTENANCE_FORM_FIELDS.find((field) => lastName(field) === firstWord) ?? null;
}

/** Sorts messages, each with its contract path ('' when unknown), onto the fields. */
export function formErrors(issues: Iterable<readonly [path: string, message: string]>): MaintenanceFormErrors {
  const fields: MaintenanceFormErrors['fields'] = {};
  const other: string[] = [];
  for (const [path, message] of issues) {
    const field = fieldOf(path, message);
    if (field) fields[field] ??= message;
    else other.push(message);
  }
  return { fields, form: other.length > 0 ? other.join('; ') : null };
}

/** A failed save: the api's `data.fieldErrors` (keyed by path) when it sends them, else its message's parts. */
export function serverFormErrors(error: unknown): MaintenanceFormErrors {
  const fieldErrors = (error as { data?: { fieldErrors?: unknown } } | null)?.data?.fieldErrors;
  if (typeof fieldErrors === 'object' && fieldErrors !== null) {
    const entries = Object.entries(fieldErrors).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    if (entries.length > 0) return formErrors(entries);
  }
  return formErrors(
    messageOf(error)
      .split(/;\s+/)
      .map((part): [string, string] => ['', part.trim()])
      .filter(([, part]) => part !== ''),
  );
}
