import { describe, expect, it } from 'vitest';
import { DEFAULT_DOMAIN_THRESHOLD_DAYS, domainDaysRemaining, domainState } from './domain-verdict';
import { registrableDomain } from './registrable-domain';

describe('registrableDomain', () => {
  it.each([
    ['https://a.b.example.co.uk/path?q=1', 'example.co.uk'],
    ['https://www.example.com:8443/', 'example.com'],
    ['http://example.com.', 'example.com'],
    ['https://shop.bücher.de/', 'xn--bcher-kva.de'],
    ['https://www.xn--bcher-kva.de/', 'xn--bcher-kva.de'],
    ['https://user-site.github.io/', 'github.io'],
    ['https://a.b.c.titech.ac.jp/', 'titech.ac.jp'],
    ['https://x.y.google.com.br/', 'google.com.br'],
    ['WWW.EXAMPLE.ORG', 'example.org'],
    ['https://127.0.0.1:8080/', null],
    ['https://[::1]/', null],
    ['http://localhost:3000/', null],
    ['https://co.uk/', null],
    ['not a url://', null],
  ])('%s -> %s', (input, expected) => {
    expect(registrableDomain(input)).toBe(expected);
  });
});

describe('domainState', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  const at = (iso: string) => ({ expiresAt: new Date(iso), notRegistered: false });
  it.each([
    [at('2026-06-01T00:00:00Z'), 'ok', 364],
    [at('2025-06-16T12:00:00Z'), 'ok', 15],
    [at('2025-06-15T12:00:00Z'), 'expiring', 14],
    [at('2025-06-01T13:00:00Z'), 'expiring', 0],
    [at('2025-06-01T12:00:00Z'), 'expired', 0],
    [at('2025-05-01T00:00:00Z'), 'expired', -32],
    [{ expiresAt: null, notRegistered: false }, 'unknown', null],
    [{ expiresAt: null, notRegistered: true }, 'not_registered', null],
  ])('%j -> %s (%s days)', (facts, state, days) => {
    expect(domainState(facts, now, DEFAULT_DOMAIN_THRESHOLD_DAYS)).toBe(state);
    expect(domainDaysRemaining(facts, now)).toBe(days);
  });
});
