import { z } from 'zod';

const KIND_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  bigint: 'a number',
  date: 'a date',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  record: 'an object',
  map: 'an object',
  set: 'a list',
};

/** How a path reads in a message: `schedule.weekdays.0`, or "The input" for the whole of it. */
const fieldName = (path: readonly PropertyKey[] | undefined) => (path && path.length > 0 ? path.map(String).join('.') : 'The input');

const SIZE_UNITS: Record<string, string> = { string: ' characters', array: ' entries', set: ' entries' };

function sizeMessage(
  field: string,
  bound: 'least' | 'most',
  issue: { origin: string; inclusive?: boolean },
  limit: number | bigint,
): string {
  const limitText = issue.origin === 'date' ? new Date(Number(limit)).toISOString() : String(limit);
  const comparison = issue.inclusive === false ? (bound === 'least' ? 'more than' : 'less than') : `at ${bound}`;
  return `${field} must be ${comparison} ${limitText}${SIZE_UNITS[issue.origin] ?? ''}`;
}

/**
 * The words for a problem a schema gave no message of its own: every answer names the field, never zod's
 * "Invalid input: expected object, received null". A schema's own `error` always wins over these.
 */
export function fieldNamedMessage(issue: z.core.$ZodRawIssue): string {
  const field = fieldName(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined && field !== 'The input'
        ? `${field} is required`
        : `${field} must be ${KIND_WORDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `${field} must be ${String(issue.values[0])}`
        : `${field} must be one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return sizeMessage(field, 'least', issue, issue.minimum);
    case 'too_big':
      return sizeMessage(field, 'most', issue, issue.maximum);
    case 'invalid_format':
      return `${field} is not a valid ${issue.format}`;
    case 'not_multiple_of':
      return `${field} must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `${field} has fields that are not known: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return `${field} does not match any of the accepted forms`;
    case 'invalid_key':
      return `${field} has a key that is not accepted`;
    case 'invalid_element':
      return `${field} has an entry that is not accepted`;
    default:
      return `${field} is not valid`;
  }
}

// Process-wide on purpose: every schema that imports zod, in the api and in the dashboard, words a
// message it did not write itself the same way.
z.config({ customError: fieldNamedMessage });
