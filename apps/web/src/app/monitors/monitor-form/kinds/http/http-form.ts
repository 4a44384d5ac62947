import type { NonNullableFormBuilder } from '@angular/forms';
import { MONITOR_LIMITS, type BodyAssertion, type HTTP_METHODS, type MonitorConfigOf } from '@mini-netumo/contracts';
import type { KindForm } from '../kind-form';

export type HttpMethod = (typeof HTTP_METHODS)[number];
export type AssertionType = 'none' | BodyAssertion['type'];
export type JsonOp = Extract<BodyAssertion, { type: 'json' }>['op'];

/** One request header as the form edits it: a row of two inputs. */
export interface HeaderRow {
  name: string;
  value: string;
}

/** The body assertion flattened, so switching its type keeps what the user typed in the other fields. */
export interface AssertionFields {
  type: AssertionType;
  value: string;
  pattern: string;
  flags: string;
  path: string;
  op: JsonOp;
}

/** What the HTTP inputs hold: numbers are null while their input is empty, text is never null. */
export interface HttpFormValue {
  url: string;
  expectedStatusCodes: string;
  method: HttpMethod;
  headers: HeaderRow[];
  body: string;
  /** Named as the contract names it, so a message at `bodyAssertion.pattern` finds its input by path. */
  bodyAssertion: AssertionFields;
  maxBodyBytes: number | null;
  followRedirects: boolean;
  maxRedirects: number | null;
  ignoreTlsErrors: boolean;
}

export const HTTP_FIELDS = ['url', 'expectedStatusCodes'] as const;
/** Nested ones by their contract path. */
export const HTTP_ADVANCED_FIELDS = [
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
] as const;
export type HttpFormField = (typeof HTTP_FIELDS)[number] | (typeof HTTP_ADVANCED_FIELDS)[number];

export const EMPTY_ASSERTION: AssertionFields = { type: 'none', value: '', pattern: '', flags: '', path: '', op: 'equals' };

export function buildHttpGroup(fb: NonNullableFormBuilder, value: HttpFormValue) {
  const group = fb.group({
    url: [value.url],
    expectedStatusCodes: [value.expectedStatusCodes],
    method: fb.control<HttpMethod>(value.method),
    headers: fb.array(value.headers.map((row) => buildHeaderRow(fb, row))),
    body: [value.body],
    bodyAssertion: fb.group({
      type: fb.control<AssertionType>(value.bodyAssertion.type),
      value: [value.bodyAssertion.value],
      pattern: [value.bodyAssertion.pattern],
      flags: [value.bodyAssertion.flags],
      path: [value.bodyAssertion.path],
      op: fb.control<JsonOp>(value.bodyAssertion.op),
    }),
    maxBodyBytes: [value.maxBodyBytes],
    followRedirects: [value.followRedirects],
    maxRedirects: [value.maxRedirects],
    ignoreTlsErrors: [value.ignoreTlsErrors],
  });
  // Without redirects the limit means nothing: it stays in the raw value (the contract wants it) but greys out.
  const { followRedirects, maxRedirects } = group.controls;
  const greyOut = (follow: boolean) => (follow ? maxRedirects.enable({ emitEvent: false }) : maxRedirects.disable({ emitEvent: false }));
  greyOut(value.followRedirects);
  // The group and its controls live and die together, so this subscription needs no teardown.
  followRedirects.valueChanges.subscribe(greyOut);
  return group;
}

export function buildHeaderRow(fb: NonNullableFormBuilder, row: HeaderRow) {
  return fb.group({ name: [row.name], value: [row.value] });
}

export type HttpFormGroup = ReturnType<typeof buildHttpGroup>;

export const HTTP_FORM: KindForm<'http'> = {
  fields: HTTP_FIELDS,
  advancedFields: HTTP_ADVANCED_FIELDS,
  empty: () => ({
    url: '',
    expectedStatusCodes: '200-299',
    method: 'GET',
    headers: [],
    body: '',
    bodyAssertion: { ...EMPTY_ASSERTION },
    maxBodyBytes: MONITOR_LIMITS.maxBodyBytes.default,
    followRedirects: true,
    maxRedirects: MONITOR_LIMITS.maxRedirects.default,
    ignoreTlsErrors: false,
  }),
  fromConfig: (monitor: MonitorConfigOf<'http'>) => ({
    url: monitor.url,
    expectedStatusCodes: monitor.expectedStatusCodes,
    method: monitor.method,
    headers: Object.entries(monitor.headers).map(([name, value]) => ({ name, value })),
    body: monitor.body ?? '',
    bodyAssertion: { ...EMPTY_ASSERTION, ...monitor.bodyAssertion },
    maxBodyBytes: monitor.maxBodyBytes,
    followRedirects: monitor.followRedirects,
    maxRedirects: monitor.maxRedirects,
    ignoreTlsErrors: monitor.ignoreTlsErrors,
  }),
  // Blank header rows and an empty body mean "none"; the assertion keeps only its type's fields.
  toInput: ({ headers, body, bodyAssertion, ...rest }) => ({
    ...rest,
    headers: Object.fromEntries(
      headers.filter((row) => row.name.trim() !== '' || row.value !== '').map((row) => [row.name.trim(), row.value]),
    ),
    body: body === '' ? null : body,
    bodyAssertion: toBodyAssertion(bodyAssertion),
  }),
  // Two rows with one name would silently become one header; the contract never sees the second.
  problems: (value) => duplicateHeaderNames(value.headers).map((name) => ['headers', `headers: "${name}" is given twice`]),
  build: buildHttpGroup,
  fit: (fb, group, value) => {
    const rows = group.controls.headers;
    rows.clear({ emitEvent: false });
    for (const row of value.headers) rows.push(buildHeaderRow(fb, row), { emitEvent: false });
  },
};

function toBodyAssertion(fields: AssertionFields): Record<string, unknown> | null {
  switch (fields.type) {
    case 'none':
      return null;
    case 'contains':
    case 'not_contains':
      return { type: fields.type, value: fields.value };
    case 'regex':
      return { type: 'regex', pattern: fields.pattern, flags: fields.flags };
    case 'json':
      return { type: 'json', path: fields.path, op: fields.op, value: fields.value };
  }
}

/** Header names that occur twice: a record would silently keep only the last. */
export function duplicateHeaderNames(rows: readonly HeaderRow[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const row of rows) {
    const name = row.name.trim().toLowerCase();
    if (name === '') continue;
    if (seen.has(name)) duplicates.add(row.name.trim());
    seen.add(name);
  }
  return [...duplicates];
}
