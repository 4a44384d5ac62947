import { describe, expect, it } from 'vitest';
import { MONITOR_LIMITS } from '@mini-netumo/contracts';
import { domainDaysRemaining, domainState } from './domain-verdict';
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
    expect(domainState(facts, now, MONITOR_LIMITS.domainAlertDays.default)).toBe(state);
    expect(domainDaysRemaining(facts, now)).toBe(days);
  });

  it("judges by the monitor's own threshold", () => {
    const facts = at('2025-06-21T12:00:00Z');
    expect(domainState(facts, now, 30)).toBe('expiring');
    expect(domainState(facts, now, 14)).toBe('ok');
  });
});
