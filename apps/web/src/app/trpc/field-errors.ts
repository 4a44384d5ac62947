import { messageOf } from './error-message';

/** A form's messages: one per field (the first reported), plus what belongs to no field, shown above the form. */
export interface FieldErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  form: string | null;
}

/** Sorts messages, each with its path, onto the fields a form shows; `fieldOf` knows that form's fields. */
export function sortOntoFields<F extends string, P>(
  issues: Iterable<readonly [path: P, message: string]>,
  fieldOf: (path: P, message: string) => F | null,
): FieldErrors<F> {
  const fields: Partial<Record<F, string>> = {};
  const other: string[] = [];
  for (const [path, message] of issues) {
    const field = fieldOf(path, message);
    if (field) fields[field] ??= message;
    else other.push(message);
  }
  return { fields, form: other.length > 0 ? other.join('; ') : null };
}

/**
 * The messages of a failed call with their contract paths: the api's `data.fieldErrors` (keyed by path) when
 * it sends them; else its message split into parts with an empty path, since every message names its field
 * ("intervalSeconds must be at least 20; …").
 */
export function serverMessages(error: unknown): [path: string, message: string][] {
  const fieldErrors = (error as { data?: { fieldErrors?: unknown } } | null)?.data?.fieldErrors;
  if (typeof fieldErrors === 'object' && fieldErrors !== null) {
    const entries = Object.entries(fieldErrors).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    if (entries.length > 0) return entries;
  }
  return messageOf(error)
    .split(/\n|;\s+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part): [string, string] => ['', part]);
}
