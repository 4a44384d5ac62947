/**
 * Standard five-field cron (minute hour day-of-month month day-of-week): `*`, lists, ranges, steps, month and day
 * names, 7 for Sunday. It lives in the contracts because the schema must reject a bad expression by name.
 */
export interface CronExpression {
  /** Each field's allowed values, ascending. */
  minutes: readonly number[];
  hours: readonly number[];
  daysOfMonth: readonly number[];
  /** 1 = January. */
  months: readonly number[];
  /** 0 = Sunday … 6 = Saturday (7 is folded into 0). */
  daysOfWeek: readonly number[];
  /** cron's rule: when neither day field starts with `*`, a day matching either one fires (else both must). */
  eitherDay: boolean;
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  /** Names for min, min + 1, …, and what to call them in a message. */
  names?: { list: readonly string[]; kind: string };
}

const MINUTE: FieldSpec = { name: 'minute', min: 0, max: 59 };
const HOUR: FieldSpec = { name: 'hour', min: 0, max: 23 };
const DAY_OF_MONTH: FieldSpec = { name: 'day-of-month', min: 1, max: 31 };
const MONTH: FieldSpec = {
  name: 'month',
  min: 1,
  max: 12,
  names: { list: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'], kind: 'month name (jan-dec)' },
};
const DAY_OF_WEEK: FieldSpec = {
  name: 'day-of-week',
  min: 0,
  max: 7,
  names: { list: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], kind: 'day name (sun-sat)' },
};

/** The most days each month can have (February: in a leap year). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

type Parsed<T> = { value: T } | { error: string };

function parseValue(text: string, spec: FieldSpec): Parsed<number> {
  const named = spec.names?.list.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return { value: spec.min + named };
  if (!/^\d+$/.test(text)) {
    const alternative = spec.names ? ` or a ${spec.names.kind}` : '';
    return { error: `expression: ${spec.name} field "${text}" is not a number${alternative}` };
  }
  const value = Number(text);
  if (value < spec.min || value > spec.max) return { error: `expression: ${spec.name} field "${text}" is out of range ${spec.min}-${spec.max}` };
  return { value };
}

/** One comma-separated item: `*`, `5`, `1-5`, each optionally `/step`; `5/15` means from 5 to the end by 15. */
function parseItem(item: string, spec: FieldSpec, into: Set<number>): string | null {
  const bad = (problem: string) => `expression: ${spec.name} field "${item}" ${problem}`;
  const [range = '', step, ...extra] = item.split('/');
  if (extra.length > 0) return bad('has more than one step');
  let every = 1;
  if (step !== undefined) {
    if (!/^\d+$/.test(step)) return bad('has a step that is not a whole number');
    every = Number(step);
    if (every < 1) return bad('has a step below 1');
  }
  let from = spec.min;
  let to = spec.max;
  if (range !== '*') {
    const [start = '', end, ...more] = range.split('-');
    if (more.length > 0 || start === '' || end === '') return bad('is not a value, a range or *');
    const first = parseValue(start, spec);
    if ('error' in first) return first.error;
    from = first.value;
    to = step === undefined ? from : spec.max;
    if (end !== undefined) {
      const last = parseValue(end, spec);
      if ('error' in last) return last.error;
      if (last.value < from) return bad('starts after it ends');
      to = last.value;
    }
  }
  for (let value = from; value <= to; value += every) into.add(value);
  return null;
}

function parseField(text: string, spec: FieldSpec): Parsed<number[]> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    if (item === '') return { error: `expression: ${spec.name} field "${text}" has an empty item` };
    const error = parseItem(item, spec, values);
    if (error) return { error };
  }
  return { value: [...values].sort((a, b) => a - b) };
}

/** Parses a cron expression; returns an error message naming the field and the bad part instead of throwing. */
export function parseCronExpression(expression: string): CronExpression | { error: string } {
  const texts = expression.trim().split(/\s+/).filter(Boolean);
  if (texts.length === 0) return { error: 'expression is required' };
  if (texts.length !== 5) return { error: `expression must have 5 fields (minute hour day-of-month month day-of-week), not ${texts.length}` };
  const [minuteText = '', hourText = '', domText = '', monthText = '', dowText = ''] = texts;
  const fields: number[][] = [];
  for (const [text, spec] of [
    [minuteText, MINUTE],
    [hourText, HOUR],
    [domText, DAY_OF_MONTH],
    [monthText, MONTH],
    [dowText, DAY_OF_WEEK],
  ] as const) {
    const parsed = parseField(text, spec);
    if ('error' in parsed) return parsed;
    fields.push(parsed.value);
  }
  const [minutes = [], hours = [], daysOfMonth = [], months = [], rawDaysOfWeek = []] = fields;
  const daysOfWeek = [...new Set(rawDaysOfWeek.map((day) => day % 7))].sort((a, b) => a - b);
  const eitherDay = !domText.startsWith('*') && !dowText.startsWith('*');
  // Only the day of the month can rule out every date (30 February); any weekday comes round in every month.
  const someDate = months.some((month) => daysOfMonth.some((day) => day <= (MONTH_DAYS[month - 1] ?? 31)));
  if (!eitherDay && !someDate) return { error: `expression never fires: day-of-month "${domText}" does not occur in month "${monthText}"` };
  return { minutes, hours, daysOfMonth, months, daysOfWeek, eitherDay };
}
