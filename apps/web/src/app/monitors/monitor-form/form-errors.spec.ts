import type { MonitorKind } from '@mini-netumo/contracts';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { fieldOf, formFieldsOf, serverFormErrors, validateMonitorForm, type MonitorFormField } from './form-errors';
import { emptyFormValue, type MonitorFormValue } from './form-model';
import type { KindFormValue, KindFormValues } from './kinds/kind-form';
import { EMPTY_ASSERTION } from './kinds/http/http-form';

const base = emptyFormValue();
/** Enough for each kind to be valid; a test changes what it is about. */
const VALID: { [K in MonitorKind]: Partial<KindFormValue<K>> } = {
  http: { url: 'https://example.com' },
  tcp: { host: '127.0.0.1', port: 5432 },
  dns: { hostname: 'example.com' },
  heartbeat: { schedule: 'period', periodSeconds: 3_600, timezone: 'UTC' },
};

function formValue<K extends MonitorKind>(
  kind: K,
  own: Partial<KindFormValue<K>> = {},
  shared: Partial<MonitorFormValue> = {},
): MonitorFormValue {
  const byKind = { ...base.byKind, [kind]: { ...base.byKind[kind], ...VALID[kind], ...own } } as KindFormValues;
  return { ...base, name: 'Example', intervalSeconds: 60, timeoutMs: 5_000, ...shared, kind, byKind };
}
const http = (own: Partial<KindFormValue<'http'>> = {}, shared: Partial<MonitorFormValue> = {}) => formValue('http', own, shared);
const assertion = (change: Partial<KindFormValue<'http'>['bodyAssertion']>) => ({ bodyAssertion: { ...EMPTY_ASSERTION, ...change } });

describe('validateMonitorForm', () => {
  it('returns the parsed config when the contract accepts the input', () => {
    const result = validateMonitorForm(http({}, { name: '  Example  ' }));
    expect(result).toEqual({
      config: expect.objectContaining({
        kind: 'http',
        name: 'Example',
        paused: false,
        method: 'GET',
        headers: {},
        body: null,
        bodyAssertion: null,
      }),
    });
  });

  it('sends only the chosen kind’s fields, whatever the other kinds’ inputs hold', () => {
    const value = formValue('tcp', { port: 6379 });
    value.byKind.http.url = 'https://left-over.example';
    const result = validateMonitorForm(value);
    expect(result).toMatchObject({ config: { kind: 'tcp', host: '127.0.0.1', port: 6379, tls: false, send: null, expect: null } });
    expect('config' in result && result.config).not.toHaveProperty('url');
  });

  it.each<[Partial<MonitorFormValue>, MonitorFormField, string]>([
    [{ intervalSeconds: 5 }, 'intervalSeconds', 'intervalSeconds must be at least 20'],
    [{ intervalSeconds: null }, 'intervalSeconds', 'intervalSeconds must be a number'],
    [{ timeoutMs: 100 }, 'timeoutMs', 'timeoutMs must be at least 1000'],
    [{ failureThreshold: 1.5 }, 'failureThreshold', 'failureThreshold must be a whole number'],
    [{ name: ' ' }, 'name', 'name is required'],
    [{ retries: 9 }, 'retries', 'retries must be at most 5'],
    [{ retryDelayMs: null }, 'retryDelayMs', 'retryDelayMs must be a number'],
    [{ recoveryThreshold: 0 }, 'recoveryThreshold', 'recoveryThreshold must be at least 1'],
    [{ tlsAlertDays: 0 }, 'tlsAlertDays', 'tlsAlertDays must be at least 1'],
    [{ domainAlertDays: null }, 'domainAlertDays', 'domainAlertDays must be a number'],
    [{ expiryReminderDays: '7, soon' }, 'expiryReminderDays', 'expiryReminderDays: "soon" is not a number of days'],
    [{ expiryReminderDays: '7 7' }, 'expiryReminderDays', 'expiryReminderDays must not repeat a day'],
    [
      { tlsAlertDays: 5 },
      'expiryReminderDays',
      'expiryReminderDays must each be below tlsAlertDays and domainAlertDays (7 is not below 5)',
    ],
  ])('shared %j -> %s: %s', (change, field, message) => {
    for (const kind of ['http', 'tcp', 'dns'] as const) {
      expect(validateMonitorForm(formValue(kind, {}, change))).toEqual({ errors: { fields: { [field]: message }, form: null } });
    }
  });

  it.each<[Partial<KindFormValue<'http'>>, MonitorFormField, string]>([
    [{ url: 'ftp://example.com' }, 'url', 'url must start with http:// or https://'],
    [{ expectedStatusCodes: '2xx' }, 'expectedStatusCodes', 'expectedStatusCodes: "2xx" is not a code (301) or a range (200-299)'],
    [{ maxBodyBytes: 10 }, 'maxBodyBytes', 'maxBodyBytes must be at least 1024'],
    [{ maxRedirects: 21 }, 'maxRedirects', 'maxRedirects must be at most 20'],
    [{ headers: [{ name: 'bad name', value: 'x' }] }, 'headers', 'headers: "bad name" is not a valid header name'],
    [
      {
        headers: [
          { name: 'X-A', value: '1' },
          { name: 'x-a', value: '2' },
        ],
      },
      'headers',
      'headers: "x-a" is given twice',
    ],
    [assertion({ type: 'contains', value: '' }), 'bodyAssertion.value', 'bodyAssertion.value is required'],
    [assertion({ type: 'regex', pattern: '' }), 'bodyAssertion.pattern', 'bodyAssertion.pattern is required'],
    [assertion({ type: 'regex', pattern: 'a', flags: 'g' }), 'bodyAssertion.flags', 'bodyAssertion.flags may only contain i, m, s, u'],
    [assertion({ type: 'json', path: '' }), 'bodyAssertion.path', 'bodyAssertion.path is required'],
  ])('HTTP %j -> %s: %s', (change, field, message) => {
    expect(validateMonitorForm(http(change))).toEqual({ errors: { fields: { [field]: message }, form: null } });
  });

  it.each<[Partial<KindFormValue<'tcp'>>, MonitorFormField, string]>([
    [{ port: null }, 'port', 'port must be a number'],
    [{ port: 0 }, 'port', 'port must be at least 1'],
    [{ port: 70_000 }, 'port', 'port must be at most 65535'],
    [{ host: '' }, 'host', 'host is required'],
    [{ host: 'db.example.com:5432' }, 'host', 'host must be a host name (example.com) or an IP address, without a scheme or port'],
    [
      { tls: true, tlsServerName: 'not a name' },
      'tlsServerName',
      'tlsServerName must be a host name (example.com) or an IP address, without a scheme or port',
    ],
    [{ send: 'x'.repeat(4_097) }, 'send', 'send must be at most 4096 characters'],
  ])('TCP %j -> %s: %s', (change, field, message) => {
    expect(validateMonitorForm(formValue('tcp', change))).toEqual({ errors: { fields: { [field]: message }, form: null } });
  });

  it.each<[Partial<KindFormValue<'dns'>>, MonitorFormField, string]>([
    [{ hostname: 'not a name' }, 'hostname', 'hostname must be a host name (example.com) or an IP address, without a scheme or port'],
    [{ recordType: 'SRV' as never }, 'recordType', 'recordType must be one of A, AAAA, CNAME, MX, TXT, NS'],
    [{ resolver: 'dns.google' }, 'resolver', 'resolver must be an IP address such as 9.9.9.9 or [2620:fe::fe]:53, not "dns.google"'],
    [{ resolver: '127.0.0.1:99999' }, 'resolver', 'resolver port must be 1-65535, not "99999"'],
  ])('DNS %j -> %s: %s', (change, field, message) => {
    expect(validateMonitorForm(formValue('dns', change))).toEqual({ errors: { fields: { [field]: message }, form: null } });
  });

  it.each<[Partial<KindFormValue<'heartbeat'>>, MonitorFormField, string]>([
    [{ periodSeconds: 5 }, 'periodSeconds', 'periodSeconds must be at least 20'],
    [{ periodSeconds: null }, 'periodSeconds', 'periodSeconds or cron is required: when must the pings come?'],
    [{ schedule: 'cron', cron: '' }, 'cron', 'cron is required'],
    [{ schedule: 'cron', cron: '0 2 * *' }, 'cron', 'cron must have 5 fields (minute hour day-of-month month day-of-week), not 4'],
    [{ timezone: 'Mars/Olympus' }, 'timezone', 'timezone must be an IANA time zone such as Europe/Paris'],
    [{ graceSeconds: 1 }, 'graceSeconds', 'graceSeconds must be at least 5'],
  ])('heartbeat %j -> %s: %s', (change, field, message) => {
    expect(validateMonitorForm(formValue('heartbeat', change))).toEqual({ errors: { fields: { [field]: message }, form: null } });
  });

  it('ignores the active kinds’ inputs for a heartbeat, whatever they hold', () => {
    const result = validateMonitorForm(formValue('heartbeat', {}, { intervalSeconds: 5, retries: -1, expiryReminderDays: '7, soon' }));
    expect(result).toEqual({
      config: { kind: 'heartbeat', name: 'Example', paused: false, periodSeconds: 3_600, cron: null, timezone: 'UTC', graceSeconds: 300 },
    });
  });

  it('reads the reminder days as typed, in any order, and blank as none', () => {
    expect(validateMonitorForm(http({}, { tlsAlertDays: 30, domainAlertDays: 20, expiryReminderDays: '1 14,7' }))).toMatchObject({
      config: { tlsAlertDays: 30, domainAlertDays: 20, expiryReminderDays: [14, 7, 1] },
    });
    expect(validateMonitorForm(http({}, { expiryReminderDays: ' ' }))).toMatchObject({ config: { expiryReminderDays: [] } });
  });

  it('puts a broken regular expression under the pattern, though the contract reports it on bodyAssertion', () => {
    const result = validateMonitorForm(http(assertion({ type: 'regex', pattern: '(' })));
    expect(result).toMatchObject({
      errors: { fields: { 'bodyAssertion.pattern': expect.stringMatching(/^bodyAssertion\.pattern is not a valid regular expression/) } },
    });
  });

  it('reports every bad field at once, one message each', () => {
    const result = validateMonitorForm(formValue('dns', { hostname: '', resolver: 'x' }, { name: '', intervalSeconds: 5, retries: -1 }));
    expect('errors' in result && Object.keys(result.errors.fields).sort()).toEqual([
      'hostname',
      'intervalSeconds',
      'name',
      'resolver',
      'retries',
    ]);
  });
});

describe('formFieldsOf', () => {
  it('lists a kind’s fields where the form shows them: its own after the name, its advanced ones before the retries', () => {
    expect(formFieldsOf('dns')).toEqual([
      'name',
      'hostname',
      'recordType',
      'resolver',
      'expected',
      'intervalSeconds',
      'timeoutMs',
      'failureThreshold',
      'tlsAlertDays',
      'domainAlertDays',
      'expiryReminderDays',
      'retries',
      'retryDelayMs',
      'recoveryThreshold',
    ]);
    expect(formFieldsOf('http').slice(0, 3)).toEqual(['name', 'url', 'expectedStatusCodes']);
  });

  it('lists only the name and its own fields for a heartbeat: it has no interval, thresholds or expiry alerts', () => {
    expect(formFieldsOf('heartbeat')).toEqual(['name', 'periodSeconds', 'cron', 'timezone', 'graceSeconds']);
  });
});

describe('fieldOf', () => {
  it.each([
    ['http', ['bodyAssertion', 'pattern'], 'whatever', 'bodyAssertion.pattern'],
    ['http', 'patch.bodyAssertion.value', 'whatever', 'bodyAssertion.value'],
    ['http', ['bodyAssertion'], 'bodyAssertion.pattern is not a valid regular expression: x', 'bodyAssertion.pattern'],
    ['http', ['headers', 'X-Key'], 'headers values must be text', 'headers'],
    ['http', '', 'body must be text', 'body'],
    ['http', '', 'bodyAssertion.type must be contains, not_contains, regex or json', 'bodyAssertion.type'],
    ['http', '', 'queue unavailable', null],
    ['tcp', 'patch.port', 'whatever', 'port'],
    ['tcp', '', 'expect must not be empty or only blanks (leave it out to expect nothing)', 'expect'],
    ['tcp', '', 'tlsServerName must be a host name', 'tlsServerName'],
    ['dns', '', 'expected must not be empty (leave it out to accept any answer)', 'expected'],
    ['dns', '', 'resolver port must be 1-65535, not "0"', 'resolver'],
    ['dns', '', 'hostname is required', 'hostname'],
    ['heartbeat', 'patch.cron', 'whatever', 'cron'],
    ['heartbeat', ['periodSeconds'], 'whatever', 'periodSeconds'],
    ['heartbeat', '', 'graceSeconds must be at least 5', 'graceSeconds'],
    // A field the monitor's kind does not have has no input to sit under: it goes above the form.
    ['http', 'patch.port', 'port does not apply to http monitors', null],
    ['dns', '', 'url must start with http:// or https://', null],
    ['heartbeat', 'patch.intervalSeconds', 'intervalSeconds is not a field of heartbeat monitors', null],
  ] as const)('%s: %j, %s -> %s', (kind, path, message, field) => {
    expect(fieldOf(kind, path, message)).toBe(field);
  });
});

/**
 * What the tRPC client throws when monitors.update is refused: the api's message, and `data` as its
 * errorFormatter writes it (libs/api's monitors-router.spec proves these answers for real).
 */
const refusal = (message: string, fieldErrors: Record<string, string>) =>
  TRPCClientError.from({
    error: { code: -32600, message, data: { code: 'BAD_REQUEST', httpStatus: 400, path: 'monitors.update', fieldErrors } },
  });

describe('serverFormErrors', () => {
  it('uses the field errors the api sends, by path', () => {
    const error = refusal('intervalSeconds must be at least 20; bodyAssertion.path is required', {
      'patch.intervalSeconds': 'intervalSeconds must be at least 20',
      'patch.bodyAssertion.path': 'bodyAssertion.path is required',
    });
    expect(serverFormErrors('http', error)).toEqual({
      fields: { intervalSeconds: 'intervalSeconds must be at least 20', 'bodyAssertion.path': 'bodyAssertion.path is required' },
      form: null,
    });
  });

  it('falls back to the message, splitting what names a field from what does not', () => {
    const error = new Error('url must contain a host; timeoutMs must be at most 60000; the queue is unavailable');
    expect(serverFormErrors('http', error)).toEqual({
      fields: { url: 'url must contain a host', timeoutMs: 'timeoutMs must be at most 60000' },
      form: 'the queue is unavailable',
    });
  });

  it('puts a refusal of another kind’s field above the form, naming it', () => {
    const port = refusal('port is not a field of http monitors', { 'patch.port': 'port is not a field of http monitors' });
    expect(serverFormErrors('http', port)).toEqual({ fields: {}, form: 'port is not a field of http monitors' });
    const hostAndPort = refusal('host, port are not fields of dns monitors', {
      'patch.host': 'host is not a field of dns monitors',
      'patch.port': 'port is not a field of dns monitors',
    });
    expect(serverFormErrors('dns', hostAndPort)).toEqual({
      fields: {},
      form: 'host is not a field of dns monitors; port is not a field of dns monitors',
    });
  });

  it('puts a refusal of the merged settings under the field the api names, though the patch did not send it', () => {
    const message = 'tlsServerName applies only with tls: true (without TLS, leave it out or null)';
    expect(serverFormErrors('tcp', refusal(message, { 'patch.tlsServerName': message }))).toEqual({
      fields: { tlsServerName: message },
      form: null,
    });
  });

  it('puts the partial-edit rule the api checks under the reminders', () => {
    const message = 'expiryReminderDays must each be below tlsAlertDays and domainAlertDays (7 is not below 5)';
    const error = refusal(message, { 'patch.expiryReminderDays': message });
    expect(serverFormErrors('dns', error)).toEqual({ fields: { expiryReminderDays: message }, form: null });
  });

  it('puts a heartbeat’s schedule refusal under the cron expression', () => {
    const message = 'cron cannot be set together with periodSeconds: choose one schedule';
    expect(serverFormErrors('heartbeat', refusal(message, { 'patch.cron': message }))).toEqual({ fields: { cron: message }, form: null });
  });

  it('puts an error of no field above the form', () => {
    expect(serverFormErrors('tcp', new Error('Internal server error'))).toEqual({ fields: {}, form: 'Internal server error' });
  });
});
