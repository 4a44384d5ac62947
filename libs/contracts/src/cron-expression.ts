import { Cron } from 'croner';

/**
 * A standard five-field cron expression (minute hour day-of-month month day-of-week) as croner reads it, on wall
 * clocks: its runs are local dates and times written as UTC (offset 0), and the caller applies the time zone.
 */
export type CronExpression = Cron;

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  /** croner refuses a step larger than the number of values the field has (7 days: 0 and 7 are both Sunday). */
  maxStep: number;
  /** Names for min, min + 1, …, and what to call them in a message. */
  names?: { list: readonly string[]; kind: string };
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59, maxStep: 60 },
  { name: 'hour', min: 0, max: 23, maxStep: 24 },
  { name: 'day-of-month', min: 1, max: 31, maxStep: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    maxStep: 12,
    names: { list: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'], kind: 'month name (jan-dec)' },
  },
  {
    name: 'day-of-week',
    min: 0,
    max: 7,
    maxStep: 7,
    names: { list: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], kind: 'day name (sun-sat)' },
  },
];

/** Any instant: a valid expression fires within the 28 years after it, one that cannot fire (30 February) never. */
const SOME_INSTANT = new Date(Date.UTC(2000, 0, 1));

function parseValue(text: string, spec: FieldSpec): number | string {
  const named = spec.names?.list.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return spec.min + named;
  if (!/^\d+$/.test(text)) return `expression: ${spec.name} field "${text}" is not a number${spec.names ? ` or a ${spec.names.kind}` : ''}`;
  const value = Number(text);
  return value < spec.min || value > spec.max ? `expression: ${spec.name} field "${text}" is out of range ${spec.min}-${spec.max}` : value;
}

/**
 * What is wrong with one comma-separated item, or null. Standard cron is `*`, `5` or `1-5`, each optionally
 * `/step`; croner also takes L, W, #, ? and @nicknames, which stay out of our schedules.
 */
function itemProblem(item: string, spec: FieldSpec): string | null {
  const bad = (problem: string) => `expression: ${spec.name} field "${item}" ${problem}`;
  const [range = '', step, ...extra] = item.split('/');
  if (extra.length > 0) return bad('has more than one step');
  if (step !== undefined) {
    if (!/^\d+$/.test(step)) return bad('has a step that is not a whole number');
    if (Number(step) < 1) return bad('has a step below 1');
    if (Number(step) > spec.maxStep) return bad(`has a step above ${spec.maxStep}`);
  }
  if (range === '*') return null;
  const [start = '', end, ...more] = range.split('-');
  if (more.length > 0 || start === '' || end === '') return bad('is not a value, a range or *');
  const first = parseValue(start, spec);
  if (typeof first === 'string') return first;
  if (end === undefined) return null;
  const last = parseValue(end, spec);
  if (typeof last === 'string') return last;
  return last < first ? bad('starts after it ends') : null;
}

/**
 * Reads a cron expression with croner; instead of throwing, returns an error message naming the field and the
 * bad part (croner's own messages count from 0 and name no field a person typed).
 */
export function parseCronExpression(expression: string): CronExpression | { error: string } {
  const texts = expression.trim().split(/\s+/).filter(Boolean);
  if (texts.length === 0) return { error: 'expression is required' };
  if (texts.length !== FIELDS.length)
    return { error: `expression must have 5 fields (minute hour day-of-month month day-of-week), not ${texts.length}` };
  for (const [index, spec] of FIELDS.entries()) {
    const text = texts[index] ?? '';
    for (const item of text.split(',')) {
      const problem = item === '' ? `expression: ${spec.name} field "${text}" has an empty item` : itemProblem(item, spec);
      if (problem) return { error: problem };
    }
  }
  const [, , dayOfMonth = '', month = '', dayOfWeek = ''] = texts;
  let cron: Cron;
  try {
    cron = new Cron(texts.join(' '), {
      mode: '5-part',
      // Wall clocks: a maintenance window applies its zone with its own DST rule, not croner's (see cron-window.ts).
      utcOffset: 0,
      // `5/20`: from 5 to the end of the field by 20, as Vixie cron reads it.
      sloppyRanges: true,
      // Vixie cron: a day matching either day field fires, unless one of them starts with `*` (then both must).
      domAndDow: dayOfMonth.startsWith('*') || dayOfWeek.startsWith('*'),
    });
  } catch (error) {
    return { error: `expression: ${error instanceof Error ? error.message : String(error)}` };
  }
  // Only the day of the month can rule out every date (30 February); any weekday comes round in every month.
  if (!cron.nextRun(SOME_INSTANT))
    return { error: `expression never fires: day-of-month "${dayOfMonth}" does not occur in month "${month}"` };
  return cron;
}
