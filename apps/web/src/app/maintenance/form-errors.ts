import { serverMessages, sortOntoFields, type FieldErrors } from '../trpc/field-errors';

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
export type MaintenanceFormErrors = FieldErrors<MaintenanceFormField>;

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
export const formErrors = (issues: Iterable<readonly [path: string, message: string]>): MaintenanceFormErrors =>
  sortOntoFields(issues, fieldOf);

/** A failed save: the api's `data.fieldErrors` (keyed by path) when it sends them, else its message's parts. */
export const serverFormErrors = (error: unknown): MaintenanceFormErrors => formErrors(serverMessages(error));
