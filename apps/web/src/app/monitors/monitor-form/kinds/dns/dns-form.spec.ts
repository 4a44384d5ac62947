import { describe, expect, it } from 'vitest';
import { aDnsMonitor } from '../../../data-access/monitor-fixtures';
import { DNS_FORM } from './dns-form';

describe('DNS_FORM', () => {
  it('sends a blank resolver and expectation as null: the system resolver, any answer', () => {
    expect(DNS_FORM.toInput({ hostname: 'example.com', recordType: 'MX', resolver: ' ', expected: '' })).toEqual({
      hostname: 'example.com',
      recordType: 'MX',
      resolver: null,
      expected: null,
    });
  });

  it('shows a saved monitor, null as empty', () => {
    expect(DNS_FORM.fromConfig(aDnsMonitor({ recordType: 'TXT', resolver: '9.9.9.9:53', expected: null }))).toEqual({
      hostname: 'example.com',
      recordType: 'TXT',
      resolver: '9.9.9.9:53',
      expected: '',
    });
  });
});
