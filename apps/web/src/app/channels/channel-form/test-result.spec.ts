import { describe, expect, it } from 'vitest';
import { testResultText } from './test-result';

describe('testResultText', () => {
  it('says what the provider did', () => {
    expect(testResultText({ ok: true, statusCode: 200, error: null, durationMs: 35 })).toBe('Delivered (HTTP 200, 35 ms)');
    expect(testResultText({ ok: false, statusCode: null, error: 'ECONNREFUSED', durationMs: 3 })).toBe('Failed (3 ms): ECONNREFUSED');
  });
});
