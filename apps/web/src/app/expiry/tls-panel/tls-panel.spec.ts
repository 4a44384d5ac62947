import { TestBed } from '@angular/core/testing';
import type { TlsStatus } from '@mini-netumo/contracts';
import { describe, expect, it } from 'vitest';
import { NOT_CHECKED_TLS, aTlsAddress, aTlsStatus } from '../data-access/expiry-fixtures';
import { TlsPanel, chainText, hostnameText } from './tls-panel';

function render(status: TlsStatus): HTMLElement {
  const fixture = TestBed.createComponent(TlsPanel);
  fixture.componentRef.setInput('status', status);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

const text = (root: HTMLElement, testId: string) => root.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? null;
const classesOf = (root: HTMLElement, testId: string) => [...(root.querySelector(`[data-testid="${testId}"]`)?.classList ?? [])];

describe('TlsPanel', () => {
  it('before the first check says so, in grey, with no countdown', () => {
    const panel = render(NOT_CHECKED_TLS);
    expect(text(panel, 'tls-state')).toBe('not checked');
    expect(classesOf(panel, 'tls-state')).toContain('tone-neutral');
    expect(text(panel, 'tls-not-checked')).toContain('No certificate read yet');
    expect(panel.querySelector('[data-testid="tls-days-left"]')).toBeNull();
  });

  it('shows a healthy certificate green, with issuer, valid-to and each address', () => {
    const panel = render(aTlsStatus());
    expect(text(panel, 'tls-state')).toBe('ok');
    expect(text(panel, 'tls-days-left')).toBe('60 days left');
    expect(classesOf(panel, 'tls-days-left')).toContain('days-green');
    expect(text(panel, 'tls-issuer')).toBe('CN=Example Issuing CA, O=Example Trust');
    expect(panel.querySelector('[data-testid="tls-valid-to"] time')?.getAttribute('datetime')).toBe('2025-03-02T12:00:00.000Z');
    expect(panel.querySelectorAll('[data-testid="tls-address"]')).toHaveLength(1);
    expect(text(panel, 'tls-chain')).toBe('trusted');
    expect(text(panel, 'tls-hostname')).toBe('covers shop.example.com');
  });

  it('shows an expiring certificate amber, and red in its last days', () => {
    const amber = render(
      aTlsStatus({ state: 'expiring', daysRemaining: 10, addresses: [aTlsAddress({ state: 'expiring', daysRemaining: 10 })] }),
    );
    expect(text(amber, 'tls-state')).toBe('expiring');
    expect(classesOf(amber, 'tls-state')).toContain('tone-warning');
    expect(text(amber, 'tls-days-left')).toBe('10 days left');
    expect(classesOf(amber, 'tls-days-left')).toContain('days-amber');

    const red = render(
      aTlsStatus({ state: 'expiring', daysRemaining: 2, addresses: [aTlsAddress({ state: 'expiring', daysRemaining: 2 })] }),
    );
    expect(classesOf(red, 'tls-days-left')).toContain('days-red');
  });

  it("shows the monitor's own alert threshold, and colours by it", () => {
    const panel = render(
      aTlsStatus({
        state: 'expiring',
        daysRemaining: 20,
        thresholdDays: 30,
        addresses: [aTlsAddress({ state: 'expiring', daysRemaining: 20 })],
      }),
    );
    expect(text(panel, 'tls-threshold')).toBe('30 days left');
    expect(classesOf(panel, 'tls-days-left')).toContain('days-amber');
  });

  it('reports chain trust and hostname match apart, per address, with the error code', () => {
    const panel = render(
      aTlsStatus({
        state: 'chain_invalid',
        daysRemaining: 30,
        addresses: [
          aTlsAddress({
            address: '203.0.113.10',
            state: 'chain_invalid',
            daysRemaining: 30,
            chainValid: false,
            chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
          }),
          aTlsAddress({ address: '203.0.113.11', state: 'hostname_mismatch', daysRemaining: 45, hostnameMatches: false }),
          aTlsAddress({
            address: '2001:db8::1',
            family: 6,
            state: 'error',
            daysRemaining: null,
            certificate: null,
            chainValid: null,
            hostnameMatches: null,
            protocol: null,
            errorKind: 'refused',
            errorMessage: 'connection refused',
          }),
        ],
      }),
    );
    const rows = [...panel.querySelectorAll<HTMLElement>('[data-testid="tls-address"]')].map((row) => ({
      address: row.getAttribute('data-address'),
      state: text(row, 'tls-address-state'),
      chain: text(row, 'tls-chain'),
      hostname: text(row, 'tls-hostname'),
      error: text(row, 'tls-address-error'),
    }));
    expect(rows).toEqual([
      {
        address: '203.0.113.10',
        state: 'chain invalid',
        chain: 'not trusted: DEPTH_ZERO_SELF_SIGNED_CERT',
        hostname: 'covers shop.example.com',
        error: null,
      },
      { address: '203.0.113.11', state: 'hostname mismatch', chain: 'trusted', hostname: 'does not cover shop.example.com', error: null },
      { address: '2001:db8::1', state: 'error', chain: '—', hostname: '—', error: 'refused connection refused' },
    ]);
    // The countdown follows the certificate that ends first.
    expect(text(panel, 'tls-days-left')).toBe('30 days left');
  });

  it('shows a name that did not resolve as an error, not as a countdown', () => {
    const panel = render(
      aTlsStatus({
        state: 'error',
        daysRemaining: null,
        addresses: [],
        errorKind: 'dns',
        errorMessage: 'getaddrinfo ENOTFOUND shop.example.com',
      }),
    );
    expect(text(panel, 'tls-state')).toBe('error');
    expect(text(panel, 'tls-days-left')).toBe('no certificate read');
    expect(classesOf(panel, 'tls-days-left')).toContain('days-grey');
    expect(text(panel, 'tls-error')).toBe('dns getaddrinfo ENOTFOUND shop.example.com');
  });
});

describe('chainText / hostnameText', () => {
  it.each([
    [{ chainValid: true, chainError: null }, 'trusted'],
    [{ chainValid: false, chainError: 'CERT_HAS_EXPIRED' }, 'not trusted: CERT_HAS_EXPIRED'],
    [{ chainValid: false, chainError: null }, 'not trusted: UNABLE_TO_VERIFY'],
    [{ chainValid: null, chainError: null }, '—'],
  ])('chain %o -> %s', (report, expected) => {
    expect(chainText(report)).toBe(expected);
  });

  it.each([
    [true, 'covers a.example'],
    [false, 'does not cover a.example'],
    [null, '—'],
  ])('hostname %s -> %s', (hostnameMatches, expected) => {
    expect(hostnameText({ hostnameMatches }, 'a.example')).toBe(expected);
  });
});
