import { describe, expect, it } from 'vitest';
import { fieldOf, serverFormErrors, validateMonitorForm, type MonitorFormField } from './form-errors';
import { EMPTY_ASSERTION, emptyFormValue, type MonitorFormValue } from './form-model';

const valid: MonitorFormValue = { ...emptyFormValue(), name: 'Example', url: 'https://example.com', intervalSeconds: 60, timeoutMs: 5_000 };
const assertion = (change: Partial<MonitorFormValue['assertion']>) => ({ assertion: { ...EMPTY_ASSERTION, ...change } });

describe('validateMonitorForm', () => {
  it('returns the parsed config when the contract accepts the input', () => {
    const result = validateMonitorForm({ ...valid, name: '  Example  ' });
    expect(result).toEqual({
      config: expect.objectContaining({ name: 'Example', paused: false, method: 'GET', headers: {}, body: null, bodyAssertion: null }),
    });
  });

  it('turns header rows into a record, skipping blank rows, and an empty body into null', () => {
    const result = validateMonitorForm({
      ...valid,
      method: 'POST',
      headers: [{ name: ' Content-Type ', value: 'application/json' }, { name: '', value: '' }],
      body: '',
    });
    expect(result).toMatchObject({ config: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: null } });
  });

  it.each([
    [{ ...assertion({ type: 'contains', value: 'ok', pattern: 'ignored' }) }, { type: 'contains', value: 'ok' }],
    [{ ...assertion({ type: 'regex', pattern: '^ok$', flags: 'i', value: 'ignored' }) }, { type: 'regex', pattern: '^ok$', flags: 'i' }],
    [{ ...assertion({ type: 'json', path: 'status', op: 'equals', value: '"up"' }) }, { type: 'json', path: 'status', op: 'equals', value: '"up"' }],
  ] as const)('sends only the fields of the chosen body check: %j', (change, expected) => {
    expect(validateMonitorForm({ ...valid, ...change })).toMatchObject({ config: { bodyAssertion: expected } });
  });

  it.each<[Partial<MonitorFormValue>, MonitorFormField, string]>([
    [{ intervalSeconds: 5 }, 'intervalSeconds', 'intervalSeconds must be at least 20'],
    [{ intervalSeconds: null }, 'intervalSeconds', 'intervalSeconds must be a number'],
    [{ timeoutMs: 100 }, 'timeoutMs', 'timeoutMs must be at least 1000'],
    [{ failureThreshold: 1.5 }, 'failureThreshold', 'failureThreshold must be a whole number'],
    [{ name: ' ' }, 'name', 'name is required'],
    [{ url: 'ftp://example.com' }, 'url', 'url must start with http:// or https://'],
    [{ expectedStatusCodes: '2xx' }, 'expectedStatusCodes', 'expectedStatusCodes: "2xx" is not a code (301) or a range (200-299)'],
    [{ retries: 9 }, 'retries', 'retries must be at most 5'],
    [{ retryDelayMs: null }, 'retryDelayMs', 'retryDelayMs must be a number'],
    [{ recoveryThreshold: 0 }, 'recoveryThreshold', 'recoveryThreshold must be at least 1'],
    [{ maxBodyBytes: 10 }, 'maxBodyBytes', 'maxBodyBytes must be at least 1024'],
    [{ maxRedirects: 21 }, 'maxRedirects', 'maxRedirects must be at most 20'],
    [{ headers: [{ name: 'bad name', value: 'x' }] }, 'headers', 'headers: "bad name" is not a valid header name'],
    [{ headers: [{ name: 'X-A', value: '1' }, { name: 'x-a', value: '2' }] }, 'headers', 'headers: "x-a" is given twice'],
    [assertion({ type: 'contains', value: '' }), 'bodyAssertion.value', 'bodyAssertion.value is required'],
    [assertion({ type: 'regex', pattern: '' }), 'bodyAssertion.pattern', 'bodyAssertion.pattern is required'],
    [assertion({ type: 'regex', pattern: 'a', flags: 'g' }), 'bodyAssertion.flags', 'bodyAssertion.flags may only contain i, m, s, u'],
    [assertion({ type: 'json', path: '' }), 'bodyAssertion.path', 'bodyAssertion.path is required'],
    [{ tlsAlertDays: 0 }, 'tlsAlertDays', 'tlsAlertDays must be at least 1'],
    [{ domainAlertDays: null }, 'domainAlertDays', 'domainAlertDays must be a number'],
    [{ expiryReminderDays: '7, soon' }, 'expiryReminderDays', 'expiryReminderDays: "soon" is not a number of days'],
    [{ expiryReminderDays: '7 7' }, 'expiryReminderDays', 'expiryReminderDays must not repeat a day'],
    [{ tlsAlertDays: 5 }, 'expiryReminderDays', 'expiryReminderDays must each be below tlsAlertDays and domainAlertDays (7 is not below 5)'],
  ])('%j -> %s: %s', (change, field, message) => {
    const result = validateMonitorForm({ ...valid, ...change });
    expect(result).toEqual({ errors: { fields: { [field]: message }, form: null } });
  });

  it('reads the reminder days as typed, in any order, and blank as none', () => {
    expect(validateMonitorForm({ ...valid, tlsAlertDays: 30, domainAlertDays: 20, expiryReminderDays: '1 14,7' })).toMatchObject({
      config: { tlsAlertDays: 30, domainAlertDays: 20, expiryReminderDays: [14, 7, 1] },
    });
    expect(validateMonitorForm({ ...valid, expiryReminderDays: ' ' })).toMatchObject({ config: { expiryReminderDays: [] } });
  });

  it('puts a broken regular expression under the pattern, though the contract reports it on bodyAssertion', () => {
    const result = validateMonitorForm({ ...valid, ...assertion({ type: 'regex', pattern: '(' }) });
    expect(result).toMatchObject({ errors: { fields: { 'bodyAssertion.pattern': expect.stringMatching(/^bodyAssertion\.pattern is not a valid regular expression/) } } });
  });

  it('reports every bad field at once, one message each', () => {
    const result = validateMonitorForm({ ...valid, name: '', url: 'nope', intervalSeconds: 5, retries: -1 });
    expect('errors' in result && Object.keys(result.errors.fields).sort()).toEqual(['intervalSeconds', 'name', 'retries', 'url']);
  });
});

describe('fieldOf', () => {
  it.each([
    [['bodyAssertion', 'pattern'], 'whatever', 'bodyAssertion.pattern'],
    ['patch.bodyAssertion.value', 'whatever', 'bodyAssertion.value'],
    [['bodyAssertion'], 'bodyAssertion.pattern is not a valid regular expression: x', 'bodyAssertion.pattern'],
    [['headers', 'X-Key'], 'headers values must be text', 'headers'],
    ['', 'body must be text', 'body'],
    ['', 'bodyAssertion.type must be contains, not_contains, regex or json', 'bodyAssertion.type'],
    ['', 'queue unavailable', null],
  ] as const)('%j, %s -> %s', (path, message, field) => {
    expect(fieldOf(path, message)).toBe(field);
  });
});

describe('serverFormErrors', () => {
  it('uses the field errors the api sends, by path', () => {
    const error = Object.assign(new Error('intervalSeconds must be at least 20'), {
      data: { fieldErrors: { 'patch.intervalSeconds': 'intervalSeconds must be at least 20', 'patch.bodyAssertion.path': 'bodyAssertion.path is required' } },
    });
    expect(serverFormErrors(error)).toEqual({
      fields: { intervalSeconds: 'intervalSeconds must be at least 20', 'bodyAssertion.path': 'bodyAssertion.path is required' },
      form: null,
    });
  });

  it('falls back to the message, splitting what names a field from what does not', () => {
    const error = new Error('url must contain a host; timeoutMs must be at most 60000; the queue is unavailable');
    expect(serverFormErrors(error)).toEqual({
      fields: { url: 'url must contain a host', timeoutMs: 'timeoutMs must be at most 60000' },
      form: 'the queue is unavailable',
    });
  });

  it('puts the partial-edit rule the api checks under the reminders', () => {
    const error = new Error('expiryReminderDays must each be below tlsAlertDays and domainAlertDays (7 is not below 5)');
    expect(serverFormErrors(error)).toEqual({ fields: { expiryReminderDays: error.message }, form: null });
  });

  it('puts an error of no field above the form', () => {
    expect(serverFormErrors(new Error('Internal server error'))).toEqual({ fields: {}, form: 'Internal server error' });
  });
});
