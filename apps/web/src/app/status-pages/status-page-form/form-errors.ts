import { serverMessages, sortOntoFields, type FieldErrors } from '../../trpc/field-errors';
import type { StatusPageFormValue } from './form-model';

/**
 * Messages keyed by contract path: `slug`, `groups`, `groups.0.name`, `groups.0.monitorIds` (the group's list),
 * `groups.0.monitorIds.1` (one monitor of it), `displayNames.<monitor id>`.
 */
export type PageFormErrors = FieldErrors<string>;

export const NO_ERRORS: PageFormErrors = { fields: {}, form: null };

const PAGE_FIELDS = ['slug', 'title', 'description', 'groups'] as const;

/** Every place the form shows a message for this value; one for a group or monitor no longer there goes above the form. */
export function fieldsOf(value: StatusPageFormValue): string[] {
  const groupFields = value.groups.flatMap((group, g) => [
    `groups.${g}.name`,
    `groups.${g}.monitorIds`,
    ...group.monitors.flatMap((row, m) => [`groups.${g}.monitorIds.${m}`, `displayNames.${row.monitorId}`]),
  ]);
  return [...PAGE_FIELDS, ...groupFields];
}

/**
 * The field a message belongs to: the deepest shown one its path names or lies inside; else the one its text
 * starts with, as a CONFLICT carries no path ("slug: a status page at /status/shop exists already").
 */
export function fieldOf(shown: readonly string[], path: string, message: string): string | null {
  const byPath = shown.filter((field) => path === field || path.startsWith(`${field}.`)).sort((a, b) => b.length - a.length)[0];
  if (byPath) return byPath;
  const firstWord = /^[A-Za-z]+/.exec(message)?.[0];
  return PAGE_FIELDS.find((field) => field === firstWord) ?? null;
}

/** Sorts messages, each with its contract path ('' when unknown), onto the fields this value shows. */
export function formErrors(value: StatusPageFormValue, issues: Iterable<readonly [path: string, message: string]>): PageFormErrors {
  const shown = fieldsOf(value);
  return sortOntoFields(issues, (path: string, message) => fieldOf(shown, path, message));
}

/** A failed save: the api's `data.fieldErrors` (keyed by path) when it sends them, else its message's parts. */
export const serverFormErrors = (value: StatusPageFormValue, error: unknown): PageFormErrors => formErrors(value, serverMessages(error));
