import { describe, expect, it } from 'vitest';
import { aMonitor } from '../../../data-access/monitor-fixtures';
import { EMPTY_ASSERTION, HTTP_FORM, type HttpFormValue } from './http-form';

const value = (change: Partial<HttpFormValue> = {}): HttpFormValue => ({ ...HTTP_FORM.empty(), url: 'https://example.com', ...change });
const assertion = (change: Partial<HttpFormValue['bodyAssertion']>) => ({ bodyAssertion: { ...EMPTY_ASSERTION, ...change } });

describe('HTTP_FORM', () => {
  it('turns header rows into a record, skipping blank rows, and an empty body into null', () => {
    const input = HTTP_FORM.toInput(
      value({
        method: 'POST',
        headers: [
          { name: ' Content-Type ', value: 'application/json' },
          { name: '', value: '' },
        ],
        body: '',
      }),
    );
    expect(input).toMatchObject({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: null, bodyAssertion: null });
  });

  it.each([
    [assertion({ type: 'contains', value: 'ok', pattern: 'ignored' }), { type: 'contains', value: 'ok' }],
    [assertion({ type: 'regex', pattern: '^ok$', flags: 'i', value: 'ignored' }), { type: 'regex', pattern: '^ok$', flags: 'i' }],
    [
      assertion({ type: 'json', path: 'status', op: 'equals', value: '"up"' }),
      { type: 'json', path: 'status', op: 'equals', value: '"up"' },
    ],
  ] as const)('sends only the fields of the chosen body check: %j', (change, expected) => {
    expect(HTTP_FORM.toInput(value(change))['bodyAssertion']).toEqual(expected);
  });

  it('names header rows given twice, which a record would merge', () => {
    expect(
      HTTP_FORM.problems(
        value({
          headers: [
            { name: 'X-A', value: '1' },
            { name: 'x-a', value: '2' },
          ],
        }),
      ),
    ).toEqual([['headers', 'headers: "x-a" is given twice']]);
  });

  it('shows a saved monitor as it was typed', () => {
    const monitor = aMonitor({
      method: 'PUT',
      headers: { Accept: 'text/plain' },
      body: null,
      bodyAssertion: { type: 'regex', pattern: 'up', flags: '' },
    });
    expect(HTTP_FORM.fromConfig(monitor)).toMatchObject({
      method: 'PUT',
      headers: [{ name: 'Accept', value: 'text/plain' }],
      body: '',
      bodyAssertion: { ...EMPTY_ASSERTION, type: 'regex', pattern: 'up' },
    });
  });
});
