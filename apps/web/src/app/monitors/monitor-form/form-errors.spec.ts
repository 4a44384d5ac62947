import { describe, expect, it } from 'vitest';
import { serverFormErrors, validateMonitorForm, type MonitorFormValue } from './form-errors';

const valid: MonitorFormValue = {
  name: 'Example',
  url: 'https://example.com',
  intervalSeconds: 60,
  timeoutMs: 5_000,
  expectedStatusCodes: '200-299',
  failureThreshold: 2,
};

describe('validateMonitorForm', () => {
  it('returns the parsed config when the contract accepts the input', () => {
    expect(validateMonitorForm({ ...valid, name: '  Example  ' })).toEqual({
      config: { ...valid, name: 'Example', paused: false },
    });
  });

  it.each([
    [{ intervalSeconds: 5 }, 'intervalSeconds', 'intervalSeconds must be at least 20'],
    [{ intervalSeconds: null }, 'intervalSeconds', 'intervalSeconds must be a number'],
    [{ timeoutMs: 100 }, 'timeoutMs', 'timeoutMs must be at least 1000'],
    [{ failureThreshold: 1.5 }, 'failureThreshold', 'failureThreshold must be a whole number'],
    [{ name: ' ' }, 'name', 'name is required'],
    [{ url: 'ftp://example.com' }, 'url', 'url must start with http:// or https://'],
    [{ expectedStatusCodes: '2xx' }, 'expectedStatusCodes', 'expectedStatusCodes: "2xx" is not a code (301) or a range (200-299)'],
  ] as const)('%j -> %s: %s', (change, field, message) => {
    const result = validateMonitorForm({ ...valid, ...change });
    expect(result).toEqual({ errors: { fields: { [field]: message }, form: null } });
  });

  it('reports every bad field at once, one message each', () => {
    const result = validateMonitorForm({ ...valid, name: '', url: 'nope', intervalSeconds: 5 });
    expect('errors' in result && Object.keys(result.errors.fields).sort()).toEqual(['intervalSeconds', 'name', 'url']);
  });
});

describe('serverFormErrors', () => {
  it('uses the field errors the api sends, by path', () => {
    const error = Object.assign(new Error('intervalSeconds must be at least 20'), {
      data: { fieldErrors: { 'patch.intervalSeconds': 'intervalSeconds must be at least 20' } },
    });
    expect(serverFormErrors(error)).toEqual({ fields: { intervalSeconds: 'intervalSeconds must be at least 20' }, form: null });
  });

  it('falls back to the message, splitting what names a field from what does not', () => {
    const error = new Error('url must contain a host; timeoutMs must be at most 60000; the queue is unavailable');
    expect(serverFormErrors(error)).toEqual({
      fields: { url: 'url must contain a host', timeoutMs: 'timeoutMs must be at most 60000' },
      form: 'the queue is unavailable',
    });
  });

  it('puts an error of no field above the form', () => {
    expect(serverFormErrors(new Error('Internal server error'))).toEqual({ fields: {}, form: 'Internal server error' });
  });
});
