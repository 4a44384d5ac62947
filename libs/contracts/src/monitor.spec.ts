import { describe, expect, it } from 'vitest';
import { expiryReminderProblem, monitorInputSchema, monitorUpdateSchema } from './monitor';
import './validation-messages';

const firstError = (input: unknown) => {
  const parsed = monitorInputSchema.safeParse(input);
  if (parsed.success) return null;
  return { path: parsed.error.issues[0]?.path.join('.'), message: parsed.error.issues[0]?.message };
};

describe('monitorInputSchema', () => {
  it('fills in the defaults from the brief, and a monitor without a kind is an HTTP monitor', () => {
    expect(monitorInputSchema.parse({ name: 'Site', url: 'https://example.com' })).toEqual({
      kind: 'http',
      name: 'Site',
      url: 'https://example.com',
      intervalSeconds: 300,
      timeoutMs: 10_000,
      expectedStatusCodes: '200-299',
      failureThreshold: 2,
      paused: false,
      method: 'GET',
      headers: {},
      body: null,
      bodyAssertion: null,
      maxBodyBytes: 1_048_576,
      followRedirects: true,
      maxRedirects: 5,
      ignoreTlsErrors: false,
      retries: 1,
      retryDelayMs: 500,
      recoveryThreshold: 1,
      tlsAlertDays: 14,
      domainAlertDays: 14,
      expiryReminderDays: [7, 3, 1],
    });
  });

  it.each([
    [{ url: 'https://a.example' }, 'name', 'name is required'],
    [{ name: '  ', url: 'https://a.example' }, 'name', 'name is required'],
    [{ name: 'x'.repeat(101), url: 'https://a.example' }, 'name', 'name must be at most 100 characters'],
    [{ name: 'A', url: 'https://a.example', intervalSeconds: 19 }, 'intervalSeconds', 'intervalSeconds must be at least 20'],
    [{ name: 'A', url: 'https://a.example', intervalSeconds: 86_401 }, 'intervalSeconds', 'intervalSeconds must be at most 86400'],
    [{ name: 'A', url: 'https://a.example', intervalSeconds: 30.5 }, 'intervalSeconds', 'intervalSeconds must be a whole number'],
    [{ name: 'A', url: 'https://a.example', intervalSeconds: '60' }, 'intervalSeconds', 'intervalSeconds must be a number'],
    [{ name: 'A', url: 'https://a.example', timeoutMs: 10 }, 'timeoutMs', 'timeoutMs must be at least 1000'],
    [{ name: 'A', url: 'https://a.example', failureThreshold: 0 }, 'failureThreshold', 'failureThreshold must be at least 1'],
    [
      { name: 'A', url: 'https://a.example', expectedStatusCodes: '200-abc' },
      'expectedStatusCodes',
      'expectedStatusCodes: "200-abc" is not a code (301) or a range (200-299)',
    ],
    [{ name: 'A', url: 'https://a.example', paused: 'yes' }, 'paused', 'paused must be true or false'],
    [
      { name: 'A', url: 'https://a.example', method: 'FETCH' },
      'method',
      'method must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    ],
    [
      { name: 'A', url: 'https://a.example', headers: { 'bad header': 'x' } },
      'headers',
      'headers: "bad header" is not a valid header name',
    ],
    [
      { name: 'A', url: 'https://a.example', headers: { 'x-a': 'one\r\nx-b: two' } },
      'headers',
      'headers: the value of "x-a" contains a line break',
    ],
    [
      { name: 'A', url: 'https://a.example', bodyAssertion: { type: 'regex', pattern: '(' } },
      'bodyAssertion',
      'bodyAssertion.pattern is not a valid regular expression: Invalid regular expression: /(/: Unterminated group',
    ],
    [
      { name: 'A', url: 'https://a.example', bodyAssertion: { type: 'contains', value: '' } },
      'bodyAssertion.value',
      'bodyAssertion.value is required',
    ],
    [
      { name: 'A', url: 'https://a.example', bodyAssertion: { type: 'json', path: 'a', op: 'like', value: '1' } },
      'bodyAssertion.op',
      'bodyAssertion.op must be equals or contains',
    ],
    [{ name: 'A', url: 'https://a.example', maxBodyBytes: 10 }, 'maxBodyBytes', 'maxBodyBytes must be at least 1024'],
    [{ name: 'A', url: 'https://a.example', retries: 9 }, 'retries', 'retries must be at most 5'],
    [{ name: 'A', url: 'https://a.example', recoveryThreshold: 0 }, 'recoveryThreshold', 'recoveryThreshold must be at least 1'],
    [{ name: 'A', url: 'https://a.example', timeoutMs: 60_001 }, 'timeoutMs', 'timeoutMs must be at most 60000'],
    [{ name: 'A', url: 'https://a.example', tlsAlertDays: 0 }, 'tlsAlertDays', 'tlsAlertDays must be at least 1'],
    [{ name: 'A', url: 'https://a.example', tlsAlertDays: 366 }, 'tlsAlertDays', 'tlsAlertDays must be at most 365'],
    [{ name: 'A', url: 'https://a.example', domainAlertDays: 7.5 }, 'domainAlertDays', 'domainAlertDays must be a whole number'],
    [{ name: 'A', url: 'https://a.example', domainAlertDays: '30' }, 'domainAlertDays', 'domainAlertDays must be a number'],
    [{ name: 'A', url: 'https://a.example', expiryReminderDays: 7 }, 'expiryReminderDays', 'expiryReminderDays must be a list of numbers'],
    [
      { name: 'A', url: 'https://a.example', expiryReminderDays: [7, 0] },
      'expiryReminderDays.1',
      'expiryReminderDays must each be at least 1',
    ],
    [
      { name: 'A', url: 'https://a.example', expiryReminderDays: [2.5] },
      'expiryReminderDays.0',
      'expiryReminderDays must each be a whole number of days',
    ],
    [
      { name: 'A', url: 'https://a.example', tlsAlertDays: 400, domainAlertDays: 400, expiryReminderDays: [366] },
      'tlsAlertDays',
      'tlsAlertDays must be at most 365',
    ],
    [
      { name: 'A', url: 'https://a.example', expiryReminderDays: [9, 7, 5, 3, 2, 1] },
      'expiryReminderDays',
      'expiryReminderDays must list at most 5 days',
    ],
    [{ name: 'A', url: 'https://a.example', expiryReminderDays: [3, 3] }, 'expiryReminderDays', 'expiryReminderDays must not repeat a day'],
    [
      { name: 'A', url: 'https://a.example', expiryReminderDays: [14, 3] },
      'expiryReminderDays',
      'expiryReminderDays must each be below tlsAlertDays and domainAlertDays (14 is not below 14)',
    ],
    [
      { name: 'A', url: 'https://a.example', tlsAlertDays: 30, domainAlertDays: 5, expiryReminderDays: [7, 3] },
      'expiryReminderDays',
      'expiryReminderDays must each be below tlsAlertDays and domainAlertDays (7 is not below 5)',
    ],
  ])('rejects %j at %s', (input, path, message) => {
    expect(firstError(input)).toEqual({ path, message });
  });
});

describe('expiry alert settings', () => {
  it('keeps the reminder days largest first, and allows none', () => {
    const parse = (expiryReminderDays: number[]) => {
      const config = monitorInputSchema.parse({ name: 'A', url: 'https://a.example', expiryReminderDays });
      return config.kind === 'http' ? config.expiryReminderDays : null;
    };
    expect(parse([1, 10, 3])).toEqual([10, 3, 1]);
    expect(parse([])).toEqual([]);
  });

  it.each([null, 5, [], 'https://a.example', true])('gives one clean issue for a %j input, instead of reading its fields', (input) => {
    expect(monitorInputSchema.safeParse(input).error?.issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: [], message: 'The input must be an object' },
    ]);
  });

  it('compares the reminders with the thresholds only once those are valid themselves', () => {
    const parsed = monitorInputSchema.safeParse({ name: 'A', url: 'https://a.example', tlsAlertDays: 0 });
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(['tlsAlertDays must be at least 1']);
  });

  it('the cross-field rule is the one a partial edit is checked with', () => {
    expect(expiryReminderProblem({ tlsAlertDays: 30, domainAlertDays: 30, expiryReminderDays: [20, 7] })).toBeNull();
    expect(expiryReminderProblem({ tlsAlertDays: 5, domainAlertDays: 14, expiryReminderDays: [7, 3, 1] })).toBe(
      'expiryReminderDays must each be below tlsAlertDays and domainAlertDays (7 is not below 5)',
    );
  });
});

describe('monitorUpdateSchema', () => {
  it('accepts a partial patch without filling defaults into untouched fields', () => {
    const parsed = monitorUpdateSchema.parse({ id: '5b3f0c39-3c53-4b7e-9a55-6a1f0f1f4d0e', patch: { name: 'New' } });
    expect(parsed.patch).toEqual({ name: 'New' });
  });

  it('rejects an empty patch', () => {
    const parsed = monitorUpdateSchema.safeParse({ id: '5b3f0c39-3c53-4b7e-9a55-6a1f0f1f4d0e', patch: {} });
    expect(parsed.success).toBe(false);
  });
});
