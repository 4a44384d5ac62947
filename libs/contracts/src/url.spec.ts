import { describe, expect, it } from 'vitest';
import { monitorUrlSchema } from './url';

describe('monitorUrlSchema', () => {
  it.each([
    ['https://example.com', true],
    ['http://127.0.0.1:8080/health?x=1', true],
    ['https://[::1]:8443/', true],
    ['  https://example.com/path  ', true],
    ['ftp://example.com', false],
    ['example.com', false],
    ['https://user:secret@example.com', false],
    ['https://user@example.com', false],
    ['javascript:alert(1)', false],
    ['', false],
    [`https://example.com/${'a'.repeat(2030)}`, false],
  ])('%s -> valid=%s', (url, valid) => {
    expect(monitorUrlSchema.safeParse(url).success).toBe(valid);
  });

  it.each([
    ['ftp://example.com', 'url must start with http:// or https://'],
    ['https://user:secret@example.com', 'url must not contain a user name or password'],
    ['not a url', 'url must be a valid absolute URL such as https://example.com'],
    [`https://example.com/${'a'.repeat(2030)}`, 'url must be at most 2048 characters'],
  ])('%s -> %s', (url, message) => {
    const parsed = monitorUrlSchema.safeParse(url);
    expect(parsed.success ? null : parsed.error.issues[0]?.message).toBe(message);
  });
});
